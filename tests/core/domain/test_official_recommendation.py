"""The one rule for what the official outputs recommend, which is also the rule for approving a result."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ocop_core.domain.council import Attendance, Recommendation, aggregate, official_recommendation
from ocop_core.domain.criteria import CriteriaSet


@pytest.mark.parametrize(("recommendation", "flags", "expected"), [
    ("recognise_province", (), Recommendation.RECOGNISE_PROVINCE),
    ("forward_central", (), Recommendation.FORWARD_CENTRAL),
    ("not_recognised", (), Recommendation.NOT_RECOGNISED),
    ("recognise_province", ("no_quorum",), Recommendation.NOT_READY),
    ("recognise_province", ("rescore",), Recommendation.NOT_READY),
    ("forward_central", ("chair_absent",), Recommendation.NOT_READY),
    ("not_recognised", ("rescore",), Recommendation.NOT_READY),
    ("incomplete", (), Recommendation.NOT_READY),
])
def test_flags_or_no_sheet_mean_not_ready(recommendation: str, flags: tuple[str, ...],
                                          expected: Recommendation) -> None:
    """The stars' recommendation stands only with no flag and at least one sheet; otherwise "not ready"."""
    assert official_recommendation(recommendation, flags) is expected


@pytest.mark.parametrize(("totals", "attendance"), [
    ([Decimal(80)], Attendance(members=5, present=1, chair_present=True)),
    ([Decimal(80), Decimal(60), Decimal(80), Decimal(80), Decimal(80)], None),
])
def test_one_of_five_sheets_or_a_wide_spread_recommends_nothing_yet(sample_set: CriteriaSet, totals, attendance):
    """1 of 5 sheets at 4★, or 5 sheets 20 points apart: the stars would say "recognise", the outputs may not,
    and the result cannot be approved: both come from the same function."""
    outcome = aggregate(totals, sample_set.aggregation, sample_set.star_bands, attendance=attendance)
    assert outcome.recommendation is Recommendation.RECOGNISE_PROVINCE
    assert official_recommendation(outcome.recommendation, outcome.flags) is Recommendation.NOT_READY
    assert not outcome.can_approve
