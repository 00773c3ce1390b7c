"""Proof of possession for attachments: who may learn that the server holds a file, and who may name it.

A SHA-256 is not a secret (it is printed on reports, copied between laptops), so knowing one proves
nothing. A caller may learn that the server holds a file, and a row of theirs may name it, only when
their device sent those very bytes (a completed upload of their own, ``file_uploads``), or when they can
already see a live row naming it. Admins see every row, so every file. Anyone else asking after a file
hears exactly what they would hear of a file the server has never had.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_server import store
from ocop_server.models import FileUpload, Record, RecordScope
from ocop_server.scope import Viewer

_records, _scopes, _uploads = Record.__table__, RecordScope.__table__, FileUpload.__table__
# Above this many hashes one scan of the caller's file rows is cheaper than a lookup per hash.
BULK = 16


def uploaded(session: Session, viewer: Viewer, device_id: str, hashes: Iterable[str]) -> set[str]:
    """The files among ``hashes`` this user's device finished uploading itself."""
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    query = select(_uploads.c.sha256).where(_uploads.c.sha256.in_(wanted), _uploads.c.user_id == viewer.user_id,
                                            _uploads.c.device_id == device_id, _uploads.c.complete.is_(True))
    return set(session.scalars(query))


def _named_in_scope(session: Session, viewer: Viewer, hashes: set[str]) -> set[str]:
    if len(hashes) <= BULK:
        return {h for h in hashes if store.file_named(session, h, viewer.keys)}
    query = select(_records.c.data).where(_records.c.entity.in_(store.FILE_ENTITIES), _records.c.deleted.is_(False))
    if viewer.keys is not None:
        query = query.where(select(_scopes.c.id).where(
            _scopes.c.entity == _records.c.entity, _scopes.c.id == _records.c.id,
            _scopes.c.key.in_(sorted(viewer.keys))).exists())
    named = {json.loads(data).get("sha256") for data in session.scalars(query)}
    return hashes & named


def known_to(session: Session, viewer: Viewer, device_id: str, hashes: Iterable[str]) -> set[str]:
    """The files among ``hashes`` the caller may know about: uploaded by this device, or named by a row
    they can see (admins: all)."""
    wanted = set(hashes)
    if viewer.is_admin:
        return wanted
    mine = uploaded(session, viewer, device_id, wanted)
    return mine | _named_in_scope(session, viewer, wanted - mine)


def may_name(session: Session, viewer: Viewer, device_id: str, sha256: str) -> bool:
    """Whether a row written by this caller may name the file (checked on every push that sets a hash)."""
    return bool(known_to(session, viewer, device_id, [sha256]))
