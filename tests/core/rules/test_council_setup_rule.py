"""A council's make-up may change until its first sheet is submitted (ocop_core.rules.council_setup)."""

from __future__ import annotations

from ocop_core.rules.council_setup import check_council_setup
from ocop_core.rules.refusal import refused


def test_a_council_without_submitted_sheets_may_change() -> None:
    """No submitted sheet: editing and deleting go ahead."""
    assert check_council_setup(0) is None


def test_a_submitted_sheet_locks_the_council_and_says_how_many() -> None:
    """One submitted sheet or more: refused with council_scored and the count, a rule about what, not who."""
    assert check_council_setup(3) == refused("council_scored", sheets=3)
    assert not check_council_setup(1).forbidden
