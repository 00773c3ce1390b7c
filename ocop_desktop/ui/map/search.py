"""The map's search box: find a producer by its name, a product's name or its commune, accents or not.

Matching folds what is typed as the dossier list does (``fold``: "nuoc mam" finds "Nước mắm"), through a
QCompleter whose completion role holds each entry's folded text; choosing an entry emits the producer's id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ocop_core.domain.text import fold

if TYPE_CHECKING:  # the service (SQLAlchemy) loads on the database thread, not with this screen
    from ocop_desktop.services.producer_map import MapProducer

ID_ROLE = int(Qt.ItemDataRole.UserRole)
FOLDED_ROLE = ID_ROLE + 1


class _FoldingCompleter(QCompleter):
    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class ProducerSearch(QLineEdit):
    chosen = Signal(str)  # a producer id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Tìm chủ thể, sản phẩm hoặc xã trên bản đồ…"))
        self.setClearButtonEnabled(True)
        self.setMaxLength(200)
        self.entries = QStandardItemModel(self)
        completer = _FoldingCompleter(self.entries, self)
        completer.setCompletionRole(FOLDED_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # both sides are folded already
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]  # the overload by type
        self.setCompleter(completer)
        self.returnPressed.connect(self._first_match)

    def set_producers(self, producers: list[MapProducer]) -> None:
        self.entries.clear()
        root = self.entries.invisibleRootItem()
        items = []
        for p in producers:
            shown = f"{p.name} · {p.commune_name}"
            item = QStandardItem(shown)
            item.setData(p.id, ID_ROLE)
            item.setData(fold(" ".join([p.name, p.commune_name, *p.products])), FOLDED_ROLE)
            item.setToolTip("\n".join(p.products))
            items.append(item)
        for item in items:
            root.appendRow(item)

    def matches(self, text: str) -> list[str]:
        """Producer ids whose entry holds every word of ``text``, in the order listed."""
        wanted = fold(text).split()
        return [str(self.entries.item(r).data(ID_ROLE)) for r in range(self.entries.rowCount())
                if wanted and all(w in str(self.entries.item(r).data(FOLDED_ROLE)) for w in wanted)]

    def _activated(self, index: QModelIndex) -> None:
        producer_id = index.data(ID_ROLE)
        if producer_id:
            self.chosen.emit(str(producer_id))

    def _first_match(self) -> None:
        found = self.matches(self.text())
        if found:
            self.chosen.emit(found[0])
