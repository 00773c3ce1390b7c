"""Witness cosignatures: another agency's key vouching that it saw this checkpoint and that it extends the
ones it saw before. The server only keeps them; each is checked against the witness keys the province
configured (ocop-server --witness-key), and only for a checkpoint this log really signed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.errors import OcopError
from ocop_core.translog.notes import Checkpoint, NoteError, SignedNote, Verifier
from ocop_server.translog.tables import LogCheckpoint


class CosignatureRefused(OcopError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)


def add_cosignatures(session: Session, text: str, witnesses: tuple[Verifier, ...]) -> str:
    """Keeps the valid cosignatures of configured witnesses found on ``text``; returns the stored note."""
    try:
        offered = SignedNote.parse(text)
        size = Checkpoint.parse(offered.text).size
    except NoteError as error:
        raise CosignatureRefused("cosignature_malformed", str(error)) from error
    query = select(LogCheckpoint).where(LogCheckpoint.size == size).with_for_update()
    row = session.execute(query).scalar_one_or_none()
    stored = SignedNote.parse(row.note) if row is not None else None
    if stored is None or stored.text != offered.text:
        raise CosignatureRefused("cosignature_unknown_checkpoint", "This log never signed that checkpoint.")
    valid = [s for s in offered.signatures for w in witnesses
             if s.key_id == w.key_id and s.name == w.name and SignedNote(offered.text, (s,)).signed_by(w) is not None]
    if not valid:
        raise CosignatureRefused("cosignature_unknown_witness",
                                 "No cosignature on the note is by a witness this server is configured to accept.")
    kept = tuple(s for s in stored.signatures if s.key_id not in {v.key_id for v in valid})
    assert row is not None
    row.note = SignedNote(stored.text, (*kept, *valid)).encode()
    return row.note
