"""Conflicts a person resolves: both values shown, the chosen one written as an ordinary, synced change.

A resolution is itself a change (architecture, sync principle 6): the chosen value goes into the local
row through the ORM, so the journal records it, and the conflict row's status and resolution (the only
fields of a conflict the server accepts from a laptop) change in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES, FIELD_GROUPS
from ocop_desktop.db.base import Base, Synced
from ocop_desktop.db.journal import DEVICE_KEY
from ocop_desktop.db.models import Conflict, Dossier, Product
from ocop_desktop.db.sync_store import from_wire, get_meta, models
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import NotFound, ServiceError, check_choice, clean_text
from ocop_desktop.services.lookup import get_alive

KEEP = ("server", "device", "other")
# Bookkeeping every row carries: never a person's choice, and the server sets them itself.
_NOT_RESOLVABLE = frozenset({"id", "created_at", "updated_at"})
# Codes, links and machine text: a typed value would break a rule the services enforce, so only one of
# the two recorded values (each once accepted somewhere) may be chosen.
_CODED = frozenset({"status", "kind", "role", "level", "doc_type", "sha256", "canonical_json", "device_id",
                    "content_hash", "approved_at", "approved_by"})
_CODED_SUFFIXES = ("_id", "_code", "_json", "_hash")
_TYPED_KINDS = ("text", "int", "float", "decimal", "date")
# The column that names a row for a person, first non-empty wins.
_LABEL_COLUMNS = {
    "dossiers": ("code",), "products": ("name",), "producers": ("name",),
    "dossier_documents": ("title", "original_name"), "production_lots": ("lot_code",), "councils": ("name",),
    "council_members": ("full_name",), "users": ("full_name", "username"), "tasks": ("title",),
    "criteria_set_versions": ("title", "code"), "recognitions": ("decision_no",), "devices": ("name",),
}


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    entity_id: str
    label: str  # the row as a person knows it ("" when the row is not on this laptop)
    field: str
    kind: str  # the field's wire type (text, int, date ...)
    server_value: Any  # decoded JSON, as the wire carries it
    device_value: Any
    row_deleted: bool  # the row is a tombstone: only the server's value can be kept
    typed_allowed: bool  # whether a person may type another value
    # The device value came from this laptop; otherwise from another one (every laptop in scope pulls it).
    from_this_device: bool


def row_label(session: Session, entity: str, entity_id: str) -> str:
    """How a person recognises a row: a dossier's code with its product, a product's name..."""
    model = models().get(entity)
    columns = _LABEL_COLUMNS.get(entity)
    if model is None or not columns:
        return ""
    row = session.get(model, entity_id)
    if row is None:
        return ""
    label = next((str(v) for v in (getattr(row, c) for c in columns) if v), "")
    if isinstance(row, Dossier):
        product = session.scalar(select(Product.name).where(Product.id == row.product_id))
        label = " — ".join(p for p in (label, product) if p)
    return label


def typed_allowed(entity: str, field: str) -> bool:
    spec = ENTITIES.get(entity)
    if spec is None or field not in spec.fields or field in spec.parents:
        return False
    return (spec.fields[field] in _TYPED_KINDS and field not in _CODED and field not in _NOT_RESOLVABLE
            and not field.endswith(_CODED_SUFFIXES))


def open_conflicts(session: Session) -> list[ConflictView]:
    """Every open conflict, grouped by row (entity, row, field), for the sync screen."""
    query = (select(Conflict).where(Conflict.status == "open", Conflict.deleted.is_(False))
             .order_by(Conflict.entity, Conflict.entity_id, Conflict.field, Conflict.created_at))
    here = get_meta(session, DEVICE_KEY)
    views = []
    for conflict in session.scalars(query):
        spec = ENTITIES.get(conflict.entity)
        model = models().get(conflict.entity)
        row = session.get(model, conflict.entity_id) if model is not None else None
        views.append(ConflictView(
            id=conflict.id, entity=conflict.entity, entity_id=conflict.entity_id,
            label=row_label(session, conflict.entity, conflict.entity_id), field=conflict.field,
            kind=spec.fields.get(conflict.field, "text") if spec else "text",
            server_value=_decode(conflict.server_value), device_value=_decode(conflict.device_value),
            row_deleted=bool(row is not None and row.deleted),
            typed_allowed=typed_allowed(conflict.entity, conflict.field),
            from_this_device=conflict.device_id == here))
    return views


def resolve_conflict(session: Session, *, conflict_id: str, keep: str, value: Any = None) -> Changes:
    """Keeps the server's value, this laptop's, or a typed one (``keep="other"``, ``value`` as typed)."""
    keep = check_choice(keep, "keep", KEEP)
    conflict = get_alive(session, Conflict, conflict_id)
    if conflict.status != "open":
        raise ServiceError("conflict_closed", "status", status=conflict.status)
    spec, model = ENTITIES.get(conflict.entity), models().get(conflict.entity)
    # A conflict about a conflict row would let a laptop rewrite what the server recorded.
    if spec is None or model is None or conflict.entity == "conflicts":
        raise ServiceError("unknown_field", "entity", entity=conflict.entity[:64])
    if conflict.field not in spec.fields or conflict.field in _NOT_RESOLVABLE:
        raise ServiceError("unknown_field", "field", field=conflict.field[:64])
    row = session.get(model, conflict.entity_id)
    if row is None:
        raise NotFound(conflict.entity, conflict.entity_id)
    if keep == "server":
        chosen = _decode(conflict.server_value)
    elif keep == "device":
        chosen = _decode(conflict.device_value)
    else:
        if not typed_allowed(conflict.entity, conflict.field):
            raise ServiceError("invalid_choice", "keep", value=keep, allowed=["server", "device"])
        chosen = _typed(value, spec.fields[conflict.field], conflict.field, _max_length(model, conflict.field))
    # Writing into a tombstone would only open another conflict on the server ("row_deleted"); the
    # device's value stays readable in the conflict row, and the deletion is undone elsewhere if wanted.
    if row.deleted and conflict.field != "deleted" and keep != "server":
        raise ServiceError("row_deleted", conflict.field)
    new = from_wire(spec.fields[conflict.field], chosen)
    if getattr(row, conflict.field) != new:
        setattr(row, conflict.field, new)
    conflict.status, conflict.resolution = "resolved", json.dumps(chosen, ensure_ascii=False)
    changes = Changes.of("conflicts", conflict.id, (conflict.entity, conflict.entity_id))
    # Its group's other open conflicts on this row take the same side: the fields only mean something
    # together (FIELD_GROUPS).
    group = next((g for g in FIELD_GROUPS.get(conflict.entity, ()) if conflict.field in g), frozenset())
    siblings = session.scalars(select(Conflict).where(
        Conflict.entity == conflict.entity, Conflict.entity_id == conflict.entity_id, Conflict.status == "open",
        Conflict.deleted.is_(False), Conflict.field.in_(group - {conflict.field}))).all() if group else []
    for sibling in siblings:
        changes = changes | resolve_conflict(session, conflict_id=sibling.id, keep=keep)
    return changes


def resolve_conflicts(session: Session, *, choices: Sequence[tuple[str, str, Any]]) -> Changes:
    """Several conflicts of one row resolved together, each (conflict_id, keep, value), or none: the row
    never ends half the server's and half this laptop's."""
    changes = Changes()
    for conflict_id, keep, value in choices:
        changes |= resolve_conflict(session, conflict_id=conflict_id, keep=keep, value=value)
    return changes


def _decode(text: str | None) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text  # shown as it is rather than hidden: the person still sees what was kept


def _max_length(model: type[Synced], field: str) -> int:
    assert issubclass(model, Base)  # every model is declared on Base; the check lets mypy see its table
    length = getattr(model.__table__.c[field].type, "length", None)
    return length or 20000


def _typed(value: Any, kind: str, field: str, max_length: int) -> Any:
    """A typed value in its wire form, checked the way the services check their inputs."""
    if kind == "text":
        return clean_text(value, field, max_length, required=False)
    text = clean_text(value, field, 64, required=False)
    if not text:
        return None
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            number = float(text.replace(",", "."))
            if number != number or number in (float("inf"), float("-inf")):
                raise ValueError(text)
            return number
        if kind == "decimal":
            amount = Decimal(text.replace(",", "."))
            if not amount.is_finite():
                raise ValueError(text)
            return str(amount)
        if kind == "date":
            # People here write day/month/year; the ISO form is accepted too.
            if "/" in text:
                day, month, year = (int(p) for p in text.split("/"))
                return date(year, month, day).isoformat()
            return date.fromisoformat(text).isoformat()
    except (ValueError, InvalidOperation) as exc:
        raise ServiceError("wrong_type", field, expected=kind) from exc
    raise ServiceError("invalid_choice", "keep", value="other", allowed=["server", "device"])
