"""The sync screen tells which sync sent this laptop's work, even after later syncs that had nothing to do."""

from __future__ import annotations

from datetime import datetime, timedelta

from ocop_desktop import formats, i18n
from ocop_desktop.db.models import SyncRun
from ocop_desktop.sync.engine import Progress, SyncReport
from ocop_desktop.ui.sync_page import SyncPage

SENT_AT = datetime(2026, 3, 2, 8, 0).astimezone()


def _runs(demo_db, *runs: tuple[datetime, int]) -> None:
    with demo_db.session() as session:
        for when, pushed in runs:
            session.add(SyncRun(started_at=when - timedelta(seconds=20), finished_at=when, outcome="ok",
                                pushed=pushed, pulled=0, conflicts=0, rejected=0, detail=""))
        session.commit()


def test_the_summary_names_the_sync_that_sent_the_changes(context, demo_db, qtbot) -> None:
    """After a sync that sent 1423 changes and a later automatic one that sent none, the summary still says
    when the changes went and how many, beside the time of the last sync."""
    _runs(demo_db, (SENT_AT, 1423), (SENT_AT + timedelta(minutes=5), 0))
    page = SyncPage(context)
    qtbot.addWidget(page)
    summary = page.summary.text()
    assert f"lần gửi thay đổi gần nhất: 1.423 thay đổi, lúc {formats.moment(SENT_AT)}" in summary  # grouped, vi
    assert f"Lần đồng bộ thành công gần nhất: {formats.moment(SENT_AT + timedelta(minutes=5))}" in summary


def test_without_a_sync_that_sent_anything_nothing_is_claimed(context, qtbot) -> None:
    """A laptop that never sent anything has no "last sent" in its summary."""
    page = SyncPage(context)
    qtbot.addWidget(page)
    assert "lần gửi thay đổi" not in page.summary.text()


def test_an_automatic_sync_with_nothing_to_do_keeps_the_last_outcome_in_view(context, qtbot) -> None:
    """The outcome of "Đồng bộ ngay" (5 sent) stays on screen through an automatic sync that moved nothing;
    an automatic sync that brought something says so, as automatic."""
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.sync.automatic = False
    page.sync.finished.emit(SyncReport(pushed=5))
    by_hand = page.outcome_label.text()
    assert by_hand.startswith("Đồng bộ xong lúc") and "đã gửi 5 thay đổi" in by_hand
    page.sync.automatic = True
    page.sync.finished.emit(SyncReport())
    assert page.outcome_label.text() == by_hand
    page.sync.finished.emit(SyncReport(pulled=3))
    assert page.outcome_label.text().startswith("Tự động đồng bộ xong lúc") and "đã nhận 3 bản ghi" in \
        page.outcome_label.text()


def test_counts_follow_the_interface_language(context, qtbot, monkeypatch) -> None:
    """Progress counts are grouped as the language writes them: 1.234/5.000 in Vietnamese, 1,234/5,000 in
    English (they were bare digits in both)."""
    page = SyncPage(context)
    qtbot.addWidget(page)
    monkeypatch.setattr(type(page.sync), "running", property(lambda _controller: True))
    page.progress_changed.emit(Progress("push", 1234, 5000, 0, 0))
    assert page.items_label.text() == "1.234/5.000 mục"
    previous = i18n.use("en")
    try:
        page.progress_changed.emit(Progress("push", 1234, 5000, 0, 0))
        assert page.items_label.text().startswith("1,234/5,000")
    finally:
        i18n.use(*previous)
