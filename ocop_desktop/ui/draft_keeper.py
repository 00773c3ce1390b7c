"""A form's drafts as its person types, and the questions the main window asks the form before it closes."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ocop_desktop.drafts import Draft, DraftField, DraftStore
from ocop_desktop.ui.context import AppContext

# After the last keystroke: a pause in typing, not every key. A crash loses at most this much typing.
DELAY_MS = 400
log = logging.getLogger(__name__)
Saved = Callable[[bool], None]  # told True once everything unsaved is stored, False when it could not be


class DraftKeeper(QObject):
    """Written on the UI thread: a small file, and the database thread may be busy for seconds (a sync's
    pull, a report) exactly when a person keeps typing. The form gives what the main window asks:
    ``unsaved()`` names what is not stored yet, ``save(done)`` stores it, ``discard()`` drops it."""

    restore_requested = Signal(str)  # the record whose draft the person chose to have put back

    def __init__(self, context: AppContext, form: str, section: str, parent: QObject, *,
                 unsaved: Callable[[], list[str]], save: Callable[[Saved], None], discard: Callable[[], None]):
        super().__init__(parent)
        self.store = DraftStore.in_data_dir(context.paths.data_dir)
        self.user_id, self.form, self.section = context.user.user_id, form, section
        self.unsaved, self.save, self.discard = unsaved, save, discard
        self._pending: Draft | None = None
        self.waiting: Saved | None = None  # the main window's question, answered once the form's save ends
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def typed(self, record_id: str, title: str, fields: dict[str, DraftField]) -> None:
        """What the form holds unsaved now (nothing: the draft goes), written a moment later."""
        if self._pending is not None and self._pending.record_id != record_id:
            self.flush()
        self._pending = Draft(self.user_id, self.form, record_id, title, self.section, fields)
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        pending, self._pending = self._pending, None
        if pending is None:
            return
        try:
            self.store.put(pending)
        except OSError as exc:  # a full or read-only disk: the form still holds the text, only the copy fails
            log.warning("draft not written: %s", exc)

    def forget(self, record_id: str) -> None:
        """The record's edits were saved or reverted: its draft has nothing left to keep."""
        if self._pending is not None and self._pending.record_id == record_id:
            self._timer.stop()
            self._pending = None
        try:
            self.store.drop(self.user_id, self.form, record_id)
        except OSError as exc:
            log.warning("draft not removed: %s", exc)

    def find(self, record_id: str) -> Draft | None:
        return self.store.get(self.user_id, self.form, record_id)

    def to_restore(self) -> Draft | None:
        return self.store.to_restore(self.user_id, self.form)

    def reopen(self) -> None:
        """Asks the form to open the record of a draft the person chose to have put back, if there is one."""
        draft = self.to_restore()
        if draft is not None:
            self.restore_requested.emit(draft.record_id)

    def answered(self, saved: bool) -> None:
        """The form's save for the main window ended (True: stored); says so to whoever waits, once."""
        waiting, self.waiting = self.waiting, None
        if waiting is not None:
            waiting(saved)
