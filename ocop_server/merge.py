"""Applies one pushed change: idempotent by change id, checked against the entity's rules, merged field by
field, conflicts kept.

A change is applied only if every laptop can store the row it leaves (ocop_core.row_rules: required
fields, types, lengths, ranges; parents that exist; unique values), its op says what it does (an
insert creates, an update edits, a delete tombstones), and its base version is one the row really had.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES, FIELD_GROUPS, Entity
from ocop_core.errors import OcopError
from ocop_core.protocol import Change, ChangeResult, ChangeStatus, FieldConflict
from ocop_core.row_rules import check_new_row, unique_keys, with_defaults
from ocop_server import authz, possession, rules, scope, store, values
from ocop_server.models import ChangeLog, Counter, User
from ocop_server.scope import Viewer
from ocop_server.translog import log as translog_log

_log_table = ChangeLog.__table__
_LOG_INSERT = _log_table.insert()
# The sequence counter's row, locked: every writer takes it (store.next_seq) before it commits.
_LOCK_WRITERS = select(Counter.__table__.c.value).where(Counter.__table__.c.name == store.SEQ).with_for_update()
_LOG_LOOKUP = select(_log_table.c.payload_hash, _log_table.c.result).where(_log_table.c.change_id == bindparam("b_id"))


class Refused(OcopError):
    """A change the server will not apply, answered with its status and reason (and logged: a replay gets
    the same answer)."""

    def __init__(self, status: ChangeStatus, reason: str) -> None:
        super().__init__(status, reason)
        self.status, self.reason = status, reason


@dataclass
class _Plan:
    row: store.Row | None  # as stored; None for a new row
    before: dict[str, Any] | None
    merged: dict[str, Any]  # the row as the change leaves it
    applied: dict[str, Any]  # fields taken
    conflicting: dict[str, Any]  # fields kept at the server's value, the device's in a conflict row


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
    try:
        plan = _plan(session, viewer, change)
        _check_file_named(session, viewer, device_id, change.entity, plan)
    except Refused as refusal:
        result = ChangeResult(change_id=change.change_id, status=refusal.status, reason=refusal.reason)
    else:
        result = _apply(session, device_id, change, plan)
    return _log(session, viewer, device_id, change, digest, result)


def _plan(session: Session, viewer: Viewer, change: Change) -> _Plan:
    """Everything decided before anything is written; raises Refused."""
    problem = values.check_fields(change.entity, change.fields, change.op)
    if problem:
        raise Refused("rejected", f"invalid: {problem}")
    spec = ENTITIES[change.entity]
    _check_device_may_write(spec, change)
    if "id" in change.fields and change.fields["id"][1] != change.entity_id:
        raise Refused("rejected", "invalid: id differs from entity_id")
    row = store.load(session, change.entity, change.entity_id)
    fields = _intended_fields(change, row)
    applied, conflicting = _merge_fields(change.entity, row, fields, change.base_version or 0)
    before = dict(row.data) if row else None
    if row is None:
        applied = with_defaults(spec, {**applied, "id": change.entity_id})
    merged = {**(before or {}), **applied}
    if not authz.may_write(session, viewer, change.entity, before, merged):
        raise Refused("forbidden", "forbidden: your role or scope does not allow this change")
    if change.entity == "users" and before is not None and session.get(User, change.entity_id) is not None:
        raise Refused("forbidden", "account: a user account changes on the server only")
    problem = check_new_row(spec, merged) if row is None else None
    if problem:
        raise Refused("rejected", f"invalid: {problem}")
    reason = _entity_rule(session, change.entity, change.entity_id, before, merged, set(applied))
    if reason:
        raise Refused("rejected", reason)
    refusal = rules.check_workflow(session, viewer, change.entity, change.entity_id, before, merged, set(applied))
    if refusal:
        raise Refused("forbidden" if refusal.forbidden else "rejected", refusal.reason())
    _check_links(session, spec, applied)
    _check_unique(session, spec, change.entity_id, merged, applied)
    return _Plan(row, before, merged, applied, conflicting)


def _check_file_named(session: Session, viewer: Viewer, device_id: str, entity: str, plan: _Plan) -> None:
    """A row may name a file only if this device sent its bytes or the caller already sees a row naming
    it: knowing a hash would otherwise open another commune's file (possession.py)."""
    sha256 = plan.applied.get("sha256")
    if entity not in store.FILE_ENTITIES or not isinstance(sha256, str):
        return
    if (plan.before or {}).get("sha256") != sha256 and not possession.may_name(session, viewer, device_id, sha256):
        raise Refused("forbidden", "file_not_yours: upload this file from this device before naming it")


def _check_device_may_write(spec: Entity, change: Change) -> None:
    if spec.server_only and change.op != "update":
        raise Refused("forbidden", f"server_only: only the server makes or deletes {spec.name} rows")
    if spec.device_fields is not None and not change.fields.keys() <= spec.device_fields:
        allowed = ", ".join(sorted(spec.device_fields)) or "nothing"
        raise Refused("forbidden", f"server_only: a device changes only {allowed} of {spec.name} rows")


def _intended_fields(change: Change, row: store.Row | None) -> dict[str, tuple[Any, Any]]:
    """The fields the op really changes, once the op is checked against the row."""
    fields = dict(change.fields)
    if change.op == "insert":
        # Rows with ids made from their content (a sheet's line per criterion) are born on two laptops at
        # once: the second insert merges like an edit from nothing, and differing values become conflicts.
        return fields
    if row is None:
        raise Refused("rejected", "unknown_row: the server has no such row (was its creation refused?)")
    if change.base_version is not None and change.base_version > row.version:
        # Conflicts are found by comparing a field's last change with the base: a base from the future
        # would hide every one of them.
        raise Refused("rejected", f"base_version_ahead: the row is at version {row.version}, never at "
                                  f"{change.base_version}")
    if change.op == "delete":
        fields["deleted"] = (fields.get("deleted", (row.deleted, True))[0], True)
    elif fields.get("deleted", (None, False))[1] is True and not row.deleted:
        raise Refused("rejected", "invalid: an update does not delete a row; send op delete")
    return fields


def _merge_fields(entity: str, row: store.Row | None, fields: dict[str, tuple[Any, Any]], base: int
                  ) -> tuple[dict[str, Any], dict[str, Any]]:
    """(applied, conflicting): a field changed by someone else since ``base``, to another value than
    the one this device started from, is a conflict; so is any edit of a row someone deleted."""
    if row is None:
        return {name: new for name, (_, new) in fields.items()}, {}
    applied: dict[str, Any] = {}
    conflicting: dict[str, Any] = {}
    for name, (old, new) in fields.items():
        current = row.data.get(name)
        if current == new:
            continue
        if row.deleted and name != "deleted":
            conflicting[name] = new  # kept, for a person to decide
        elif row.field_seq.get(name, 0) > base and current != old:
            conflicting[name] = new
        else:
            applied[name] = new
    for group in FIELD_GROUPS.get(entity, ()):
        if group & conflicting.keys():
            for name in group & applied.keys():
                conflicting[name] = applied.pop(name)
    return applied, conflicting


def _check_links(session: Session, spec: Entity, applied: dict[str, Any]) -> None:
    """A laptop stores a row whose parent it may not have yet, but never one whose parent exists nowhere."""
    for name, parent in spec.parents.items():
        value = applied.get(name)
        if value is not None and not store.exists(session, parent, value):
            raise Refused("rejected", f"unknown_parent: {name} names no {parent} row ({value[:36]})")


def _check_unique(session: Session, spec: Entity, row_id: str, merged: dict[str, Any], applied: dict[str, Any]
                  ) -> None:
    """On PostgreSQL several server processes write at once: two pushes of one username could each find the key
    free, and the second then stored its row without the key, a duplicate. The counter's lock is taken first,
    so the look below sees every key committed before and none can be committed until this push ends. (SQLite
    has one writer at a time and ignores the lock.)"""
    locked = False
    for unique, key in unique_keys(spec, merged):
        if not applied.keys() & set(unique.fields):
            continue
        if not locked:
            session.execute(_LOCK_WRITERS)
            locked = True
        holder = store.key_holder(session, spec.name, key)
        if holder is not None and holder != row_id:
            shown = ", ".join(str(merged.get(name))[:64] for name in unique.fields)
            raise Refused("rejected", f"duplicate: another {spec.name} row has this {'/'.join(unique.fields)} "
                                      f"({shown})")


def _entity_rule(session: Session, entity: str, row_id: str, before: dict | None, after: dict,
                 changed: set[str]) -> str | None:
    if entity == "criteria_set_versions":
        return rules.check_criteria(before, after, changed)
    if entity == "score_sheets":
        return rules.check_sheet(session, row_id, before, after, changed)
    if entity == "score_lines":
        return rules.check_line(session, after)
    if entity == "councils":
        return rules.check_council_rules_json(before, after, changed)
    return None


def _apply(session: Session, device_id: str, change: Change, plan: _Plan) -> ChangeResult:
    row = plan.row
    seq = store.next_seq(session)
    if row is None:
        row = store.Row(change.entity, change.entity_id, {}, {}, seq, False)
    row.data.update(plan.merged)
    for name in plan.applied:
        row.field_seq[name] = seq
    if plan.applied or plan.before is None:
        row.version, row.deleted = seq, bool(row.data.get("deleted"))
        store.save(session, row)
        scope.refresh(session, change.entity, change.entity_id, lambda: store.next_seq(session), saved=row,
                      new=plan.before is None)
        translog_log.record_change(session, change.entity, change.entity_id, plan.before, row.data)
    conflicts = [_open_conflict(session, change, device_id, name, row.data.get(name), new)
                 for name, new in plan.conflicting.items()]
    status = "conflict" if conflicts else "applied"
    # server_seq is the row's version after this change, which the laptop records as its base.
    version = seq if (plan.applied or plan.before is None) else row.version
    return ChangeResult(change_id=change.change_id, status=status, server_seq=version,
                        reason="row_deleted" if conflicts and row.deleted else None, conflicts=conflicts)


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
