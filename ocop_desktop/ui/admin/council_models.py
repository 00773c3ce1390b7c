"""Read-only table models of the councils tab, over the frozen rows the assignment service returns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ocop_desktop.formats import day
from ocop_desktop.i18n import _t
from ocop_desktop.services.assignments import AssignmentRow, CouncilRow, DossierRow
from ocop_desktop.services.council_setup import Seat
from ocop_desktop.words import dossier_kinds, dossier_statuses, member_roles

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    numeric: bool = False


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of one frozen dataclass; each column is a header and how to show a row in it."""

    def __init__(self, columns: Sequence[Column[T]], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(self._rows[index.row()], "id", None)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None


def _decision(row: CouncilRow) -> str:
    if row.decision_no and row.decision_date:
        return _t("{no} ngày {day}").format(no=row.decision_no, day=day(row.decision_date))
    return row.decision_no or day(row.decision_date) or _t("Chưa có")


def council_model(parent=None) -> RowsModel[CouncilRow]:
    return RowsModel([
        Column(_t("Tên hội đồng"), lambda r: r.name),
        Column(_t("Địa bàn"), lambda r: r.admin_unit_name or r.admin_unit_code),
        Column(_t("Bộ tiêu chí"), lambda r: r.criteria_set_code or _t("Chưa chọn")),
        Column(_t("Quyết định thành lập"), _decision),
        Column(_t("Thành viên"), lambda r: str(r.members), numeric=True),
        Column(_t("Hồ sơ đã giao"), lambda r: str(r.assigned), numeric=True),
    ], parent)


def dossier_columns() -> list[Column[DossierRow]]:
    kinds = dossier_kinds()
    return [
        Column(_t("Mã hồ sơ"), lambda r: r.code),
        Column(_t("Sản phẩm"), lambda r: r.product),
        Column(_t("Chủ thể"), lambda r: r.producer),
        Column(_t("Xã/phường"), lambda r: r.commune),
        Column(_t("Loại"), lambda r: kinds.get(r.kind, r.kind)),
    ]


def dossier_model(parent=None) -> RowsModel[DossierRow]:
    return RowsModel(dossier_columns(), parent)


def assignment_model(parent=None) -> RowsModel[AssignmentRow]:
    statuses = dossier_statuses()
    columns = [Column(c.header, lambda r, text=c.text: text(r.dossier)) for c in dossier_columns()[:3]]
    columns.append(Column(_t("Trạng thái"), lambda r: statuses.get(r.dossier.status, r.dossier.status)))
    return RowsModel(columns, parent)


def member_model(usernames: dict[str, str] | None = None, parent=None) -> RowsModel[Seat]:
    """The seats of the council form; ``usernames`` maps account ids to logins (a seat set up before seats
    were linked to accounts shows none)."""
    roles = member_roles()
    logins = usernames or {}
    return RowsModel([
        Column(_t("Họ và tên"), lambda m: m.full_name),
        Column(_t("Tài khoản"), lambda m: logins.get(m.user_id or "", "") or _t("(chưa gắn tài khoản)")),
        Column(_t("Vai trò"), lambda m: roles.get(m.role, m.role)),
        Column(_t("Đơn vị công tác"), lambda m: m.organisation),
        Column(_t("Chấm điểm"), lambda m: _t("Có") if m.scores else _t("Không")),
    ], parent)
