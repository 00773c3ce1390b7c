"""Council aggregation: members' totals to a mean, spread, quorum, final stars and recommendation."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from ocop_core.domain.criteria import AggregationRules, CriteriaSet, ProductSet, StarBand
from ocop_core.domain.documents import DocumentFailure, document_caps
from ocop_core.domain.problems import Problem
from ocop_core.domain.scoring import MandatoryFailure, apply_caps, cap_for
from ocop_core.domain.stars import band_for


class Recommendation(StrEnum):
    RECOGNISE_PROVINCE = "recognise_province"
    FORWARD_CENTRAL = "forward_central"
    NOT_RECOGNISED = "not_recognised"
    INCOMPLETE = "incomplete"
    # Never stored: what the official outputs say while the result cannot be approved (official_recommendation).
    NOT_READY = "not_ready"


class Flag(StrEnum):
    RESCORE = "rescore"  # members differ by more than the council allows
    NO_QUORUM = "no_quorum"
    CHAIR_ABSENT = "chair_absent"


@dataclass(frozen=True, slots=True)
class Attendance:
    members: int
    present: int
    chair_present: bool


def attendance_for(scorers: Collection[str], submitted: Collection[str], chairs: Collection[str],
                   chairs_present: Collection[str] = ()) -> Attendance:
    """Who sat for a dossier: the scoring members count towards the quorum, each present when their sheet
    is in; the chair is present when a chair submitted a sheet or is recorded present (``chairs_present``).

    A chair who does not score has no sheet to show presence by: inferring it from sheets alone left such a
    council ``chair_absent`` for ever, unable to approve (docs/domain-decisions.md D5)."""
    scoring = set(scorers)
    present = set(submitted)
    chair_ids = set(chairs)
    return Attendance(members=len(scoring), present=len(present & scoring),
                      chair_present=bool(chair_ids & (present | set(chairs_present))))


@dataclass(frozen=True, slots=True)
class CouncilOutcome:
    member_totals: tuple[Decimal, ...]
    mean: Decimal | None
    spread: Decimal | None
    spread_exceeded: bool
    quorum_met: bool
    band_stars: int
    final_stars: int
    mandatory_failures: tuple[MandatoryFailure, ...]
    flags: tuple[Flag, ...]
    recommendation: Recommendation
    # Required documents missing or expired: they cap final_stars like a failed condition (D7).
    document_failures: tuple[DocumentFailure, ...] = ()

    @property
    def can_approve(self) -> bool:
        return official_recommendation(self.recommendation, self.flags) is not Recommendation.NOT_READY


def official_recommendation(recommendation: str, flags: Iterable[str]) -> Recommendation:
    """What the council's table, minutes and workbook recommend, and the one test of whether a result can be
    approved: the stars' recommendation only once no flag stands (rescore, quorum, chair) and a sheet was
    counted; before that, ``NOT_READY``. A minutes page must never propose recognition that section III of the
    same page says the council has yet to reach.
    """
    if recommendation in (Recommendation.INCOMPLETE, Recommendation.NOT_READY) or any(True for _ in flags):
        return Recommendation.NOT_READY
    return Recommendation(recommendation)


# What a council may set in its own rules, within these bounds (docs/domain-decisions.md D6).
ROUNDINGS = frozenset({"half_up", "half_even"})
MAX_DECIMALS = 6
COUNCIL_RULE_KEYS = frozenset({"decimals", "rounding", "max_member_spread", "quorum_fraction", "chair_required"})


def check_council_rules(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """A council's overrides of the set's aggregation rules, typed, with a problem for each key that is unknown
    or out of bounds: decimals 0-6, rounding half_up or half_even, a spread of 0 or more (null: none), a
    quorum above 0 and at most 1, chair_required true or false."""
    typed: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        path = f"rules.{key}"
        if key not in COUNCIL_RULE_KEYS:
            problems.append(Problem(path, "unknown_field", {"keys": [key]}))
        elif key == "decimals":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DECIMALS:
                problems.append(Problem(path, "out_of_range", {"value": str(value)}))
            else:
                typed[key] = value
        elif key == "rounding":
            if value not in ROUNDINGS:
                problems.append(Problem(path, "out_of_range", {"value": str(value)}))
            else:
                typed[key] = value
        elif key == "chair_required":
            if not isinstance(value, bool):
                problems.append(Problem(path, "out_of_range", {"value": str(value)}))
            else:
                typed[key] = value
        elif key == "max_member_spread" and value is None:
            typed[key] = None
        else:  # max_member_spread, quorum_fraction: numbers
            number = _decimal(value)
            low_ok = number is not None and (number > 0 if key == "quorum_fraction" else number >= 0)
            if number is None or not low_ok or (key == "quorum_fraction" and number > 1):
                problems.append(Problem(path, "out_of_range", {"value": str(value)}))
            else:
                typed[key] = number
    return typed, problems


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def round_score(value: Decimal, rules: AggregationRules) -> Decimal:
    mode = ROUND_HALF_EVEN if rules.rounding == "half_even" else ROUND_HALF_UP
    return value.quantize(Decimal(1).scaleb(-rules.decimals), rounding=mode)


def mean_of(totals: Sequence[Decimal], rules: AggregationRules) -> Decimal:
    exact = sum(totals, Decimal(0)) / Decimal(len(totals))
    return round_score(exact, rules)


def quorum_met(attendance: Attendance, rules: AggregationRules) -> bool:
    if attendance.members <= 0:
        return False
    # Compare as integers so 3 of 4 against 0.75 is never lost to floating point.
    return Decimal(attendance.present) >= rules.quorum_fraction * Decimal(attendance.members)


def failures_for(criteria_set: CriteriaSet, product_set: ProductSet, codes: Sequence[str]) -> list[MandatoryFailure]:
    """The council's agreed list of failed criteria, as failures carrying their rule's cap."""
    result = []
    for code in codes:
        criterion = product_set.criterion(code)
        if criterion is None or criterion.mandatory is None:
            raise ValueError(f"criterion {code!r} has no mandatory rule in {product_set.code}")
        rule = criterion.mandatory
        result.append(MandatoryFailure(code, rule.from_stars, cap_for(rule.cap_stars, rule.from_stars)))
    return result


def _recommend(final_stars: int, bands: Sequence[StarBand]) -> Recommendation:
    band = next((b for b in bands if b.stars == final_stars), None)
    if band is None or not band.certificate:
        return Recommendation.NOT_RECOGNISED
    if band.recognized_by == "central":
        return Recommendation.FORWARD_CENTRAL
    return Recommendation.RECOGNISE_PROVINCE


def aggregate(
    member_totals: Sequence[Decimal],
    rules: AggregationRules,
    bands: Sequence[StarBand],
    failures: Sequence[MandatoryFailure] = (),
    attendance: Attendance | None = None,
    document_failures: Sequence[DocumentFailure] = (),
) -> CouncilOutcome:
    totals = tuple(Decimal(t) for t in member_totals)
    if attendance is None:
        attendance = Attendance(members=len(totals), present=len(totals), chair_present=True)
    flags: list[Flag] = []
    met = quorum_met(attendance, rules)
    if not met:
        flags.append(Flag.NO_QUORUM)
    if rules.chair_required and not attendance.chair_present:
        flags.append(Flag.CHAIR_ABSENT)
    if not totals:
        return CouncilOutcome((), None, None, False, met, 0, 0, tuple(failures), tuple(flags),
                              Recommendation.INCOMPLETE, tuple(document_failures))
    mean = mean_of(totals, rules)
    spread = max(totals) - min(totals)
    exceeded = rules.max_member_spread is not None and spread > rules.max_member_spread
    if exceeded:
        flags.insert(0, Flag.RESCORE)
    band = band_for(mean, bands)
    band_stars = band.stars if band else 0
    final = apply_caps(band_stars, [*failures, *document_caps(document_failures)])
    return CouncilOutcome(
        member_totals=totals,
        mean=mean,
        spread=spread,
        spread_exceeded=exceeded,
        quorum_met=met,
        band_stars=band_stars,
        final_stars=final,
        mandatory_failures=tuple(failures),
        flags=tuple(flags),
        recommendation=_recommend(final, bands),
        document_failures=tuple(document_failures),
    )
