"""The dossier table: rows from the read model, Vietnamese sorting, and filtering fast enough to run per keystroke."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import compress
from operator import itemgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.dossier_status import STATUSES
from ocop_core.domain.text import collation_ranks, fold
from ocop_desktop import formats, words
from ocop_desktop.services.dossier_rows import DossierRow, choices, search_texts

CODE, PRODUCT, PRODUCER, COMMUNE, GROUP, STATUS, STARS, EXPIRY = range(8)
COLUMN_COUNT = 8
ID_ROLE = int(Qt.ItemDataRole.UserRole)  # the dossier id of a row
SORT_ROLE = ID_ROLE + 1  # an int whose order is the column's Vietnamese order

_EXPIRED, _EXPIRING = QColor("#b3261e"), QColor("#9a5b00")
_REMEMBERED_SEARCHES = 16
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT, _FOREGROUND = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ForegroundRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, ID_ROLE, SORT_ROLE})
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
EXPIRY_WARNING_DAYS = 183  # about six months: the renewal dossier takes that long to prepare


@dataclass(frozen=True, slots=True)
class DossierColumns:
    """The rows as one list per field, in DossierRow's field order: filters scan one list, and a saved
    copy loads as a dozen lists instead of 50,000 objects."""

    ids: list[str]
    codes: list[str]
    statuses: list[str]
    kinds: list[str]
    products: list[str]
    producers: list[str]
    commune_codes: list[str]
    commune_names: list[str]
    subgroups: list[str]
    stars: list[int | None]
    expiry_days: list[int]  # date.toordinal() of expires_on; NO_EXPIRY when there is none

    @classmethod
    def of(cls, rows: list[DossierRow]) -> DossierColumns:
        if not rows:
            return cls(*([] for _ in range(len(cls.__slots__))))
        # One C-level pass per field: zip(*rows) over 50,000 tuples is four times slower.
        *lists, expires = (list(map(itemgetter(k), rows)) for k in range(len(cls.__slots__)))
        return cls(*lists, [e.toordinal() if e else NO_EXPIRY for e in expires])

    def __len__(self) -> int:
        return len(self.ids)

    def row(self, i: int) -> DossierRow:
        *values, day = (getattr(self, f)[i] for f in self.__slots__)
        return DossierRow(*values, date.fromordinal(day) if day else None)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the model needs, worked out away from the interface thread. ``version`` names the database
    state it was read from (services.dossier_list.list_version); None when unknown."""

    columns: DossierColumns
    group_names: dict[str, str]
    haystacks: list[str]
    ranks: dict[int, list[int]]
    version: str | None = None
    orders: dict[int, list[int]] = field(default_factory=dict)  # column -> every row, ascending
    communes: list[tuple[str, str]] = field(default_factory=list)  # (code, name): the filter's choices
    groups: list[tuple[str, str]] = field(default_factory=list)  # (subgroup code, name), in Vietnamese order


NO_EXPIRY = 0  # no date has ordinal 0
_TEXT_COLUMNS = {CODE: "codes", PRODUCT: "products", PRODUCER: "producers", COMMUNE: "commune_names"}


def _sort_ranks(cols: DossierColumns, column: int, group_names: dict[str, str]) -> list[int]:
    if column == STATUS:
        workflow = {status: i for i, status in enumerate(STATUSES)}
        return [workflow.get(s, len(STATUSES)) for s in cols.statuses]
    if column == STARS:
        return [s or 0 for s in cols.stars]
    if column == EXPIRY:
        # No recognition sorts after every date, so "soonest first" starts with real deadlines.
        never = date.max.toordinal() + 1
        return [day or never for day in cols.expiry_days]
    if column == GROUP:
        return collation_ranks([group_names.get(g, g) for g in cols.subgroups])
    return collation_ranks(getattr(cols, _TEXT_COLUMNS[column]))


def prepare(rows: list[DossierRow], group_names: dict[str, str] | None = None,
            sort_columns: Iterable[int] = (), version: str | None = None) -> Prepared:
    """Search texts and the sort columns' orders for ``rows``. Touches no Qt object, so the page runs it
    on the database thread with the load: at 50,000 rows it is a few hundred milliseconds."""
    names = dict(group_names or {})
    cols = DossierColumns.of(rows)
    ranks = {c: _sort_ranks(cols, c, names) for c in sort_columns if 0 <= c < COLUMN_COUNT}
    # The first screen's order and filter choices are worked out here too, not on the interface thread.
    orders = {c: sorted(range(len(cols)), key=order.__getitem__) for c, order in ranks.items()}
    communes = choices(zip(cols.commune_codes, cols.commune_names, strict=True))
    groups = choices((g, names.get(g, g)) for g in set(cols.subgroups))
    return Prepared(cols, names, search_texts(cols.codes, cols.products, cols.producers, cols.commune_names),
                    ranks, version, orders, communes, groups)


@dataclass(frozen=True, slots=True)
class DossierFilter:
    text: str = ""
    commune: str | None = None  # commune code
    group: str | None = None  # product subgroup code
    status: str | None = None
    stars: int | None = None  # 0: the product has no recognition (none, or all revoked)
    expiring_days: int | None = None  # recognition ends within this many days from today


def matching(cols: DossierColumns, f: DossierFilter, today: date, order: list[int] | None = None) -> list[int]:
    """Positions of the rows passing every filter but the text, in ``order`` (default: as stored). The map
    narrows its producers with this same function, so both sections always show the same dossiers."""
    keep = order if order is not None else list(range(len(cols)))
    for wanted, values in ((f.commune, cols.commune_codes), (f.group, cols.subgroups), (f.status, cols.statuses)):
        if wanted is not None:
            keep = [i for i in keep if values[i] == wanted]
    if f.stars is not None:
        wanted_stars, stars = f.stars or None, cols.stars
        keep = [i for i in keep if stars[i] == wanted_stars]
    if f.expiring_days is not None:
        # Whole numbers of days: NO_EXPIRY (0) is never after today.
        first = today.toordinal()
        last, days = first + f.expiring_days, cols.expiry_days
        keep = [i for i in keep if first < days[i] <= last]
    return list(keep)


class DossierTableModel(QAbstractTableModel):
    """Filters and sorts by itself, over index lists: a QSortFilterProxyModel calls back into Python once
    per row, about ten times slower at 50,000 rows (bench/bench_ui_filter.py)."""

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self._today_fixed = today
        self.today = today or vietnam_today()
        self._cols = DossierColumns.of([])
        self._index_of: dict[str, int] = {}
        self._hay: list[str] = []  # folded code, product, producer and commune of each row
        self._ranks: dict[int, list[int]] = {}
        self._order: list[int] = []  # every row, in the current sort order
        self._base: list[int] = []  # rows passing the non-text filters, in order
        self._base_hay: list[str] | None = []  # their texts; None until a search needs them
        self._visible: list[int] = []
        self._searches: dict[str, tuple[list[int], list[str]]] = {}  # folded text -> shown rows, their texts
        self._filter = DossierFilter()
        self._folded = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.group_names: dict[str, str] = {}
        self.version: str | None = None
        self._words: dict[str, str] = {}

    # -- loading and filtering ------------------------------------------------------------

    def set_rows(self, rows: list[DossierRow], group_names: dict[str, str] | None = None) -> None:
        self.set_prepared(prepare(rows, group_names, [self._sort[0]] if self._sort else []))

    def set_prepared(self, prepared: Prepared) -> None:
        self.beginResetModel()
        self.today = self._today_fixed or vietnam_today()
        cols = self._cols = prepared.columns
        self.group_names = prepared.group_names
        self.version = prepared.version
        self._words = words.dossier_statuses()
        self._index_of = dict(zip(cols.ids, range(len(cols)), strict=True))
        self._hay = prepared.haystacks
        self._ranks = dict(prepared.ranks)
        self._order = list(range(len(cols)))
        if self._sort is not None:
            column, order = self._sort
            ready = prepared.orders.get(column) if order == Qt.SortOrder.AscendingOrder else None
            self._order = ready if ready is not None else self._sorted_order(column, order)
        self._apply_base()
        self._apply_text(fold(self._filter.text))
        self.endResetModel()

    def set_filter(self, new: DossierFilter) -> None:
        if new == self._filter:
            return
        others_changed = replace(new, text="") != replace(self._filter, text="")
        folded = fold(new.text)
        if not others_changed and folded == self._folded:
            self._filter = new
            return
        self.beginResetModel()
        self._filter = new
        if others_changed:
            self._apply_base()
        self._apply_text(folded)
        self.endResetModel()

    @property
    def filter(self) -> DossierFilter:
        return self._filter

    def _apply_base(self) -> None:
        self._base = matching(self._cols, self._filter, self.today, self._order)
        self._base_hay = None  # gathered by the first search: a start shows the list without one
        self._searches.clear()

    def _apply_text(self, folded: str) -> None:
        if not folded.split():  # no words: every row that passes the other filters
            self._visible, self._folded = self._base, folded
            return
        found = self._searches.get(folded)
        if found is None:
            # Typing one more character only narrows an earlier result, so only that is scanned;
            # deleting one finds its earlier result remembered.
            start = max((k for k in self._searches if folded.startswith(k)), key=len, default=None)
            if start is None and self._base_hay is None:
                hay_of = self._hay
                self._base_hay = [hay_of[i] for i in self._base]
            visible, hay = self._searches[start] if start is not None else (self._base, self._base_hay)
            # Every word must appear somewhere in the row; each pass shrinks what the next one scans.
            for word in folded.split():
                mask = [word in h for h in hay]
                visible, hay = list(compress(visible, mask)), list(compress(hay, mask))
            found = self._searches[folded] = (visible, hay)
            if len(self._searches) > _REMEMBERED_SEARCHES:
                del self._searches[next(iter(self._searches))]
        self._visible, self._folded = found[0], folded

    # -- what the view asks ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def total_count(self) -> int:
        return len(self._cols)

    def row_at(self, row: int) -> DossierRow:
        return self._cols.row(self._visible[row])

    @property
    def columns(self) -> DossierColumns:
        return self._cols

    def row_of(self, dossier_id: str) -> int:
        """The shown row of a dossier, or -1 when it is filtered out or gone."""
        try:
            return self._visible.index(self._index_of[dossier_id])
        except (KeyError, ValueError):
            return -1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        # The view asks about eight roles per cell on every repaint: plain int comparisons, and no
        # work at all for the roles this model leaves to the style.
        if role not in _ROLES or not index.isValid():
            return None
        position, column = self._visible[index.row()], index.column()
        if role == _DISPLAY:
            return self._display(position, column)
        if role == ID_ROLE:
            return self._cols.ids[position]
        if role == SORT_ROLE:
            return self._column_ranks(column)[position]
        if role == _ALIGNMENT:
            return _CENTRED if column in (STARS, EXPIRY) else None
        if column == EXPIRY:
            day = self._cols.expiry_days[position]
            if day == NO_EXPIRY:
                return None
            days_left = day - self.today.toordinal()
            if role == _TOOLTIP:
                return self.tr("Đã hết hạn") if days_left <= 0 else self.tr("Còn %n ngày", "", days_left)
            if days_left <= EXPIRY_WARNING_DAYS:  # foreground
                return _EXPIRED if days_left <= 0 else _EXPIRING
            return None
        if role == _TOOLTIP and column in (PRODUCT, PRODUCER, COMMUNE, GROUP):
            return self._display(position, column) + (
                f" ({self._cols.subgroups[position]})" if column == GROUP else "")
        return None

    def _display(self, position: int, column: int) -> str:
        cols = self._cols
        if column == CODE:
            return cols.codes[position]
        if column == PRODUCT:
            return cols.products[position]
        if column == PRODUCER:
            return cols.producers[position]
        if column == COMMUNE:
            return cols.commune_names[position]
        if column == GROUP:
            group = cols.subgroups[position]
            return self.group_names.get(group, group)
        if column == STATUS:
            status = cols.statuses[position]
            return self._words.get(status, status)
        if column == STARS:
            return formats.stars(cols.stars[position], none="—")
        day = cols.expiry_days[position]
        return formats.day(date.fromordinal(day)) if day else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Mã hồ sơ"), self.tr("Sản phẩm"), self.tr("Chủ thể"), self.tr("Xã/phường"),
                    self.tr("Nhóm sản phẩm"), self.tr("Trạng thái"), self.tr("Hạng sao"),
                    self.tr("Hết hạn"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == EXPIRY:
            return self.tr("Ngày hết hạn công nhận OCOP của sản phẩm")
        return None

    # -- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [(self._visible[p.row()], p.column()) for p in persistent]
        self._order = self._sorted_order(column, order)
        self._apply_base()
        self._apply_text(self._folded)
        if persistent:
            position = {row: k for k, row in enumerate(self._visible)}
            self.changePersistentIndexList(persistent, [self.index(position[r], c) for r, c in moved])
        self.layoutChanged.emit()

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        ranks = self._column_ranks(column)
        # Python's sort is stable in both directions, so equal values keep the previous order.
        return sorted(self._order, key=ranks.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def _column_ranks(self, column: int) -> list[int]:
        ranks = self._ranks.get(column)
        if ranks is None:
            ranks = self._ranks[column] = _sort_ranks(self._cols, column, self.group_names)
        return ranks

    @property
    def sort_column(self) -> int | None:
        return self._sort[0] if self._sort else None
