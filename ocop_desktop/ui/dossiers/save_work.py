"""The dossier editor's save as one service call: every edited section, or none of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ocop_desktop.services.changes import Changes
from ocop_desktop.services.dossier_edits import Edits, Refused, save_dossier_edits

__all__ = ["Edits", "Refused", "save_work"]


def save_work(edits: Edits, ids: dict[str, str]) -> Callable[[Any], Changes]:
    """The function the runner runs with its session; the service rolls the whole save back on a refusal."""
    return lambda session: save_dossier_edits(session, edits=edits, ids=ids)
