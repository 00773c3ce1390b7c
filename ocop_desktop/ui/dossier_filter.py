"""The one dossier filter the Hồ sơ list and the Bản đồ map both show: narrowing one narrows the other.

It holds the choices both sections offer (commune, product group, status, stars, expiring recognition) as a
``DossierFilter`` whose ``text`` stays empty: each section keeps its own search box, since typing in the list
must not move the map, nor a place searched on the map empty the list. The window's context owns one.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from ocop_desktop.ui.dossiers.list_model import DossierFilter


class SharedDossierFilter(QObject):
    changed = Signal(object)  # the new DossierFilter

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._value = DossierFilter()

    @property
    def value(self) -> DossierFilter:
        return self._value

    @property
    def active(self) -> bool:
        """Something narrows the set (an empty filter shows every producer, even one without a dossier)."""
        return self._value != DossierFilter()

    def set(self, new: DossierFilter) -> None:
        """Takes every field but ``text``; observers hear of it only when something differs."""
        new = replace(new, text="")
        if new != self._value:
            self._value = new
            self.changed.emit(new)

    def update(self, **fields: object) -> None:
        self.set(replace(self._value, **fields))  # type: ignore[arg-type]  # DossierFilter's own fields

    def clear(self) -> None:
        self.set(DossierFilter())
