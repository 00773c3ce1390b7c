"""Who sees what: the scope keys of each row, and the keys a user's devices pull with.

Admins see everything. A commune officer sees the producers, products and dossiers of the communes
they serve. A council member sees the councils they sit on, the dossiers assigned to those councils
(with their products, producers and documents), their own score sheets and the council's results;
a chair or secretary also sees every member's sheets of their council.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ocop_server import store
from ocop_server.models import User

PUBLIC = "public"
LEFT = "left:"  # a key the row no longer carries (see with_departures)
LEADING_ROLES = ("chair", "vice_chair", "secretary")


@dataclass(frozen=True)
class Viewer:
    user_id: str
    role: str
    keys: frozenset[str] | None  # None: everything (admin)
    councils: frozenset[str]
    leading: frozenset[str]  # councils where the user is chair, vice-chair or secretary
    communes: frozenset[str]

    @property
    def is_admin(self) -> bool:
        return self.keys is None


def viewer_for(session: Session, user: User) -> Viewer:
    communes = frozenset(json.loads(user.commune_codes or "[]"))
    councils, leading = set(), set()
    for member_id in store.ids_with_key(session, "council_members", f"member_user:{user.id}"):
        member = store.load(session, "council_members", member_id)
        if member and not member.deleted:
            councils.add(member.data.get("council_id"))
            if member.data.get("role") in LEADING_ROLES:
                leading.add(member.data.get("council_id"))
    if user.role == "admin":
        return Viewer(user.id, user.role, None, frozenset(councils), frozenset(leading), communes)
    keys = {PUBLIC, f"user:{user.id}"}
    keys |= {f"commune:{c}" for c in communes}
    keys |= {f"council:{c}" for c in councils}
    keys |= {f"council_sheets:{c}" for c in leading}
    return Viewer(user.id, user.role, frozenset(keys), frozenset(councils), frozenset(leading), communes)


def may_read_file(session: Session, viewer: Viewer, sha256: str) -> bool:
    """A file goes to those who may see a row naming it (a dossier's document); admins get any file."""
    return viewer.is_admin or store.file_named(session, sha256, viewer.keys)


def _parent_keys(session: Session, entity: str, row_id: str | None) -> set[str]:
    return {k for k in store.scope_keys(session, entity, row_id) if not k.startswith(LEFT)} if row_id else set()


def with_departures(stored: set[str], live: set[str]) -> set[str]:
    """The keys to store: ``live`` plus a ``left:<key>`` mark for every key the row has lost (kept until
    it regains that key), so the devices that saw it through that key can be told it is gone
    (scope_gone.py). A mark never matches a device's keys: it grants nothing."""
    before = {k for k in stored if not k.startswith(LEFT)}
    marks = {k for k in stored if k.startswith(LEFT)} | {LEFT + k for k in before - live}
    return live | (marks - {LEFT + k for k in live})


def _council_of_member(session: Session, member_id: str | None) -> tuple[str | None, str | None]:
    member = store.load(session, "council_members", member_id) if member_id else None
    if member is None:
        return None, None
    return member.data.get("council_id"), member.data.get("user_id")


def _assigned_councils(session: Session, dossier_id: str) -> set[str]:
    councils = set()
    for _, assignment_id in store.children(session, "dossiers", dossier_id, "council_assignments"):
        row = store.load(session, "council_assignments", assignment_id)
        if row and not row.deleted:
            councils.add(row.data.get("council_id"))
    return councils


def keys_for(session: Session, entity: str, row_id: str, data: dict) -> set[str]:
    """The scope keys a row should carry, from its own fields and its parents' keys."""
    commune = {f"commune:{data['commune_code']}"} if data.get("commune_code") else set()
    if entity in ("criteria_set_versions",):
        return {PUBLIC}
    if entity == "users":
        return {f"user:{row_id}"}
    if entity == "dossiers":
        return commune | {f"council:{c}" for c in _assigned_councils(session, row_id)}
    if entity == "products":
        keys = set(commune)
        for _, dossier_id in store.children(session, "products", row_id, "dossiers"):
            keys |= {k for k in store.scope_keys(session, "dossiers", dossier_id) if k.startswith("council:")}
        return keys
    if entity == "producers":
        keys = set(commune)
        for _, product_id in store.children(session, "producers", row_id, "products"):
            keys |= {k for k in store.scope_keys(session, "products", product_id) if k.startswith("council:")}
        return keys
    if entity == "production_lots":
        return _parent_keys(session, "products", data.get("product_id"))
    if entity == "dossier_documents":
        return _parent_keys(session, "dossiers", data.get("dossier_id"))
    if entity == "lot_photos":
        return _parent_keys(session, "production_lots", data.get("lot_id"))
    if entity == "recognitions":
        return _parent_keys(session, "products", data.get("product_id"))
    if entity == "councils":
        return {f"council:{row_id}"}
    if entity in ("council_members", "council_assignments", "evaluation_sessions"):
        keys = {f"council:{data.get('council_id')}"}
        if entity == "council_members" and data.get("user_id"):
            keys.add(f"member_user:{data['user_id']}")
        return keys
    if entity == "score_sheets":
        council, user = _council_of_member(session, data.get("member_id"))
        return {f"user:{user}", f"council_sheets:{council}"} if council else set()
    if entity == "score_lines":
        return _parent_keys(session, "score_sheets", data.get("sheet_id"))
    if entity == "council_results":
        evaluation = store.load(session, "evaluation_sessions", data.get("session_id") or "")
        return {f"council:{evaluation.data.get('council_id')}"} if evaluation else set()
    if entity == "tasks":
        return {f"user:{data['assignee_id']}"} if data.get("assignee_id") else set()
    if entity == "conflicts":
        return _parent_keys(session, data.get("entity", ""), data.get("entity_id"))
    return set()  # devices: admins only


# When a row's keys change, these rows derive theirs from it and must be looked at again.
_DEPENDENTS = {
    "council_assignments": lambda s, d: [("dossiers", d.get("dossier_id"))],
    "dossiers": lambda s, d: [("products", d.get("product_id"))] + [
        (e, i) for e, i in store.children(s, "dossiers", d["id"]) if e in ("dossier_documents",)],
    "products": lambda s, d: [("producers", d.get("producer_id"))] + [
        (e, i) for e, i in store.children(s, "products", d["id"]) if e in ("production_lots", "recognitions")],
    "production_lots": lambda s, d: [(e, i) for e, i in store.children(s, "production_lots", d["id"], "lot_photos")],
    "score_sheets": lambda s, d: [(e, i) for e, i in store.children(s, "score_sheets", d["id"], "score_lines")],
    "council_members": lambda s, d: [(e, i) for e, i in store.children(s, "council_members", d["id"],
                                                                      "score_sheets")],
}


def refresh(session: Session, entity: str, row_id: str, next_seq, saved: store.Row | None = None,
            new: bool = False) -> None:
    """Recomputes a row's keys; a row whose keys changed gets a new version, so devices that may now
    see it pull it, and the rows that derive their keys from it are refreshed in turn. ``saved``: the
    row as just saved (not read again); ``new``: it was just created, so it has no keys yet."""
    pending = [(entity, row_id, True)]
    seen = set()
    while pending:
        ent, rid, force = pending.pop()
        if not rid or (ent, rid) in seen:
            continue
        first = not seen
        seen.add((ent, rid))
        row = saved if first and saved is not None else store.load(session, ent, rid)
        if row is None:
            continue
        stored = set() if first and new else store.scope_keys(session, ent, rid)
        keys = with_departures(stored, keys_for(session, ent, rid, row.data))
        changed = store.set_scope_keys(session, ent, rid, keys, current=stored)
        if changed and not force:
            row.version = next_seq()
            store.save(session, row)
        if changed or force:
            for dep in _DEPENDENTS.get(ent, lambda s, d: [])(session, {**row.data, "id": rid}):
                pending.append((*dep, False))
