"""Vietnamese first: Qt's own words are Vietnamese too, and every Linguist file is complete."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ocop_desktop.ui.translations import translations_dir


def test_standard_buttons_speak_vietnamese(vietnamese, qtbot):
    """OK / Cancel / Yes / No of Qt's dialogs show in Vietnamese (PySide6 ships no Vietnamese of its own)."""
    assert vietnamese, "qt_vi.qm was not built: run make translations"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    texts = {b.text() for b in buttons.buttons()}
    assert texts == {"Đồng ý", "Huỷ"}
    box = QMessageBox(QMessageBox.Icon.Question, "Xác nhận", "Nộp phiếu?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Có", "Không"}


def test_every_translation_file_is_finished():
    """No message in a committed .ts file is left unfinished or empty."""
    files = sorted(translations_dir().glob("*.ts"))
    assert files
    for path in files:
        for message in ET.parse(path).getroot().iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            assert translation is not None and translation.get("type") not in ("unfinished", "obsolete") \
                and "".join(translation.itertext()).strip(), f"{path.name}: {source!r} is not translated"


def test_counts_agree_with_their_number_in_english(qapp):
    """%n messages: "1 unsent change", "2 unsent changes" in English; the Vietnamese source needs no plural."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    english = QTranslator()
    assert english.load(str(translations_dir() / "ocop_en.qm"))
    assert english.translate("SyncPage", "%n thay đổi chưa gửi", "", 1) == "%n unsent change"
    assert english.translate("SyncPage", "%n thay đổi chưa gửi", "", 2) == "%n unsent changes"
    QCoreApplication.installTranslator(english)
    try:
        said = [QCoreApplication.translate("DossierTableModel", "Còn %n ngày", "", n) for n in (1, 40)]
    finally:
        QCoreApplication.removeTranslator(english)
    assert said == ["1 day left", "40 days left"]
    assert QCoreApplication.translate("DossierTableModel", "Còn %n ngày", "", 1) == "Còn 1 ngày"
    # every message with a count has both English forms
    for message in ET.parse(translations_dir() / "ocop_en.ts").getroot().iter("message"):
        if "%n" in (message.findtext("source") or ""):
            assert message.get("numerus") == "yes", message.findtext("source")
            assert len(message.find("translation").findall("numerusform")) == 2, message.findtext("source")
