"""One evaluator's sheet: answer validation, gaps, mandatory caps and part totals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.scoring import Answer, MandatoryFailure, apply_caps, extreme_answers, score_sheet


def problems_of(criteria_set: CriteriaSet, answers: list[Answer]) -> set[tuple[str, str]]:
    score = score_sheet(criteria_set, criteria_set.product_sets[0], answers)
    return {(p.path, p.code) for p in score.problems}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([Answer("Z.9.9", "a")], {("answers[0]", "unknown_criterion")}),
        ([Answer("A.1.1", "z")], {("answers[0]", "unknown_option")}),
        # "d" is an option of A.1.1 but not of A.1.2 (a, b, c)
        ([Answer("A.1.1", "d"), Answer("A.1.2", "d")], {("answers[1]", "unknown_option")}),
        ([Answer("A.1.1", "a"), Answer("A.1.1", "d")], {("answers[1]", "duplicate_answer")}),
        ([Answer("A.1.1", "a", "x")], {("answers[0]", "unknown_subitem")}),
    ],
    ids=["unknown-criterion", "unknown-option", "other-criterions-option", "duplicate", "subitem-on-plain"],
)
def test_invalid_answer_is_a_problem(sample_set: CriteriaSet, answers: list[Answer], expected: set) -> None:
    """An answer naming an unknown criterion/option, another criterion's option, or a repeat is a problem."""
    assert problems_of(sample_set, answers) == expected


def test_duplicate_answer_keeps_first(sample_set: CriteriaSet) -> None:
    """A repeated answer does not replace the first one's points."""
    score = score_sheet(sample_set, sample_set.product_sets[0], [Answer("A.1.1", "b"), Answer("A.1.1", "d")])
    assert score.part_totals["A"] == Decimal(1)


def test_unanswered_lists_the_rest_in_sheet_order(sample_set: CriteriaSet) -> None:
    """With only A.1.1 answered, every other criterion is unanswered, in sheet order."""
    product_set = sample_set.product_sets[0]
    score = score_sheet(sample_set, product_set, [Answer("A.1.1", "d")])
    assert score.unanswered == tuple(c.code for c in product_set.criteria if c.code != "A.1.1")
    assert not score.complete
    assert score.total == Decimal(5)


def test_partly_answered_subitems_are_unanswered(set_2019: CriteriaSet) -> None:
    """A sub-item criterion with one of two sub-items answered is still unanswered."""
    score = score_sheet(set_2019, set_2019.product_sets[0], [Answer("C.1.1", "d", "a")])
    assert "C.1.1" in score.unanswered


def test_slots_and_options_of_a_criterion(set_2019: CriteriaSet, sample_set: CriteriaSet) -> None:
    """A criterion needs one answer per sub-item (or one of its own); an option is looked up on its ladder."""
    c11 = set_2019.product_sets[0].criterion("C.1.1")
    a11 = sample_set.product_sets[0].criterion("A.1.1")
    assert c11 is not None and a11 is not None
    assert (c11.slots, a11.slots) == (("a", "b"), (None,))
    assert c11.option("a", "b") == c11.subitems[0].options[1]
    assert (c11.option(None, "b"), c11.option("z", "a"), a11.option(None, "z"), a11.option(None, None)) == (
        None, None, None, None)
    assert a11.option(None, "d") is not None and a11.option(None, "d").points == a11.max_points


def test_unanswered_mandatory_criterion_is_not_a_failure(sample_set: CriteriaSet) -> None:
    """An unanswered mandatory criterion is not yet counted as failed."""
    score = score_sheet(sample_set, sample_set.product_sets[0], [])
    assert score.mandatory_failures == ()


def _best_except(criteria_set: CriteriaSet, criterion: str, option: str) -> list[Answer]:
    answers = extreme_answers(criteria_set.product_sets[0], best=True)
    return [Answer(a.criterion, option) if a.criterion == criterion else a for a in answers]


@pytest.mark.parametrize(
    ("which", "criterion", "option", "total"),
    [("sample-148", "A.2.2", "a", 96), ("sample-148", "C.2.2", "b", 96), ("sample-1048-2019", "A.3.1", "a", 95)],
    ids=["min-points-148", "lab-test-148", "forbidden-option-2019"],
)
def test_mandatory_failure_caps_high_band(sets_by_name: dict, which: str, criterion: str, option: str,
                                          total: int) -> None:
    """A 5★-band sheet failing a mandatory criterion (from 3★) is capped at 2 provisional stars."""
    criteria_set = sets_by_name[which]
    score = score_sheet(criteria_set, criteria_set.product_sets[0], _best_except(criteria_set, criterion, option))
    assert score.total == Decimal(total)
    assert score.band_stars == 5
    assert score.failed_criteria == (criterion,)
    assert score.provisional_stars == 2


@pytest.mark.parametrize(("band", "expected"), [(5, 2), (4, 2), (3, 2), (2, 2), (1, 1), (0, 0)])
def test_cap_applies_only_from_its_star_level(band: int, expected: int) -> None:
    """A failure from 3★ capping at 2★ lowers 3★-5★ bands and never raises 0★-2★."""
    assert apply_caps(band, [MandatoryFailure("X", from_stars=3, cap_stars=2)]) == expected


@pytest.mark.parametrize(("band", "expected"), [(5, 3), (4, 3), (3, 3), (2, 2)])
def test_cap_from_four_stars(band: int, expected: int) -> None:
    """A failure from 4★ capping at 3★ leaves a 3★ band alone."""
    assert apply_caps(band, [MandatoryFailure("X", from_stars=4, cap_stars=3)]) == expected


def test_lowest_cap_wins() -> None:
    """With two failures the lower cap applies."""
    failures = [MandatoryFailure("X", 4, 3), MandatoryFailure("Y", 3, 2)]
    assert apply_caps(5, failures) == 2


@settings(deadline=None, max_examples=60)
@given(data=st.data())
@pytest.mark.parametrize("which", ["sample-148", "sample-1048-2019"])
def test_random_answers_part_totals_within_bounds(sets_by_name: dict, which: str, data: st.DataObject) -> None:
    """For random answers each part total is within [0, part max] and the total is their sum."""
    criteria_set = sets_by_name[which]
    product_set = criteria_set.product_sets[0]
    answers = []
    for c in product_set.criteria:
        if c.subitems:
            answers += [Answer(c.code, data.draw(st.sampled_from(s.options)).code, s.code) for s in c.subitems]
        else:
            answers.append(Answer(c.code, data.draw(st.sampled_from(c.options)).code))
    score = score_sheet(criteria_set, product_set, answers)
    assert score.complete
    for part in product_set.parts:
        assert Decimal(0) <= score.part_totals[part.code] <= part.max_points
    assert score.total == sum(score.part_totals.values(), Decimal(0))


def test_condition_for_five_stars_caps_at_four(sample_doc: dict) -> None:
    """A condition that must hold only for 5★ leaves a failing 96-point product at 4★, not the set-wide 2★
    (its cap defaults to from_stars - 1, docs/domain-decisions.md D1)."""
    from ocop_core.domain.criteria_loader import read_criteria_set

    a22 = sample_doc["product_sets"][0]["parts"][0]["criterion_groups"][1]["criteria"][1]
    assert a22["code"] == "A.2.2"
    a22["mandatory"]["from_stars"] = 5
    criteria_set, problems = read_criteria_set(sample_doc)
    assert problems == [] and criteria_set is not None
    score = score_sheet(criteria_set, criteria_set.product_sets[0], _best_except(criteria_set, "A.2.2", "a"))
    assert (score.total, score.band_stars, score.failed_criteria) == (Decimal(96), 5, ("A.2.2",))
    assert score.mandatory_failures[0].cap_stars == 4
    assert score.provisional_stars == 4


def test_explicit_cap_stars_still_wins(sample_doc: dict) -> None:
    """A condition's own cap_stars is used as written."""
    from ocop_core.domain.criteria_loader import read_criteria_set

    a22 = sample_doc["product_sets"][0]["parts"][0]["criterion_groups"][1]["criteria"][1]
    a22["mandatory"].update(from_stars=5, cap_stars=3)
    criteria_set, problems = read_criteria_set(sample_doc)
    assert problems == [] and criteria_set is not None
    score = score_sheet(criteria_set, criteria_set.product_sets[0], _best_except(criteria_set, "A.2.2", "a"))
    assert score.provisional_stars == 3
