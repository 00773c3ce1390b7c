"""The scoring screen's read model: a sheet or a criteria preview as frozen values, and the list of my sheets."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from decimal import Decimal
from types import SimpleNamespace

import pytest
from rules_laptop import AS_ADMIN
from sqlalchemy.orm import Session

from ocop_desktop.db.models import CouncilAssignment, ScoreSheet, User
from ocop_desktop.services import councils, criteria, dossiers, sheet_view, sheets
from ocop_desktop.services.sheet_view import NOT_STARTED, SheetView

ID_2019 = "8f3c2a10-0000-4000-8000-000000001048"


def _forward(session: Session, dossier_id: str) -> None:
    for status in ("submitted", "commune_checked", "forwarded"):
        dossiers.change_dossier_status(session, dossier_id, status, **AS_ADMIN)


@pytest.fixture
def sheet_id(session: Session, council: SimpleNamespace, dossier_id: str) -> str:
    return sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[0],
                              evaluation_id=council.evaluation_id).id


@pytest.fixture
def linked(session: Session, council: SimpleNamespace) -> SimpleNamespace:
    """A user who sits on the council as a scoring member, and a second council the user is not on."""
    user = User(username="thanhvien", full_name="Lê Thị Hằng", role="member")
    session.add(user)
    session.flush()
    member = councils.add_member(session, council_id=council.id, full_name=user.full_name, user_id=user.id).id
    return SimpleNamespace(user_id=user.id, member_id=member)


def test_sheet_view_lays_out_the_pinned_criteria(session: Session, sheet_id: str) -> None:
    """A fresh sheet shows parts A/B/C, their maxima adding up to 100, and who and what is scored."""
    view = sheet_view.sheet_view(session, sheet_id)
    assert [p.code for p in view.parts] == ["A", "B", "C"]
    assert sum(p.max_points for p in view.parts) == view.total_points == Decimal(100)
    assert len(view.criteria) == len(view.product_set.criteria)
    assert (view.status, view.editable, view.answers) == ("draft", True, ())
    assert (view.product_name, view.member_name) == ("Nước mắm cá cơm", "Thành viên 0")
    assert view.dossier_code.startswith("HS-")


def test_the_view_is_the_pinned_domain_tree(session: Session, sheet_id: str) -> None:
    """No second tree: the parts and criteria are the criteria set's own objects, so screen, print and the
    services' scoring read one structure."""
    view = sheet_view.sheet_view(session, sheet_id)
    assert view.parts is view.product_set.parts
    assert view.criteria == view.product_set.criteria
    assert view.criteria_set.product_set(view.product_set.code) == view.product_set


def test_the_view_names_who_scores_what_for_the_printed_sheet(session: Session, sheet_id: str) -> None:
    """The member's role, the council, the session and the producer travel with the sheet."""
    view = sheet_view.sheet_view(session, sheet_id)
    assert (view.member_role, view.council_name) == ("chair", "Hội đồng OCOP tỉnh Hà Tĩnh")
    assert view.producer_name and view.submitted_at is None


def test_score_and_chosen_options_follow_the_answers(session: Session, sheet_id: str, answer_sheet) -> None:
    """The view scores its answers with the domain's score_sheet: what the services store as the total."""
    answer_sheet(sheet_id)
    view = sheet_view.sheet_view(session, sheet_id)
    score = view.score()
    stored = session.get(ScoreSheet, sheet_id)
    assert (score.total, score.provisional_stars, score.unanswered) == (stored.total, stored.stars, ())
    a11 = next(c for c in view.criteria if c.code == "A.1.1")
    chosen = view.chosen_option(a11)
    assert chosen is not None and chosen.code == view.choice("A.1.1")
    blank = SheetView(view.sheet_id, "draft", view.criteria_set, view.product_set)
    assert blank.chosen_option(a11) is None and len(blank.score().unanswered) == len(view.criteria)


def test_options_carry_code_label_and_points(session: Session, sheet_id: str) -> None:
    """A criterion's options come in ladder order with their points; its maximum is the best option."""
    a11 = next(c for c in sheet_view.sheet_view(session, sheet_id).criteria if c.code == "A.1.1")
    assert [(o.code, o.points) for o in a11.options] == [("a", 0), ("b", 1), ("c", 3), ("d", 5)]
    assert a11.max_points == 5 and a11.slots == (None,)


def test_mandatory_criteria_say_from_which_star(session: Session, sheet_id: str) -> None:
    """A criterion that is a mandatory condition carries the star level it applies from."""
    marked = {c.code: c.mandatory.from_stars for c in sheet_view.sheet_view(session, sheet_id).criteria
              if c.mandatory}
    assert marked == {"A.2.2": 3, "A.3.1": 3, "C.2.1": 3, "C.2.2": 3}


def test_answers_and_comments_are_in_the_view(session: Session, sheet_id: str) -> None:
    """Saved choices and a criterion's comment come back through the view."""
    sheets.record_answer(session, sheet_id=sheet_id, criterion="A.1.1", option="c")
    sheets.comment_criterion(session, sheet_id=sheet_id, criterion="A.1.1", comment="Có hợp đồng thu mua")
    view = sheet_view.sheet_view(session, sheet_id)
    assert (view.choice("A.1.1"), view.choice("A.1.2")) == ("c", None)
    assert (view.comment("A.1.1"), view.comment("A.1.2")) == ("Có hợp đồng thu mua", "")


def test_subitems_guidance_and_comment_slot(session: Session, sample_2019_bytes: bytes, council: SimpleNamespace,
                                            dossier_id: str) -> None:
    """On the 2019 set C.1.1 has sub-items a and b, each with options; its comment lives on sub-item a."""
    criteria.import_criteria_set(session, sample_2019_bytes)
    sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[0],
                               criteria_set_id=ID_2019).id
    sheets.record_answer(session, sheet_id=sheet, criterion="C.1.1", subitem="a", option="b")
    sheets.comment_criterion(session, sheet_id=sheet, criterion="C.1.1", subitem="a", comment="Màu đẹp")
    view = sheet_view.sheet_view(session, sheet)
    c11 = next(c for c in view.criteria if c.code == "C.1.1")
    assert c11.slots == ("a", "b") and sheet_view.comment_slot(c11) == "a" and c11.options == ()
    assert all(s.options for s in c11.subitems) and c11.guidance
    assert (view.choice("C.1.1", "a"), view.choice("C.1.1", "b"), view.comment("C.1.1")) == ("b", None, "Màu đẹp")


def test_preview_is_the_same_layout_without_a_sheet(session: Session, sheet_id: str) -> None:
    """The preview of the sheet's criteria has the very same parts, and nothing can be saved from it."""
    view = sheet_view.sheet_view(session, sheet_id)
    preview = sheet_view.preview_view(view.criteria_set, view.product_set)
    assert preview.parts == view.parts
    assert (preview.sheet_id, preview.status, preview.editable, preview.answers) == (None, "preview", False, ())


def test_views_are_frozen(session: Session, sheet_id: str) -> None:
    """The UI gets values it cannot change by accident."""
    view = sheet_view.sheet_view(session, sheet_id)
    with pytest.raises(FrozenInstanceError):
        view.status = "submitted"


def test_submitted_sheet_view_is_read_only(session: Session, sheet_id: str, answer_sheet) -> None:
    """After submission the view says the sheet can no longer be edited."""
    answer_sheet(sheet_id)
    sheets.submit_sheet(session, sheet_id=sheet_id)
    view = sheet_view.sheet_view(session, sheet_id)
    assert (view.status, view.editable) == ("submitted", False)


def test_a_member_sees_only_their_own_sheets(session: Session, council: SimpleNamespace, linked: SimpleNamespace,
                                             dossier_id: str) -> None:
    """A linked user lists their own sheet, not the sheets of the other members of the council."""
    mine = sheets.start_sheet(session, dossier_id=dossier_id, member_id=linked.member_id).id
    sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[1])
    rows = sheet_view.my_sheets(session, linked.user_id, is_admin=False)
    assert [(r.sheet_id, r.member_name, r.status) for r in rows] == [(mine, "Lê Thị Hằng", "draft")]


def test_an_admin_sees_every_members_sheets_by_name(session: Session, council: SimpleNamespace,
                                                    dossier_id: str) -> None:
    """The admin (demo mode) lists all members' sheets, each labelled with the member's name."""
    for member in council.members[:3]:
        sheets.start_sheet(session, dossier_id=dossier_id, member_id=member)
    rows = sheet_view.my_sheets(session, "not-a-member", is_admin=True)
    assert sorted(r.member_name for r in rows) == ["Thành viên 0", "Thành viên 1", "Thành viên 2"]


def test_an_assigned_forwarded_dossier_waits_to_be_started(session: Session, council: SimpleNamespace,
                                                           linked: SimpleNamespace, dossier_id: str) -> None:
    """A forwarded dossier assigned to my council is listed as not started, with the open evaluation."""
    _forward(session, dossier_id)
    session.add(CouncilAssignment(council_id=council.id, dossier_id=dossier_id))
    session.flush()
    [row] = sheet_view.my_sheets(session, linked.user_id, is_admin=False)
    assert (row.sheet_id, row.status, row.evaluation_id) == (None, NOT_STARTED, council.evaluation_id)
    sheets.start_sheet(session, dossier_id=dossier_id, member_id=linked.member_id, evaluation_id=row.evaluation_id)
    [row] = sheet_view.my_sheets(session, linked.user_id, is_admin=False)
    assert row.status == "draft" and row.sheet_id


def test_unassigned_forwarded_dossiers_wait_only_for_the_admin(session: Session, council: SimpleNamespace,
                                                               linked: SimpleNamespace, dossier_id: str) -> None:
    """Demo data has no assignments: the admin may start any forwarded dossier, a member may not."""
    _forward(session, dossier_id)
    assert sheet_view.my_sheets(session, linked.user_id, is_admin=False) == ()
    waiting = sheet_view.my_sheets(session, linked.user_id, is_admin=True)
    assert len(waiting) == len(council.members) + 1 and {r.status for r in waiting} == {NOT_STARTED}


def test_a_dossier_assigned_elsewhere_is_not_mine(session: Session, council: SimpleNamespace,
                                                  linked: SimpleNamespace, dossier_id: str) -> None:
    """A dossier given to another council does not show for my council, even to the admin."""
    _forward(session, dossier_id)
    other = councils.create_council(session, name="Hội đồng cấp xã", admin_unit_code="42").id
    session.add(CouncilAssignment(council_id=other, dossier_id=dossier_id))
    session.flush()
    assert sheet_view.my_sheets(session, linked.user_id, is_admin=True) == ()


def test_a_superseded_sheet_gives_way_to_its_rescore(session: Session, sheet_id: str, answer_sheet) -> None:
    """Once a rescore is submitted, only it is listed: the old sheet no longer counts."""
    answer_sheet(sheet_id)
    sheets.submit_sheet(session, sheet_id=sheet_id)
    new = sheets.rescore_sheet(session, sheet_id=sheet_id).id
    sheets.submit_sheet(session, sheet_id=new)
    rows = sheet_view.my_sheets(session, "", is_admin=True)
    assert [(r.sheet_id, r.status) for r in rows] == [(new, "submitted")]


def test_someone_on_no_council_has_nothing_to_score(session: Session, council: SimpleNamespace) -> None:
    """A user who is no scoring member of any council gets an empty list."""
    assert sheet_view.my_sheets(session, "00000000-0000-4000-8000-00000000dead", is_admin=False) == ()
