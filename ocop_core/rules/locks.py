"""What stays as it was once decided: the evidence of a scored dossier, a submitted sheet and its lines, an
approved council result; and the council's result belongs to a dossier put before that council."""

from __future__ import annotations

from collections.abc import Iterable

from ocop_core.domain.dossier_status import LOCKED_STATUSES
from ocop_core.rules.refusal import Refusal, refused

FROZEN_SHEET = frozenset({"submitted", "superseded"})
# Superseding is the one change a submitted sheet takes: a rescore's submission retires the sheet it redoes.
SUPERSEDE_FIELDS = frozenset({"status", "updated_at"})


def check_document_change(was_in: str | None, now_in: str | None) -> Refusal | None:
    """A document as it is changed: ``was_in`` is the status of the dossier it belonged to (None for a new
    document), ``now_in`` the status of the dossier it belongs to afterwards.

    The documents the council scored on are never removed or altered; a late one (a certificate renewed
    during the evaluation) may still be added until the dossier is closed.
    """
    if was_in in LOCKED_STATUSES:
        return refused("dossier_locked", status=was_in)
    if now_in == "closed":
        return refused("dossier_locked", status=now_in)
    return None


def check_sheet_open(status: str) -> Refusal | None:
    """A sheet takes answers only while it is a draft: a change of mind after submitting is a rescore."""
    return refused("sheet_submitted", status=status) if status in FROZEN_SHEET else None


def check_sheet_change(before_status: str | None, after_status: str, changed: Iterable[str]) -> Refusal | None:
    """A sheet row as it is changed (``before_status`` None for a new sheet)."""
    if before_status is None or before_status not in FROZEN_SHEET:
        return None
    if before_status == "submitted" and after_status == "superseded" and set(changed) <= SUPERSEDE_FIELDS:
        return None
    return refused("sheet_submitted", status=before_status)


def check_line_change(was_on: str | None, now_on: str | None) -> Refusal | None:
    """A score line as it is changed: ``was_on`` is the status of the sheet it was on (None for a new line),
    ``now_on`` of the sheet it is on afterwards. Both count: a line taken out of a submitted sheet would
    leave that sheet with a total its lines no longer add up to."""
    for status in (was_on, now_on):
        if status is not None and status in FROZEN_SHEET:
            return refused("sheet_submitted", status=status)
    return None


def check_result_change(was_approved: bool, changed: Iterable[str]) -> Refusal | None:
    """An approved result is what the council signed: its figures, its approver and its existence stay."""
    return refused("result_approved") if was_approved and set(changed) else None


def check_result_dossier(council_id: str | None, assigned_councils: Iterable[str]) -> Refusal | None:
    """A council decides only on the dossiers put before it: ``council_id`` is the council of the result's
    evaluation session, ``assigned_councils`` those the dossier is (live) assigned to."""
    if council_id is None or council_id not in set(assigned_councils):
        return refused("dossier_not_assigned", council=council_id or "")
    return None
