"""Applies one pushed change: idempotent by change id, merged field by field, conflicts kept."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ocop_core.entities import FIELD_GROUPS
from ocop_core.protocol import Change, ChangeResult, FieldConflict
from ocop_server import authz, rules, scope, store, values
from ocop_server.models import ChangeLog
from ocop_server.scope import Viewer

_log_table = ChangeLog.__table__
_LOG_INSERT = _log_table.insert()
_LOG_LOOKUP = select(_log_table.c.payload_hash, _log_table.c.result).where(_log_table.c.change_id == bindparam("b_id"))


def payload_hash(change: Change) -> str:
    body = change.model_dump(mode="json", exclude={"created_at"})
    # ensure_ascii: a lone surrogate in a value must not break hashing before the value check refuses it
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


def _log(session: Session, viewer: Viewer, device_id: str, change: Change, digest: str,
         result: ChangeResult) -> ChangeResult:
    session.execute(_LOG_INSERT, {
        "change_id": change.change_id, "seq": result.server_seq, "device_id": device_id,
        "user_id": viewer.user_id, "entity": _printable(change.entity), "entity_id": change.entity_id,
        "payload_hash": digest, "status": result.status, "result": result.model_dump_json(),
        "payload": json.dumps(change.model_dump(mode="json"), ensure_ascii=True), "received_at": datetime.now(UTC)})
    return result


def _printable(text: str) -> str:
    # PostgreSQL refuses NUL in text; what a client sent is stored escaped if it is not plain.
    return text[:64] if text.isprintable() and text.isascii() else json.dumps(text)[:64]


def apply_change(session: Session, viewer: Viewer, device_id: str, change: Change) -> ChangeResult:
    digest = payload_hash(change)
    earlier = session.execute(_LOG_LOOKUP, {"b_id": change.change_id}).first()
    if earlier is not None:
        if earlier.payload_hash == digest:
            return ChangeResult.model_validate_json(earlier.result)
        return ChangeResult(change_id=change.change_id, status="rejected",
                            reason="change_id_reused: this change id was sent before with other content")

    def refuse(status: str, reason: str) -> ChangeResult:
        return _log(session, viewer, device_id, change, digest,
                    ChangeResult(change_id=change.change_id, status=status, reason=reason))

    problem = values.check_fields(change.entity, change.fields, change.op)
    if problem:
        return refuse("rejected", f"invalid: {problem}")
    row = store.load(session, change.entity, change.entity_id)
    if row is None and change.op != "insert":
        return refuse("rejected", "unknown_row: the server has no such row (was its creation refused?)")
    if "id" in change.fields and change.fields["id"][1] != change.entity_id:
        return refuse("rejected", "invalid: id differs from entity_id")

    before = dict(row.data) if row else None
    merged = dict(before or {})
    base = change.base_version or 0
    applied: dict[str, object] = {}
    conflicting: dict[str, object] = {}
    for name, (old, new) in change.fields.items():
        if row is None:
            applied[name] = new
            continue
        current = row.data.get(name)
        if current == new:
            continue
        changed_since_base = row.field_seq.get(name, 0) > base
        if row.deleted and name != "deleted":
            conflicting[name] = new  # an edit of a row someone deleted: kept, for a person to decide
        elif changed_since_base and current != old:
            conflicting[name] = new
        else:
            applied[name] = new
    for group in FIELD_GROUPS.get(change.entity, ()):
        if group & conflicting.keys():
            for name in group & applied.keys():
                conflicting[name] = applied.pop(name)
    merged.update(applied)
    if row is None:
        merged.setdefault("id", change.entity_id)
        merged.setdefault("deleted", False)

    if not authz.may_write(session, viewer, change.entity, before, merged):
        return refuse("forbidden", "forbidden: your role or scope does not allow this change")
    reason = _entity_rule(session, change.entity, change.entity_id, before, merged, set(applied))
    if reason:
        return refuse("rejected", reason)

    seq = store.next_seq(session)
    if row is None:
        row = store.Row(change.entity, change.entity_id, {}, {}, seq, False)
    row.data.update(merged)
    for name in applied:
        row.field_seq[name] = seq
    if applied or before is None:
        row.version, row.deleted = seq, bool(row.data.get("deleted"))
        store.save(session, row)
        scope.refresh(session, change.entity, change.entity_id, lambda: store.next_seq(session), saved=row,
                      new=before is None)
    conflicts = [_open_conflict(session, change, device_id, name, row.data.get(name), new)
                 for name, new in conflicting.items()]
    status = "conflict" if conflicts else "applied"
    # server_seq is the row's version after this change, which the laptop records as its base.
    version = seq if (applied or before is None) else row.version
    return _log(session, viewer, device_id, change, digest,
                ChangeResult(change_id=change.change_id, status=status, server_seq=version,
                             reason="row_deleted" if conflicts and row.deleted else None, conflicts=conflicts))


def _entity_rule(session: Session, entity: str, row_id: str, before: dict | None, after: dict,
                 changed: set[str]) -> str | None:
    if entity == "criteria_set_versions":
        return rules.check_criteria(before, after, changed)
    if entity == "score_sheets":
        return rules.check_sheet(session, row_id, before, after, changed)
    if entity == "score_lines":
        return rules.check_line(session, after)
    if entity == "conflicts" and before is not None and not changed <= {"status", "resolution", "updated_at"}:
        return "conflict_fields: only status and resolution of a conflict change"
    return None


def _open_conflict(session: Session, change: Change, device_id: str, name: str, server_value, device_value
                   ) -> FieldConflict:
    conflict_id = str(uuid.uuid4())
    now = datetime.now(UTC).isoformat()
    data = {"id": conflict_id, "entity": change.entity, "entity_id": change.entity_id, "field": name,
            "server_value": json.dumps(server_value, ensure_ascii=False),
            "device_value": json.dumps(device_value, ensure_ascii=False), "device_id": device_id,
            "status": "open", "resolution": None, "created_at": now, "updated_at": now, "deleted": False}
    seq = store.next_seq(session)
    conflict = store.Row("conflicts", conflict_id, data, {k: seq for k in data}, seq, False)
    store.save(session, conflict)
    scope.refresh(session, "conflicts", conflict_id, lambda: store.next_seq(session), saved=conflict, new=True)
    return FieldConflict(field=name, server_value=server_value, device_value=device_value, conflict_id=conflict_id)
