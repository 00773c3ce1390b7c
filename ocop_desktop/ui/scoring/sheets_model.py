"""The list of my sheets as a table model: drafts first, then dossiers waiting for me, then submitted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ocop_core.domain.text import collation_key
from ocop_desktop.formats import decimal
from ocop_desktop.services.sheet_view import NOT_STARTED, MySheetRow
from ocop_desktop.ui.scoring import colours
from ocop_desktop.words import sheet_statuses, word

PRODUCT, DOSSIER, MEMBER, STATUS, TOTAL, STARS = range(6)
COLUMNS = (PRODUCT, DOSSIER, MEMBER, STATUS, TOTAL, STARS)
STATUS_ORDER = {"draft": 0, NOT_STARTED: 1, "submitted": 2}
STATUS_COLOURS = {"draft": "#b45309", NOT_STARTED: "#1d4ed8", "submitted": "#15803d"}
ROW_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def row_identity(row: MySheetRow) -> str | tuple[str, str]:
    """A started sheet is known by its id (a rescore shares its dossier and member with the old one)."""
    return row.sheet_id or row.key


class MySheetsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[MySheetRow] = []

    def headers(self) -> dict[int, str]:
        return {PRODUCT: self.tr("Sản phẩm"), DOSSIER: self.tr("Mã hồ sơ"), MEMBER: self.tr("Thành viên"),
                STATUS: self.tr("Trạng thái"), TOTAL: self.tr("Điểm"), STARS: self.tr("Hạng")}

    def set_rows(self, rows: tuple[MySheetRow, ...] | list[MySheetRow]) -> None:
        ordered = sorted(rows, key=lambda r: (STATUS_ORDER.get(r.status, 9), collation_key(r.product_name),
                                              collation_key(r.dossier_code), collation_key(r.member_name)))
        if [row_identity(r) for r in ordered] == [row_identity(r) for r in self._rows]:
            # Same rows in the same order: update in place so the view keeps its selection and scroll.
            self._rows = ordered
            if ordered:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ordered) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows = ordered
        self.endResetModel()

    def row_at(self, row: int) -> MySheetRow:
        return self._rows[row]

    def find(self, identity: str | tuple[str, str]) -> int | None:
        return next((i for i, r in enumerate(self._rows) if row_identity(r) == identity), None)

    def rows(self) -> tuple[MySheetRow, ...]:
        return tuple(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == PRODUCT:
            return f"{row.product_name}\n{row.dossier_code} · {row.member_name}"
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return QColor(STATUS_COLOURS.get(row.status, colours.MUTED))
        if role == Qt.ItemDataRole.ForegroundRole and column == STARS:
            return QColor("#b45309")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TOTAL, STARS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def _text(self, row: MySheetRow, column: int) -> str:
        if column == PRODUCT:
            return row.product_name
        if column == DOSSIER:
            return row.dossier_code
        if column == MEMBER:
            return row.member_name
        if column == STATUS:
            return word(sheet_statuses(), row.status)
        if column == TOTAL:
            return decimal(row.total) if row.sheet_id else ""
        if column == STARS:
            return "★" * row.stars if row.sheet_id and row.stars else ""
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers().get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
