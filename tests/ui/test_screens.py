"""Every main screen with demo data, as a person sees it: a PNG of each, and no English words in the
Vietnamese interface (nor Vietnamese in the English one)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from ocop_desktop.ui import translations
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.sections import default_sections

# Words that would mean a string escaped translation (whole words, case-sensitive as UI text is).
ENGLISH = {"Save", "Cancel", "Open", "Delete", "Search", "Name", "Status", "Error", "File", "Add", "Remove", "Edit",
           "Close", "Submit", "Sync", "Loading", "Yes", "No", "OK", "Apply", "Help", "Settings", "Export", "Import",
           "Print", "Next", "Back", "Select", "Filter", "None", "True", "False", "Unknown", "Total", "Date", "Type",
           "Product", "Producer", "Dossier", "Council", "Member", "Score", "Sheet", "Stars", "Criteria", "Conflict",
           "Server", "Offline", "Online", "Approve", "Publish", "Preview", "Login", "Password", "User", "Warning"}
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def _chrome(root: QWidget) -> list[tuple[str, str]]:
    """The interface's own words (not the data in tables): labels, buttons, tabs, hints, headers."""
    found = [("window", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        name = type(w).__name__
        if isinstance(w, QLabel | QAbstractButton):
            found.append((name, re.sub(r"<[^>]+>", " ", w.text())))
        elif isinstance(w, QLineEdit):
            found.append((name, w.placeholderText()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QTabWidget):
            found += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None and hasattr(w, "horizontalHeader"):
            model = w.model()
            found += [(name, str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(model.columnCount())]
        if w.toolTip():
            found.append((name + ".toolTip", w.toolTip()))
    return [(kind, text) for kind, text in found if text and text.strip()]


def _window(context, tmp_path, qtbot) -> MainWindow:
    window = MainWindow(context, default_sections(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def test_screenshot_of_every_main_screen(context, tmp_path, qtbot, screenshots):
    """Each section opens on demo data without error and is saved as build/screenshots/screen_<key>.png."""
    window = _window(context, tmp_path, qtbot)
    for section in window.sections:
        window.show_section(section.key)
        QApplication.processEvents()
        assert window.grab().save(str(screenshots / f"screen_{section.key}.png"))
    assert [s.key for s in window.sections] == ["dossiers", "scoring", "councils", "map", "sync", "admin"]


def test_the_vietnamese_interface_has_no_english_words(context, tmp_path, qtbot):
    window = _window(context, tmp_path, qtbot)
    chrome = _chrome(window)
    assert len(chrome) > 150 and any("Đồng bộ" in text for _, text in chrome)  # the walk sees every page
    leaks = [(kind, text) for kind, text in chrome
             if ENGLISH & set(re.findall(r"[A-Za-z]+", unicodedata.normalize("NFC", text)))]
    assert not leaks, leaks[:20]


def test_the_english_interface_has_no_vietnamese_words(context, tmp_path, qtbot, qapp):
    """With English chosen, the interface's own words are English (data such as names stay as typed)."""
    for translator in list(qapp.findChildren(type(translations.install(qapp, "vi")[0]))):
        qapp.removeTranslator(translator)
    try:
        installed = translations.install(qapp, "en")
        assert installed, "ocop_en.qm was not built: run make translations"
        window = _window(context, tmp_path, qtbot)
        names = {context.user.full_name, "Hà Tĩnh", "OCOP Hà Tĩnh"}
        leaks = [(kind, text) for kind, text in _chrome(window)
                 if VIETNAMESE_LETTERS.search(text) and not any(n in text for n in names)]
        assert not leaks, leaks[:20]
    finally:
        for translator in list(qapp.findChildren(type(installed[0])) if installed else []):
            qapp.removeTranslator(translator)
        translations.install(qapp, "vi")


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch):
    """A screen must not open a dialog just by being shown."""
    from PySide6.QtWidgets import QMessageBox

    for name in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"a dialog opened: {a[1:3]}"))
