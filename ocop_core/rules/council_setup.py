"""When a council's make-up may still change: until its first sheet is submitted."""

from __future__ import annotations

from ocop_core.rules.refusal import Refusal, refused


def check_council_setup(submitted_sheets: int) -> Refusal | None:
    """A council's name, decision, criteria version, members and very existence, as they are changed or deleted.

    ``submitted_sheets`` counts the sheets its members have submitted (superseded ones included): once one is
    in, the council that sheet was scored for is the one the minutes must name, so it stays as it was.
    """
    return refused("council_scored", sheets=submitted_sheets) if submitted_sheets > 0 else None
