"""The sync screen: sync now with progress and history, cancel, refused changes, offline mode, its models."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime

import pytest
import sync_world
from PySide6.QtCore import QObject, Qt, Slot
from sqlalchemy import func, select
from sync_world import Laptop, server_row

from ocop_desktop.db.models import ChangeJournal, Producer
from ocop_desktop.services import registry
from ocop_desktop.services.conflicts import ConflictView
from ocop_desktop.services.sync_history import QuarantinedView, SyncRunView
from ocop_desktop.sync.engine import Cancelled, SyncReport
from ocop_desktop.ui.sync_page import SyncPage
from ocop_desktop.ui.sync_page.models import ConflictsModel, HistoryModel, QuarantineModel

COMMUNE = "18073"

live_server, make_laptop = sync_world.live_server, sync_world.make_laptop  # fixtures


def _add_producers(laptop: Laptop, n: int) -> list[str]:
    """Producers created like a service call would, in one transaction on the test's thread."""
    with laptop.session() as session:
        ids = [registry.create_producer(session, name=f"HTX Chè Hương Sơn {i + 1}", kind="cooperative",
                                        commune_code=COMMUNE).id for i in range(n)]
        session.commit()
    return ids


def _unsent(laptop: Laptop) -> int:
    with laptop.session() as s:
        return s.scalar(select(func.count()).select_from(ChangeJournal).where(ChangeJournal.status == "pending"))


class _Watcher(QObject):
    """Records where progress reports are delivered, as a widget's slot would receive them."""

    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, str]] = []

    @Slot(object)
    def progress(self, progress) -> None:
        self.seen.append((progress.phase, threading.current_thread().name))


def test_sync_now_pushes_the_unsent_change_with_progress_and_a_history_row(live_server, make_laptop, qtbot,
                                                                           screenshots):
    """With a threaded runner: "Đồng bộ ngay" sends the new producer to the server, progress reaches the UI
    thread (push phase, bytes shown), the outcome is reported and the history gains a successful row."""
    laptop = make_laptop("xa-thach-ha", synchronous=False)
    (producer,) = _add_producers(laptop, 1)
    page = SyncPage(laptop.context)
    qtbot.addWidget(page)
    watcher = _Watcher()
    page.progress_changed.connect(watcher.progress)
    qtbot.waitUntil(lambda: "1 thay đổi chưa gửi" in page.summary.text(), timeout=5000)

    with qtbot.waitSignal(page.sync_finished, timeout=20000) as finished:
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        assert not page.sync_button.isEnabled() and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.history_model.rowCount() == 1, timeout=5000)

    report = finished.args[0]
    assert isinstance(report, SyncReport) and report.pushed == 1
    assert server_row(live_server, "producers", producer)["name"] == "HTX Chè Hương Sơn 1"
    assert ("push", threading.main_thread().name) in watcher.seen
    assert {thread for _, thread in watcher.seen} == {threading.main_thread().name}
    assert re.fullmatch(r"Đã gửi [\d,]+ [KMG]?B · Đã nhận [\d,]+ [KMG]?B", page.bytes_label.text())
    assert "đã gửi 1 thay đổi" in page.outcome_label.text()
    history = page.history_model
    assert [history.index(0, c).data() for c in (HistoryModel.OUTCOME, HistoryModel.PUSHED)] == ["Thành công", "1"]
    assert "0 thay đổi chưa gửi" in page.summary.text() and page.sync_button.isEnabled()
    page.resize(1280, 800)
    page.tabs.setCurrentIndex(1)
    page.show()
    qtbot.waitExposed(page)
    page.grab().save(str(screenshots / "sync.png"))


def test_cancel_stops_the_sync_and_keeps_the_rest_for_next_time(make_laptop, qtbot):
    """Pressing "Huỷ" during the push stops the sync: it ends as cancelled (outcome and history say so),
    changes not yet confirmed stay pending, and the next sync sends them."""
    laptop = make_laptop("xa-cam-xuyen")
    _add_producers(laptop, 450)  # three push batches: the click lands during the first
    page = SyncPage(laptop.context)
    qtbot.addWidget(page)
    page.progress_changed.connect(lambda p: p.phase == "push" and page.cancel_button.click())
    results = []
    page.sync_finished.connect(results.append)

    page.sync_button.click()

    assert isinstance(results[0], Cancelled)
    assert 0 < _unsent(laptop) < 450
    assert "Đã huỷ đồng bộ" in page.outcome_label.text()
    assert page.history_model.index(0, HistoryModel.OUTCOME).data() == "Đã huỷ"
    assert page.sync_button.isEnabled() and not page.cancel_button.isEnabled()
    page.progress_changed.disconnect()
    page.sync_button.click()
    assert isinstance(results[1], SyncReport) and _unsent(laptop) == 0


def test_an_unreachable_server_is_reported_in_words_and_nothing_is_lost(live_server, make_laptop, qtbot):
    """With the server down, the sync ends "Không thành công" with a sentence about the network, the history
    records the failure, and the unsent change is still pending."""
    laptop = make_laptop("xa-ky-anh")
    _add_producers(laptop, 1)
    page = SyncPage(laptop.context)
    qtbot.addWidget(page)
    live_server.stop()

    page.sync_button.click()

    assert page.outcome_label.text() == ("Đồng bộ không thành công: Không kết nối được máy chủ tỉnh. Hãy kiểm tra "
                                         "mạng rồi thử lại. Mọi thay đổi vẫn được giữ trên máy này.")
    assert page.history_model.index(0, HistoryModel.OUTCOME).data() == "Không thành công"
    assert _unsent(laptop) == 1 and page.sync_button.isEnabled()


def test_a_refused_change_is_listed_with_its_reason_in_vietnamese(make_laptop, qtbot):
    """A change the server refuses (an edit of a row it never had) appears among refused changes with the
    row's name and a Vietnamese reason; the local value is kept."""
    laptop = make_laptop("xa-duc-tho")
    with laptop.session() as s:
        s.info["journal"] = False  # as if its creation had been lost: the server has never seen this row
        producer = registry.create_producer(s, name="HTX Cam Khe", kind="cooperative", commune_code=COMMUNE).id
        s.commit()
    laptop.runner.write(lambda s: registry.update_producer(s, producer, phone="0912 345 678"))
    page = SyncPage(laptop.context)
    qtbot.addWidget(page)

    page.sync_button.click()

    model = page.quarantine_model
    assert model.rowCount() == 1 and page.tabs.tabText(2) == "Thay đổi bị từ chối (1)"
    assert model.index(0, QuarantineModel.LABEL).data() == "HTX Cam Khe"
    assert model.index(0, QuarantineModel.FIELDS).data() == "Điện thoại"
    assert model.index(0, QuarantineModel.REASON).data().startswith("Máy chủ không có bản ghi này")
    with laptop.session() as s:
        assert s.get(Producer, producer).phone == "0912 345 678"


def test_offline_demo_mode_disables_sync_and_says_why(context, qtbot, screenshots):
    """Without a server (demo data) the button is disabled and a sentence explains why and what to do."""
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)

    assert not page.sync_button.isEnabled() and not page.cancel_button.isVisible()
    assert page.offline_note.isVisible() and "ngoại tuyến" in page.offline_note.text()
    assert "chưa kết nối" in page.summary.text()
    page.sync_button.click()
    assert page.history_model.rowCount() == 0
    page.grab().save(str(screenshots / "sync-offline.png"))


NOW = datetime(2025, 3, 4, 5, 6, tzinfo=UTC)


@pytest.mark.parametrize("model_class, rows", [
    (HistoryModel, [SyncRunView(2, NOW, NOW, "failed", 0, 0, 0, 0, "network: Không kết nối được máy chủ"),
                    SyncRunView(1, NOW, None, "running", 3, 10, 1, 0, "")]),
    (QuarantineModel, [QuarantinedView(7, "producers", "p1", "HTX Cam Khe", ("phone",),
                                       "forbidden: forbidden: your role", NOW)]),
    (ConflictsModel, [ConflictView("c1", "dossiers", "d1", "HS-2025-01 — Nước mắm", "notes", "text", "B", "A",
                                   False, True, True)]),
])
def test_models_pass_the_model_tester(qtmodeltester, qapp, model_class, rows):
    """Each table model passes Qt's model tester, empty and filled, without any widget."""
    model = model_class()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) and model.columnCount() == len(model.COLUMNS)


def test_history_and_conflict_cells_read_in_vietnamese(qapp):
    """Outcomes, entity and field names are words; this laptop's value is marked as its own."""
    history = HistoryModel()
    history.set_rows([SyncRunView(1, NOW, None, "running", 3, 10, 1, 0, "")])
    conflicts = ConflictsModel()
    conflicts.set_rows([ConflictView("c1", "dossiers", "d1", "HS-2025-01", "notes", "text", "B", "A", False, True,
                                     True)])
    assert history.index(0, HistoryModel.OUTCOME).data() == "Chưa kết thúc"
    assert [conflicts.index(0, c).data() for c in range(5)] == ["Hồ sơ", "HS-2025-01", "Ghi chú", "B", "A (máy này)"]
