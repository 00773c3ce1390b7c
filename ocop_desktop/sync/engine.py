"""The sync engine: attachments, push, pull, consistency check, in that order.

A journal entry is marked sent only on a server receipt; the pull cursor is stored in the same
transaction as the page it covers; a pull never overwrites a field with an unacknowledged local
change; a mismatch found by the check re-downloads that entity's scope and nothing else.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ocop_core.errors import OcopError
from ocop_core.protocol import Change, combined_digest, scope_digest
from ocop_desktop.db import sync_store
from ocop_desktop.db.blobstore import MAX_UPLOAD_KEY, BlobStore
from ocop_desktop.db.models import SyncRun
from ocop_desktop.db.schema import Database
from ocop_desktop.db.types import utcnow
from ocop_desktop.sync import attachments
from ocop_desktop.sync.client import ServerClient, SyncError

PUSH_BATCH = 200
CHECKED_KEY = "last_matching_check"
FULL_CHECK_EVERY = 3600.0  # seconds
PULL_PAGE = 1000


@dataclass(frozen=True)
class Progress:
    phase: str  # files | push | pull | check | done
    done: int
    total: int
    bytes_sent: int
    bytes_received: int


@dataclass
class SyncReport:
    pushed: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pulled_ids: dict[str, set[str]] = field(default_factory=dict)  # entity -> ids of the rows a pull changed
    uploaded: int = 0
    redownloaded: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    files_refused: dict[str, str] = field(default_factory=dict)  # sha256 -> why the server refused it


def _refers_to(entry, hashes: set[str]) -> bool:
    if entry.entity != "dossier_documents":
        return False
    fields = json.loads(entry.fields_json)
    return fields.get("sha256", [None, None])[1] in hashes


class Cancelled(OcopError):
    def __init__(self) -> None:
        super().__init__("cancelled", "")


class SyncEngine:
    def __init__(self, db: Database, client: ServerClient, blobs: BlobStore,
                 progress: Callable[[Progress], None] | None = None, cancel: threading.Event | None = None):
        self.db, self.client, self.blobs = db, client, blobs
        self._progress = progress or (lambda p: None)
        self._cancel = cancel or threading.Event()

    def _stop_if_cancelled(self) -> None:
        # Checked before each step starts, never after one finished: a cancel stops the next batch
        # instead of letting it run, and a sync whose last step completed is never called cancelled.
        if self._cancel.is_set():
            raise Cancelled()

    def _report(self, phase: str, done: int, total: int) -> None:
        self._progress(Progress(phase, done, total, self.client.bytes_sent, self.client.bytes_received))

    def _session(self) -> Session:
        session = self.db.session()
        session.info["journal"] = False
        return session

    def sync(self) -> SyncReport:
        """Runs a whole sync; a second call while one runs on the same database waits for it."""
        with self.db.sync_lock:
            return self._sync()

    def _file_progress(self, done: int, total: int) -> None:
        self._report("files", done, total)
        self._stop_if_cancelled()  # between files: a chunked upload already resumes where it stopped

    def _sync(self) -> SyncReport:
        report = SyncReport()
        with self.db.session() as session:
            run = SyncRun(started_at=utcnow())
            session.add(run)
            session.commit()
            run_id = run.id
        outcome, detail = "ok", ""
        try:
            self._remember_server_limits()
            self._stop_if_cancelled()
            files = attachments.upload_missing(self.db, self.client, self.blobs, self._file_progress)
            report.uploaded, report.files_refused = files.uploaded, files.refused
            self.push(report, held_back=set(files.refused))
            self.pull(report)
            self._stop_if_cancelled()
            self.check(report)
            self._report("done", 1, 1)
        except Cancelled:
            outcome, detail = "cancelled", ""
            raise
        except SyncError as exc:
            outcome, detail = "failed", f"{exc.code}: {exc.message}"
            raise
        except Exception as exc:
            outcome, detail = "failed", f"{type(exc).__name__}: {exc}"
            raise
        finally:
            with self.db.session() as session:
                run = session.get(SyncRun, run_id)
                run.finished_at, run.outcome, run.detail = utcnow(), outcome, detail[:2000]
                run.pushed, run.pulled, run.conflicts, run.rejected = (report.pushed, report.pulled,
                                                                       report.conflicts, report.rejected)
                session.commit()
        return report

    def _remember_server_limits(self) -> None:
        info = self.client.info()
        with self._session() as session:
            sync_store.set_meta(session, MAX_UPLOAD_KEY, str(info.max_upload_bytes))
            session.commit()

    def push(self, report: SyncReport, held_back: set[str] | None = None) -> None:
        """Sends the journal in order. Documents whose file the server refused are held back (with the
        reason in the report), so one oversize photo never blocks everything else."""
        with self.db.session() as session:
            total = sync_store.count_unsent(session)
        done = 0
        skipped: set[int] = set()
        while True:
            self._stop_if_cancelled()
            with self._session() as session:
                entries = sync_store.pending(session, PUSH_BATCH, exclude=skipped)
                held = [e for e in entries if held_back and _refers_to(e, held_back)]
                skipped.update(e.seq for e in held)
                entries = [e for e in entries if e.seq not in skipped]
                if not entries:
                    if held:
                        continue
                    return
                changes = [Change(change_id=e.change_id, device_seq=e.seq, entity=e.entity, entity_id=e.entity_id,
                                  op=e.op, fields={k: tuple(v) for k, v in json.loads(e.fields_json).items()},
                                  base_version=e.base_version, created_at=e.created_at) for e in entries]
                response = self.client.push(changes)  # raises before anything is marked: a retry is a replay
                by_id = {r.change_id: r for r in response.results}
                for entry in entries:
                    result = by_id.get(entry.change_id)
                    if result is None:
                        continue
                    if result.status in ("applied", "conflict"):
                        sync_store.acknowledge(session, entry, result.server_seq)
                        if result.conflicts:
                            sync_store.take_server_values(session, entry,
                                                          {c.field: c.server_value for c in result.conflicts})
                        report.pushed += 1
                        report.conflicts += len(result.conflicts)
                    else:
                        sync_store.quarantine(session, entry, f"{result.status}: {result.reason or ''}")
                        report.rejected += 1
                session.commit()
            done += len(entries)
            self._report("push", done, max(total, done))

    def pull(self, report: SyncReport, entity: str | None = None) -> None:
        with self._session() as session:
            position = 0 if entity else sync_store.cursor(session)
        # The next page is fetched while this one is written: a first sync waits on the server and on
        # the disk at the same time instead of one after the other.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocop-pull") as fetcher:
            page = self.client.pull(position, PULL_PAGE, entity)
            while True:
                following = fetcher.submit(self.client.pull, page.cursor, PULL_PAGE, entity) if page.more else None
                try:
                    self._stop_if_cancelled()
                    with sync_store.pull_session(self.db) as session:
                        report.pulled += sync_store.apply_rows(session, page.rows, report.pulled_ids)
                        if entity is None:
                            sync_store.set_meta(session, sync_store.CURSOR_KEY, str(page.cursor))
                        session.commit()
                    self._report("pull", report.pulled, report.pulled + (PULL_PAGE if page.more else 0))
                except BaseException:
                    if following is not None:
                        following.cancel()
                    raise
                if following is None:
                    return
                page = following.result()

    def check(self, report: SyncReport, force: bool = False) -> None:
        """Compares per-entity digests with the server; re-downloads only the entities that differ.

        Skipped when neither side moved since the last check that matched (same cursor, no new receipt)
        and that check is less than ``FULL_CHECK_EVERY`` old: a no-change sync stays one short request,
        and a copy damaged behind the app's back is still caught within the hour.
        """
        with self._session() as session:
            state = f"{sync_store.cursor(session)}:{sync_store.last_receipt(session)}"
            last = sync_store.get_meta(session, CHECKED_KEY, "")
            fresh = last.startswith(state + "@") and time.time() - float(last.split("@")[1]) < FULL_CHECK_EVERY
            if fresh and not force:
                return
        for attempt in range(2):
            with self._session() as session:
                position = sync_store.cursor(session)
                local = {e: scope_digest(v) for e, v in sync_store.local_lines(session).items()}
            response = self.client.check(position, combined_digest(local))
            if response.combined == combined_digest(local):
                report.mismatched = []
                # The state read before checking still holds: re-downloading an entity moves neither
                # the cursor nor the receipts.
                with self._session() as session:
                    sync_store.set_meta(session, CHECKED_KEY, f"{state}@{time.time()}")
                    session.commit()
                return
            remote = response.entities
            differing = sorted(e for e in set(local) | set(remote) if local.get(e) != remote.get(e))
            self._report("check", 1, 1)
            if not differing:
                report.mismatched = []
                return
            report.mismatched = differing
            if attempt == 0:
                for entity in differing:
                    self.pull(report, entity)
                    report.redownloaded.append(entity)
