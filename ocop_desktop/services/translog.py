"""What the sync screen shows and decides about the transparency log: the pinned key, the size checked last,
the alarm a failed check raised, and the witnesses whose cosignature this laptop requires."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ocop_core.translog.notes import COSIGNATURE_V1, NoteError, Verifier
from ocop_desktop.db import sync_store
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.sync.log_check import ALARM, CHECKPOINT, KEY, WITNESSES, clear_alarm

# Not a synced entity: screens that show the log listen for this name in Changes.entities.
ENTITY = "translog"
MAX_WITNESSES = 8


@dataclass(frozen=True)
class Witness:
    name: str
    fingerprint: str
    key: str


@dataclass(frozen=True)
class LogView:
    fingerprint: str | None  # None until the first sync with a server that keeps a log
    size: int | None  # the checkpoint size the last successful check reached
    alarm: str | None  # what failed (fork | signature | inclusion), while a person has not acted
    evidence: str  # the file holding the evidence of that failure
    witnesses: tuple[Witness, ...]


def _witness(key: str) -> Witness:
    verifier = Verifier.decode(key)
    return Witness(verifier.name, verifier.fingerprint(), verifier.encode())


def log_view(session: Session) -> LogView:
    key = sync_store.get_meta(session, KEY) or ""
    seen = json.loads(sync_store.get_meta(session, CHECKPOINT) or "null")
    alarm = json.loads(sync_store.get_meta(session, ALARM) or "null")
    return LogView(fingerprint=Verifier.decode(key).fingerprint() if key else None,
                   size=int(seen["size"]) if seen else None,
                   alarm=str(alarm["what"]) if alarm else None,
                   evidence=str(alarm.get("evidence", "")) if alarm else "",
                   witnesses=tuple(_witness(k) for k in (sync_store.get_meta(session, WITNESSES) or "").split()))


def acknowledge_alarm(session: Session, *, trust_new_key: bool) -> Changes:
    """A person looked at the evidence: sync may go on, with the same key, or pinning the province's new one
    at the next sync (which then starts again from that key's checkpoint)."""
    clear_alarm(session, trust_new_key=trust_new_key)
    return Changes(frozenset({ENTITY}))


def parse_witness_keys(text: str) -> tuple[str, ...]:
    """The witness verifier keys in ``text`` (one a line or separated by spaces), each checked; ServiceError
    ``witness_key_invalid`` names the first bad one."""
    keys: list[str] = []
    for line, key in enumerate(text.split(), start=1):
        try:
            verifier = Verifier.decode(key)
        except NoteError as error:
            raise ServiceError("witness_key_invalid", "witnesses", key=key[:40], position=line) from error
        if verifier.algorithm != COSIGNATURE_V1:
            # A log's own key (algorithm 0x01) pasted here would never match a cosignature line.
            raise ServiceError("witness_key_not_cosigner", "witnesses", key=key[:40], position=line)
        if verifier.encode() not in keys:
            keys.append(verifier.encode())
    if len(keys) > MAX_WITNESSES:
        raise ServiceError("witness_keys_too_many", "witnesses", limit=MAX_WITNESSES)
    return tuple(keys)


def set_witnesses(session: Session, *, text: str) -> Changes:
    """From the next sync, a checkpoint counts only with every one of these witnesses' cosignatures."""
    keys = parse_witness_keys(text)
    sync_store.set_meta(session, WITNESSES, " ".join(keys))
    return Changes(frozenset({ENTITY}))
