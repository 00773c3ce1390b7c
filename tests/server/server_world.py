"""Helpers for the server tests: requests, changes, and a small world an admin builds through pushes."""

from __future__ import annotations

import http.client
import itertools
import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import requests

from ocop_core.domain.criteria_loader import load_document
from ocop_core.domain.scoring import Answer, score_sheet
from ocop_core.protocol import Change
from ocop_desktop.sync.client import ServerClient
from ocop_server import accounts
from ocop_server.testing import LiveServer

REPO_ROOT = Path(__file__).resolve().parents[2]
CRITERIA_TEXT = (REPO_ROOT / "resources" / "criteria" / "sample-qd148-2023.json").read_text(encoding="utf-8")
PASSWORD = "mat-khau-123"
PROTOCOL = {"X-OCOP-Protocol": "2"}
# Small limits keep the "too large" tests fast; the criteria set (~18 KB) still fits.
LIMITS = {"max_body_bytes": 256 * 1024, "chunk_bytes": 32 * 1024, "max_upload_bytes": 256 * 1024}
ROLES = ("admin", "secretary", "chair", "member", "commune_officer", "viewer")
# The account that plays each role in the matrices.
ACTOR = {"admin": "admin", "secretary": "secretary1", "chair": "chair1", "member": "member1",
         "commune_officer": "officer1", "viewer": "viewer1"}
_device_seq = itertools.count(1)
DEVICE = "d0000000-0000-4000-8000-000000000001"  # the device a sheet says it was filled on
PRODUCTION_HASHER = accounts._hasher  # taken before conftest swaps in cheap parameters


def now() -> str:
    return datetime.now(UTC).isoformat()


def new_id() -> str:
    return str(uuid.uuid4())


def change(entity: str, entity_id: str, fields: dict, op: str = "insert", base_version: int | None = None) -> Change:
    """A journal entry; ``fields`` maps name -> new value (insert) or name -> (old, new)."""
    pairs = {k: (v if op != "insert" else (None, v)) for k, v in fields.items()}
    return Change(change_id=new_id(), device_seq=next(_device_seq), entity=entity, entity_id=entity_id, op=op,
                  fields=pairs, base_version=base_version, created_at=datetime.now(UTC))


def row(**fields) -> dict:
    """Insert fields with the meta columns every row carries."""
    stamp = now()
    return {"created_at": stamp, "updated_at": stamp, "deleted": False, **fields}


def headers(token: str | None = None) -> dict:
    out = dict(PROTOCOL)
    if token:
        out["Authorization"] = f"Bearer {token}"
    return out


def settle(status: int) -> None:
    """After a 5xx, give the server thread time to log its traceback. On Python 3.11 formatting a traceback
    parses source with ``ast``, whose recursion counter is shared between threads: the server logging while
    pytest formats the failure raises SystemError (an INTERNALERROR)."""
    if status >= 500:
        time.sleep(0.5)


def assert_problem(response: requests.Response, status: int | None = None) -> dict:
    """A 4xx answer with a Problem body; never a 5xx."""
    settle(response.status_code)
    assert response.status_code < 500, (response.status_code, response.text[:300])
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    if status is not None:
        assert response.status_code == status, (response.status_code, response.text[:300])
    body = response.json()
    assert isinstance(body.get("code"), str) and body["code"], body
    assert isinstance(body.get("message"), str) and body["message"], body
    assert "detail" in body, body
    return body


@dataclass
class World:
    server: LiveServer
    users: dict[str, str] = field(default_factory=dict)  # username -> user id
    clients: dict[str, ServerClient] = field(default_factory=dict)  # username -> logged-in client
    ids: dict[str, str] = field(default_factory=dict)  # short name -> row id
    criteria: dict = field(default_factory=dict)  # id, content_hash, product_set

    @property
    def url(self) -> str:
        return self.server.url

    def client(self, username: str) -> ServerClient:
        return self.clients[username]

    def token(self, username: str) -> str:
        return self.clients[username].token

    def login(self, username: str, device_name: str = "") -> ServerClient:
        """A new device (a fresh token) for this user."""
        client = ServerClient(self.url, new_id(), retries=0)
        client.login(username, PASSWORD, device_name)
        return client

    def push_one(self, username: str, ch: Change):
        """The ChangeResult of pushing one change as ``username``."""
        return self.client(username).push([ch]).results[0]

    def pull_all(self, username: str) -> list:
        client, cursor, rows = self.client(username), 0, []
        while True:
            page = client.pull(cursor, limit=1000)
            rows += page.rows
            cursor = page.cursor
            if not page.more:
                return rows

    def current(self, entity: str, row_id: str) -> dict:
        """The row as the server holds it now (pulled by the admin)."""
        for r in self.client("admin").pull(0, limit=1000, entity=entity).rows:
            if r.id == row_id:
                return r.data
        raise KeyError((entity, row_id))


USERS = [  # username, role, communes
    ("admin", "admin", []), ("chair1", "chair", []), ("secretary1", "secretary", []),
    ("member1", "member", []), ("member2", "member", []), ("member3", "member", []),
    ("officer1", "commune_officer", ["18073"]), ("officer2", "commune_officer", ["18652"]),
    ("viewer1", "viewer", []),
]


def full_lines(world: World) -> tuple[list[dict], str]:
    """Answers to every criterion of the sample's product set (first option) and the sheet total."""
    criteria_set, _ = load_document(CRITERIA_TEXT)
    product_set = criteria_set.product_set(world.criteria["product_set"])
    lines, answers = [], []
    for criterion in product_set.criteria:
        slots = [(s.code, s.options) for s in criterion.subitems] or [(None, criterion.options)]
        for subitem, options in slots:
            answers.append(Answer(criterion.code, options[0].code, subitem))
            lines.append({"criterion_code": criterion.code, "subitem_code": subitem or "",
                          "option_code": options[0].code, "points": str(options[0].points)})
    return lines, str(score_sheet(criteria_set, product_set, answers).total)


def sheet_fields(world: World, member: str, dossier: str = "D1", session: str = "E1", status: str = "draft") -> dict:
    return row(session_id=world.ids[session], dossier_id=world.ids[dossier], member_id=world.ids[member],
               criteria_set_id=world.criteria["id"], criteria_hash=world.criteria["content_hash"],
               product_set_code=world.criteria["product_set"], status=status, device_id=DEVICE)


def build_world(server: LiveServer) -> World:
    """Two communes, a producer/product/dossier in each, criteria, councils C1 (D1) and C2 (D2), sheets."""
    world = World(server)
    for username, role, communes in USERS:
        world.users[username] = server.create_user(username, PASSWORD, role, commune_codes=communes,
                                                   full_name=f"Người dùng {username}")
    for username, *_ in USERS:
        world.clients[username] = world.login(username, f"máy của {username}")
    admin = world.client("admin")
    published = admin.publish(CRITERIA_TEXT)
    world.criteria = {"id": published.id, "content_hash": published.data["content_hash"], "product_set": "PS-I.1.a"}

    ids = world.ids
    for name in ("P1", "P2", "PR1", "PR2", "D1", "D2", "DD1", "DD2", "C1", "C2", "E1", "E2", "A1", "A2", "R1",
                 "M_chair", "M_sec", "M1", "M2", "M3", "S_chair", "S_sec", "S1", "S2", "S3", "L1"):
        ids[name] = new_id()
    cs = world.criteria["id"]
    changes = []
    for n, commune in (("1", "18073"), ("2", "18652")):
        changes += [
            change("producers", ids[f"P{n}"], row(name=f"HTX Nước mắm {n}", kind="cooperative", commune_code=commune)),
            change("products", ids[f"PR{n}"], row(producer_id=ids[f"P{n}"], name=f"Nước mắm {n}",
                                                   subgroup_code="I.1.a", commune_code=commune)),
            change("dossiers", ids[f"D{n}"], row(product_id=ids[f"PR{n}"], code=f"HS-{n}", kind="new",
                                                  status="submitted", commune_code=commune, criteria_set_id=cs)),
            change("dossier_documents", ids[f"DD{n}"], row(dossier_id=ids[f"D{n}"], doc_type="label",
                                                           title=f"Nhãn {n}", sha256="ab" * 32, size=3)),
            change("councils", ids[f"C{n}"], row(name=f"Hội đồng {n}", level="province", admin_unit_code="42",
                                                 criteria_set_id=cs)),
            change("evaluation_sessions", ids[f"E{n}"], row(council_id=ids[f"C{n}"], held_on="2026-01-10",
                                                            round=1, criteria_set_id=cs, status="open")),
            change("council_assignments", ids[f"A{n}"], row(council_id=ids[f"C{n}"], dossier_id=ids[f"D{n}"])),
        ]
    members = (("M_chair", "C1", "chair1", "chair"), ("M_sec", "C1", "secretary1", "secretary"),
               ("M1", "C1", "member1", "member"), ("M2", "C1", "member2", "member"), ("M3", "C2", "member3", "member"))
    for key, council, username, role in members:
        changes.append(change("council_members", ids[key], row(council_id=ids[council], user_id=world.users[username],
                                                               full_name=username, role=role, scores=True)))
    results = admin.push(changes).results
    assert [r.status for r in results] == ["applied"] * len(changes), [r.reason for r in results]

    # Each council member starts a draft sheet of their own (pushed by themselves, as a laptop would).
    for sheet, member, username, dossier, session in (
            ("S_chair", "M_chair", "chair1", "D1", "E1"), ("S_sec", "M_sec", "secretary1", "D1", "E1"),
            ("S1", "M1", "member1", "D1", "E1"), ("S2", "M2", "member2", "D1", "E1"),
            ("S3", "M3", "member3", "D2", "E2")):
        result = world.push_one(username, change("score_sheets", ids[sheet],
                                                 sheet_fields(world, member, dossier, session)))
        assert result.status == "applied", result.reason
    line = full_lines(world)[0][0]
    assert world.push_one("member1", change("score_lines", ids["L1"], row(sheet_id=ids["S1"], **line))).status == \
        "applied"
    result = world.push_one("chair1", change("council_results", ids["R1"], row(
        session_id=ids["E1"], dossier_id=ids["D1"], n_sheets=0, member_totals_json="{}", recommendation="none")))
    assert result.status == "applied", result.reason
    return world


def raw(world: World, method: str, path: str, body: bytes | None = None, extra: dict | None = None,
        token: str | None = None) -> tuple[int, dict]:
    """A request with the path sent exactly as written (requests would normalise dots and escapes)."""
    connection = http.client.HTTPConnection("127.0.0.1", world.server.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={**headers(token or world.token("admin")), **(extra or {})})
        response = connection.getresponse()
        status, text = response.status, response.read()
    finally:
        connection.close()
    settle(status)
    assert status < 500, (status, text[:300])
    return status, json.loads(text)


def assert_still_serving(world: World) -> None:
    """/health answers and every row of the world is still on the server."""
    assert requests.get(f"{world.url}/health", timeout=10).json() == {"status": "ok"}
    pulled = {r.id: r for r in world.pull_all("admin")}
    assert set(world.ids.values()) <= set(pulled)
    assert pulled[world.ids["P1"]].data["name"] == "HTX Nước mắm 1"
