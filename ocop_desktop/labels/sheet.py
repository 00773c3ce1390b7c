"""What a label sheet holds, and its layouts as data: A4 decal sheets sold in Vietnam follow Avery-like
layouts, so a layout is its grid, label size and margins (a printer's own offset is added when drawn)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LabelItem:
    """One label: the address its QR holds and what a person reads beside it."""

    url: str
    product_name: str
    stars: int | None = None
    producer_name: str = ""
    lot_code: str = ""
    produced_on: date | None = None
    expires_on: date | None = None
    expiry_kind: str = "expiry"  # "expiry" (hạn sử dụng) | "best_before"
    lot_id: str | None = None

A4_MM = (210.0, 297.0)
MIN_QR_MM = 18.0  # the printed symbol with its quiet zone, so a phone reads it at arm's length


@dataclass(frozen=True)
class LabelLayout:
    key: str
    columns: int
    rows: int
    width_mm: float
    height_mm: float
    left_mm: float
    top_mm: float
    padding_mm: float = 2.5

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def qr_mm(self) -> float:
        """The QR's side (quiet zone included): the label's height less its padding, at most half its width."""
        return min(self.height_mm - 2 * self.padding_mm, self.width_mm / 2)

    def origin(self, index: int) -> tuple[float, float]:
        """Top-left corner in millimetres of the ``index``-th label on its sheet, row by row."""
        place = index % self.per_sheet
        row, column = divmod(place, self.columns)
        return self.left_mm + column * self.width_mm, self.top_mm + row * self.height_mm


# Ordered as the dialog offers them: the common 24-up sheet first.
LAYOUTS: dict[str, LabelLayout] = {layout.key: layout for layout in (
    LabelLayout("3x8", 3, 8, 70.0, 37.0, 0.0, 0.5),
    LabelLayout("3x7", 3, 7, 63.5, 38.1, 9.75, 15.15),
    LabelLayout("2x5", 2, 5, 105.0, 57.0, 0.0, 6.0),
)}


def sheets_needed(count: int, layout: LabelLayout) -> int:
    return -(-count // layout.per_sheet)
