"""What travels between laptops and the server: each synced entity, its fields, their rules and its parents.

Shared by both sides: the server stores rows generically from this and refuses a row a laptop could not
store; a laptop checks what it pulls against the same rules. Tests check it against the desktop's models
(types, NOT NULL columns, defaults, lengths, unique constraints, foreign keys), so the two cannot drift.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

KINDS = ("text", "int", "bool", "float", "decimal", "date", "datetime")


@dataclass(frozen=True)
class FieldRule:
    """What a laptop's column accepts. ``nullable``: NULL may be stored; ``has_default``: a laptop fills
    ``default`` when an insert leaves the field out; ``max_length`` in characters (text and decimals)."""

    kind: str
    nullable: bool = False
    has_default: bool = False
    default: Any = None
    max_length: int | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None

    @property
    def required(self) -> bool:
        """An insert must carry it with a value: the laptop's column is NOT NULL and has no default."""
        return not self.nullable and not self.has_default


@dataclass(frozen=True)
class Unique:
    """Fields no two rows of an entity share (tombstones included: a laptop keeps them)."""

    fields: tuple[str, ...]
    ignore_case: bool = False  # stricter than the laptop's index: "Admin" and "admin" are one person


@dataclass(frozen=True)
class Entity:
    name: str
    rules: dict[str, FieldRule]
    parents: dict[str, str] = field(default_factory=dict)  # field -> parent entity
    unique: tuple[Unique, ...] = ()
    # Rows only the server makes (a device may neither insert nor delete one) ...
    server_only: bool = False
    # ... and of such rows, the only fields a device may change (None: any).
    device_fields: frozenset[str] | None = None

    @functools.cached_property
    def fields(self) -> dict[str, str]:
        """field -> text | int | bool | float | decimal | date | datetime"""
        return {name: rule.kind for name, rule in self.rules.items()}

    @functools.cached_property
    def required(self) -> tuple[str, ...]:
        """The fields an insert must carry (see FieldRule.required)."""
        return tuple(name for name, rule in self.rules.items() if rule.required)


def parse_rule(spec: str) -> FieldRule:
    """``kind[?] [max length] [=default] [min..max]``: ``?`` allows NULL, ``=`` alone is the empty text.

    "text 300" is a required text of at most 300 characters; "text? 10" may be NULL; "text 16 =draft" is
    filled with "draft" when an insert leaves it out; "float? -90..90" and "int =1 1.." are ranges."""
    words = spec.split()
    kind = words[0].rstrip("?")
    if kind not in KINDS:
        raise ValueError(f"unknown kind in {spec!r}")
    values: dict[str, Any] = {"kind": kind, "nullable": words[0].endswith("?")}
    for word in words[1:]:
        if word.startswith("="):
            values["has_default"], values["default"] = True, _default(kind, word[1:])
        elif ".." in word:
            low, high = word.split("..")
            number = float if kind == "float" else int
            values["minimum"] = number(low) if low else None
            values["maximum"] = number(high) if high else None
        else:
            values["max_length"] = int(word)
    return FieldRule(**values)


def _default(kind: str, text: str) -> Any:
    if kind == "bool":
        return text == "true"
    if kind == "int":
        return int(text)
    return text


_META = {"id": "text 36", "created_at": "datetime", "updated_at": "datetime", "deleted": "bool =false"}
ID = "text 36"
OPTIONAL_ID = "text? 36"
STARS = "int =0 0..5"


def _entity(name: str, specs: dict[str, str], parents: dict[str, str] | None = None, **options: Any) -> Entity:
    return Entity(name, {k: parse_rule(v) for k, v in {**specs, **_META}.items()}, parents or {}, **options)


# Fields that only mean something together: a conflict on one is a conflict on all, and a person resolves
# them as one (an approval's time from one leader and its approver from another would be a lie).
FIELD_GROUPS: dict[str, tuple[frozenset[str], ...]] = {
    "council_results": (frozenset({"approved_at", "approved_by"}),),
}

ENTITIES: dict[str, Entity] = {e.name: e for e in [
    _entity("criteria_set_versions", {
        "code": "text 64", "title": "text 300", "status": "text 16", "effective_from": "date?",
        "effective_to": "date?", "supersedes_id": OPTIONAL_ID, "content_hash": "text 64", "canonical_json": "text",
        "imported_at": "datetime?"}, unique=(Unique(("code",)),)),
    _entity("users", {"username": "text 64", "full_name": "text 200", "role": "text 24", "commune_code": "text? 10"},
            unique=(Unique(("username",), ignore_case=True),)),
    _entity("producers", {
        "name": "text 300", "kind": "text 32", "registration_no": "text 64 =", "tax_code": "text 32 =",
        "commune_code": "text 10", "legacy_commune_code": "text? 10", "address": "text 500 =",
        "representative": "text 200 =", "phone": "text 32 =", "lat": "float? -90..90", "lon": "float? -180..180",
        "location_accuracy_m": "float? 0..100000", "location_source": "text? 16"}),
    _entity("products", {
        "producer_id": ID, "name": "text 300", "subgroup_code": "text 32", "commune_code": "text 10",
        "external_code": "text 64 =", "description": "text =", "gtin": "text 14 =", "public_code": "text? 16"},
        {"producer_id": "producers"}, unique=(Unique(("public_code",)),)),
    _entity("production_lots", {
        "product_id": ID, "lot_code": "text 64", "produced_on": "date?", "quantity": "decimal? 40",
        "unit": "text 32 =", "notes": "text =", "expires_on": "date?", "expiry_kind": "text 16 =expiry",
        "origin": "text 500 =", "withdrawn_on": "date?", "withdrawal_reason": "text =",
        "label_printed_at": "datetime?"},
        {"product_id": "products"}, unique=(Unique(("product_id", "lot_code")),)),
    _entity("lot_photos", {
        "lot_id": ID, "sha256": "text 64", "size": "int 0..", "original_name": "text 255 =", "title": "text 300 ="},
        {"lot_id": "production_lots"}),
    _entity("dossiers", {
        "product_id": ID, "code": "text 64", "kind": "text 16 =new", "status": "text 24 =draft",
        "commune_code": "text 10", "criteria_set_id": OPTIONAL_ID, "submitted_at": "datetime?",
        "result_stars": "int? 0..5", "notes": "text ="},
        {"product_id": "products", "criteria_set_id": "criteria_set_versions"}),
    _entity("dossier_documents", {
        "dossier_id": ID, "doc_type": "text 48", "title": "text 300 =", "original_name": "text 255 =",
        "sha256": "text 64", "size": "int 0..", "issuer": "text 300 =", "issued_on": "date?",
        "valid_until": "date?"}, {"dossier_id": "dossiers"}),
    _entity("councils", {
        "name": "text 300", "level": "text 16 =province", "admin_unit_code": "text 10",
        "decision_no": "text 64 =", "decision_date": "date?", "criteria_set_id": OPTIONAL_ID,
        "rules_json": "text ={}"}, {"criteria_set_id": "criteria_set_versions"}),
    _entity("council_members", {
        "council_id": ID, "user_id": OPTIONAL_ID, "full_name": "text 200", "role": "text 16 =member",
        "organisation": "text 300 =", "scores": "bool =true"}, {"council_id": "councils", "user_id": "users"}),
    _entity("council_assignments", {"council_id": ID, "dossier_id": ID},
            {"council_id": "councils", "dossier_id": "dossiers"}),
    _entity("evaluation_sessions", {
        "council_id": ID, "held_on": "date?", "round": "int =1 1..", "criteria_set_id": ID,
        "status": "text 16 =open"}, {"council_id": "councils", "criteria_set_id": "criteria_set_versions"}),
    _entity("score_sheets", {
        "session_id": OPTIONAL_ID, "dossier_id": ID, "member_id": ID, "criteria_set_id": ID,
        "criteria_hash": "text 64", "product_set_code": "text 64", "status": "text 16 =draft",
        "submitted_at": "datetime?", "device_id": "text 36", "supersedes_id": OPTIONAL_ID, "total": "decimal? 40",
        "stars": "int? 0..5"},
        {"session_id": "evaluation_sessions", "dossier_id": "dossiers", "member_id": "council_members",
         "criteria_set_id": "criteria_set_versions", "supersedes_id": "score_sheets"}),
    _entity("score_lines", {
        "sheet_id": ID, "criterion_code": "text 64", "subitem_code": "text 64 =", "option_code": "text 64",
        "points": "decimal 40", "comment": "text ="}, {"sheet_id": "score_sheets"},
        unique=(Unique(("sheet_id", "criterion_code", "subitem_code")),)),
    _entity("council_results", {
        "session_id": ID, "dossier_id": ID, "n_sheets": "int 0..", "member_totals_json": "text",
        "mean_total": "decimal? 40", "spread": "decimal? 40", "spread_exceeded": "bool =false",
        "quorum_met": "bool =true", "failures_json": "text =[]", "flags_json": "text =[]", "band_stars": STARS,
        "final_stars": STARS, "recommendation": "text 32", "approved_at": "datetime?", "approved_by": OPTIONAL_ID},
        {"session_id": "evaluation_sessions", "dossier_id": "dossiers"}),
    _entity("recognitions", {
        "product_id": ID, "dossier_id": OPTIONAL_ID, "stars": "int 3..5", "issuing_body": "text 300",
        "decision_no": "text 64", "decision_date": "date", "valid_until": "date", "notice_date": "date",
        "revoked_on": "date?", "revocation_reason": "text ="}, {"product_id": "products", "dossier_id": "dossiers"}),
    _entity("tasks", {
        "kind": "text 32", "title": "text 300", "assignee_id": OPTIONAL_ID, "dossier_id": OPTIONAL_ID,
        "due_on": "date?", "status": "text 16 =open", "notes": "text =",
        "producer_id": OPTIONAL_ID, "comments_json": "text =[]"},
        {"assignee_id": "users", "dossier_id": "dossiers", "producer_id": "producers"}),
    _entity("devices", {"name": "text 200", "platform": "text 64 ="}, server_only=True, device_fields=frozenset()),
    # Only the server opens a conflict; a person who can see one resolves it from a laptop.
    _entity("conflicts", {
        "entity": "text 64", "entity_id": "text 36", "field": "text 64", "server_value": "text",
        "device_value": "text", "device_id": "text 36 =", "status": "text 16 =open", "resolution": "text?"},
        server_only=True, device_fields=frozenset({"status", "resolution", "updated_at"})),
]}
