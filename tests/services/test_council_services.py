"""Council services: members' submitted sheets aggregated into a stored council result."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_core.domain.council import Attendance, Flag, Recommendation, aggregate, failures_for
from ocop_desktop.db.models import CouncilAssignment, CouncilResult, ScoreSheet
from ocop_desktop.services import councils, criteria, sheets
from ocop_desktop.services.errors import ServiceError

# Every dossier here holds its required documents: only the sheets decide its stars.
pytestmark = pytest.mark.usefixtures("complete_dossier")

# Overrides of the all-best answers (100 points on the 148 sample) and the totals they give.
BEST = ({}, Decimal(100))
MINUS_5 = ({"A.1.1": "a"}, Decimal(95))
MINUS_4 = ({"A.1.1": "c", "A.1.2": "b"}, Decimal(96))
MINUS_8 = ({"A.1.1": "a", "A.1.2": "a"}, Decimal(92))
MINUS_2 = ({"A.1.2": "b"}, Decimal(98))
LOW_87 = ({"A.1.1": "a", "A.1.2": "a", "B.1.3": "a"}, Decimal(87))
FAILS_A22 = ({"A.2.2": "a"}, Decimal(96))  # A.2.2 is mandatory from 3 stars: 0 points fails it


@pytest.fixture(autouse=True)
def _before_the_council(assigned: str) -> None:
    """Every dossier here is put before the council: a council records results only for its own dossiers."""


@pytest.fixture
def score(session: Session, council: SimpleNamespace, dossier_id: str, answer_sheet):
    """Each listed member starts, answers (best, with overrides) and submits a sheet."""

    def run(plans: list[tuple[dict, Decimal]], members: list[str] | None = None,
            evaluation_id: str | None = None) -> list[Decimal]:
        totals = []
        for member, (overrides, expected) in zip(members or council.members, plans, strict=False):
            sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=member,
                                       evaluation_id=evaluation_id or council.evaluation_id).id
            answer_sheet(sheet, overrides)
            sheets.submit_sheet(session, sheet_id=sheet)
            totals.append(expected)
        return totals

    return run


def _compute(session: Session, council: SimpleNamespace, dossier_id: str, **kwargs):
    return councils.compute_council_result(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id,
                                           **kwargs)


def _expected(session: Session, council: SimpleNamespace, totals, failed=(), attendance=None):
    criteria_set = criteria.load_criteria_set(session, council.criteria_set_id)
    failures = failures_for(criteria_set, criteria_set.product_sets[0], list(failed)) if failed else []
    return aggregate(totals, criteria_set.aggregation, criteria_set.star_bands, failures,
                     attendance or Attendance(members=5, present=5, chair_present=True))


def test_council_result_matches_domain_aggregate(session: Session, council: SimpleNamespace, dossier_id: str,
                                                 score) -> None:
    """Five sheets of 100, 95, 96, 92, 98 give exactly the domain aggregate: mean 96.20, spread 8, 5 stars."""
    totals = score([BEST, MINUS_5, MINUS_4, MINUS_8, MINUS_2])
    _, outcome = _compute(session, council, dossier_id)
    assert outcome == _expected(session, council, totals)
    assert sorted(outcome.member_totals) == sorted(totals)
    assert (outcome.mean, outcome.spread, outcome.final_stars) == (Decimal("96.20"), Decimal(8), 5)
    assert (outcome.flags, outcome.recommendation) == ((), Recommendation.FORWARD_CENTRAL)


def test_stored_result_matches_outcome(session: Session, council: SimpleNamespace, dossier_id: str,
                                       score) -> None:
    """The CouncilResult row stores the outcome's totals, mean, spread, stars, flags and recommendation."""
    score([BEST, MINUS_5, MINUS_4, MINUS_8, MINUS_2])
    changes, outcome = _compute(session, council, dossier_id)
    row = session.get(CouncilResult, changes.id)
    assert (row.session_id, row.dossier_id, row.n_sheets) == (council.evaluation_id, dossier_id, 5)
    assert json.loads(row.member_totals_json) == [str(t) for t in outcome.member_totals]
    assert (row.mean_total, row.spread, row.spread_exceeded, row.quorum_met) == (
        Decimal("96.20"), Decimal(8), False, True)
    assert (row.band_stars, row.final_stars, row.recommendation) == (5, 5, "forward_central")
    assert (json.loads(row.failures_json), json.loads(row.flags_json)) == ([], [])


def test_recomputing_updates_the_same_row(session: Session, council: SimpleNamespace, dossier_id: str,
                                          score) -> None:
    """Computing twice keeps one result row per evaluation and dossier."""
    score([BEST, MINUS_5, MINUS_4, MINUS_8, MINUS_2])
    first, _ = _compute(session, council, dossier_id)
    second, _ = _compute(session, council, dossier_id)
    assert first.id == second.id
    assert session.scalar(select(func.count()).select_from(CouncilResult)) == 1


def test_majority_mandatory_failure_caps_at_two_stars(session: Session, council: SimpleNamespace,
                                                      dossier_id: str, score) -> None:
    """When 3 of 5 sheets fail mandatory A.2.2, a 5-star mean is capped at 2 stars, not recognised."""
    totals = score([FAILS_A22, FAILS_A22, FAILS_A22, BEST, BEST])
    changes, outcome = _compute(session, council, dossier_id)
    assert outcome == _expected(session, council, totals, failed=["A.2.2"])
    assert (outcome.band_stars, outcome.final_stars) == (5, 2)
    assert outcome.recommendation == Recommendation.NOT_RECOGNISED
    row = session.get(CouncilResult, changes.id)
    assert (row.final_stars, json.loads(row.failures_json)) == (2, ["A.2.2"])


def test_minority_mandatory_failure_does_not_cap(session: Session, council: SimpleNamespace, dossier_id: str,
                                                 score) -> None:
    """When only 2 of 5 sheets fail a mandatory criterion, the stars are not capped."""
    score([FAILS_A22, FAILS_A22, BEST, BEST, BEST])
    _, outcome = _compute(session, council, dossier_id)
    assert (outcome.final_stars, outcome.mandatory_failures) == (5, ())


def test_council_decision_on_failures_overrides_the_count(session: Session, council: SimpleNamespace,
                                                          dossier_id: str, score) -> None:
    """An explicit failed_mandatory list is used instead of the majority count."""
    score([BEST] * 5)
    _, outcome = _compute(session, council, dossier_id, failed_mandatory=["C.2.1"])
    assert [f.criterion for f in outcome.mandatory_failures] == ["C.2.1"]
    assert outcome.final_stars == 2


def test_spread_over_limit_is_flagged(session: Session, council: SimpleNamespace, dossier_id: str,
                                      score) -> None:
    """Totals 100 and 87 (spread 13 > 10) flag "rescore" and store spread_exceeded."""
    score([BEST, BEST, BEST, BEST, LOW_87])
    changes, outcome = _compute(session, council, dossier_id)
    assert outcome.spread == Decimal(13)
    assert Flag.RESCORE in outcome.flags
    assert session.get(CouncilResult, changes.id).spread_exceeded is True


def test_three_of_five_sheets_is_no_quorum(session: Session, council: SimpleNamespace, dossier_id: str,
                                           score) -> None:
    """Only 3 of 5 scoring members submitting (< 75%) flags "no_quorum" and stores quorum_met False."""
    score([BEST, BEST, BEST])
    changes, outcome = _compute(session, council, dossier_id)
    assert Flag.NO_QUORUM in outcome.flags
    assert session.get(CouncilResult, changes.id).quorum_met is False


def test_absent_chair_is_flagged(session: Session, council: SimpleNamespace, dossier_id: str, score) -> None:
    """Four members without the chair reach quorum but flag "chair_absent"."""
    score([BEST] * 4, members=council.members[1:])
    _, outcome = _compute(session, council, dossier_id)
    assert outcome.quorum_met
    assert outcome.flags == (Flag.CHAIR_ABSENT,)


def test_no_sheets_is_incomplete(session: Session, council: SimpleNamespace, dossier_id: str) -> None:
    """With no submitted sheet the result is "incomplete" with no mean."""
    _, outcome = _compute(session, council, dossier_id)
    assert (outcome.mean, outcome.recommendation) == (None, Recommendation.INCOMPLETE)


def test_drafts_are_not_counted(session: Session, council: SimpleNamespace, dossier_id: str, score,
                                answer_sheet) -> None:
    """A draft sheet does not enter the result."""
    score([BEST] * 4, members=council.members[:4])
    draft = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[4],
                               evaluation_id=council.evaluation_id).id
    answer_sheet(draft, best=False)
    _, outcome = _compute(session, council, dossier_id)
    assert outcome.member_totals == (Decimal(100),) * 4


def test_superseded_sheet_is_replaced_by_its_rescore(session: Session, council: SimpleNamespace, dossier_id: str,
                                                     score) -> None:
    """After a rescore is submitted, the council counts the new total and not the superseded one."""
    score([BEST, BEST, BEST, BEST, MINUS_8])
    old_sheet = session.scalars(select(ScoreSheet.id).where(ScoreSheet.member_id == council.members[4])).one()
    new_sheet = sheets.rescore_sheet(session, sheet_id=old_sheet).id
    sheets.record_answer(session, sheet_id=new_sheet, criterion="A.1.1", option="d")
    sheets.submit_sheet(session, sheet_id=new_sheet)
    _, outcome = _compute(session, council, dossier_id)
    assert sorted(outcome.member_totals) == [Decimal(97)] + [Decimal(100)] * 4


def test_each_member_counts_once(session: Session, council: SimpleNamespace, dossier_id: str, score,
                                 answer_sheet) -> None:
    """A member who starts again after submitting still contributes one total to the result."""
    score([BEST] * 5)
    with contextlib.suppress(ServiceError):
        again = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[1],
                                   evaluation_id=council.evaluation_id).id
        answer_sheet(again, best=False)
        sheets.submit_sheet(session, sheet_id=again)
    _, outcome = _compute(session, council, dossier_id)
    assert len(outcome.member_totals) == 5


def test_sheet_on_another_version_is_refused(session: Session, council: SimpleNamespace, dossier_id: str,
                                             sample_2019_bytes: bytes, answer_sheet) -> None:
    """A submitted sheet pinned to another criteria version than the evaluation's gives "sheet_version_mismatch"."""
    other = criteria.import_criteria_set(session, sample_2019_bytes).id
    sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[0],
                               evaluation_id=council.evaluation_id, criteria_set_id=other).id
    answer_sheet(sheet)
    sheets.submit_sheet(session, sheet_id=sheet)
    with pytest.raises(ServiceError) as info:
        _compute(session, council, dossier_id)
    assert info.value.code == "sheet_version_mismatch"


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"name": ""}, "required"), ({"name": "ư" * 100_000}, "too_long"), ({"rules": {"bonus": 1}}, "unknown_field"),
    ({"criteria_set_id": "00000000-0000-4000-8000-000000000000"}, "not_found"),
])
def test_bad_council_input_is_refused(session: Session, kwargs, code: str) -> None:
    """create_council refuses a blank or huge name, unknown rule keys and an unknown criteria set."""
    values = {"name": "Hội đồng", "admin_unit_code": "42", **kwargs}
    with pytest.raises(ServiceError) as info:
        councils.create_council(session, **values)
    assert info.value.code == code


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"role": "king"}, "invalid_choice"), ({"full_name": " "}, "required"),
    ({"full_name": "Lê\x00Văn"}, "control_characters"), ({"council_id": "none"}, "not_found"),
])
def test_bad_member_input_is_refused(session: Session, council: SimpleNamespace, kwargs, code: str) -> None:
    """add_member refuses an unknown role, a blank or control-character name, and an unknown council."""
    values = {"council_id": council.id, "full_name": "Lê Văn An", **kwargs}
    with pytest.raises(ServiceError) as info:
        councils.add_member(session, **values)
    assert info.value.code == code


def test_council_rules_override_the_spread_limit(session: Session, council: SimpleNamespace, dossier_id: str,
                                                 score, assigned: str) -> None:
    """A council whose rules allow a spread of 20 does not flag totals 100 and 87 (spread 13)."""
    lenient = councils.create_council(session, name="Hội đồng nới", admin_unit_code="42",
                                      rules={"max_member_spread": 20}).id
    session.get(CouncilAssignment, assigned).council_id = lenient  # this council scores the dossier instead
    members = [councils.add_member(session, council_id=lenient, full_name=f"Thành viên {i}",
                                   role="chair" if i == 0 else "member").id for i in range(5)]
    evaluation = councils.open_evaluation(session, council_id=lenient, criteria_set_id=council.criteria_set_id).id
    score([BEST, BEST, BEST, BEST, LOW_87], members=members, evaluation_id=evaluation)
    _, outcome = councils.compute_council_result(session, evaluation_id=evaluation, dossier_id=dossier_id)
    assert outcome.spread == Decimal(13)
    assert not outcome.spread_exceeded
    assert outcome.flags == ()
