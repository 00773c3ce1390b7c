"""Locks (ocop_core.rules.locks): scored evidence, submitted sheets and lines, approved results, own dossiers."""

from __future__ import annotations

import pytest

from ocop_core.rules.locks import (
    check_document_change,
    check_line_change,
    check_result_change,
    check_result_dossier,
    check_sheet_change,
    check_sheet_open,
)
from ocop_core.rules.refusal import Refusal, refused


def _code(refusal: Refusal | None) -> str | None:
    return refusal.code if refusal else None


@pytest.mark.parametrize(("was_in", "now_in", "expected"), [
    (None, "draft", None), (None, "evaluated", None), (None, "closed", "dossier_locked"),
    ("forwarded", "forwarded", None), ("evaluated", "evaluated", "dossier_locked"),
    ("closed", "closed", "dossier_locked"), ("evaluated", "draft", "dossier_locked"),
    ("draft", "closed", "dossier_locked"), ("draft", "evaluated", None),
])
def test_documents_of_a_scored_dossier(was_in: str | None, now_in: str | None, expected: str | None) -> None:
    """A document of an evaluated dossier is never altered, moved or removed; one is added until it is closed."""
    assert _code(check_document_change(was_in, now_in)) == expected


@pytest.mark.parametrize(("status", "expected"), [("draft", None), ("submitted", "sheet_submitted"),
                                                  ("superseded", "sheet_submitted")])
def test_only_a_draft_sheet_takes_answers(status: str, expected: str | None) -> None:
    """A submitted or superseded sheet is refused "sheet_submitted" with its status."""
    refusal = check_sheet_open(status)
    assert _code(refusal) == expected
    if refusal:
        assert refusal.params == {"status": status}


@pytest.mark.parametrize(("before", "after", "changed", "expected"), [
    (None, "submitted", {"status", "total"}, None),
    ("draft", "submitted", {"status", "total"}, None),
    ("submitted", "superseded", {"status", "updated_at"}, None),
    ("submitted", "superseded", {"status", "total"}, "sheet_submitted"),
    ("submitted", "draft", {"status"}, "sheet_submitted"),
    ("submitted", "submitted", {"total"}, "sheet_submitted"),
    ("submitted", "submitted", {"deleted"}, "sheet_submitted"),
    ("superseded", "submitted", {"status"}, "sheet_submitted"),
])
def test_a_submitted_sheet_is_only_ever_superseded(before: str | None, after: str, changed: set[str],
                                                   expected: str | None) -> None:
    """The one change a submitted sheet takes is being superseded by its rescore, and nothing with it."""
    assert _code(check_sheet_change(before, after, changed)) == expected


@pytest.mark.parametrize(("was_on", "now_on", "expected"), [
    (None, "draft", None), ("draft", "draft", None), (None, "submitted", "sheet_submitted"),
    ("submitted", "submitted", "sheet_submitted"), ("submitted", "draft", "sheet_submitted"),
    ("draft", "submitted", "sheet_submitted"), ("superseded", "draft", "sheet_submitted"),
])
def test_a_line_never_leaves_or_joins_a_submitted_sheet(was_on: str | None, now_on: str | None,
                                                        expected: str | None) -> None:
    """The sheet a line was on counts as much as the one it goes to."""
    assert _code(check_line_change(was_on, now_on)) == expected


@pytest.mark.parametrize(("approved", "changed", "expected"), [
    (True, {"final_stars"}, "result_approved"), (True, {"deleted"}, "result_approved"),
    (True, {"approved_by"}, "result_approved"), (True, set(), None), (False, {"final_stars", "approved_at"}, None),
])
def test_an_approved_result_stays_as_approved(approved: bool, changed: set[str], expected: str | None) -> None:
    """Any change to an approved result is refused; a change that changes nothing is not a change."""
    assert _code(check_result_change(approved, changed)) == expected


@pytest.mark.parametrize(("council", "assigned", "expected"), [
    ("C1", ["C1"], None), ("C1", ["C2"], "dossier_not_assigned"), ("C1", [], "dossier_not_assigned"),
    (None, ["C1"], "dossier_not_assigned"),
])
def test_a_council_decides_only_on_its_own_dossiers(council: str | None, assigned: list[str],
                                                    expected: str | None) -> None:
    """A result's council must be one the dossier is assigned to."""
    assert _code(check_result_dossier(council, assigned)) == expected


def test_a_refusal_reads_as_code_then_parameters() -> None:
    """The wire reason starts with the code, so a laptop words it; the parameters follow, sorted."""
    assert refused("dossier_locked", status="closed", a=1).reason() == "dossier_locked: a=1, status=closed"
    assert refused("result_approved").reason() == "result_approved: refused"
    assert refused("x", forbidden=True).forbidden and not refused("x").forbidden
