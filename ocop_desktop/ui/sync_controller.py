"""One sync at a time for the whole window, started by "Đồng bộ ngay" or by itself.

A laptop's work must reach the province when it next finds a connection, without anyone remembering
to press a button: the status bar's probe reports each answer here, and AutoSync's rule decides (sync
when the server answers again, and every few minutes while it keeps answering). A finished sync is
broadcast as a change of every synced entity, so each screen reloads what it shows; the engine writes
in its own sessions, not through the runner's.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ocop_desktop.services import tasks_auto
from ocop_desktop.services.changes import Changes
from ocop_desktop.sync.auto import AutoSync

if TYPE_CHECKING:
    from ocop_desktop.ui.context import AppContext

log = logging.getLogger(__name__)
# Probes come every 30 s (status_bar.PROBE_EVERY_MS): a sync every ten answers is one every 5 minutes.
AUTO_SYNC_EVERY = 10


class SyncController(QObject):
    started = Signal(bool)  # automatic: True when it started by itself
    progress = Signal(object)  # a Progress; emitted on the sync thread, so delivered queued to the UI
    finished = Signal(object)  # the SyncReport, or the exception that ended the sync

    def __init__(self, context: AppContext, parent: QObject | None = None, first_by_hand: bool = False):
        super().__init__(parent)
        self.context = context
        self.first_by_hand = first_by_hand
        self.automatic = False
        self.baseline = (0, 0)  # the client's byte counters when this sync began (they only grow)
        self._cancel: threading.Event | None = None
        self._online = False
        self._answers = 0
        self._auto = AutoSync(probe=lambda: self._online, run_sync=lambda: self.start(automatic=True),
                              sync_every=AUTO_SYNC_EVERY)

    def can_sync(self) -> bool:
        return bool(self.context.server_url) and self.context.make_client is not None

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def server_answered(self, online: bool, ever_synced: bool = True) -> None:
        """The status bar's probe result; may start a sync (never a second one at once). ``ever_synced``:
        a sync has succeeded here before (with ``first_by_hand``, none starts by itself until then)."""
        if self.first_by_hand and not ever_synced:
            self._online = bool(online)
            return
        self._online = bool(online)
        self._auto.tick(self._answers)
        self._answers += 1

    def start(self, automatic: bool = False) -> bool:
        """Starts a sync on a network thread; False when one is running or no server is set."""
        if self.running or not self.can_sync():
            return False
        from ocop_desktop.sync.engine import SyncEngine  # the HTTP client loads with the first sync

        try:
            client = self.context.make_client()
        except Exception as exc:  # e.g. no saved login: reported like any failed sync, never silent
            self.finished.emit(exc)
            return False
        self.automatic = automatic
        self.baseline = (client.bytes_sent, client.bytes_received)
        self._cancel = threading.Event()
        engine = SyncEngine(self.context.runner.db, client, self.context.blobs, progress=self.progress.emit,
                            cancel=self._cancel)

        login, db, user = self.context.login, self.context.runner.db, self.context.user

        def run():
            try:
                if login is not None:
                    renew_quietly(db, client, login)
                report = engine.sync()
                _make_tasks(db, user, report)
                return report
            finally:
                client.close()  # each sync gets its own client: its HTTP connections end with it

        self.started.emit(automatic)
        self.context.runner.network(run, done=self._done, failed=self._done)
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            # The engine stops at its next step; what the server confirmed stays confirmed.
            self._cancel.set()

    def _done(self, result: object) -> None:
        self._cancel = None
        self.context.runner.changed.emit(_changes_of(result))
        self.finished.emit(result)


def _make_tasks(db, user, report) -> None:
    """What a sync brought (a dossier put before a council, a recognition near its end) may call for tasks
    that make themselves; they reach the screens with the sync's own changes. On the sync's thread, like
    the engine's writes."""
    with db.session() as session:
        made = tasks_auto.ensure_auto_tasks(session, user_id=user.user_id, role=user.role)
        session.commit()
    if made.ids:
        report.pulled_ids.setdefault("tasks", set()).update(made.ids)


# Past this many rows a sync names the tables it touched, not each row: screens reload what they show.
_LISTED_ROWS = 5000


def _changes_of(result: object) -> Changes:
    """What a sync changed, for the screens: always the sync run (the status bar's last sync and unsent
    count), and the rows a pull changed, by id, so an editor reloads only when its own dossier moved.
    Only sending changes nothing a screen shows."""
    from ocop_desktop.sync.engine import SyncReport

    entities, ids = {"sync_runs"}, set()
    if isinstance(result, SyncReport):
        entities |= set(result.pulled_ids)
        if result.conflicts:
            entities.add("conflicts")
        if sum(map(len, result.pulled_ids.values())) <= _LISTED_ROWS:
            ids = set().union(*result.pulled_ids.values())
    return Changes(frozenset(entities), frozenset(ids))


def renew_quietly(db, client, login) -> None:
    """The token is renewed at most once a day while online (the old one dies at once); a renewal that fails
    leaves the sync to run, and to report, with the token it has."""
    from ocop_desktop.sync.token_renewal import renew_if_due

    try:
        renew_if_due(db, client, login)
    except Exception:
        log.warning("token renewal failed", exc_info=True)
