"""Publishing a criteria-set version: validated by the domain loader, stored once, never changed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from ocop_core.domain.canonical import canonical_json, content_hash
from ocop_core.domain.criteria_loader import load_document
from ocop_core.errors import OcopError
from ocop_core.protocol import Row
from ocop_server import scope, store
from ocop_server.translog import log as translog_log


class Immutable(OcopError):
    def __init__(self, explanation: str) -> None:
        super().__init__("criteria_immutable", explanation)


def publish(session: Session, text: str) -> Row:
    criteria_set, document = load_document(text)
    digest = content_hash(document)
    existing = store.load(session, "criteria_set_versions", criteria_set.id)
    if existing is not None:
        if existing.data.get("content_hash") != digest:
            raise Immutable(f"{criteria_set.code} is published with other content; publish a new version.")
        return Row(entity=existing.entity, id=existing.id, version=existing.version, deleted=existing.deleted,
                   data=existing.data)
    if store.key_holder(session, "criteria_set_versions", criteria_set.code) is not None:
        # A laptop keeps one version per code (a unique index): a second would stop its every pull.
        raise Immutable(f"{criteria_set.code} is published under another id; give the new version a new code.")
    now = datetime.now(UTC).isoformat()
    data = {"id": criteria_set.id, "code": criteria_set.code, "title": criteria_set.title,
            "status": criteria_set.status,
            "effective_from": criteria_set.effective_from.isoformat() if criteria_set.effective_from else None,
            "effective_to": criteria_set.effective_to.isoformat() if criteria_set.effective_to else None,
            "supersedes_id": criteria_set.supersedes, "content_hash": digest,
            "canonical_json": canonical_json(document), "imported_at": now, "created_at": now, "updated_at": now,
            "deleted": False}
    seq = store.next_seq(session)
    row = store.Row("criteria_set_versions", criteria_set.id, data, {k: seq for k in data}, seq, False)
    store.save(session, row)
    scope.refresh(session, "criteria_set_versions", criteria_set.id, lambda: store.next_seq(session))
    translog_log.record_change(session, "criteria_set_versions", criteria_set.id, None, data)
    return Row(entity=row.entity, id=row.id, version=seq, deleted=False, data=json.loads(json.dumps(data)))
