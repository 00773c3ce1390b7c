"""The council read model: members' totals side by side, the live outcome, approved results frozen."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import CouncilResult
from ocop_desktop.services import councils, sheets
from ocop_desktop.services.council_view import APPROVED, list_evaluations, load_council_view
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.sheet_view import sheet_view

# Every dossier here holds its required documents: only the sheets decide its stars.
pytestmark = pytest.mark.usefixtures("complete_dossier")

APPROVER = "00000000-0000-4000-8000-0000000000c1"  # the user who approves


@pytest.fixture(autouse=True)
def _before_the_council(assigned: str) -> None:
    """Every dossier here is put before the council: a council records results only for its own dossiers."""


@pytest.fixture
def submit(session: Session, council: SimpleNamespace, dossier_id: str, answer_sheet):
    def run(positions: list[int], overrides: dict[int, dict] | None = None, draft: bool = False) -> list[str]:
        ids = []
        for position in positions:
            sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[position],
                                       evaluation_id=council.evaluation_id).id
            answer_sheet(sheet, (overrides or {}).get(position))
            if not draft:
                sheets.submit_sheet(session, sheet_id=sheet)
            ids.append(sheet)
        return ids

    return run


def _view(session: Session, council: SimpleNamespace):
    return load_council_view(session, evaluation_id=council.evaluation_id)


def test_row_shows_each_members_total_in_member_order(session: Session, council: SimpleNamespace, dossier_id: str,
                                                      submit) -> None:
    """Member i's cell holds member i's submitted total; mean, spread and stars are the council's."""
    submit([0, 1, 2, 3, 4], overrides={1: {"A.1.1": "a"}, 3: {"A.1.2": "b"}})
    view = _view(session, council)
    row = view.rows[0]
    assert [m.id for m in view.scorers] == council.members
    assert [c.total for c in row.cells] == [Decimal(100), Decimal(95), Decimal(100), Decimal(98), Decimal(100)]
    assert all(c.submitted for c in row.cells)
    assert (row.mean, row.spread, row.final_stars, row.recommendation) == (
        Decimal("98.60"), Decimal(5), 5, "forward_central")
    assert row.can_approve


def test_view_matches_compute_council_result(session: Session, council: SimpleNamespace, dossier_id: str,
                                             submit) -> None:
    """The view's figures equal those compute_council_result stores for the same sheets."""
    submit([0, 1, 2, 3, 4], overrides={4: {"A.1.1": "a", "A.1.2": "a", "B.1.3": "a"}})
    row = _view(session, council).rows[0]
    _, outcome = councils.compute_council_result(session, evaluation_id=council.evaluation_id, dossier_id=dossier_id)
    assert (row.mean, row.spread, row.spread_exceeded, row.quorum_met) == (
        outcome.mean, outcome.spread, outcome.spread_exceeded, outcome.quorum_met)
    assert (row.final_stars, row.recommendation, row.flags) == (
        outcome.final_stars, str(outcome.recommendation), ("rescore",))
    assert row.blockers == ("rescore",)


def test_loading_the_view_writes_nothing(session: Session, council: SimpleNamespace, dossier_id: str,
                                         submit) -> None:
    """Reading the view stores no council result: only compute or approve does."""
    submit([0, 1, 2, 3, 4])
    _view(session, council)
    assert session.scalar(select(func.count()).select_from(CouncilResult)) == 0


def test_drafts_and_missing_sheets_are_told_apart(session: Session, council: SimpleNamespace, dossier_id: str,
                                                  submit) -> None:
    """A draft shows as "draft" with its running total, a member who has not started as empty; no quorum."""
    submit([0, 1, 2])
    submit([3], draft=True)
    row = _view(session, council).rows[0]
    assert [c.status for c in row.cells] == ["submitted"] * 3 + ["draft", None]
    assert row.cells[3].total == Decimal(100)
    assert (row.present, row.quorum_met, row.can_approve) == (3, False, False)
    assert "no_quorum" in row.blockers


def test_approved_row_shows_the_stored_result(session: Session, council: SimpleNamespace, dossier_id: str,
                                              submit) -> None:
    """An approved result is shown as approved and can no longer be approved."""
    submit([0, 1, 2, 3, 4])
    councils.approve_council_result(session, approved_by=APPROVER, evaluation_id=council.evaluation_id,
                                        dossier_id=dossier_id)
    row = _view(session, council).rows[0]
    assert row.approved and row.result_id is not None
    assert row.blockers == (APPROVED,)
    assert row.mean == Decimal("100.00")


def test_mandatory_failures_carry_criterion_names(session: Session, council: SimpleNamespace, dossier_id: str,
                                                  submit) -> None:
    """A majority failing mandatory A.2.2 lists it by code and name and caps the stars at 2."""
    submit([0, 1, 2, 3, 4], overrides={i: {"A.2.2": "a"} for i in range(3)})
    row = _view(session, council).rows[0]
    assert [f.criterion for f in row.failures] == ["A.2.2"]
    assert row.failures[0].name
    assert (row.band_stars, row.final_stars) == (5, 2)


def test_view_carries_rules_and_members(session: Session, council: SimpleNamespace) -> None:
    """The council's spread limit and quorum come with the view, even with no dossier scored yet."""
    view = _view(session, council)
    assert (view.spread_limit, view.quorum_fraction, view.chair_required) == (Decimal(10), Decimal("0.75"), True)
    assert len(view.members) == 5 and view.rows == ()


def test_evaluations_are_listed_with_their_dossier_counts(session: Session, council: SimpleNamespace,
                                                          submit) -> None:
    """list_evaluations names the council and counts the dossiers that have sheets."""
    submit([0])
    [choice] = list_evaluations(session)
    assert (choice.id, choice.dossiers, choice.council_name) == (council.evaluation_id, 1, "Hội đồng OCOP tỉnh Hà Tĩnh")


def test_missing_evaluation_is_not_found(session: Session) -> None:
    """An unknown session id raises "not_found"."""
    with pytest.raises(ServiceError) as info:
        load_council_view(session, evaluation_id="00000000-0000-4000-8000-000000000000")
    assert info.value.code == "not_found"


def test_sheet_view_of_a_council_sheet_scores_every_choice(session: Session, council: SimpleNamespace,
                                                           submit) -> None:
    """A submitted council sheet, read for printing, has a choice for every criterion, one below its maximum,
    adding up to the total the council sees."""
    [sheet_id] = submit([0], overrides={0: {"A.1.1": "a"}})
    view = sheet_view(session, sheet_id)
    score = view.score()
    a11 = next(c for c in view.criteria if c.code == "A.1.1")
    assert (score.total, view.status, score.provisional_stars) == (Decimal(95), "submitted", 5)
    assert sum(score.part_totals.values()) == score.total == _view(session, council).rows[0].cells[0].total
    assert view.chosen_option(a11).points < a11.max_points
    assert all(view.chosen_option(c, slot) for c in view.criteria for slot in c.slots)


def test_a_forwarded_dossier_before_the_council_shows_before_any_sheet(session: Session, council: SimpleNamespace,
                                                                        dossier_id: str) -> None:
    """A dossier put before the council and waiting for it is a row of the session (no sheet, not ready) and is
    counted, so a new council's session shows its dossiers in Hội đồng from the start."""
    from ocop_desktop.db.models import Dossier

    session.get(Dossier, dossier_id).status = "forwarded"  # as the commune's workflow leaves it
    session.flush()
    [row] = _view(session, council).rows
    assert (row.dossier_id, row.present, row.official, row.can_approve) == (dossier_id, 0, "not_ready", False)
    assert [c.dossiers for c in list_evaluations(session)] == [1]
