"""The map's search box: find a producer by its name, a product's name or its commune, accents or not.

Matching folds what is typed as the dossier list does (``fold``: "nuoc mam" finds "Nước mắm"). The folded
texts are made with the map's data, off the UI thread (``search_index``); each keystroke scans them in one
pass and shows the first matches in the completer's popup, so 20,000 producers cost a few milliseconds
where a completer filtering its own model would call back into Python for every row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStringListModel, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ocop_core.domain.text import collation_key, fold

if TYPE_CHECKING:  # the service (SQLAlchemy) loads on the database thread, not with this screen
    from ocop_desktop.services.producer_map import MapProducer

SHOWN = 12  # matches listed under the box


@dataclass(frozen=True)
class SearchIndex:
    ids: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)  # "name · commune", as listed
    folded: list[str] = field(default_factory=list)  # name, commune and products, folded


def search_index(producers: Iterable[MapProducer]) -> SearchIndex:
    """Every producer in Vietnamese order of its name, with its search text; pure, for a worker thread."""
    ordered = sorted(producers, key=lambda p: collation_key(p.name))
    return SearchIndex([p.id for p in ordered], [f"{p.name} · {p.commune_name}" for p in ordered],
                       [fold(" ".join([p.name, p.commune_name, *p.products])) for p in ordered])


class ProducerSearch(QLineEdit):
    chosen = Signal(str)  # a producer id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Tìm chủ thể, sản phẩm hoặc xã trên bản đồ…"))
        self.setClearButtonEnabled(True)
        self.setMaxLength(200)
        self.index = SearchIndex()
        self._listed: list[str] = []  # the ids of the matches in the popup, row by row
        self._popup = QStringListModel(self)
        completer = QCompleter(self._popup, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(SHOWN)
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]  # the overload by type
        self.setCompleter(completer)
        self.textEdited.connect(self._suggest)
        self.returnPressed.connect(self._first_match)

    def set_index(self, index: SearchIndex) -> None:
        self.index = index

    def matches(self, text: str, limit: int | None = None) -> list[str]:
        """Producer ids whose name, commune or products hold every word of ``text``, in name order."""
        return [self.index.ids[row] for row in self._rows(text, limit)]

    def _rows(self, text: str, limit: int | None) -> list[int]:
        wanted = fold(text).split()
        if not wanted:
            return []
        found = []
        for row, hay in enumerate(self.index.folded):
            if all(word in hay for word in wanted):
                found.append(row)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def _suggest(self, text: str) -> None:
        rows = self._rows(text, SHOWN)
        self._listed = [self.index.ids[row] for row in rows]
        self._popup.setStringList([self.index.shown[row] for row in rows])
        if rows:
            self.completer().complete()

    def _activated(self, index: QModelIndex) -> None:
        row = self.completer().completionModel().mapToSource(index).row()  # type: ignore[attr-defined]
        if 0 <= row < len(self._listed):
            self.chosen.emit(self._listed[row])

    def _first_match(self) -> None:
        found = self.matches(self.text(), 1)
        if found:
            self.chosen.emit(found[0])
