"""Seeds a server directly with N dossiers and M score lines (set-up for the sync benchmarks)."""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import insert, update

from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.paths import resources_dir
from ocop_server import publishing
from ocop_server.models import Counter, Record
from ocop_server.rules import criteria_from_json
from ocop_server.testing import LiveServer


def _now() -> str:
    return datetime.now(UTC).isoformat()


def seed(server: LiveServer, dossiers: int, lines: int, seed: int = 11) -> dict[str, list[dict]]:
    """Returns the rows per entity as the server holds them (for the raw-insert baseline)."""
    rng = random.Random(seed)
    text = (resources_dir() / "criteria" / "sample-qd148-2023.json").read_text(encoding="utf-8")
    with server.app.state.write_sessions() as session:
        criteria_row = publishing.publish(session, text)
        session.commit()
    criteria_set, _ = criteria_from_json(criteria_row.data["canonical_json"])
    product_set = criteria_set.product_sets[0]
    answers = extreme_answers(product_set, best=True)
    now = _now()
    meta = {"created_at": now, "updated_at": now, "deleted": False}
    rows: dict[str, list[dict]] = {k: [] for k in (
        "criteria_set_versions", "producers", "products", "dossiers", "councils", "council_members",
        "evaluation_sessions", "score_sheets", "score_lines")}

    def add(entity: str, **data) -> str:
        data.setdefault("id", str(uuid.uuid4()))
        rows[entity].append({**data, **meta})
        return data["id"]

    council = add("councils", name="Hội đồng OCOP tỉnh Hà Tĩnh", level="province", admin_unit_code="42",
                  decision_no="1/QĐ", decision_date=None, criteria_set_id=criteria_row.id, rules_json="{}")
    members = [add("council_members", council_id=council, user_id=None, full_name=f"Thành viên {i}",
                   role="chair" if i == 0 else "member", organisation="", scores=True) for i in range(5)]
    session_id = add("evaluation_sessions", council_id=council, held_on="2025-10-20", round=1,
                     criteria_set_id=criteria_row.id, status="open")
    producers = [add("producers", name=f"HTX Nông sản {i}", kind="cooperative", registration_no="", tax_code="",
                     commune_code="18073", legacy_commune_code=None, address=f"Thôn {i % 9}", representative="",
                     phone="", lat=18.3 + rng.random() / 10, lon=105.9 + rng.random() / 10)
                 for i in range(max(1, dossiers // 4))]
    dossier_ids = []
    for i in range(dossiers):
        product = add("products", producer_id=producers[i % len(producers)], name=f"Nước mắm Phú Khương {i}",
                      subgroup_code="I.1.a", commune_code="18073", external_code="", description="")
        dossier_ids.append(add("dossiers", product_id=product, code=f"HS-2025-{i:06d}", kind="new",
                               status="evaluated", commune_code="18073", criteria_set_id=criteria_row.id,
                               submitted_at=now, result_stars=None, notes=""))
    total = str(sum((next(o for o in product_set.criterion(a.criterion).options if o.code == a.option).points
                     for a in answers), Decimal(0)))
    n_sheets = lines // len(answers)
    for s in range(n_sheets):
        sheet = add("score_sheets", session_id=session_id, dossier_id=dossier_ids[s % len(dossier_ids)],
                    member_id=members[s % len(members)], criteria_set_id=criteria_row.id,
                    criteria_hash=criteria_row.data["content_hash"], product_set_code=product_set.code,
                    status="submitted", submitted_at=now, device_id=str(uuid.uuid4()), supersedes_id=None,
                    total=total, stars=5)
        for a in answers:
            option = next(o for o in product_set.criterion(a.criterion).options if o.code == a.option)
            add("score_lines", sheet_id=sheet, criterion_code=a.criterion, subitem_code="", option_code=a.option,
                points=str(option.points), comment="")
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
    rows["criteria_set_versions"] = [criteria_row.data]  # already on the server, published above
    return rows
