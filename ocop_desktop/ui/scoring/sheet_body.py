"""The scrolling part of the sheet: parts A/B/C as sections, their groups, and a row per criterion."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ocop_desktop.formats import decimal
from ocop_desktop.services.sheet_view import SheetView
from ocop_desktop.ui.scoring import colours
from ocop_desktop.ui.scoring.criterion_row import CriterionRow

# One style sheet for the whole body: a sheet per widget made opening a sheet and every click slow.
STYLE = f"""
QWidget#sheetBody {{ background: #f1f5f9; }}
QLabel#partHeading {{ font-size: 16px; font-weight: 700; color: #1e3a8a; margin-top: 6px; }}
QLabel#groupHeading {{ font-size: 14px; font-weight: 600; color: #334155; margin-top: 2px; }}
QFrame#criterion {{ background: white; border: 1px solid #e2e8f0; border-left: 5px solid {colours.UNANSWERED};
                    border-radius: 4px; }}
QFrame#criterion[state="answered"] {{ border-left-color: {colours.ANSWERED}; }}
QFrame#criterion[state="failed"] {{ border-left-color: {colours.FAILED}; }}
QLabel#criterionTitle {{ font-size: 14px; }}
QLabel#guidance {{ color: {colours.MUTED}; font-style: italic; }}
QLabel#subitem {{ font-weight: 600; margin-top: 4px; }}
QLabel#muted {{ color: {colours.MUTED}; }}
QLabel#badge {{ color: {colours.FAILED}; border: 1px solid {colours.FAILED}; border-radius: 3px; padding: 0 4px; }}
QLabel#tag {{ color: {colours.UNANSWERED}; font-weight: 600; }}
QLabel#tag[state="failed"] {{ color: {colours.FAILED}; }}
QWidget#option {{ border-radius: 4px; }}
QWidget#option[look="chosen"] {{ background: #f1f5f9; }}
QWidget#option[look="focused"] {{ background: #dbeafe; }}
QWidget#option QLabel {{ color: #0f172a; }}
"""


class SheetBody(QWidget):
    """Made anew for each sheet shown: handed to the scroll area, it is shown (and laid out) at once,
    where widgets added to an already visible parent would only appear on the next event-loop turn."""

    def __init__(self, view: SheetView | None = None, answers: dict[tuple[str, str | None], str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sheetBody")
        self.setStyleSheet(STYLE)
        self.rows: dict[str, CriterionRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        self.layout_key: tuple[str, str] | None = None
        if view is not None:
            self._build(layout, view)
            self.fill(view, answers or {})
        layout.addStretch(1)

    @staticmethod
    def key_of(view: SheetView) -> tuple[str, str]:
        return (view.criteria_set.id, view.product_set.code)

    def fill(self, view: SheetView, answers: dict[tuple[str, str | None], str]) -> None:
        """Shows a sheet's answers on rows already built for its criteria: most sheets share one
        layout, and refilling it is instant where building it takes a noticeable moment."""
        for code, row in self.rows.items():
            for slot in row.criterion.slots:
                row.set_choice(slot, answers.get((code, slot)))
            row.set_comment(view.comment(code))

    def _build(self, layout: QVBoxLayout, view: SheetView) -> None:
        """Widgets are made in reading order, which is also the Tab order."""
        self.layout_key = self.key_of(view)
        for part in view.parts:
            heading = QLabel(self.tr("Phần {code}. {name} — {points} điểm").format(
                code=html.escape(part.code), name=html.escape(part.name), points=decimal(part.max_points)), self)
            heading.setObjectName("partHeading")
            heading.setWordWrap(True)
            layout.addWidget(heading)
            for group in part.groups:
                sub = QLabel(f"{html.escape(group.code)}  {html.escape(group.name)}", self)
                sub.setObjectName("groupHeading")
                sub.setWordWrap(True)
                layout.addWidget(sub)
                for criterion in group.criteria:
                    row = CriterionRow(criterion, self)
                    self.rows[criterion.code] = row
                    layout.addWidget(row)
