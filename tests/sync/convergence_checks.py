"""The invariants a settled sync must hold, checked on the server's rows and every laptop's journal and rows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from convergence_world import USERS, Laptop, normal
from sqlalchemy import func, select

from ocop_core.entities import ENTITIES
from ocop_desktop.db import sync_store
from ocop_desktop.db.models import ChangeJournal, SyncRun
from ocop_server.models import ChangeLog, Record, RecordScope, User
from ocop_server.scope import viewer_for
from ocop_server.testing import LiveServer

Typed = tuple[int, str, str, str, Any]  # (device, entity, id, field, wire value)
Refused = set[tuple[str, str, str]]  # one laptop's (entity, id, field) of changes the server refused


@dataclass(frozen=True)
class ServerState:
    """Every server row (data, field sequences, version, deleted) and every change-log row."""

    records: dict[tuple[str, str], tuple[dict, dict, int, bool]]
    logs: dict[str, tuple[str, int, dict, str, str]]  # change id -> (status, seq, result, entity, entity id)

    @property
    def conflict_rows(self) -> dict[str, dict]:
        return {rid: data for (entity, rid), (data, *_rest) in self.records.items() if entity == "conflicts"}

    def kept_in_conflict(self, entity: str, row_id: str, field: str, value: Any) -> bool:
        return any(c["entity"] == entity and c["entity_id"] == row_id and c["field"] == field
                   and value in (json.loads(c["device_value"]), json.loads(c["server_value"]))
                   for c in self.conflict_rows.values())


def server_state(server: LiveServer) -> ServerState:
    with server.app.state.sessions() as s:
        records = {(r.entity, r.id): (json.loads(r.data), json.loads(r.field_seq), r.version, r.deleted)
                   for r in s.scalars(select(Record))}
        logs = {c.change_id: (c.status, c.seq, json.loads(c.result), c.entity, c.entity_id)
                for c in s.scalars(select(ChangeLog))}
    return ServerState(records, logs)


def visible_rows(server: LiveServer, username: str) -> set[tuple[str, str]] | None:
    """The rows a user's laptop may hold (None: all of them, for an admin), as the server scopes them."""
    with server.app.state.sessions() as s:
        viewer = viewer_for(s, s.scalar(select(User).where(User.username == username)))
        if viewer.is_admin:
            return None
        return set(s.execute(select(RecordScope.entity, RecordScope.id).where(RecordScope.key.in_(viewer.keys))))


def check_converged(server: LiveServer, laptops: list[Laptop], typed: list[Typed]) -> None:
    """Every invariant of the module docstring of test_convergence.py, after the laptops have settled."""
    state = server_state(server)
    journals: list[list[ChangeJournal]] = []
    for laptop in laptops:
        with laptop.session() as s:
            journals.append(list(s.scalars(select(ChangeJournal).order_by(ChangeJournal.seq))))
            s.expunge_all()
    refused = check_journals_settled(laptops, journals, state)
    check_changes_reflected(journals, state)
    check_conflicts_counted(laptops, state)
    check_nothing_typed_lost(typed, journals, state)
    for username, laptop, kept in zip(USERS, laptops, refused, strict=True):
        check_replica_equals_server(laptop, visible_rows(server, username), state, kept)


def check_journals_settled(laptops: list[Laptop], journals: list[list[ChangeJournal]],
                           state: ServerState) -> list[Refused]:
    """No change stays behind or is duplicated; the only refusal allowed is the ownership rule's. Returns,
    per laptop, what the server refused (those fields legitimately differ from the server)."""
    all_ids = [e.change_id for entries in journals for e in entries]
    assert len(all_ids) == len(set(all_ids)), "two journal entries share a change id"
    refused: list[Refused] = []
    for laptop, entries in zip(laptops, journals, strict=True):
        pending = [(e.entity, e.op) for e in entries if e.status == "pending"]
        assert not pending, f"{laptop.name}: journal entries still pending after the final syncs: {pending}"
        # By design a submitted sheet never changes (principle 7): a laptop's later edits of a draft that
        # another laptop (the same evaluator) submitted first are refused and quarantined, kept on this
        # laptop with the reason. Anything else refused is a failure.
        quarantined = [e for e in entries if e.status == "quarantined"]
        odd = [(e.entity, e.op, e.reason) for e in quarantined if e.entity not in ("score_sheets", "score_lines")
               or not (e.reason or "").startswith("rejected: sheet_submitted")]
        assert not odd, f"{laptop.name}: changes refused by the server: {odd}"
        refused.append({(e.entity, e.entity_id, name) for e in quarantined for name in json.loads(e.fields_json)})
    assert set(all_ids) == set(state.logs), "a sent change has no change-log row, or the server logged a phantom one"
    ids = [rid for _entity, rid in state.records]
    assert len(ids) == len(set(ids)), "one id is used by rows of two entities"
    return refused


def check_changes_reflected(journals: list[list[ChangeJournal]], state: ServerState) -> None:
    """Every accepted change is on the server, or kept in a conflict, unless a later change overwrote it."""
    for entries in journals:
        for e in entries:
            status, seq, result, entity, entity_id = state.logs[e.change_id]
            if e.status == "quarantined":
                assert status == "rejected" and e.reason == f"rejected: {result['reason']}", (status, result)
                continue
            assert status in ("applied", "conflict"), (e.entity, e.op, status, result)
            assert (entity, entity_id) == (e.entity, e.entity_id)
            data, field_seq, _version, _deleted = state.records[(e.entity, e.entity_id)]
            conflicted = {c["field"] for c in result["conflicts"]}
            for name, (_old, new) in json.loads(e.fields_json).items():
                if name in conflicted:
                    assert state.kept_in_conflict(e.entity, e.entity_id, name, new), (e.entity, name, new)
                else:
                    assert data.get(name) == new or field_seq.get(name, 0) > seq, (
                        f"{e.entity}.{name}={new!r} (change seq {seq}) is lost: the server has "
                        f"{data.get(name)!r} (field seq {field_seq.get(name)})")


def check_conflicts_counted(laptops: list[Laptop], state: ServerState) -> None:
    """One conflict row per conflict the server answered, and each was reported once to a laptop."""
    answered = sum(len(result["conflicts"]) for _s, _q, result, _e, _i in state.logs.values())
    assert len(state.conflict_rows) == answered
    # The sync history (written for failed runs too: a batch answered before a lost one counts).
    shown = 0
    for laptop in laptops:
        with laptop.session() as s:
            shown += s.scalar(select(func.coalesce(func.sum(SyncRun.conflicts), 0)))
    assert shown == answered, f"the laptops' sync history shows {shown} conflicts, the server answered {answered}"


def check_nothing_typed_lost(typed: list[Typed], journals: list[list[ChangeJournal]], state: ServerState) -> None:
    """Each typed value is the server's, or kept in a conflict, or overwritten later by a higher sequence."""
    for dev, entity, row_id, name, value in typed:
        data, field_seq, _version, _deleted = state.records[(entity, row_id)]
        carriers = [e for e in journals[dev] if e.entity_id == row_id
                    and json.loads(e.fields_json).get(name, [None, object()])[1] == value]
        assert carriers, f"device {dev} typed {entity}.{name}={value!r} but its journal has no such change"
        seq = state.logs[carriers[-1].change_id][1]
        assert (data.get(name) == value or state.kept_in_conflict(entity, row_id, name, value)
                or field_seq.get(name, 0) > seq), (
            f"device {dev} typed {entity}.{name}={value!r}: the server has {data.get(name)!r}, "
            f"no conflict keeps it and nothing overwrote it later")


def check_replica_equals_server(laptop: Laptop, visible: set[tuple[str, str]] | None, state: ServerState,
                                kept: Refused) -> None:
    """The laptop holds exactly the rows in its scope, field by field ('updated_at' is bumped locally)."""
    server_rows: dict[str, dict[str, dict]] = {}
    for (entity, rid), (data, *_rest) in state.records.items():
        if visible is None or (entity, rid) in visible:
            server_rows.setdefault(entity, {})[rid] = data
    with laptop.session() as s:
        for entity, model in sync_store.models().items():
            spec = ENTITIES[entity]
            names = sorted(n for n in spec.fields if n != "updated_at")
            local = {o.id: {n: normal(spec.fields[n], getattr(o, n)) for n in names}
                     for o in s.scalars(select(model))
                     if (entity, o.id) in state.records or (entity, o.id, "id") not in kept}  # a refused insert
            remote = {rid: {n: normal(spec.fields[n], d.get(n)) for n in names}
                      for rid, d in server_rows.get(entity, {}).items()}
            assert local.keys() == remote.keys(), (
                f"{laptop.name}: {entity} rows differ: only here {sorted(local.keys() - remote.keys())}, "
                f"only on the server {sorted(remote.keys() - local.keys())}")
            for rid in local:
                diff = {n: (local[rid][n], remote[rid][n]) for n in names
                        if local[rid][n] != remote[rid][n] and (entity, rid, n) not in kept}
                assert not diff, f"{laptop.name}: {entity} {rid} differs (laptop, server): {diff}"
