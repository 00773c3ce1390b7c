"""Seeds a server directly with N dossiers and M score lines (set-up for the sync benchmarks)."""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import insert, update

from ocop_core.domain.criteria import ProductSet
from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.paths import resources_dir
from ocop_server import publishing
from ocop_server.models import Counter, Record
from ocop_server.rules import criteria_from_json
from ocop_server.testing import LiveServer


def _now() -> str:
    return datetime.now(UTC).isoformat()


class _Rows:
    """The rows of each entity as the server will hold them, every one stamped with the same times."""

    def __init__(self) -> None:
        now = _now()
        self.meta = {"created_at": now, "updated_at": now, "deleted": False}
        self.by_entity: dict[str, list[dict]] = {k: [] for k in (
            "criteria_set_versions", "producers", "products", "dossiers", "councils", "council_members",
            "evaluation_sessions", "score_sheets", "score_lines")}

    def add(self, entity: str, **data) -> str:
        data.setdefault("id", str(uuid.uuid4()))
        self.by_entity[entity].append({**data, **self.meta})
        return data["id"]


def _council(rows: _Rows, criteria_id: str) -> tuple[list[str], str]:
    """Five scoring members and an open session: the members' ids and the session's."""
    council = rows.add("councils", name="Hội đồng OCOP tỉnh Hà Tĩnh", level="province", admin_unit_code="42",
                       decision_no="1/QĐ", decision_date=None, criteria_set_id=criteria_id, rules_json="{}")
    members = [rows.add("council_members", council_id=council, user_id=None, full_name=f"Thành viên {i}",
                        role="chair" if i == 0 else "member", organisation="", scores=True) for i in range(5)]
    session_id = rows.add("evaluation_sessions", council_id=council, held_on="2025-10-20", round=1,
                          criteria_set_id=criteria_id, status="open")
    return members, session_id


def _dossiers(rows: _Rows, rng: random.Random, n: int, criteria_id: str) -> list[str]:
    """N products with one evaluated dossier each, four to a producer: the dossiers' ids."""
    now = rows.meta["created_at"]
    producers = [rows.add("producers", name=f"HTX Nông sản {i}", kind="cooperative", registration_no="",
                          tax_code="", commune_code="18073", legacy_commune_code=None, address=f"Thôn {i % 9}",
                          representative="", phone="", lat=18.3 + rng.random() / 10, lon=105.9 + rng.random() / 10)
                 for i in range(max(1, n // 4))]
    dossier_ids = []
    for i in range(n):
        product = rows.add("products", producer_id=producers[i % len(producers)], name=f"Nước mắm Phú Khương {i}",
                           subgroup_code="I.1.a", commune_code="18073", external_code="", description="")
        dossier_ids.append(rows.add("dossiers", product_id=product, code=f"HS-2025-{i:06d}", kind="new",
                                    status="evaluated", commune_code="18073", criteria_set_id=criteria_id,
                                    submitted_at=now, result_stars=None, notes=""))
    return dossier_ids


def _sheets(rows: _Rows, criteria: tuple[str, str], product_set: ProductSet, lines: int, dossier_ids: list[str],
            members: list[str], session_id: str) -> None:
    """Submitted sheets on ``criteria`` (id, content hash), each answering every criterion with its best option,
    about ``lines`` lines in all."""
    answers = extreme_answers(product_set, best=True)
    points = {a.criterion: next(o for o in product_set.criterion(a.criterion).options if o.code == a.option).points
              for a in answers}
    total = str(sum((points[a.criterion] for a in answers), Decimal(0)))
    for s in range(lines // len(answers)):
        sheet = rows.add("score_sheets", session_id=session_id, dossier_id=dossier_ids[s % len(dossier_ids)],
                         member_id=members[s % len(members)], criteria_set_id=criteria[0],
                         criteria_hash=criteria[1], product_set_code=product_set.code,
                         status="submitted", submitted_at=rows.meta["created_at"], device_id=str(uuid.uuid4()),
                         supersedes_id=None, total=total, stars=5)
        for a in answers:
            rows.add("score_lines", sheet_id=sheet, criterion_code=a.criterion, subitem_code="",
                     option_code=a.option, points=str(points[a.criterion]), comment="")


def _insert(server: LiveServer, rows: dict[str, list[dict]]) -> None:
    """Straight into the server's row store, each row a version of its own (the criteria are published)."""
    with server.app.state.write_sessions() as session:
        version = session.get(Counter, "seq").value
        batch = []
        for entity in rows:
            for data in rows[entity] if entity != "criteria_set_versions" else []:
                version += 1
                batch.append({"entity": entity, "id": data["id"], "version": version, "deleted": False,
                              "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
                              "field_seq": json.dumps({k: version for k in data})})
        for start in range(0, len(batch), 5000):
            session.execute(insert(Record), batch[start:start + 5000])
        session.execute(update(Counter).where(Counter.name == "seq").values(value=version))
        session.commit()


def seed(server: LiveServer, dossiers: int, lines: int, seed: int = 11) -> dict[str, list[dict]]:
    """Returns the rows per entity as the server holds them (for the raw-insert baseline)."""
    rng = random.Random(seed)
    text = (resources_dir() / "criteria" / "sample-qd148-2023.json").read_text(encoding="utf-8")
    with server.app.state.write_sessions() as session:
        criteria_row = publishing.publish(session, text)
        session.commit()
    criteria_set, _ = criteria_from_json(criteria_row.data["canonical_json"])
    rows = _Rows()
    members, session_id = _council(rows, criteria_row.id)
    dossier_ids = _dossiers(rows, rng, dossiers, criteria_row.id)
    _sheets(rows, (criteria_row.id, criteria_row.data["content_hash"]), criteria_set.product_sets[0], lines,
            dossier_ids, members, session_id)
    _insert(server, rows.by_entity)
    rows.by_entity["criteria_set_versions"] = [criteria_row.data]  # already on the server, published above
    return rows.by_entity
