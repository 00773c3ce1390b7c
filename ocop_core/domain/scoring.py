"""One evaluator's sheet: answers to part totals, validation, mandatory failures, provisional stars."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ocop_core.domain.criteria import CriteriaSet, CriterionRule, ProductSet
from ocop_core.domain.problems import Problem
from ocop_core.domain.stars import stars_for


@dataclass(frozen=True, slots=True)
class Answer:
    criterion: str
    option: str
    subitem: str | None = None


@dataclass(frozen=True, slots=True)
class MandatoryFailure:
    criterion: str
    from_stars: int
    cap_stars: int


@dataclass(frozen=True, slots=True)
class SheetScore:
    part_totals: dict[str, Decimal]
    total: Decimal
    problems: tuple[Problem, ...]
    unanswered: tuple[str, ...]
    mandatory_failures: tuple[MandatoryFailure, ...]
    band_stars: int
    provisional_stars: int

    @property
    def complete(self) -> bool:
        return not self.unanswered and not self.problems

    @property
    def failed_criteria(self) -> tuple[str, ...]:
        return tuple(f.criterion for f in self.mandatory_failures)


def rule_fails(rule: CriterionRule, points: Decimal, chosen: Iterable[str]) -> bool:
    if rule.min_points is not None and points < rule.min_points:
        return True
    return any(code in rule.forbidden_options for code in chosen)


def cap_for(rule_cap: int | None, from_stars: int) -> int:
    """The stars a failed condition leaves: its own ``cap_stars``, else one below the level it guards.

    Decision 148/QĐ-TTg: a criterion mandatory *for* N★ bars N★ and above, nothing more; a condition for 5★
    must not pull a 96-point product down to 2★ (docs/domain-decisions.md, D1)."""
    return rule_cap if rule_cap is not None else from_stars - 1


def apply_caps(band_stars: int, failures: Sequence[MandatoryFailure]) -> int:
    """A failed condition only bites from its star level upwards: it caps, it never raises."""
    stars = band_stars
    for f in failures:
        if band_stars >= f.from_stars:
            stars = min(stars, f.cap_stars)
    return stars


def score_sheet(criteria_set: CriteriaSet, product_set: ProductSet, answers: Iterable[Answer]) -> SheetScore:
    """Totals what is answered so far; a draft with gaps still scores, its gaps are listed."""
    by_code = {c.code: c for c in product_set.criteria}
    chosen: dict[tuple[str, str | None], str] = {}
    points: dict[tuple[str, str | None], Decimal] = {}
    problems: list[Problem] = []
    for i, a in enumerate(answers):
        where = f"answers[{i}]"
        criterion = by_code.get(a.criterion)
        if criterion is None:
            problems.append(Problem(where, "unknown_criterion", {"criterion": a.criterion}))
            continue
        ladder = criterion.option_ladder(a.subitem)
        if ladder is None:
            code = "subitem_required" if criterion.subitems and a.subitem is None else "unknown_subitem"
            problems.append(Problem(where, code, {"criterion": a.criterion, "subitem": a.subitem}))
            continue
        option = next((o for o in ladder if o.code == a.option), None)
        if option is None:
            problems.append(Problem(where, "unknown_option", {"criterion": a.criterion, "option": a.option}))
            continue
        key = (a.criterion, a.subitem)
        if key in chosen:
            problems.append(Problem(where, "duplicate_answer", {"criterion": a.criterion, "subitem": a.subitem}))
            continue
        chosen[key] = option.code
        points[key] = option.points

    part_totals: dict[str, Decimal] = {}
    unanswered: list[str] = []
    failures: list[MandatoryFailure] = []
    for part in product_set.parts:
        subtotal = Decimal(0)
        for criterion in part.criteria:
            keys = [(criterion.code, s) for s in criterion.slots]
            answered = [k for k in keys if k in chosen]
            if len(answered) < len(keys):
                unanswered.append(criterion.code)
            crit_points = sum((points[k] for k in answered), Decimal(0))
            subtotal += crit_points
            rule = criterion.mandatory
            # An unanswered criterion is not yet a failure: the evaluator has not decided.
            if rule and len(answered) == len(keys) and rule_fails(rule, crit_points, (chosen[k] for k in keys)):
                failures.append(MandatoryFailure(criterion.code, rule.from_stars,
                                                 cap_for(rule.cap_stars, rule.from_stars)))
        part_totals[part.code] = subtotal
    total = sum(part_totals.values(), Decimal(0))
    band = stars_for(total, criteria_set.star_bands)
    return SheetScore(
        part_totals=part_totals,
        total=total,
        problems=tuple(problems),
        unanswered=tuple(unanswered),
        mandatory_failures=tuple(failures),
        band_stars=band,
        provisional_stars=apply_caps(band, failures),
    )


def extreme_answers(product_set: ProductSet, best: bool) -> list[Answer]:
    """Every criterion answered with its best (or worst) option: for previews and tests."""
    pick = max if best else min
    answers = []
    for criterion in product_set.criteria:
        if criterion.subitems:
            for s in criterion.subitems:
                answers.append(Answer(criterion.code, pick(s.options, key=lambda o: o.points).code, s.code))
        else:
            answers.append(Answer(criterion.code, pick(criterion.options, key=lambda o: o.points).code))
    return answers
