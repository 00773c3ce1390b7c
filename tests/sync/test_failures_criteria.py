"""Criteria sets and score sheets across sync: a new version published under an open draft (c11), a
tampered total refused by the server and quarantined without jamming the queue (c6)."""

from __future__ import annotations

import json
from decimal import Decimal
from types import SimpleNamespace

from sqlalchemy import select

from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.models import ChangeJournal, CriteriaSetVersion, Dossier, ScoreSheet
from ocop_desktop.db.types import utcnow
from ocop_desktop.services import councils, criteria, dossiers, registry, sheets
from ocop_desktop.sync.engine import SyncReport
from ocop_server.models import ChangeLog, Record

ID_2019 = "8f3c2a10-0000-4000-8000-000000001048"
ID_148 = "8f3c2a10-0000-4000-8000-000000000148"


def _draft_sheet(laptop, criteria_bytes: bytes) -> SimpleNamespace:
    """Criteria version, producer, product, dossier, council with one chair, evaluation and a draft sheet."""
    with laptop.session() as s:
        version = criteria.import_criteria_set(s, criteria_bytes).id
        producer = registry.create_producer(s, name="HTX Kẹo cu đơ Hà Tĩnh", kind="cooperative",
                                            commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name="Kẹo cu đơ", subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(s, product_id=product, criteria_set_id=version).id
        council = councils.create_council(s, name="Hội đồng OCOP tỉnh", admin_unit_code="42",
                                          criteria_set_id=version).id
        member = councils.add_member(s, council_id=council, full_name="Nguyễn Văn Chủ tịch", role="chair").id
        evaluation = councils.open_evaluation(s, council_id=council, criteria_set_id=version).id
        sheet = sheets.start_sheet(s, dossier_id=dossier, member_id=member, evaluation_id=evaluation).id
        s.commit()
        row = s.get(CriteriaSetVersion, version)
        return SimpleNamespace(version=version, hash=row.content_hash, dossier=dossier, sheet=sheet)


def _answer(laptop, sheet_id: str) -> Decimal:
    with laptop.session() as s:
        _, product_set = sheets.sheet_context(s, s.get(ScoreSheet, sheet_id))
        sheets.record_answers(s, sheet_id=sheet_id, answers=extreme_answers(product_set, best=True))
        s.commit()
        return s.get(ScoreSheet, sheet_id).total


def _server_row(server, entity: str, row_id: str) -> dict | None:
    with server.app.state.sessions() as s:
        record = s.get(Record, (entity, row_id))
        return json.loads(record.data) if record else None


def _journal(laptop, entity: str | None = None) -> list[ChangeJournal]:
    with laptop.session() as s:
        query = select(ChangeJournal).order_by(ChangeJournal.seq)
        if entity:
            query = query.where(ChangeJournal.entity == entity)
        return list(s.scalars(query))


def test_a_draft_keeps_its_criteria_version_when_a_new_one_is_published(server, make_laptop, sample_2019_bytes,
                                                                          sample_148_bytes):
    """c11: a laptop starts a sheet on the 2019 set; meanwhile the admin publishes the 2023 set. After the
    sync the laptop holds both versions, the draft still names the 2019 version and its hash, can be
    answered and submitted, and the server accepts the submitted sheet (its recomputed total agrees)."""
    laptop = make_laptop("a")
    made = _draft_sheet(laptop, sample_2019_bytes)
    admin = make_laptop("admin")
    published = admin.client.publish(sample_148_bytes.decode())
    assert published.id == ID_148

    report = laptop.sync()

    assert report.rejected == 0
    with laptop.session() as s:
        assert s.get(CriteriaSetVersion, ID_148).content_hash == published.data["content_hash"]
        sheet = s.get(ScoreSheet, made.sheet)
        assert (sheet.criteria_set_id, sheet.criteria_hash, sheet.status) == (ID_2019, made.hash, "draft")

    total = _answer(laptop, made.sheet)
    with laptop.session() as s:
        sheets.submit_sheet(s, sheet_id=made.sheet)
        s.commit()
    report = laptop.sync()

    assert report.rejected == 0
    server_sheet = _server_row(server, "score_sheets", made.sheet)
    assert (server_sheet["status"], server_sheet["criteria_set_id"]) == ("submitted", ID_2019)
    assert server_sheet["criteria_hash"] == made.hash
    assert Decimal(server_sheet["total"]) == total > 0
    assert {e.status for e in _journal(laptop)} == {"sent"}


def test_a_tampered_total_is_refused_and_quarantined_without_blocking_the_queue(server, make_laptop,
                                                                               sample_148_bytes):
    """c6: a sheet submitted with a total that does not match its answers (edited in the database) is
    refused by the server with total_mismatch; the laptop quarantines that one change with the reason,
    later changes in the same sync still reach the server, and neither this sync's pull nor a later
    re-download of the sheets overwrites the laptop's values."""
    laptop = make_laptop("a")
    made = _draft_sheet(laptop, sample_148_bytes)
    total = _answer(laptop, made.sheet)
    with laptop.session() as s:  # a tampered client: the total is raised in the same edit as the submit
        sheet = s.get(ScoreSheet, made.sheet)
        sheet.total, sheet.status, sheet.submitted_at = total + 5, "submitted", utcnow()
        s.commit()
    with laptop.session() as s:
        dossiers.update_dossier(s, made.dossier, notes="đã chấm xong")
        s.commit()

    report = laptop.sync()

    assert report.rejected == 1
    refused = [e for e in _journal(laptop) if e.status != "sent"]
    assert len(refused) == 1
    (entry,) = refused
    assert (entry.entity, entry.entity_id, entry.status) == ("score_sheets", made.sheet, "quarantined")
    assert "total_mismatch" in entry.reason and str(total) in entry.reason
    with server.app.state.sessions() as s:
        logged = s.get(ChangeLog, entry.change_id)
        assert logged.status == "rejected" and json.loads(logged.payload)["fields"]["total"][1] == str(total + 5)
    assert _server_row(server, "dossiers", made.dossier)["notes"] == "đã chấm xong"
    server_sheet = _server_row(server, "score_sheets", made.sheet)
    assert server_sheet["status"] == "draft" and Decimal(server_sheet["total"]) == total

    laptop.engine().pull(SyncReport(), entity="score_sheets")  # a full re-download of the sheets' scope
    laptop.sync()

    with laptop.session() as s:
        sheet = s.get(ScoreSheet, made.sheet)
        assert (sheet.status, sheet.total) == ("submitted", total + 5)
        assert s.get(Dossier, made.dossier).notes == "đã chấm xong"
        assert s.get(ChangeJournal, entry.seq).status == "quarantined"
    with server.app.state.sessions() as s:
        assert s.scalar(select(ChangeLog.status).where(ChangeLog.change_id == entry.change_id)) == "rejected"
