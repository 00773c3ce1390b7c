"""The one background runner: database work on a single thread, network work in parallel.

Results come back to the UI thread through a queued signal; work never touches a widget. A
service's ``Changes`` is broadcast on ``changed`` so each screen refreshes only what it shows.
Tests use ``synchronous=True``: the work runs at once on the calling thread, callbacks included.

Every database write of the app runs on the database thread, with one exception: the sync engine
(sync/engine.py) writes in its own sessions on the sync's thread, one sync at a time (Database.sync_lock).
Its push keeps a batch's transaction open until the server's receipt, so a replay never marks twice;
on the database thread that would hold every click behind the network. SQLite serialises the two writers
(WAL, busy_timeout); tests/sync/test_convergence.py edits while a sync runs. The headless ``ocop sync``
has no runner at all (sync/login.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ocop_desktop.services.changes import Changes

if TYPE_CHECKING:  # SQLAlchemy loads on the database thread, after the first window is on screen
    from ocop_desktop.db.schema import Database

T = TypeVar("T")
# What work is given: a database session. The ui never imports SQLAlchemy, so to it the session is only
# something to hand to a service.
Session = Any
Done = Callable[[Any], None] | None
Failed = Callable[[Exception], None] | None
log = logging.getLogger(__name__)


class Runner(QObject):
    changed = Signal(object)  # Changes, after a database operation that returned some
    failed = Signal(object)  # an Exception nobody handled: the main window shows it
    busy = Signal(bool)  # database work queued or running
    _finished = Signal(object, object, object)  # finish, result, error

    def __init__(self, db: Database | None = None, *, open_database: Callable[[], Database] | None = None,
                 synchronous: bool = False, parent: QObject | None = None):
        """Given ``db``, or ``open_database`` to open it on the database thread when ``start`` is called:
        importing SQLAlchemy and opening the file take half a second that the first window need not
        wait for. Database work asked for before that waits in order, behind the opening."""
        super().__init__(parent)
        if (db is None) == (open_database is None):
            raise TypeError("Runner needs a database or a way to open one, not both")
        self.synchronous = synchronous
        self._db_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocop-db")
        self._net = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ocop-net")
        self._pending = 0
        self._open = open_database
        self._opened: Future = Future()
        self._held: list[Callable[[], None]] = []  # database work asked for before start()
        # start() may come from the UI thread (a timer) and a network thread (a login) at once; the
        # hand-over from held to running happens whole. Reentrant: a synchronous job may submit another.
        self._lock = threading.RLock()
        self._closed = False
        if db is not None:
            self._opened.set_result(db)
        self._finished.connect(self._deliver)

    @property
    def db(self) -> Database:
        """The database; waits while it is being opened (starting that if nobody has), and raises what
        opening it raised (DatabaseProblem)."""
        self.start()
        return self._opened.result()

    @property
    def open_error(self) -> BaseException | None:
        """What opening the database raised, once it has failed; None while it is open or opening."""
        return self._opened.exception() if self._opened.done() else None

    def start(self) -> None:
        """Opens the database on its thread, then runs the work held until now, in order. Idempotent;
        does nothing once closed."""
        with self._lock:
            if self._open is None or self._closed:
                return
            opener, self._open = self._open, None
            if self.synchronous:
                self._resolve(opener)
            else:
                self._db_thread.submit(self._resolve, opener)
            held, self._held = self._held, []
            for submit in held:
                submit()

    def _resolve(self, opener: Callable[[], Database]) -> None:
        try:
            self._opened.set_result(opener())
        except BaseException as exc:  # every later database job raises it too
            self._opened.set_exception(exc)

    def when_open(self, done: Done = None, failed: Failed = None) -> None:
        """Calls ``done(database)`` on the UI thread once the database is open, ``failed(error)`` if it
        could not be opened. Already open: at the next turn of the event loop, not behind queued work."""
        if self._opened.done() and not self.synchronous:
            error = self._opened.exception()
            result = None if error is not None else self._opened.result()
            finish = self._finisher(done, failed)
            QTimer.singleShot(0, self, lambda: self._deliver(finish, result, error))
            return
        self._submit(self._db_thread, lambda: self._opened.result(), done, failed, database=True)

    def read(self, work: Callable[[Session], T], done: Done = None, failed: Failed = None) -> None:
        """Runs ``work(session)`` on the database thread; the session is closed (never committed) after."""
        def job():
            with self._opened.result().session() as session:
                return work(session)
        self._submit(self._db_thread, job, done, failed, database=True)

    def write(self, work: Callable[[Session], Changes], done: Done = None, failed: Failed = None) -> None:
        """Runs one user action: ``work(session)`` calls a service and returns its ``Changes``; it is
        committed as one transaction, rolled back whole if anything fails."""
        def job():
            with self._opened.result().session() as session:
                changes = work(session)
                session.commit()
                return changes
        self._submit(self._db_thread, job, done, failed, database=True, broadcast=True)

    def write_in_batches(self, work: Callable[[Callable[[], Session]], T], done: Done = None,
                         failed: Failed = None) -> None:
        """Runs ``work(new_session)`` on the database thread for a long job that commits in several
        transactions of its own (building demo data); database work asked for meanwhile waits behind it."""
        self._submit(self._db_thread, lambda: work(self._opened.result().session), done, failed, database=True)

    def network(self, work: Callable[[], T], done: Done = None, failed: Failed = None) -> None:
        """Runs ``work()`` on a network thread (sync, login): several may run at once."""
        self._submit(self._net, work, done, failed)

    def shutdown(self) -> None:
        with self._lock:
            self._closed = True
            if self._open is not None:  # never started: whoever waits for the database is told
                self._open = None
                self._opened.set_exception(RuntimeError("the runner was closed before the database opened"))
        self._db_thread.shutdown(wait=True, cancel_futures=False)
        self._net.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stops the threads (the database work already asked for finishes) and closes the database if it
        was opened."""
        self.shutdown()
        if self._opened.done() and self._opened.exception() is None:
            self._opened.result().close()

    def _finisher(self, done: Done, failed: Failed, database: bool = False,
                  broadcast: bool = False) -> Callable[[Any, Exception | None], None]:
        """What runs on the UI thread when work ends: busy accounting, the broadcast, then the caller's
        callback; an error nobody handles is announced on ``failed``."""
        def finish(result, error):
            if database:
                self._pending -= 1
                if self._pending == 0:
                    self.busy.emit(False)
            if error is None and broadcast and isinstance(result, Changes):
                self.changed.emit(result)
            if error is None:
                if done is not None:
                    done(result)
            elif failed is not None:
                failed(error)
            else:
                self.failed.emit(error)
        return finish

    def _submit(self, pool: ThreadPoolExecutor, job: Callable[[], Any], done: Done, failed: Failed,
                database: bool = False, broadcast: bool = False) -> None:
        finish = self._finisher(done, failed, database, broadcast)
        if database:
            self._pending += 1
            if self._pending == 1:
                self.busy.emit(True)
            with self._lock:
                if self._open is not None:  # not started: queued in order, behind the opening
                    self._held.append(lambda: self._run(pool, job, finish))
                    return
        self._run(pool, job, finish)

    def _run(self, pool: ThreadPoolExecutor, job: Callable[[], Any], finish: Callable[[Any, Any], None]) -> None:
        if self.synchronous:
            try:
                result = job()
            except Exception as exc:  # handed to the caller's failure handler, as on a thread
                log.warning("background work failed", exc_info=exc)
                finish(None, exc)
                return
            finish(result, None)
            return

        def run():
            try:
                result, error = job(), None
            except Exception as exc:  # delivered to the UI thread, never lost on the worker
                log.warning("background work failed", exc_info=exc)
                result, error = None, exc
            self._finished.emit(finish, result, error)

        pool.submit(run)

    @Slot(object, object, object)
    def _deliver(self, finish, result, error) -> None:
        try:
            finish(result, error)
        except RuntimeError as exc:
            # The screen that asked was closed while its work ran (the work itself is done and
            # committed); a callback into its deleted widgets has nothing left to update.
            if "already deleted" not in str(exc):
                raise
