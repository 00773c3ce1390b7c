"""One save of the dossier editor as one unit of work: every edited section, or none of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.services import dossiers, registry
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError

Edits = dict[str, dict[str, Any]]  # section ("producer" | "product" | "dossier") -> changed fields

_SERVICES = {"producer": registry.update_producer, "product": registry.update_product,
             "dossier": dossiers.update_dossier}


class Refused(Exception):
    """A service refused part of a save; carries which part, because a field name such as "name"
    exists in more than one section and the error must land next to the right box."""

    def __init__(self, section: str, error: ServiceError):
        super().__init__(str(error))
        self.section, self.error = section, error


def save_work(edits: Edits, ids: dict[str, str]) -> Callable[[Session], Changes]:
    """The function the runner runs; raising from it rolls the whole save back."""
    def work(session: Session) -> Changes:
        changes = Changes()
        for section, values in edits.items():
            if values:
                try:
                    changes |= _SERVICES[section](session, ids[section], **values)
                except ServiceError as exc:
                    raise Refused(section, exc) from exc
        return changes

    return work
