"""Table model of one evaluation session: a row per dossier, members' totals, then the council's outcome."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ocop_core.domain.text import fold
from ocop_desktop.formats import decimal, stars
from ocop_desktop.services.council_view import CouncilView, DossierRow, MemberCell, MemberInfo
from ocop_desktop.words import member_roles, recommendations, result_flags, word
from ocop_desktop.words.council_documents import document_failures_text

COL_CODE = 0
COL_PRODUCT = 1
FIRST_MEMBER = 2  # one column per scoring member follows, then the outcome's columns in TAIL order
TAIL = ("mean", "spread", "quorum", "stars", "recommendation", "approved")
DOSSIER_ID_ROLE = Qt.ItemDataRole.UserRole
RED = QColor("#c00000")
GREY = QColor("#777777")
Index = QModelIndex | QPersistentModelIndex


class CouncilTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.view: CouncilView | None = None
        self.query = ""
        self._rows: tuple[DossierRow, ...] = ()

    def set_view(self, view: CouncilView | None) -> None:
        self.beginResetModel()
        self.view = view
        self._rows = self._matching()
        self.endResetModel()

    def set_query(self, query: str) -> None:
        """Shows only the dossiers whose code, product or producer holds every word typed, accents optional."""
        self.beginResetModel()
        self.query = query
        self._rows = self._matching()
        self.endResetModel()

    def _matching(self) -> tuple[DossierRow, ...]:
        rows = self.view.rows if self.view else ()
        words = fold(self.query).split()
        if not words:
            return rows
        return tuple(r for r in rows if all(w in fold(f"{r.code} {r.product} {r.producer}") for w in words))

    def rows(self) -> tuple[DossierRow, ...]:
        """The rows shown, in order."""
        return self._rows

    # ---- shape -------------------------------------------------------------------------------------
    def _members(self) -> tuple[MemberInfo, ...]:
        return self.view.scorers if self.view else ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.view is None else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.view is None:
            return 0
        return FIRST_MEMBER + len(self._members()) + len(TAIL)

    def column_key(self, column: int) -> str:
        """"code", "product", "member", or one of TAIL."""
        if column == COL_CODE:
            return "code"
        if column == COL_PRODUCT:
            return "product"
        if column < FIRST_MEMBER + len(self._members()):
            return "member"
        return TAIL[column - FIRST_MEMBER - len(self._members())]

    def column_of(self, key: str) -> int:
        return FIRST_MEMBER + len(self._members()) + TAIL.index(key)

    def member_at(self, column: int) -> MemberInfo | None:
        members = self._members()
        k = column - FIRST_MEMBER
        return members[k] if 0 <= k < len(members) else None

    def row_at(self, row: int) -> DossierRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def cell_at(self, index: Index) -> MemberCell | None:
        """The member's cell under ``index``, or None outside the members' columns."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or self.member_at(index.column()) is None:
            return None
        return row.cells[index.column() - FIRST_MEMBER]

    def row_of(self, dossier_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.dossier_id == dossier_id), -1)

    # ---- content -----------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < self.columnCount():
            return None
        member = self.member_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if member is not None:
                # Family and middle names over the given name: five full names side by side are too wide.
                family, _, given = member.full_name.rpartition(" ")
                return f"{family}\n{given}" if family else given
            return {"code": self.tr("Mã hồ sơ"), "product": self.tr("Sản phẩm"), "mean": self.tr("Điểm TB"),
                    "spread": self.tr("Chênh lệch"), "quorum": self.tr("Số phiếu"), "stars": self.tr("Hạng sao"),
                    "recommendation": self.tr("Kiến nghị"), "approved": self.tr("Phê duyệt")}[
                self.column_key(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            if member is not None:
                return f"{member.full_name} – {word(member_roles(), member.role)}"
            if self.column_key(section) == "spread" and self.view and self.view.spread_limit is not None:
                return self.tr("Giới hạn chênh lệch: {n} điểm").format(n=decimal(self.view.spread_limit))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < self.columnCount():
            return None
        key = self.column_key(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key, index.column())
        if role == DOSSIER_ID_ROLE:
            return row.dossier_id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("member", "mean", "spread"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, key, index.column())
        if role == Qt.ItemDataRole.FontRole and (key == "mean" or (key == "spread" and row.spread_exceeded)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key, index.column())
        return None

    def _display(self, row: DossierRow, key: str, column: int) -> str:
        if key == "code":
            return row.code
        if key == "product":
            return row.product
        if key == "member":
            cell = row.cells[column - FIRST_MEMBER]
            if cell.status is None:
                return "–"
            return decimal(cell.total) if cell.submitted else self.tr("{n} (nháp)").format(
                n=decimal(cell.total))
        if key == "mean":
            return decimal(row.mean)
        if key == "spread":
            return decimal(row.spread)
        if key == "quorum":
            return f"{row.present}/{len(row.cells)}"
        if key == "stars":
            return stars(row.final_stars)
        if key == "recommendation":
            return self._short_recommendation(row.official)
        return self.tr("Đã duyệt") if row.approved else "–"

    def _short_recommendation(self, code: str) -> str:
        """The cell's short form; the tooltip and the detail panel carry the full sentence."""
        return {"recognise_province": self.tr("Tỉnh công nhận"), "forward_central": self.tr("Trình Trung ương"),
                "not_recognised": self.tr("Không đạt"), "not_ready": self.tr("Chưa đủ điều kiện")}.get(code, code)

    def _colour(self, row: DossierRow, key: str, column: int) -> QBrush | None:
        if key == "spread" and row.spread_exceeded:
            return QBrush(RED)
        if key == "quorum" and not row.quorum_met:
            return QBrush(RED)
        if key == "stars" and row.documents:  # capped by a missing or expired document, named in the tooltip
            return QBrush(RED)
        if key == "member" and not row.cells[column - FIRST_MEMBER].submitted:
            return QBrush(GREY)
        return None

    def _tooltip(self, row: DossierRow, key: str, column: int) -> str | None:
        if key == "product":
            return row.producer
        if key == "member":
            cell = row.cells[column - FIRST_MEMBER]
            if cell.status is None:
                return self.tr("Chưa chấm")
            state = self.tr("Đã nộp") if cell.submitted else self.tr("Đang chấm, chưa nộp")
            return self.tr("{state} · theo phiếu: {stars}").format(state=state, stars=stars(cell.stars))
        if key == "spread" and row.spread_exceeded:
            return word(result_flags(), "rescore")
        if key == "quorum":
            return self.tr("Đủ số lượng theo quy định") if row.quorum_met else word(result_flags(), "no_quorum")
        if key == "recommendation":
            return word(recommendations(), row.official)
        if key == "stars" and row.documents:
            return document_failures_text(row.documents, "\n")
        return None
