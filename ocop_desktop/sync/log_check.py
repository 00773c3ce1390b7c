"""The laptop's check of the province's transparency log, on every sync.

The log's key is pinned at the first connection (its fingerprint shown on the sync screen). Each sync then
checks the new checkpoint's signature (and the configured witnesses' cosignatures), that it extends the
last checkpoint this laptop saw (a consistency proof), and that every new entry about a row this laptop
holds is in the signed tree (an inclusion proof). A failure stops trusting the server: the evidence goes
to a file, the alarm is kept, and sync is refused until a person acts (``clear_alarm``).
A sync with nothing new costs one small request and one signature check.
"""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ocop_core.translog import entries as log_entries
from ocop_core.translog.merkle import ProofError, leaf_hash, verify_consistency, verify_inclusion
from ocop_core.translog.notes import Checkpoint, NoteError, Verifier, open_checkpoint
from ocop_desktop.db import sync_store
from ocop_desktop.sync.client import ServerClient, SyncError

KEY = "translog_key"
CHECKPOINT = "translog_checkpoint"
ALARM = "translog_alarm"
WITNESSES = "translog_witnesses"
PAGE = 1000
ENTITY_OF = {field: entity for entity, field in log_entries.ID_FIELD.items()}


@dataclass(frozen=True)
class LogStatus:
    fingerprint: str
    size: int
    newly_pinned: bool
    checked_entries: int


class LogAlarm(SyncError):
    def __init__(self, what: str, evidence_file: Path) -> None:
        super().__init__("log_alarm", f"{what} ({evidence_file})", detail={"what": what,
                                                                            "evidence": str(evidence_file)})
        self.what, self.evidence_file = what, evidence_file


def pinned_fingerprint(session: Session) -> str | None:
    key = sync_store.get_meta(session, KEY)
    return Verifier.decode(key).fingerprint() if key else None


def clear_alarm(session: Session, trust_new_key: bool = False) -> None:
    """A person looked at the evidence and decided: sync may go on (and, if the province announced a new key,
    the next sync pins it and starts from its checkpoint)."""
    sync_store.set_meta(session, ALARM, "")
    if trust_new_key:
        sync_store.set_meta(session, KEY, "")
        sync_store.set_meta(session, CHECKPOINT, "")


def _raise_if(alarm: str | None) -> None:
    if alarm:
        stored = json.loads(alarm)
        raise LogAlarm(stored["what"], Path(stored["evidence"]))


class LogChecker:
    def __init__(self, client: ServerClient, db: Any, evidence_dir: Path) -> None:
        self.client, self.db, self.evidence_dir = client, db, evidence_dir

    def _get(self, path: str, **params: int) -> Any:
        return self.client.request("GET", path, params=params or None)

    def _alarm(self, what: str, evidence: dict[str, Any]) -> LogAlarm:
        self.evidence_dir.mkdir(parents=True, exist_ok=True)
        path = self.evidence_dir / f"nhat-ky-canh-bao-{time.strftime('%Y%m%dT%H%M%S')}.json"
        path.write_text(json.dumps({"what": what, **evidence}, ensure_ascii=False, indent=1), encoding="utf-8")
        with self.db.session() as session:
            sync_store.set_meta(session, ALARM, json.dumps({"what": what, "evidence": str(path)}))
            session.commit()
        return LogAlarm(what, path)

    def raise_if_alarmed(self) -> None:
        """Before anything is sent: a server this laptop stopped trusting gets nothing until a person acts."""
        with self.db.session() as session:
            _raise_if(sync_store.get_meta(session, ALARM))

    def run(self, note: str | None = None) -> LogStatus | None:
        """``note``: the checkpoint a pull already carried (else it is asked for)."""
        with self.db.session() as session:
            meta = sync_store.get_metas(session, (ALARM, KEY, CHECKPOINT, WITNESSES))
        _raise_if(meta.get(ALARM))
        pinned = meta.get(KEY) or None
        last = json.loads(meta.get(CHECKPOINT) or "null")
        witnesses = tuple(Verifier.decode(k) for k in meta.get(WITNESSES, "").split())
        if pinned:
            served_key = pinned  # a new key shows as a checkpoint the pinned key did not sign
        else:
            try:
                served_key = self._get("/log/key").text.strip()
            except SyncError as error:
                if error.status == 404:
                    return None  # a server from before the log: nothing to check yet
                raise
        key = Verifier.decode(served_key)
        if note is None:
            try:
                note = self._get("/log/checkpoint").text
            except SyncError as error:
                if error.code == "log_empty":
                    self._save(served_key, None)
                    return LogStatus(key.fingerprint(), 0, not pinned, 0)
                raise
        try:
            checkpoint = open_checkpoint(note, key, witnesses)
        except NoteError as error:
            raise self._alarm("signature", {"checkpoint": note, "error": str(error)}) from error
        start = self._check_extends(last, checkpoint, note)
        checked = self._check_entries(start, checkpoint) if start < checkpoint.size else 0
        if not pinned or start < checkpoint.size or not last:
            self._save(served_key, checkpoint)
        return LogStatus(key.fingerprint(), checkpoint.size, not pinned, checked)

    def _check_extends(self, last: dict[str, Any] | None, checkpoint: Checkpoint, note: str) -> int:
        if not last:
            return 0
        old_size, old_root = int(last["size"]), base64.b64decode(last["root"])
        evidence: dict[str, Any] = {"seen": last, "now": note}
        if checkpoint.size < old_size or (checkpoint.size == old_size and checkpoint.root != old_root):
            raise self._alarm("fork", evidence)
        if checkpoint.size > old_size:
            proof = self._get("/log/consistency", old=old_size, new=checkpoint.size).json()
            try:
                verify_consistency(old_size, checkpoint.size, old_root, checkpoint.root,
                                   [base64.b64decode(h, validate=True) for h in proof["hashes"]])
            except (ProofError, ValueError, KeyError, TypeError) as error:
                raise self._alarm("fork", {**evidence, "proof": proof, "error": str(error)}) from error
        return old_size

    def _check_entries(self, start: int, checkpoint: Checkpoint) -> int:
        """Inclusion of every new entry about a row this laptop holds."""
        with self.db.session() as session:
            held = {entity: sync_store.held_ids(session, entity) for entity in log_entries.LOGGED}
        checked = 0
        for first in range(start, checkpoint.size, PAGE):
            for item in self._get("/log/entries", start=first, end=min(checkpoint.size, first + PAGE)).json():
                body = item["body"].encode()
                entry = json.loads(body)
                ids = [(ENTITY_OF[f], entry[f]) for f in ENTITY_OF if f in entry]
                if not any(row_id in held[entity] for entity, row_id in ids):
                    continue
                proof = self._get("/log/inclusion", index=item["index"], size=checkpoint.size).json()
                try:
                    verify_inclusion(item["index"], checkpoint.size, leaf_hash(body),
                                     [base64.b64decode(h, validate=True) for h in proof["hashes"]], checkpoint.root)
                except (ProofError, ValueError, KeyError, TypeError) as error:
                    raise self._alarm("inclusion", {"entry": item, "proof": proof, "error": str(error)}) from error
                checked += 1
        return checked

    def _save(self, key: str, checkpoint: Checkpoint | None) -> None:
        with self.db.session() as session:
            session.info["journal"] = False
            sync_store.set_meta(session, KEY, key)
            if checkpoint is not None:
                sync_store.set_meta(session, CHECKPOINT, json.dumps(
                    {"size": checkpoint.size, "root": base64.b64encode(checkpoint.root).decode()}))
            session.commit()
