"""The sync engine: attachments, push, pull, consistency check, in that order.

A journal entry is marked sent only on a server receipt; the pull cursor, with the server epoch it was
given in, is stored in the same transaction as the page it covers; a pull never overwrites a field with
an unacknowledged local change, and a pulled row this laptop cannot store is quarantined, never a stop.
The check compares digests the server computed at the cursor of the last page pulled, so the laptop
compares exactly the state it holds; a mismatch re-downloads that entity's scope and nothing else. A
server that no longer knows this laptop's position (restored from a backup, or another server) makes it
pull everything again, keeping its unsent work. Rows that never leave this laptop (demo accounts) are
never sent, nor are links to them.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from sqlalchemy.orm import Session

from ocop_core.errors import OcopError
from ocop_core.protocol import (
    Change,
    CheckResponse,
    PullResponse,
    PushResponse,
    ScopeDigest,
    combined_digest,
    scope_digest,
)
from ocop_desktop.db import out_of_scope, pull_apply, sync_store
from ocop_desktop.db.blobstore import MAX_UPLOAD_KEY, BlobStore
from ocop_desktop.db.models import ChangeJournal, SyncRun
from ocop_desktop.db.schema import Database
from ocop_desktop.db.types import utcnow
from ocop_desktop.sync import attachments
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.log_check import LogChecker, LogStatus

PUSH_BATCH = 200
CHECKED_KEY = "last_matching_check"
FULL_CHECK_EVERY = 3600.0  # seconds
PULL_PAGE = 1000
CURSOR_RESET = "cursor_reset"
ACCOUNT_DISABLED = "account_disabled"
# What the journal writes in ChangeJournal.op (a str column); Change checks it again when the cast one is built.
ChangeOp = Literal["insert", "update", "delete"]


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
    restarted: bool = False  # the server did not know this laptop's position: everything was pulled again
    requeued: int = 0  # acknowledged changes the server had lost, sent again
    left_scope: int = 0  # rows removed because they left what this device may see
    log: LogStatus | None = None  # the transparency log as checked in this sync (None: the server has none)


def _refers_to(entry: ChangeJournal, hashes: set[str]) -> bool:
    if entry.entity != "dossier_documents":
        return False
    fields = json.loads(entry.fields_json)
    return fields.get("sha256", [None, None])[1] in hashes


def _change(entry: ChangeJournal, local: set[str]) -> Change | None:
    """The entry as sent: links to rows that never leave this laptop are left out (no server knows them);
    None when nothing of it may leave."""
    fields: dict[str, tuple[Any, Any]] = {}
    for name, (old, new) in json.loads(entry.fields_json).items():
        if local and new in local:
            continue
        fields[name] = (None if local and old in local else old, new)
    if entry.entity_id in local or not fields:
        return None
    return Change(change_id=entry.change_id, device_seq=entry.seq, entity=entry.entity, entity_id=entry.entity_id,
                  op=cast(ChangeOp, entry.op), fields=fields, base_version=entry.base_version,
                  created_at=entry.created_at)


class Cancelled(OcopError):
    def __init__(self) -> None:
        super().__init__("cancelled", "")


class SyncEngine:
    def __init__(self, db: Database, client: ServerClient, blobs: BlobStore,
                 progress: Callable[[Progress], None] | None = None, cancel: threading.Event | None = None):
        self.db, self.client, self.blobs = db, client, blobs
        self.log_checkpoint: str | None = None  # the log's checkpoint as the last pull page carried it
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
        session: Session = self.db.session()
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
            log = LogChecker(self.client, self.db, self.db.path.parent / "nhat-ky-canh-bao")
            log.raise_if_alarmed()
            self._remember_server_limits()
            self._stop_if_cancelled()
            files = attachments.upload_missing(self.db, self.client, self.blobs, self._file_progress)
            report.uploaded, report.files_refused = files.uploaded, files.refused
            with self.db.session() as session:
                # A removed document's rows go as they are: its tombstone needs no file.
                live = sync_store.document_hashes(session, live_only=True)
            self._exchange(report, held_back=set(files.refused) & live)
            self._stop_if_cancelled()
            # After the pull, so the entries about rows this sync brought are proved in the same sync.
            report.log = log.run(self.log_checkpoint)
            self.check(report)
            self._report("done", 1, 1)
        except Cancelled:
            outcome, detail = "cancelled", ""
            raise
        except SyncError as exc:
            outcome, detail = "failed", f"{exc.code}: {exc.message}"
            if exc.code == ACCOUNT_DISABLED:
                self._cut_off(report)
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

    def _cut_off(self, report: SyncReport) -> None:
        """The account was disabled: what this laptop pulled under it leaves now (a lost laptop keeps none of
        the province's rows past its next contact); its unsent work is quarantined, never dropped, and any
        other account of this laptop gets the rows back at its next sync, from the start."""
        with sync_store.pull_session(self.db) as session:
            held = [(entity, row_id) for entity in sync_store.models()
                    for row_id in sync_store.held_ids(session, entity)]
            files = self._forget(session, report, held)
            sync_store.set_position(session, 0, sync_store.epoch(session) or "")
            sync_store.set_meta(session, CHECKED_KEY, "")
            session.commit()
        for sha256 in files:
            self.blobs.remove(sha256)

    def _remember_server_limits(self) -> None:
        info = self.client.info()
        with self._session() as session:
            sync_store.set_meta(session, MAX_UPLOAD_KEY, str(info.max_upload_bytes))
            if info.public_base_url:  # QR labels are made offline from it (services/labels.py reads this key)
                sync_store.set_meta(session, "public_base_url", info.public_base_url.rstrip("/"))
            session.commit()

    def _exchange(self, report: SyncReport, held_back: set[str]) -> None:
        """Push, then pull; if the server no longer knows this laptop's position, once more from zero."""
        try:
            self.push(report, held_back)
            self.pull(report)
        except SyncError as exc:
            if exc.code != CURSOR_RESET:
                raise
            self._restart(report, exc.detail)
            self.push(report, held_back)
            self.pull(report)

    def _restart(self, report: SyncReport, detail: Any) -> None:
        epoch = detail.get("epoch") if isinstance(detail, dict) else None
        lost_after = detail.get("lost_after") if isinstance(detail, dict) else None
        if not isinstance(epoch, str) or not (lost_after is None or isinstance(lost_after, int)):
            raise SyncError("bad_response", "Máy chủ từ chối vị trí đồng bộ nhưng không nói bắt đầu lại từ đâu")
        with self._session() as session:
            report.requeued += sync_store.restart(session, epoch, lost_after)
            sync_store.set_meta(session, CHECKED_KEY, "")
            session.commit()
        report.restarted = True

    def push(self, report: SyncReport, held_back: set[str] | None = None) -> None:
        """Sends the journal in order. Documents whose file the server refused are held back (with the
        reason in the report), so one oversize photo never blocks everything else."""
        with self.db.session() as session:
            total = sync_store.count_unsent(session)
            local = sync_store.local_only_ids(session)
        done = 0
        skipped: set[int] = set()
        while True:
            self._stop_if_cancelled()
            with self._session() as session:
                entries = sync_store.pending(session, PUSH_BATCH, exclude=skipped)
                held = [e for e in entries if held_back and _refers_to(e, held_back)]
                skipped.update(e.seq for e in held)
                changes = {e.seq: _change(e, local) for e in entries if e.seq not in skipped}
                kept = [e for e in entries if e.seq in changes and changes[e.seq] is None]
                sync_store.set_aside(session, kept)
                entries = [e for e in entries if changes.get(e.seq) is not None]
                if not entries:
                    session.commit()
                    if held or kept:
                        continue
                    return
                sent = [change for change in (changes[e.seq] for e in entries) if change is not None]
                response = self.client.push(sent, epoch=sync_store.epoch(session),
                                            cursor=sync_store.cursor(session))  # raises before anything is marked
                self._record_results(session, report, entries, response)
                session.commit()
            done += len(entries)
            self._report("push", done, max(total, done))

    def _record_results(self, session: Session, report: SyncReport, entries: list[ChangeJournal],
                        response: PushResponse) -> None:
        by_id = {r.change_id: r for r in response.results}
        for entry in entries:
            result = by_id.get(entry.change_id)
            if result is None:
                continue
            if result.status in ("applied", "conflict"):
                sync_store.acknowledge(session, entry, result.server_seq)
                if result.conflicts:
                    sync_store.take_server_values(session, entry, {c.field: c.server_value for c in result.conflicts})
                report.pushed += 1
                report.conflicts += len(result.conflicts)
            else:
                sync_store.quarantine(session, entry, f"{result.status}: {result.reason or ''}")
                report.rejected += 1

    def pull(self, report: SyncReport, entity: str | None = None, digest: bool = False,
             full: bool = False) -> PullResponse:
        """Pulls pages until the server has nothing newer (``entity``: that entity's whole scope again);
        returns the last page, which carries the digests at its cursor when ``digest`` is asked (listing
        every entity's unless the laptop's combined digest, sent along unless ``full``, already matched)."""
        with self._session() as session:
            position = 0 if entity else sync_store.cursor(session)
            epoch = sync_store.epoch(session)
            combined = combined_digest(self._local_digests(session)) if digest and not full else None

        def fetch(cursor: int, epoch: str | None) -> PullResponse:
            return self.client.pull(cursor, PULL_PAGE, entity, epoch=epoch, digest=digest, combined=combined,
                                    gone=entity is None, log=entity is None)

        listed: set[str] = set()  # a re-download's ids: the entity's whole scope once the last page is in

        # The next page is fetched while this one is written: a first sync waits on the server and on
        # the disk at the same time instead of one after the other.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocop-pull") as fetcher:
            page = fetch(position, epoch)
            while True:
                following = fetcher.submit(fetch, page.cursor, page.epoch) if page.more else None
                try:
                    self._stop_if_cancelled()
                    with sync_store.pull_session(self.db) as session:
                        report.pulled += pull_apply.apply_rows(session, page.rows, report.pulled_ids)
                        gone = [(g.entity, g.id) for g in page.gone]
                        if entity is None:
                            sync_store.set_position(session, page.cursor, page.epoch)
                            if following is None:
                                report.pulled += pull_apply.retry_quarantined(session, report.pulled_ids)
                                self.log_checkpoint = page.log_checkpoint
                        else:
                            listed.update(row.id for row in page.rows)
                            if following is None:
                                gone += [(entity, i) for i in sync_store.held_ids(session, entity) - listed]
                        files = self._forget(session, report, gone)
                        session.commit()
                    for sha256 in files:
                        self.blobs.remove(sha256)  # only once the rows naming it are gone for good
                    self._report("pull", report.pulled, report.pulled + (PULL_PAGE if page.more else 0))
                except BaseException:
                    if following is not None:
                        following.cancel()
                    raise
                if following is None:
                    return page
                page = following.result()

    @staticmethod
    def _forget(session: Session, report: SyncReport, gone: list[tuple[str, str]]) -> set[str]:
        """Drops the rows that left this device's scope; returns the files nothing names any more."""
        if not gone:
            return set()
        removed, files = out_of_scope.forget(session, gone)
        for entity, ids in removed.items():
            report.left_scope += len(ids)
            report.pulled_ids.setdefault(entity, set()).update(ids)
        return files

    @staticmethod
    def _local_digests(session: Session) -> dict[str, ScopeDigest]:
        return {e: scope_digest(v) for e, v in sync_store.local_lines(session).items()}

    @staticmethod
    def _state(session: Session) -> str:
        """What a matching check vouches for: the position and the receipts (neither moves otherwise)."""
        return f"{sync_store.epoch(session)}:{sync_store.cursor(session)}:{sync_store.last_receipt(session)}"

    def _digest(self, report: SyncReport, full: bool = False) -> CheckResponse:
        """The server's digests at the cursor of a pull that leaves this laptop exactly there; ``full``: every
        entity's, even if the server found this laptop's combined digest equal to its own."""
        remote = self.pull(report, digest=True, full=full).digest
        if remote is None:
            raise SyncError("bad_response", "Máy chủ không gửi mã kiểm tra kèm trang cuối")
        return remote

    def _matches(self, remote: CheckResponse) -> tuple[bool, dict[str, ScopeDigest]]:
        """Whether this laptop's digests equal ``remote``'s (remembered as the last matching check)."""
        with self._session() as session:
            local = self._local_digests(session)
            if remote.combined != combined_digest(local):
                return False, local
            sync_store.set_meta(session, CHECKED_KEY, f"{self._state(session)}@{time.time()}")
            session.commit()
            return True, local

    def check(self, report: SyncReport, force: bool = False) -> None:
        """Compares per-entity digests with the server's at the same cursor; re-downloads only the entities
        that differ.

        Skipped when neither side moved since the last check that matched (same position, no new receipt)
        and that check is less than ``FULL_CHECK_EVERY`` old: a no-change sync stays one short request,
        and a copy damaged behind the app's back is still caught within the hour.
        """
        with self._session() as session:
            last = sync_store.get_meta(session, CHECKED_KEY, "") or ""
            fresh = last.startswith(self._state(session) + "@") and \
                time.time() - float(last.split("@")[1]) < FULL_CHECK_EVERY
        if fresh and not force:
            return
        remote = self._digest(report)
        for attempt in range(2):
            matched, local = self._matches(remote)
            if not matched and not remote.entities:
                # The server compared our digest from before the last page moved it: ask for every entity's.
                remote = self._digest(report, full=True)
                matched, local = self._matches(remote)
            if matched:
                report.mismatched = []
                return
            self._report("check", 1, 1)
            report.mismatched = sorted(e for e in set(local) | set(remote.entities)
                                       if local.get(e) != remote.entities.get(e))
            if attempt == 1:
                return
            for entity in report.mismatched:
                self.pull(report, entity)
                report.redownloaded.append(entity)
            remote = self._digest(report)
