"""A server holding recognised products in every state, built as a province would: pushed by an admin's laptop."""

from __future__ import annotations

import hashlib
import io
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PIL import Image

from ocop_core.domain.dates import add_months, period_end, vietnam_today
from ocop_core.protocol import Change
from ocop_desktop.sync.client import ServerClient
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-123"
COMMUNE = "18073"  # Phường Thành Sen
PHONE = "0912345678"
SCORE = "87.25"  # the council's mean total: never on a public page
REPRESENTATIVE = "Nguyễn Văn Đại Diện"
CRITERIA_FILE = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"
GTIN = "08934567000017"  # 7: the GS1 check digit of 0893456700001


def new_id() -> str:
    return str(uuid.uuid4())


def _row(**fields: object) -> dict:
    stamp = datetime.now(UTC).isoformat()
    return {"created_at": stamp, "updated_at": stamp, "deleted": False, **fields}


def insert(entity: str, row_id: str, fields: dict) -> Change:
    return Change(change_id=new_id(), device_seq=1, entity=entity, entity_id=row_id, op="insert",
                  fields={k: (None, v) for k, v in _row(**fields).items()}, created_at=datetime.now(UTC))


def update(entity: str, row_id: str, fields: dict, base_version: int) -> Change:
    return Change(change_id=new_id(), device_seq=1, entity=entity, entity_id=row_id, op="update",
                  fields={k: (None, v) for k, v in fields.items()}, base_version=base_version,
                  created_at=datetime.now(UTC))


def photo_bytes(width: int = 2400, height: int = 1800, colour: tuple[int, int, int] = (180, 120, 40)) -> bytes:
    """A camera-sized JPEG with some detail, so its thumbnail is not trivially small."""
    image = Image.new("RGB", (width, height), colour)
    for x in range(0, width, 40):
        image.paste((x % 255, 90, 200 - x % 200), (x, 0, x + 20, height))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@dataclass
class PublicWorld:
    server: LiveServer
    admin: ServerClient
    ids: dict[str, str] = field(default_factory=dict)
    photo: str = ""
    lot_photo: str = ""
    private_file: str = ""
    council: tuple[str, str] = ("", "")  # the council's id and its evaluation session's, for more decisions

    @property
    def url(self) -> str:
        return self.server.url

    def push(self, changes: list[Change]) -> list:
        results = self.admin.push(changes).results
        assert [r.status for r in results] == ["applied"] * len(changes), [r.reason for r in results]
        return results

    def upload(self, data: bytes) -> str:
        """Sends a file as a laptop does (upload state, then chunks); returns its SHA-256."""
        sha = hashlib.sha256(data).hexdigest()
        state = self.admin.upload_state(sha, len(data))
        chunk = 32 * 1024
        while not state.complete:
            state = self.admin.upload_chunk(sha, state.offset, data[state.offset:state.offset + chunk])
        return sha


def recognition(product_id: str, decided: date, stars: int = 4, revoked_on: date | None = None,
                reason: str = "") -> dict:
    until = period_end(decided, 36)
    return {"product_id": product_id, "stars": stars, "issuing_body": "UBND tỉnh Hà Tĩnh",
            "decision_no": f"{decided.day}/QĐ-UBND", "decision_date": decided.isoformat(),
            "valid_until": until.isoformat(), "notice_date": (until - timedelta(days=30)).isoformat(),
            "revoked_on": revoked_on.isoformat() if revoked_on else None, "revocation_reason": reason}


def decided_by_council(council: tuple[str, str], product_id: str, stars: int = 4) -> tuple[str, list[Change]]:
    """A dossier of the product that the council (its id and its session's) approved at ``stars``: a recognition
    must name one (ocop_core.rules.recognitions). The dossier's id and the changes making it."""
    council_id, evaluation = council
    dossier = new_id()
    return dossier, [
        insert("dossiers", dossier, {"product_id": product_id, "code": f"HS-{dossier[:6]}", "commune_code": COMMUNE,
                                     "status": "draft"}),
        insert("council_assignments", new_id(), {"council_id": council_id, "dossier_id": dossier}),
        insert("council_results", new_id(), {
            "session_id": evaluation, "dossier_id": dossier, "n_sheets": 5, "member_totals_json": "[]",
            "recommendation": "recognise", "band_stars": stars, "final_stars": stars, "mean_total": SCORE,
            "approved_at": "2026-11-28T09:00:00+00:00"}),
    ]


def council_of(admin: ServerClient) -> tuple[tuple[str, str], list[Change]]:
    """The province's council with an evaluation session, on the bundled criteria set: their ids, and the
    changes making them."""
    criteria = admin.publish(CRITERIA_FILE.read_text(encoding="utf-8")).id
    council, evaluation = new_id(), new_id()
    return (council, evaluation), [
        insert("councils", council, {"name": "Hội đồng OCOP tỉnh", "level": "province", "admin_unit_code": "42",
                                     "criteria_set_id": criteria}),
        insert("evaluation_sessions", evaluation, {"council_id": council, "held_on": "2026-10-20", "round": 1,
                                                   "criteria_set_id": criteria, "status": "open"})]


def build(server: LiveServer) -> PublicWorld:
    """Products VALID (with a GTIN, a photo and a lot), EXPIRING, EXPIRED, REVOKED and PLAIN (no recognition)."""
    server.create_user("admin", PASSWORD, "admin", full_name="Quản trị")
    admin = ServerClient(server.url, new_id(), retries=0)
    admin.login("admin", PASSWORD, "máy quản trị")
    world = PublicWorld(server, admin)
    today = vietnam_today()
    decided = {"VALID": add_months(today, -12), "EXPIRING": add_months(today, -33),
               "EXPIRED": add_months(today, -40), "REVOKED": add_months(today, -10)}
    ids = world.ids
    ids["producer"] = new_id()
    council, changes = council_of(admin)
    world.council = council
    changes += [insert("producers", ids["producer"], {
        "name": "HTX Nước mắm Thành Sen", "kind": "cooperative", "commune_code": COMMUNE,
        "address": "Số 12 ngõ 3 đường Trần Phú", "representative": REPRESENTATIVE, "phone": PHONE})]
    for name in ("VALID", "EXPIRING", "EXPIRED", "REVOKED", "PLAIN"):
        ids[name] = new_id()
        product = {"producer_id": ids["producer"], "name": f"Nước mắm {name.lower()}", "subgroup_code": "I.1.a",
                   "commune_code": COMMUNE, "description": "Nước mắm cá cơm ủ chượp 12 tháng."}
        changes.append(insert("products", ids[name], product))
        if name in decided:
            ids[f"R_{name}"] = new_id()
            revoked = add_months(today, -1) if name == "REVOKED" else None
            dossier, made = decided_by_council(council, ids[name])
            changes += made
            changes.append(insert("recognitions", ids[f"R_{name}"], {**recognition(
                ids[name], decided[name], revoked_on=revoked, reason="Vi phạm an toàn thực phẩm" if revoked else ""),
                "dossier_id": dossier}))
    ids["dossier"], ids["lot"], ids["withdrawn"] = new_id(), new_id(), new_id()
    changes += [
        insert("dossiers", ids["dossier"], {"product_id": ids["VALID"], "code": "HS-1", "commune_code": COMMUNE,
                                            "status": "draft"}),
        insert("production_lots", ids["lot"], {
            "product_id": ids["VALID"], "lot_code": "L2026-01", "produced_on": "2026-10-01",
            "expires_on": "2028-10-01", "origin": "Cá cơm vùng biển Thạch Kim", "unit": "chai"}),
        insert("production_lots", ids["withdrawn"], {
            "product_id": ids["VALID"], "lot_code": "L2026-02", "produced_on": "2026-10-15",
            "withdrawn_on": "2026-11-20", "withdrawal_reason": "Nhãn in sai hạn sử dụng"}),
    ]
    world.push(changes)
    ids["photo"], ids["lot_photo"], ids["private_doc"] = new_id(), new_id(), new_id()
    world.photo = world.upload(photo_bytes())
    world.lot_photo = world.upload(photo_bytes(1200, 1600, (40, 120, 180)))
    world.private_file = world.upload(photo_bytes(800, 600, (10, 10, 10)))  # a photo, but of a business licence
    world.push([
        insert("dossier_documents", ids["photo"], {"dossier_id": ids["dossier"], "doc_type": "product_photo",
                                                   "sha256": world.photo, "size": 1}),
        insert("dossier_documents", ids["private_doc"], {"dossier_id": ids["dossier"],
                                                         "doc_type": "business_registration",
                                                         "sha256": world.private_file, "size": 1}),
        insert("lot_photos", ids["lot_photo"], {"lot_id": ids["lot"], "sha256": world.lot_photo, "size": 1}),
    ])
    return world
