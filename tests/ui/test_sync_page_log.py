"""The sync screen's transparency log part: the pinned key and the size checked, the loud alarm after a real
fork on the server with its two confirmed ways out, and the admin's witness keys."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sync_world
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ocop_core.translog.notes import COSIGNATURE_V1, Signer
from ocop_desktop.services import translog
from ocop_desktop.sync.engine import SyncReport
from ocop_desktop.sync.log_check import LogAlarm
from ocop_desktop.ui.sync_page import SyncPage
from ocop_desktop.words.translog import alarm_reasons
from ocop_server.testing import rewrite_log_history

live_server, make_laptop = sync_world.live_server, sync_world.make_laptop  # fixtures
CRITERIA_TEXT = (Path(__file__).resolve().parents[2] / "resources/criteria/sample-qd148-2023.json").read_text("utf-8")


def rewrite_history(server) -> None:
    rewrite_log_history(server, b"criteria_set_published", b"criteria_set_withdrawn")


def answer_the_box(button: str, seen: list[str]) -> None:
    """Clicks ``button`` in the confirmation once it is open (gives up after 5 s, so a test fails, not hangs)."""
    waited: list[int] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            next(b for b in box.buttons() if b.text() == button).click()
        elif len(waited) < 100:
            waited.append(1)
            QTimer.singleShot(50, look)

    QTimer.singleShot(0, look)


def sync(page: SyncPage, qtbot) -> object:
    with qtbot.waitSignal(page.sync_finished, timeout=20000) as finished:
        page.start_sync()
    return finished.args[0]


@pytest.fixture
def page(live_server, make_laptop, qtbot):
    laptop = make_laptop("tinh")
    laptop.client.publish(CRITERIA_TEXT)
    shown = SyncPage(laptop.context)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    return shown


def test_the_pinned_key_and_the_size_checked_are_shown_with_what_they_guarantee(page, live_server, qtbot):
    """Before the first sync the key is "not pinned yet"; after it the fingerprint the server signs with and
    the log size checked are shown, with the line saying it does not guarantee what was recorded is true."""
    assert "chưa ghim" in page.log_panel.key_label.text()
    report = sync(page, qtbot)
    assert isinstance(report, SyncReport) and report.log is not None
    fingerprint = live_server.app.state.log_signer.verifier.fingerprint()
    qtbot.waitUntil(lambda: fingerprint in page.log_panel.key_label.text())
    assert "Khoá nhật ký minh bạch: " + fingerprint in page.log_panel.key_label.text()
    assert "kiểm nhật ký tới 1 mục" in page.log_panel.key_label.text()
    assert "không bảo đảm điều được ghi là đúng" in page.log_panel.guarantee_label.text()
    assert page.log_panel.banner.isHidden()


def test_a_fork_raises_the_banner_and_each_way_out_is_confirmed(page, live_server, qtbot, screenshots):
    """A server whose history was rewritten: the sync fails, a red banner names the fork and the evidence
    file. "Đã xem xét…" (confirmed) clears it, but the next sync finds the same fork; "ghim lại" (confirmed)
    pins the key again and the sync after it goes through."""
    sync(page, qtbot)
    rewrite_history(live_server)
    failure = sync(page, qtbot)
    assert isinstance(failure, LogAlarm) and failure.what == "fork"
    panel = page.log_panel
    qtbot.waitUntil(lambda: not panel.banner.isHidden())
    assert alarm_reasons()["fork"] in panel.alarm_text.text()
    assert str(failure.evidence_file) in panel.alarm_text.text() and failure.evidence_file.exists()
    page.show()
    page.grab().save(str(screenshots / "sync-page-log-alarm.png"))

    seen: list[str] = []
    answer_the_box("Huỷ", seen)
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert seen and not panel.banner.isHidden()  # asked, refused: nothing changed
    answer_the_box("Tiếp tục tin máy chủ", seen)
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.banner.isHidden())
    assert isinstance(sync(page, qtbot), LogAlarm)  # the same fork, found again
    qtbot.waitUntil(lambda: not panel.banner.isHidden())

    answer_the_box("Ghim khoá mới", seen)
    qtbot.mouseClick(panel.repin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.banner.isHidden())
    report = sync(page, qtbot)
    assert isinstance(report, SyncReport) and report.log is not None and report.log.newly_pinned
    qtbot.waitUntil(lambda: "kiểm nhật ký tới 2 mục" in panel.key_label.text())
    assert len(seen) == 3


def test_the_admin_sets_witness_keys_and_a_bad_one_is_refused_in_vietnamese(page, qtbot, screenshots):
    """A mistyped key shows a Vietnamese error and nothing is kept; a log key is refused as not a witness's;
    a real witness key is kept and listed with its fingerprint."""
    panel = page.log_panel
    assert panel.witness_button.isVisibleTo(page)
    witness = Signer.generate("bo-nnmt.gov.vn/nhan-chung", COSIGNATURE_V1).verifier
    dialog = panel.edit_witnesses()
    qtbot.waitUntil(dialog.isVisible)
    dialog.editor.setPlainText(witness.encode()[:-3] + "\n")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden())
    assert "Khoá nhân chứng thứ 1 không hợp lệ" in dialog.error_label.text() and dialog.isVisible()
    page.show()
    dialog.grab().save(str(screenshots / "sync-page-witness-error.png"))
    dialog.editor.setPlainText(Signer.generate("ocop-ha-tinh").verifier.encode())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "không phải khoá đồng ký" in dialog.error_label.text())
    with page.context.runner.db.session() as session:
        assert translog.log_view(session).witnesses == ()

    dialog.editor.setPlainText(witness.encode())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: witness.fingerprint() in panel.witness_label.text())
    assert "bo-nnmt.gov.vn/nhan-chung" in panel.witness_label.text()


def test_only_an_admin_is_offered_the_witness_keys(make_laptop, qtbot):
    """A council member sees the key, the guarantee and the witnesses required, but no button to change them."""
    laptop = make_laptop("thanh-vien")
    laptop.context.user = dataclasses.replace(laptop.context.user, role="member")
    shown = SyncPage(laptop.context)
    qtbot.addWidget(shown)
    assert not shown.log_panel.witness_button.isVisibleTo(shown)
    assert "Nhân chứng bắt buộc: chưa đặt" in shown.log_panel.witness_label.text()
