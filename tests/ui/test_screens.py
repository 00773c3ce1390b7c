"""Every main screen with demo data, as a person sees it: a PNG of each, and no English words in the
Vietnamese interface (nor Vietnamese in the English one)."""

from __future__ import annotations

import ast
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
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
    for section in window.sections:  # pages are built when first opened
        window.show_section(section.key)
    window.show_section(window.sections[0].key)
    return window


def test_screenshot_of_every_main_screen(context, tmp_path, qtbot, screenshots):
    """Each section opens on demo data without error and is saved as build/screenshots/screen_<key>.png."""
    window = _window(context, tmp_path, qtbot)
    for section in window.sections:
        window.show_section(section.key)
        QApplication.processEvents()
        assert window.grab().save(str(screenshots / f"screen_{section.key}.png"))
    assert [s.key for s in window.sections] == ["dossiers", "scoring", "councils", "map", "sync", "admin", "overview",
                                               "tasks"]


def test_the_vietnamese_interface_has_no_english_words(context, tmp_path, qtbot):
    window = _window(context, tmp_path, qtbot)
    chrome = _chrome(window)
    assert len(chrome) > 150 and any("Đồng bộ" in text for _, text in chrome)  # the walk sees every page
    leaks = [(kind, text) for kind, text in chrome
             if ENGLISH & set(re.findall(r"[A-Za-z]+", unicodedata.normalize("NFC", text)))]
    assert not leaks, leaks[:20]


def test_the_english_interface_has_no_vietnamese_words(context, tmp_path, qtbot, qapp):
    """With English chosen, no interface sentence is left in Vietnamese (names and data stay as typed,
    so the check looks for the interface's own Vietnamese sentences, from the Linguist file)."""
    linguist = ET.parse(translations.translations_dir() / "ocop_en.ts")
    sources = [m.findtext("source") or "" for m in linguist.iter("message")]
    fragments = {f.strip() for text in sources for f in re.split(r"\{[^}]*\}|%n|\n|<[^>]+>", text)
                 if len(f.strip()) >= 8 and VIETNAMESE_LETTERS.search(f)}
    removed = [t for t in qapp.findChildren(QTranslator)]
    for translator in removed:
        qapp.removeTranslator(translator)
    try:
        assert translations.install(qapp, "en"), "ocop_en.qm was not built: run make translations"
        window = _window(context, tmp_path, qtbot)
        chrome = _chrome(window)
        assert any("Sync" in text for _, text in chrome)
        # Data stays as typed: people's, producers' and products' names, and names quoted “like this”.
        names = sorted({context.user.full_name, *_names(context)}, key=len, reverse=True)

        def without_data(text: str) -> str:
            for name in names:
                text = text.replace(name, "")
            return re.sub(r"“[^”]*”", "", text)

        chrome = [(kind, without_data(text)) for kind, text in chrome]
        leaks = [(kind, text) for kind, text in chrome if any(f in text for f in fragments)]
        assert not leaks, leaks[:20]
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
        translations.install(qapp, "vi")


def _names(context) -> set[str]:
    from sqlalchemy import select

    from ocop_desktop.db.models import CouncilMember, Producer, Product

    with context.runner.db.session() as session:
        return {n for model in (Producer, Product, CouncilMember)
                for n in session.scalars(select(model.full_name if model is CouncilMember else model.name)) if n}


def test_every_vietnamese_literal_in_the_interface_goes_through_translation():
    """A Vietnamese string in ui/ or reports/ outside tr()/_t()/translate() would never reach English."""
    allowed = {"Tiếng Việt", "OCOP Hà Tĩnh"}  # a language's own name; the product's proper name
    root = Path(__file__).resolve().parents[2] / "ocop_desktop"
    bad = []
    for path in sorted([*root.joinpath("ui").rglob("*.py"), *root.joinpath("reports").rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and VIETNAMESE_LETTERS.search(node.value)) or node.value in allowed:
                continue
            parent = parents.get(node)
            while isinstance(parent, ast.JoinedStr | ast.BinOp):
                parent = parents.get(parent)
            if isinstance(parent, ast.Expr) or "The new language" in node.value:
                continue  # a docstring; the one message written in both languages on purpose
            if isinstance(parent, ast.Call) and getattr(parent.func, "attr", getattr(parent.func, "id", "")) in (
                    "tr", "_t", "translate"):
                continue
            bad.append(f"{path.relative_to(root)}:{node.lineno}: {node.value[:50]!r}")
    assert not bad, bad


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch):
    """A screen must not open a dialog just by being shown."""
    from PySide6.QtWidgets import QMessageBox

    for name in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"a dialog opened: {a[1:3]}"))
