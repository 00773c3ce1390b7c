"""The council page's real dialogs, kept apart so tests can put plain functions in their place."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_name(name: str) -> str:
    """A suggested file name every system accepts: Windows refuses these characters."""
    return UNSAFE_IN_NAMES.sub("-", name)


def with_suffix(path: str, suffix: str) -> str:
    """The dialog does not always add the filter's suffix; a PDF named without ".pdf" would not open."""
    return path if not path or path.lower().endswith(suffix) else path + suffix


def ask_confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested), filters)
    return path
