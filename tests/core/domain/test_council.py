"""Council aggregation: mean, rounding, star monotonicity, quorum, chair, recommendation."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_core.domain.council import (
    Attendance,
    Flag,
    Recommendation,
    aggregate,
    failures_for,
    round_score,
)
from ocop_core.domain.criteria import CriteriaSet

member_totals = st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=1, max_size=9)


@settings(deadline=None)
@given(totals=member_totals)
def test_mean_between_min_and_max(sample_set: CriteriaSet, totals: list[Decimal]) -> None:
    """The council mean lies between the lowest and highest member totals, within half a last unit."""
    rules = sample_set.aggregation
    half_unit = Decimal(1).scaleb(-rules.decimals) / 2
    outcome = aggregate(totals, rules, sample_set.star_bands)
    assert min(totals) - half_unit <= outcome.mean <= max(totals) + half_unit


@settings(deadline=None)
@given(first=member_totals, second=member_totals)
def test_stars_monotone_in_mean(sample_set: CriteriaSet, first: list[Decimal], second: list[Decimal]) -> None:
    """Without failures, a higher or equal council mean never gets fewer stars."""
    a = aggregate(first, sample_set.aggregation, sample_set.star_bands)
    b = aggregate(second, sample_set.aggregation, sample_set.star_bands)
    if a.mean > b.mean:
        a, b = b, a
    assert 1 <= a.final_stars <= b.final_stars <= 5


@pytest.mark.parametrize(("present", "met"), [(4, True), (3, True), (2, False), (0, False)])
def test_quorum_three_quarters(sample_set: CriteriaSet, present: int, met: bool) -> None:
    """With quorum 0.75, 3 of 4 members is a quorum and 2 of 4 is not (flagged no_quorum)."""
    attendance = Attendance(members=4, present=present, chair_present=True)
    outcome = aggregate([Decimal(60)], sample_set.aggregation, sample_set.star_bands, attendance=attendance)
    assert outcome.quorum_met is met
    assert (Flag.NO_QUORUM in outcome.flags) is (not met)


@pytest.mark.parametrize("chair_present", [True, False])
def test_chair_absent_flag(sample_set: CriteriaSet, chair_present: bool) -> None:
    """A council whose chair is absent is flagged chair_absent and cannot approve."""
    attendance = Attendance(members=4, present=4, chair_present=chair_present)
    outcome = aggregate([Decimal(60)] * 4, sample_set.aggregation, sample_set.star_bands, attendance=attendance)
    assert (Flag.CHAIR_ABSENT in outcome.flags) is (not chair_present)
    assert outcome.can_approve is chair_present


def test_chair_not_required(sample_set: CriteriaSet) -> None:
    """When the rules do not require the chair, an absent chair raises no flag."""
    rules = dataclasses.replace(sample_set.aggregation, chair_required=False)
    outcome = aggregate([Decimal(60)], rules, sample_set.star_bands, attendance=Attendance(4, 4, False))
    assert Flag.CHAIR_ABSENT not in outcome.flags


@pytest.mark.parametrize(
    ("rounding", "value", "expected"),
    [("half_up", "67.125", "67.13"), ("half_up", "67.124", "67.12"), ("half_even", "67.125", "67.12")],
)
def test_round_score(sample_set: CriteriaSet, rounding: str, value: str, expected: str) -> None:
    """Half-up rounds 67.125 to 67.13 at two decimals; half-even rounds it to 67.12."""
    rules = dataclasses.replace(sample_set.aggregation, rounding=rounding)
    assert round_score(Decimal(value), rules) == Decimal(expected)


def test_mean_rounded_half_up(sample_set: CriteriaSet) -> None:
    """Totals 68.5, 66, 70, 64 (exact mean 67.125) give a council mean of 67.13."""
    totals = [Decimal("68.5"), Decimal(66), Decimal(70), Decimal(64)]
    assert aggregate(totals, sample_set.aggregation, sample_set.star_bands).mean == Decimal("67.13")


@pytest.mark.parametrize(("spread", "flagged"), [(10, False), (Decimal("10.5"), True)])
def test_spread_limit_is_inclusive(sample_set: CriteriaSet, spread: Decimal, flagged: bool) -> None:
    """Members differing by exactly the allowed 10 points are fine; more is flagged rescore."""
    outcome = aggregate([Decimal(60), Decimal(60) + spread], sample_set.aggregation, sample_set.star_bands)
    assert (Flag.RESCORE in outcome.flags) is flagged


@pytest.mark.parametrize(
    ("total", "stars", "recommendation"),
    [
        (95, 5, Recommendation.FORWARD_CENTRAL),
        (100, 5, Recommendation.FORWARD_CENTRAL),
        (89, 4, Recommendation.RECOGNISE_PROVINCE),
        (50, 3, Recommendation.RECOGNISE_PROVINCE),
        (Decimal("49.99"), 2, Recommendation.NOT_RECOGNISED),
        (10, 1, Recommendation.NOT_RECOGNISED),
    ],
)
def test_recommendation_follows_stars(sample_set: CriteriaSet, total: int, stars: int,
                                      recommendation: Recommendation) -> None:
    """5★ is forwarded to central, 3★/4★ recognised by the province, below 3★ not recognised."""
    outcome = aggregate([Decimal(total)] * 3, sample_set.aggregation, sample_set.star_bands)
    assert (outcome.final_stars, outcome.recommendation) == (stars, recommendation)


def test_failed_mandatory_caps_and_blocks_recognition(sample_set: CriteriaSet) -> None:
    """A 95-point council with a failed mandatory criterion ends at 2★, not recognised."""
    failures = failures_for(sample_set, sample_set.product_sets[0], ["C.2.2"])
    outcome = aggregate([Decimal(95)] * 3, sample_set.aggregation, sample_set.star_bands, failures)
    assert (outcome.band_stars, outcome.final_stars) == (5, 2)
    assert outcome.recommendation is Recommendation.NOT_RECOGNISED


@pytest.mark.parametrize("code", ["A.1.1", "Z.9"])
def test_failures_for_rejects_non_mandatory(sample_set: CriteriaSet, code: str) -> None:
    """Naming a criterion without a mandatory rule (or unknown) as failed is an error."""
    with pytest.raises(ValueError, match=code):
        failures_for(sample_set, sample_set.product_sets[0], [code])


def test_empty_totals_incomplete(sample_set: CriteriaSet) -> None:
    """No member totals gives an incomplete outcome with no mean."""
    outcome = aggregate([], sample_set.aggregation, sample_set.star_bands)
    assert outcome.recommendation is Recommendation.INCOMPLETE
    assert outcome.mean is None
    assert not outcome.can_approve


def test_attendance_with_a_non_scoring_chair() -> None:
    """A chair who does not score is present when recorded so; the quorum counts the scorers only."""
    from ocop_core.domain.council import attendance_for

    scorers, sheets = {"m1", "m2", "m3", "m4"}, {"m1", "m2", "m3", "m4"}
    assert attendance_for(scorers, sheets, {"chair"}) == Attendance(4, 4, False)
    assert attendance_for(scorers, sheets, {"chair"}, {"chair"}) == Attendance(4, 4, True)
    assert attendance_for(scorers | {"chair"}, sheets | {"chair"}, {"chair"}) == Attendance(5, 5, True)


def test_council_rule_bounds() -> None:
    """check_council_rules types what is in bounds and names each key out of them."""
    from ocop_core.domain.council import check_council_rules

    typed, problems = check_council_rules({"rounding": "half_even", "decimals": 3, "quorum_fraction": "0.5"})
    assert (typed, problems) == ({"rounding": "half_even", "decimals": 3, "quorum_fraction": Decimal("0.5")}, [])
    _, problems = check_council_rules({"decimals": True, "max_member_spread": -0.5, "x": 1})
    assert [(p.path, p.code) for p in problems] == [("rules.decimals", "out_of_range"),
                                                    ("rules.max_member_spread", "out_of_range"),
                                                    ("rules.x", "unknown_field")]
