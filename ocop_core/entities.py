"""What travels between laptops and the server: each synced entity, its fields and its parents.

Shared by both sides (the server stores rows generically from this); a test checks it against the
desktop's models so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_META = {"id": "text", "created_at": "datetime", "updated_at": "datetime", "deleted": "bool"}


@dataclass(frozen=True)
class Entity:
    name: str
    fields: dict[str, str]  # field -> text | int | bool | float | decimal | date | datetime
    parents: dict[str, str] = field(default_factory=dict)  # field -> parent entity


def _entity(name: str, fields: dict[str, str], parents: dict[str, str] | None = None) -> Entity:
    return Entity(name, {**fields, **_META}, parents or {})


# Fields that only mean something together: a conflict on one is a conflict on all, and a person resolves
# them as one (an approval's time from one leader and its approver from another would be a lie).
FIELD_GROUPS: dict[str, tuple[frozenset[str], ...]] = {
    "council_results": (frozenset({"approved_at", "approved_by"}),),
}

ENTITIES: dict[str, Entity] = {e.name: e for e in [
    _entity("criteria_set_versions", {
        "code": "text", "title": "text", "status": "text", "effective_from": "date", "effective_to": "date",
        "supersedes_id": "text", "content_hash": "text", "canonical_json": "text", "imported_at": "datetime"}),
    _entity("users", {"username": "text", "full_name": "text", "role": "text", "commune_code": "text"}),
    _entity("producers", {
        "name": "text", "kind": "text", "registration_no": "text", "tax_code": "text", "commune_code": "text",
        "legacy_commune_code": "text", "address": "text", "representative": "text", "phone": "text",
        "lat": "float", "lon": "float"}),
    _entity("products", {
        "producer_id": "text", "name": "text", "subgroup_code": "text", "commune_code": "text",
        "external_code": "text", "description": "text"}, {"producer_id": "producers"}),
    _entity("production_lots", {
        "product_id": "text", "lot_code": "text", "produced_on": "date", "quantity": "decimal", "unit": "text",
        "notes": "text"}, {"product_id": "products"}),
    _entity("dossiers", {
        "product_id": "text", "code": "text", "kind": "text", "status": "text", "commune_code": "text",
        "criteria_set_id": "text", "submitted_at": "datetime", "result_stars": "int", "notes": "text"},
        {"product_id": "products", "criteria_set_id": "criteria_set_versions"}),
    _entity("dossier_documents", {
        "dossier_id": "text", "doc_type": "text", "title": "text", "original_name": "text", "sha256": "text",
        "size": "int", "issuer": "text", "issued_on": "date", "valid_until": "date"}, {"dossier_id": "dossiers"}),
    _entity("councils", {
        "name": "text", "level": "text", "admin_unit_code": "text", "decision_no": "text", "decision_date": "date",
        "criteria_set_id": "text", "rules_json": "text"}, {"criteria_set_id": "criteria_set_versions"}),
    _entity("council_members", {
        "council_id": "text", "user_id": "text", "full_name": "text", "role": "text", "organisation": "text",
        "scores": "bool"}, {"council_id": "councils", "user_id": "users"}),
    _entity("council_assignments", {"council_id": "text", "dossier_id": "text"},
            {"council_id": "councils", "dossier_id": "dossiers"}),
    _entity("evaluation_sessions", {
        "council_id": "text", "held_on": "date", "round": "int", "criteria_set_id": "text", "status": "text"},
        {"council_id": "councils", "criteria_set_id": "criteria_set_versions"}),
    _entity("score_sheets", {
        "session_id": "text", "dossier_id": "text", "member_id": "text", "criteria_set_id": "text",
        "criteria_hash": "text", "product_set_code": "text", "status": "text", "submitted_at": "datetime",
        "device_id": "text", "supersedes_id": "text", "total": "decimal", "stars": "int"},
        {"session_id": "evaluation_sessions", "dossier_id": "dossiers", "member_id": "council_members",
         "criteria_set_id": "criteria_set_versions", "supersedes_id": "score_sheets"}),
    _entity("score_lines", {
        "sheet_id": "text", "criterion_code": "text", "subitem_code": "text", "option_code": "text",
        "points": "decimal", "comment": "text"}, {"sheet_id": "score_sheets"}),
    _entity("council_results", {
        "session_id": "text", "dossier_id": "text", "n_sheets": "int", "member_totals_json": "text",
        "mean_total": "decimal", "spread": "decimal", "spread_exceeded": "bool", "quorum_met": "bool",
        "failures_json": "text", "flags_json": "text", "band_stars": "int", "final_stars": "int",
        "recommendation": "text", "approved_at": "datetime", "approved_by": "text"},
        {"session_id": "evaluation_sessions", "dossier_id": "dossiers"}),
    _entity("recognitions", {
        "product_id": "text", "dossier_id": "text", "stars": "int", "issuing_body": "text", "decision_no": "text",
        "decision_date": "date", "valid_until": "date", "notice_date": "date", "revoked_on": "date",
        "revocation_reason": "text"}, {"product_id": "products", "dossier_id": "dossiers"}),
    _entity("tasks", {
        "kind": "text", "title": "text", "assignee_id": "text", "dossier_id": "text", "due_on": "date",
        "status": "text", "notes": "text"}, {"assignee_id": "users", "dossier_id": "dossiers"}),
    _entity("devices", {"name": "text", "platform": "text"}),
    _entity("conflicts", {
        "entity": "text", "entity_id": "text", "field": "text", "server_value": "text", "device_value": "text",
        "device_id": "text", "status": "text", "resolution": "text"}),
]}
