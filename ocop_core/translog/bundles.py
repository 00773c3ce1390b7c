"""Offline proof bundles: one file holding a record's log entries, their inclusion proofs and the signed
checkpoint they lead to, checkable with no network by anyone holding the log's public key."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from ocop_core.errors import OcopError
from ocop_core.translog import entries as log_entries
from ocop_core.translog.merkle import ProofError, leaf_hash, verify_inclusion
from ocop_core.translog.notes import Checkpoint, NoteError, SignedNote, Verifier, open_checkpoint

FORMAT = "ocop-log-bundle/1"
MAX_BUNDLE_BYTES = 4 << 20


class BundleError(OcopError, ValueError):
    """A bundle that is malformed, or whose proof does not hold: ``what`` names the failing part."""

    def __init__(self, what: str, detail: str) -> None:
        super().__init__("log_bundle_invalid", f"{what}: {detail}", what=what)
        self.what, self.detail = what, detail


@dataclass(frozen=True)
class Verified:
    checkpoint: Checkpoint
    log_key: Verifier
    entries: tuple[tuple[int, dict[str, Any]], ...]  # (position in the log, entry)
    witnessed_at: dict[str, int]  # witness name -> the time it co-signed


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind):
        raise BundleError("format", f"'{name}' is missing or not a {kind.__name__}")
    return value


def verify_bundle(text: str | bytes, pinned_key: Verifier | None = None,
                  witnesses: tuple[Verifier, ...] = ()) -> Verified:
    """Checks a bundle; raises BundleError naming what failed. Without ``pinned_key`` the bundle's own key is
    used, which proves only self-consistency: the caller must say so (``ocop verify`` does)."""
    if len(text) > MAX_BUNDLE_BYTES:
        raise BundleError("format", "the file is too large to be a proof bundle")
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise BundleError("format", "not JSON") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleError("format", f"not an {FORMAT} file")
    try:
        own_key = Verifier.decode(_field(data, "log_key", str))
        key = pinned_key or own_key
        if pinned_key is not None and own_key != pinned_key:
            raise BundleError("key", "the bundle names another log key than the one you trust")
        note = _field(data, "checkpoint", str)
        checkpoint = open_checkpoint(note, key, witnesses)
        cosigned = SignedNote.parse(note)
    except NoteError as error:
        raise BundleError("checkpoint", str(error)) from error
    items, proofs = _field(data, "entries", list), _field(data, "proofs", list)
    if not items or len(items) != len(proofs):
        raise BundleError("format", "every entry needs one proof")
    verified = []
    for item, proof in zip(items, proofs, strict=True):
        if not isinstance(item, dict) or not isinstance(proof, list):
            raise BundleError("format", "an entry or a proof has the wrong shape")
        index, body = _field(item, "index", int), _field(item, "body", str)
        try:
            hashes = [base64.b64decode(h, validate=True) for h in proof]
            verify_inclusion(index, checkpoint.size, leaf_hash(body.encode()), hashes, checkpoint.root)
            entry = log_entries.parse(body.encode())
        except (ValueError, TypeError, ProofError) as error:
            raise BundleError("inclusion", f"entry {index}: {error}") from error
        verified.append((index, entry))
    times = {w.name: t for w in witnesses if (t := cosigned.signed_by(w)) is not None}
    return Verified(checkpoint, key, tuple(verified), times)
