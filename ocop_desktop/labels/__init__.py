"""QR codes and label sheets of products and lots, and reading a QR code back from a photo (no Qt here:
the PDF sheet is drawn by ocop_desktop.reports.label_sheet_pdf)."""

from __future__ import annotations

from typing import Any

from ocop_core.errors import OcopError


class LabelError(OcopError):
    """A QR code could not be made or read; ``code`` is what the screen turns into words."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, **params)
