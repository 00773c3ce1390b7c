"""The sync screen lists what waits aside: rows received and not stored, and unsent work on rows that left
this laptop's scope, each with its reason in Vietnamese."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from ocop_desktop.db.models import ChangeJournal, QuarantinedRow
from ocop_desktop.ui.sync_page import SyncPage
from ocop_desktop.ui.sync_page.models import HeldRowsModel, QuarantineModel

NOW = datetime(2026, 12, 3, 8, 30, tzinfo=UTC)


def _hold(demo_db) -> tuple[str, str]:
    held_id, sheet_id = str(uuid.uuid4()), str(uuid.uuid4())
    with demo_db.session() as s:
        s.add(QuarantinedRow(entity="users", entity_id=held_id, version=42, deleted=False,
                             data_json=json.dumps({"username": "thanhvien"}),
                             reason="duplicate: username 'thanhvien' belongs to another row on this laptop",
                             received_at=NOW))
        s.add(ChangeJournal(change_id=str(uuid.uuid4()), device_id=demo_db.device_id, entity="score_sheets",
                            entity_id=sheet_id, op="insert",
                            fields_json=json.dumps({"status": [None, "draft"]}), status="quarantined",
                            reason=f"out_of_scope: out_of_scope: score_sheets {sheet_id} is no longer within what "
                                   "this device may see", created_at=NOW))
        s.commit()
    return held_id, sheet_id


def test_rows_held_aside_and_work_on_rows_that_left_are_listed(context, demo_db, qtbot, screenshots):
    """A received row that could not be stored gets its own tab with the reason; an unsent sheet whose
    dossier left the scope is among the refused changes, said to be kept, never lost."""
    held_id, _sheet = _hold(demo_db)
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()

    assert page.tabs.tabText(3) == "Dữ liệu nhận chưa lưu được (1)"
    held = page.held_model
    assert held.rowCount() == 1 and held.index(0, HeldRowsModel.ID).data() == held_id[:8]
    assert held.index(0, HeldRowsModel.REASON).data().startswith("Trùng với một bản ghi khác trên máy này")
    assert not page.held_view.isHidden() and "thử lại sau mỗi lần đồng bộ" in page.held_note.text()
    refused = page.quarantine_model
    rows = [refused.index(r, QuarantineModel.REASON).data() for r in range(refused.rowCount())]
    assert any(text.startswith("Bản ghi này không còn thuộc phạm vi của máy này") for text in rows)
    page.tabs.setCurrentIndex(3)
    page.grab().save(str(screenshots / "sync-held-rows.png"))
    page.grab().save("/tmp/sync-held.png")


def test_nothing_held_says_so_and_hides_the_table(context, qtbot):
    """With nothing aside the tab reads (0), a sentence says all was stored, and no empty table shows."""
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.refresh()
    assert page.tabs.tabText(3) == "Dữ liệu nhận chưa lưu được (0)"
    assert page.held_note.text() == "Mọi dữ liệu nhận từ máy chủ đều đã được lưu."
    assert page.held_view.isHidden()


def test_the_held_rows_model_passes_the_model_tester(qtmodeltester, qapp):
    """Empty and filled, without any widget."""
    from ocop_desktop.services.sync_history import HeldRowView

    model = HeldRowsModel()
    qtmodeltester.check(model)
    model.set_rows([HeldRowView("users", "u1", 3, "invalid: username: too long", NOW)])
    qtmodeltester.check(model)
    assert model.columnCount() == len(model.COLUMNS)


def test_the_summary_says_how_many_rows_left_the_scope(qapp):
    """A sync that removed rows says so, and is never one "a person need not hear about"."""
    from ocop_desktop.sync.engine import SyncReport
    from ocop_desktop.ui.sync_page import words

    report = SyncReport(left_scope=3)
    assert "3 bản ghi không còn thuộc phạm vi của bạn đã được gỡ khỏi máy này." in words.report_summary(report, NOW)
    assert not words.moved_nothing(report)
