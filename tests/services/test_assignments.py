"""Council assignments: which dossiers a council may get, refusals, tombstoned removal, the admin's lists."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from rules_laptop import AS_ADMIN, approve
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import ChangeJournal, CouncilAssignment
from ocop_desktop.services import assignments, councils, dossiers, sheets
from ocop_desktop.services.errors import NotFound, ServiceError

PROVINCE = "42"  # Hà Tĩnh


def _forward(session: Session, dossier_id: str) -> str:
    for status in ("submitted", "commune_checked", "forwarded"):
        dossiers.change_dossier_status(session, dossier_id, status, **AS_ADMIN)
    return dossier_id


@pytest.fixture
def forwarded(session: Session, dossier_id: str) -> str:
    return _forward(session, dossier_id)


def test_assigning_a_forwarded_dossier_stores_and_journals_it(session: Session, council: SimpleNamespace,
                                                              forwarded: str) -> None:
    """The assignment row exists, is journaled as an insert, and the change names it and the dossier."""
    changes = assignments.assign_dossier(session, council_id=council.id, dossier_id=forwarded)
    session.commit()
    row = session.get(CouncilAssignment, changes.id)
    assert (row.council_id, row.dossier_id, row.deleted) == (council.id, forwarded, False)
    assert changes.entities == {"council_assignments", "dossiers"} and forwarded in changes.ids
    ops = session.scalars(select(ChangeJournal.op).where(ChangeJournal.entity_id == row.id)).all()
    assert ops == ["insert"]


@pytest.mark.parametrize("steps", [(), ("submitted",), ("submitted", "commune_checked")])
def test_a_dossier_not_yet_forwarded_is_refused(session: Session, council: SimpleNamespace, dossier_id: str,
                                                steps: tuple[str, ...]) -> None:
    """Only the province's dossiers (forwarded by the commune) can go before a council."""
    for step in steps:
        dossiers.change_dossier_status(session, dossier_id, step, **AS_ADMIN)
    status = steps[-1] if steps else "draft"
    with pytest.raises(ServiceError) as caught:
        assignments.assign_dossier(session, council_id=council.id, dossier_id=dossier_id)
    assert caught.value.code == "dossier_not_ready" and caught.value.params["status"] == status


def test_a_dossier_already_before_a_council_is_refused_even_for_another(session: Session, council: SimpleNamespace,
                                                                        forwarded: str) -> None:
    """A second live assignment, to the same or another council, is refused and names the first council."""
    assignments.assign_dossier(session, council_id=council.id, dossier_id=forwarded)
    other = councils.create_council(session, name="Hội đồng phúc khảo", admin_unit_code=PROVINCE).id
    for target in (council.id, other):
        with pytest.raises(ServiceError) as caught:
            assignments.assign_dossier(session, council_id=target, dossier_id=forwarded)
        assert caught.value.code == "already_assigned" and caught.value.params["council_id"] == council.id


def test_unknown_council_or_dossier_is_not_found(session: Session, council: SimpleNamespace, forwarded: str) -> None:
    """Ids that do not exist (or are not text) are NotFound, and nothing is written."""
    for kwargs in ({"council_id": "00000000-0000-4000-8000-00000000dead", "dossier_id": forwarded},
                   {"council_id": council.id, "dossier_id": "không-có"},
                   {"council_id": council.id, "dossier_id": 5}):
        with pytest.raises(NotFound):
            assignments.assign_dossier(session, **kwargs)
    assert session.scalars(select(CouncilAssignment)).all() == []


def test_unassign_leaves_a_tombstone_and_the_dossier_can_be_assigned_again(session: Session, council: SimpleNamespace,
                                                                          forwarded: str) -> None:
    """Removal is a journaled update of ``deleted``; the dossier is assignable again afterwards."""
    first = assignments.assign_dossier(session, council_id=council.id, dossier_id=forwarded).id
    session.commit()
    assignments.unassign(session, assignment_id=first)
    session.commit()
    assert session.get(CouncilAssignment, first).deleted is True
    entry = session.scalars(select(ChangeJournal).where(ChangeJournal.entity_id == first, ChangeJournal.op != "insert")
                            ).one()
    assert json.loads(entry.fields_json)["deleted"] == [False, True]
    assert [d.id for d in assignments.assignable_dossiers(session)] == [forwarded]
    with pytest.raises(NotFound):
        assignments.unassign(session, assignment_id=first)
    assert assignments.assign_dossier(session, council_id=council.id, dossier_id=forwarded).id != first


def test_unassign_is_refused_once_a_member_has_submitted_a_sheet(session: Session, council: SimpleNamespace,
                                                                 forwarded: str, answer_sheet) -> None:
    """Submitted sheets would lose their dossier on the members' laptops, so the assignment stays."""
    assignment = assignments.assign_dossier(session, council_id=council.id, dossier_id=forwarded).id
    sheet = sheets.start_sheet(session, dossier_id=forwarded, member_id=council.members[0],
                               evaluation_id=council.evaluation_id).id
    answer_sheet(sheet)
    sheets.submit_sheet(session, sheet_id=sheet)
    with pytest.raises(ServiceError) as caught:
        assignments.unassign(session, assignment_id=assignment)
    assert caught.value.code == "assignment_scored" and caught.value.params["sheets"] == 1
    assert session.get(CouncilAssignment, assignment).deleted is False


def test_lists_give_member_counts_assignable_dossiers_and_a_councils_dossiers(
        session: Session, council: SimpleNamespace, forwarded: str, product_id: str) -> None:
    """Councils carry live member and assignment counts; assigned dossiers leave the assignable list."""
    second = _forward(session, dossiers.create_dossier(session, product_id=product_id, code="HS-TIM-KIEM").id)
    dossiers.create_dossier(session, product_id=product_id)  # a draft: never assignable
    assert {d.id for d in assignments.assignable_dossiers(session)} == {forwarded, second}
    assert [d.id for d in assignments.assignable_dossiers(session, "tim kiem")] == [second]
    assert assignments.assignable_dossiers(session, "không khớp gì") == []
    assignments.assign_dossier(session, council_id=council.id, dossier_id=forwarded)
    session.commit()
    row = next(c for c in assignments.list_councils(session) if c.id == council.id)
    assert (row.members, row.assigned, row.admin_unit_name) == (5, 1, "Hà Tĩnh")
    listed = assignments.council_assignments(session, council.id)
    assert [a.dossier.id for a in listed] == [forwarded]
    assert listed[0].dossier.product == "Nước mắm cá cơm" and listed[0].dossier.status == "forwarded"
    assert [d.id for d in assignments.assignable_dossiers(session)] == [second]


def test_criteria_versions_and_provinces_for_the_council_form(session: Session, criteria_148: str) -> None:
    """The form offers the stored versions and the province (Hà Tĩnh, 42) as frozen rows."""
    assert [v.id for v in assignments.criteria_versions(session)] == [criteria_148]
    assert assignments.province_units(session) == [("42", "Hà Tĩnh")]
    with pytest.raises(AttributeError):
        assignments.criteria_versions(session)[0].code = "x"  # type: ignore[misc]


def test_unassign_is_refused_once_the_dossier_is_evaluated(session: Session, council: SimpleNamespace,
                                                           forwarded: str) -> None:
    """An evaluated dossier keeps the council that evaluated it."""
    approve(session, council, forwarded)  # assigns it first
    assignment = session.scalars(select(CouncilAssignment.id)).one()
    dossiers.change_dossier_status(session, forwarded, "evaluated", **AS_ADMIN)
    with pytest.raises(ServiceError) as caught:
        assignments.unassign(session, assignment_id=assignment)
    assert caught.value.code == "assignment_scored"
