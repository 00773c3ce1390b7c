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
