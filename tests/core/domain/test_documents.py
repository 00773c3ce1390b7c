"""Mandatory dossier documents: missing ones and lab reports older than their maximum age."""

from __future__ import annotations

from datetime import date

import pytest

from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.documents import DocumentFailure, document_failures

ON = date(2025, 6, 15)
FULL = {
    "registration_form": date(2025, 1, 2),
    "business_registration": date(2019, 4, 1),  # no maximum age
    "quality_declaration": None,  # undated is fine without a maximum age
    "lab_test_report": date(2025, 3, 1),
}


def test_complete_recent_dossier_passes(sample_set: CriteriaSet) -> None:
    """Every document present and the lab report recent gives no failure."""
    assert document_failures(sample_set, FULL, ON) == []


@pytest.mark.parametrize(("code", "from_stars"), [("registration_form", 1), ("quality_declaration", 3)])
def test_missing_document(sample_set: CriteriaSet, code: str, from_stars: int) -> None:
    """A document left out of the dossier is a "missing" failure carrying its star level."""
    issued = {k: v for k, v in FULL.items() if k != code}
    assert document_failures(sample_set, issued, ON) == [DocumentFailure(code, from_stars, "missing")]


@pytest.mark.parametrize("issued_on", [date(2024, 6, 14), date(2023, 1, 1), None])
def test_old_or_undated_lab_report_expired(sample_set: CriteriaSet, issued_on: date | None) -> None:
    """A lab report older than 12 months (or undated) is an "expired" failure."""
    issued = {**FULL, "lab_test_report": issued_on}
    assert document_failures(sample_set, issued, ON) == [DocumentFailure("lab_test_report", 3, "expired")]


@pytest.mark.parametrize("issued_on", [date(2024, 6, 15), date(2025, 6, 15)])
def test_lab_report_up_to_12_months_passes(sample_set: CriteriaSet, issued_on: date) -> None:
    """A lab report issued exactly 12 months ago, or today, still passes."""
    assert document_failures(sample_set, {**FULL, "lab_test_report": issued_on}, ON) == []


def test_document_past_its_own_end_date_expired(sample_set: CriteriaSet) -> None:
    """A document whose own valid_until is before the day is expired, even without a maximum age."""
    ends = {"quality_declaration": date(2025, 6, 14)}
    assert document_failures(sample_set, FULL, ON, ends) == [DocumentFailure("quality_declaration", 3, "expired")]
    assert document_failures(sample_set, FULL, ON, {"quality_declaration": ON}) == []


def test_latest_document_of_each_type_counts() -> None:
    """Of two lab reports the most recently issued counts; an undated one only when no dated one exists."""
    from ocop_core.domain.documents import latest_documents

    issued, until = latest_documents([("lab_test_report", date(2024, 1, 1), None),
                                      ("lab_test_report", date(2025, 3, 1), date(2026, 3, 1)),
                                      ("lab_test_report", None, None), ("photo", None, None)])
    assert issued == {"lab_test_report": date(2025, 3, 1), "photo": None}
    assert until["lab_test_report"] == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("missing", "stars", "recommendation"),
    [(None, 4, "recognise_province"), ("lab_test_report", 2, "not_recognised"),
     ("registration_form", 0, "not_recognised")],
)
def test_required_documents_cap_the_council_stars(sample_set: CriteriaSet, missing: str | None, stars: int,
                                                  recommendation: str) -> None:
    """Members at 80 (4★): a missing document required from 3★ caps at 2★, one required from 1★ at 0★."""
    from decimal import Decimal

    from ocop_core.domain.council import aggregate

    issued = {k: v for k, v in FULL.items() if k != missing}
    failures = document_failures(sample_set, issued, ON)
    outcome = aggregate([Decimal(80)] * 3, sample_set.aggregation, sample_set.star_bands,
                        document_failures=failures)
    assert (outcome.band_stars, outcome.final_stars, str(outcome.recommendation)) == (4, stars, recommendation)
    assert outcome.document_failures == tuple(failures)
