"""Approving several council results in one action, each by the same rule as approving one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ocop_core.errors import OcopError
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.councils import approve_council_result


@dataclass(frozen=True, slots=True)
class BatchApproval(Changes):
    """What changed, which dossiers were approved, and which were refused with the refusal itself."""

    approved: tuple[str, ...] = ()
    refused: tuple[tuple[str, OcopError], ...] = ()


def approve_results(session: Session, *, approved_by: str, evaluation_id: str,
                    dossier_ids: Sequence[str], chair_present: bool = False) -> BatchApproval:
    """Each dossier goes through approve_council_result in a savepoint of its own: a refused one (flagged,
    incomplete, already approved, not the council's) leaves nothing behind and does not stop the others.
    ``chair_present`` records a chair who does not score as presiding, for every dossier of the batch."""
    changes = Changes()
    approved: list[str] = []
    refused: list[tuple[str, OcopError]] = []
    for dossier_id in dict.fromkeys(dossier_ids):
        try:
            with session.begin_nested():
                changes |= approve_council_result(session, approved_by=approved_by, evaluation_id=evaluation_id,
                                                  dossier_id=dossier_id, chair_present=chair_present)
        except OcopError as error:
            refused.append((dossier_id, error))
        else:
            approved.append(dossier_id)
    return BatchApproval(changes.entities, changes.ids, changes.id, approved=tuple(approved), refused=tuple(refused))
