"""Saving the dossier editor: the edited producer, product and dossier fields in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.services import dossiers, registry
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError

Edits = dict[str, dict[str, Any]]  # section ("producer" | "product" | "dossier") -> changed fields

_SERVICES: dict[str, Callable[..., Changes]] = {
    "producer": registry.update_producer, "product": registry.update_product, "dossier": dossiers.update_dossier}


class Refused(ServiceError):
    """A section of the save was refused. It names the section, because a field such as "name" exists in
    more than one and the error must land next to the right box; ``error`` is the section's own error."""

    def __init__(self, section: str, error: ServiceError):
        super().__init__(error.code, error.field, **error.params)
        self.section, self.error = section, error


def save_dossier_edits(session: Session, *, edits: Edits, ids: dict[str, str]) -> Changes:
    """Every edited section or none: a refusal in the last one leaves the first ones unwritten too."""
    unknown = set(edits) - set(_SERVICES)
    if unknown:
        raise ServiceError("unknown_field", "section", sections=sorted(unknown))
    changes = Changes()
    for section, values in edits.items():
        if not values:
            continue
        if section not in ids:
            raise ServiceError("required", "id", section=section)
        try:
            changes |= _SERVICES[section](session, ids[section], **values)
        except ServiceError as exc:
            raise Refused(section, exc) from exc
    return changes
