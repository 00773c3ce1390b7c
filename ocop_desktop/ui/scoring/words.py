"""Words and number formats the scoring screens need beyond ui/texts.py."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from ocop_desktop.services.sheet_view import NOT_STARTED, PREVIEW
from ocop_desktop.ui import texts

# Colours carry meaning here; each is paired with words so nothing depends on colour alone.
UNANSWERED = "#d97706"
FAILED = "#c62828"
ANSWERED = "#cbd5e1"
MUTED = "#64748b"


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)


def points(value: Decimal | None) -> str:
    """Vietnamese writes 2,5 for two and a half; whole numbers lose their trailing zeros."""
    if value is None:
        return "—"
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def sheet_status(code: str) -> str:
    extra = {NOT_STARTED: _t("Chưa chấm"), PREVIEW: _t("Xem trước")}
    return extra.get(code) or texts.sheet_statuses().get(code, code)


def stars(n: int | None) -> str:
    return texts.stars(n)
