"""What ocop_core.rules decides on, read from this laptop's database, and its refusals raised as service errors.

The rules themselves live in the core, where the server applies the same ones to every push: a laptop never
accepts what the server would refuse, nor refuses what it would accept.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.rules.actor import Actor
from ocop_core.rules.refusal import Refusal
from ocop_desktop.db.models import CouncilAssignment, CouncilResult, User
from ocop_desktop.services.errors import ServiceError


class RuleRefused(ServiceError):
    """A service refused by a rule of ocop_core.rules: the rule's code and parameters, and the field it is
    about (for the form to put the message next to)."""

    def __init__(self, refusal: Refusal, field: str) -> None:
        super().__init__(refusal.code, field, **refusal.params)
        self.refusal = refusal


def enforce(refusal: Refusal | None, field: str) -> None:
    if refusal is not None:
        raise RuleRefused(refusal, field)


def actor_for(session: Session, *, user_id: str, role: str) -> Actor:
    """The logged-in person: the role they logged in with, and the commune their account names (the server
    sends a commune officer's account row with their commune; a laptop without it serves no commune)."""
    user = session.get(User, user_id) if isinstance(user_id, str) else None
    commune = user.commune_code if user is not None and not user.deleted else None
    return Actor(str(user_id), str(role), frozenset({commune}) if commune else frozenset())


def approved_stars(session: Session, dossier_id: str) -> int | None:
    """The final stars of the dossier's latest approved council result; None when the council approved none."""
    return session.scalar(select(CouncilResult.final_stars).where(
        CouncilResult.dossier_id == dossier_id, CouncilResult.approved_at.is_not(None),
        CouncilResult.deleted.is_(False)).order_by(CouncilResult.approved_at.desc()).limit(1))


def assigned_councils(session: Session, dossier_id: str) -> set[str]:
    """The councils the dossier is put before (live assignments)."""
    return set(session.scalars(select(CouncilAssignment.council_id).where(
        CouncilAssignment.dossier_id == dossier_id, CouncilAssignment.deleted.is_(False))))
