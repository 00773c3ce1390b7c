"""Counts inside messages are grouped like every other figure: 2.055 in Vietnamese, 2,055 in English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from ocop_desktop import formats, i18n
from ocop_desktop.i18n import _t
from ocop_desktop.services.sync_status import SyncStatus
from ocop_desktop.ui import translations
from ocop_desktop.ui.dossiers import list_model
from ocop_desktop.ui.status_bar import SyncStatusBar

LOTS = SyncStatus(unsent=2055, last_sync=None, open_conflicts=1200)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """The interface in English for one test, then back to the Vietnamese every other test expects."""
    installed = translations.install(qapp, "en")
    try:
        yield
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.use("vi", QCoreApplication.translate)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))


def _bar(context, qtbot) -> SyncStatusBar:
    bar = SyncStatusBar(context)
    qtbot.addWidget(bar)
    bar.show_status(LOTS)
    return bar


def test_the_status_bar_groups_thousands_in_vietnamese(context, qtbot) -> None:
    """2055 unsent changes read "2.055 thay đổi chưa gửi", as the dossier count beside them is written."""
    bar = _bar(context, qtbot)
    assert bar.unsent.text() == "2.055 thay đổi chưa gửi"
    assert "1.200 xung đột chờ xử lý" in bar.conflicts.text()


def test_the_status_bar_groups_thousands_in_english(context, qtbot, english) -> None:
    """In English: "2,055 unsent changes", "1,200 conflicts"; a small count is left as it is."""
    bar = _bar(context, qtbot)
    assert bar.unsent.text() == "2,055 unsent changes"
    assert "1,200" in bar.conflicts.text() and "1200" not in bar.conflicts.text()
    bar.show_status(SyncStatus(unsent=1, last_sync=None, open_conflicts=0))
    assert bar.unsent.text() == "1 unsent change"


def test_messages_worded_outside_qt_classes_group_too(english) -> None:
    """``_t`` with a count (the council's summaries, the sync report) groups it in English, and the days left
    in the dossier list do too."""
    assert _t("%n hồ sơ", "", 12500) == "12,500 dossiers"
    model = list_model.DossierTableModel()
    assert model.tr("Còn %n ngày", "", 1500) == "1,500 days left"
    assert formats.count(12500) == "12,500"


def test_the_command_line_groups_counts_in_vietnamese_without_qt() -> None:
    """Without Qt's translators (the ``ocop`` command), the Vietnamese source still groups the count."""
    previous = i18n.use("vi")
    try:
        assert _t("%n hồ sơ", "", 12500) == "12.500 hồ sơ"
        assert _t("%n hồ sơ", "", 7) == "7 hồ sơ"
    finally:
        i18n.use(*previous)


def test_other_messages_still_reach_qts_own_words(qtbot) -> None:
    """The counts' translator steps aside for every message without a count: Qt's buttons stay Vietnamese."""
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Huỷ"
