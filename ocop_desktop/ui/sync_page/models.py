"""Table models of the sync screen: open conflicts, past syncs, changes the server refused, rows received
and not stored.

Each holds frozen rows from the services and is refilled whole (they are short lists), so the views
never see an ORM object and a refresh cannot leave a half-updated table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ocop_desktop import formats
from ocop_desktop.i18n import _t
from ocop_desktop.services.conflicts import ConflictView
from ocop_desktop.services.sync_history import HeldRowView, QuarantinedView, SyncRunView
from ocop_desktop.ui.sync_page import words
from ocop_desktop.words import entities, fields, refusal_text, sync_outcomes, word
from ocop_desktop.words.sync_scope import held_reason

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole  # the frozen row behind a line, for the screen's actions


class _RowsModel(QAbstractTableModel):
    """Rows of one dataclass; subclasses name their columns and say how each cell reads."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    NUMERIC: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1


def _one_line(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class ConflictsModel(_RowsModel):
    COLUMNS = ("entity", "label", "field", "server", "device")
    ENTITY, LABEL, FIELD, SERVER, DEVICE = range(5)

    def headers(self) -> list[str]:
        return [_t("Loại"), _t("Bản ghi"), _t("Trường"), _t("Giá trị trên máy chủ"),
                _t("Giá trị của máy gửi sau")]

    def cell(self, row: ConflictView, column: int) -> str:
        show: Callable[[Any], str] = lambda v: _one_line(words.value(row.entity, row.field, v))  # noqa: E731
        device = show(row.device_value)
        if row.from_this_device:
            device = _t("{value} (máy này)").format(value=device)
        return [word(entities(), row.entity), row.label or row.entity_id[:8], word(fields(), row.field),
                show(row.server_value), device][column]

    def tooltip(self, row: ConflictView, column: int) -> str | None:
        if column == self.SERVER:
            return words.value(row.entity, row.field, row.server_value)
        if column == self.DEVICE:
            source = _t("Từ máy này") if row.from_this_device else _t("Từ một máy khác")
            return f"{source}: {words.value(row.entity, row.field, row.device_value)}"
        return None


class HistoryModel(_RowsModel):
    COLUMNS = ("started", "outcome", "pushed", "pulled", "conflicts", "rejected", "detail")
    STARTED, OUTCOME, PUSHED, PULLED, CONFLICTS, REJECTED, DETAIL = range(7)
    NUMERIC = frozenset({PUSHED, PULLED, CONFLICTS, REJECTED})

    def headers(self) -> list[str]:
        return [_t("Bắt đầu"), _t("Kết quả"), _t("Đã gửi"), _t("Đã nhận"), _t("Xung đột"), _t("Bị từ chối"),
                _t("Chi tiết")]

    def cell(self, row: SyncRunView, column: int) -> str:
        return [formats.moment(row.started_at), word(sync_outcomes(), row.outcome), str(row.pushed), str(row.pulled),
                str(row.conflicts), str(row.rejected), _one_line(row.detail)][column]

    def tooltip(self, row: SyncRunView, column: int) -> str | None:
        if column == self.STARTED and row.finished_at is not None:
            return _t("Kết thúc: {when}").format(when=formats.moment(row.finished_at))
        return row.detail or None if column == self.DETAIL else None


class QuarantineModel(_RowsModel):
    COLUMNS = ("when", "entity", "label", "fields", "reason")
    WHEN, ENTITY, LABEL, FIELDS, REASON = range(5)

    def headers(self) -> list[str]:
        return [_t("Thời điểm sửa"), _t("Loại"), _t("Bản ghi"), _t("Trường đã sửa"), _t("Lý do máy chủ từ chối")]

    def cell(self, row: QuarantinedView, column: int) -> str:
        return [formats.moment(row.created_at), word(entities(), row.entity), row.label or row.entity_id[:8],
                ", ".join(word(fields(), f) for f in row.fields if f not in ("id", "created_at", "updated_at")),
                refusal_text(row.reason)][column]

    def tooltip(self, row: QuarantinedView, column: int) -> str | None:
        return row.reason if column == self.REASON else None


class HeldRowsModel(_RowsModel):
    COLUMNS = ("when", "entity", "id", "reason")
    WHEN, ENTITY, ID, REASON = range(4)

    def headers(self) -> list[str]:
        return [_t("Thời điểm nhận"), _t("Loại"), _t("Mã bản ghi"), _t("Lý do chưa lưu được")]

    def cell(self, row: HeldRowView, column: int) -> str:
        return [formats.moment(row.received_at), word(entities(), row.entity), row.entity_id[:8],
                held_reason(row.reason)][column]

    def tooltip(self, row: HeldRowView, column: int) -> str | None:
        return row.reason if column == self.REASON else (row.entity_id if column == self.ID else None)
