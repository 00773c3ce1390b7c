"""The dossier workflow: which status may follow which (who may make each move: ocop_core.rules.workflow)."""

from __future__ import annotations

STATUSES = ("draft", "submitted", "commune_checked", "forwarded", "evaluated", "closed")

# Returning a dossier to "draft" lets the producer fix it before the province has taken it over.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("submitted",),
    "submitted": ("commune_checked", "draft"),
    "commune_checked": ("forwarded", "draft"),
    "forwarded": ("evaluated",),
    "evaluated": ("closed",),
    "closed": (),
}

# The council has scored the dossier: what it was scored on (its notes, kind and documents) stays as
# it was. Documents may still be added until it is closed (a late certificate), never removed.
LOCKED_STATUSES = frozenset({"evaluated", "closed"})

DOCUMENT_TYPES = (
    "registration_form", "business_plan", "org_description", "business_registration", "food_safety_conditions",
    "product_standard", "quality_declaration", "lab_test_report", "label_image", "product_photo",
    "ip_certificate", "traceability", "raw_material_contracts", "environment", "qms_certificate", "story",
    "awards", "other",
)
DOSSIER_KINDS = ("new", "renewal", "upgrade")
