"""Score sheets: pinned to a criteria version, answered, submitted, and superseded by a rescore."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_core.domain.scoring import Answer
from ocop_desktop.db.models import CriteriaSetVersion, LocalMeta, ScoreLine, ScoreSheet
from ocop_desktop.services import councils, criteria, dossiers, registry, sheets
from ocop_desktop.services.errors import ServiceError


@pytest.fixture
def sheet_id(session: Session, council: SimpleNamespace, dossier_id: str) -> str:
    return sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[0],
                              evaluation_id=council.evaluation_id).id


def _sheet(session: Session, sheet_id: str) -> ScoreSheet:
    return session.get(ScoreSheet, sheet_id)


def _lines(session: Session, sheet_id: str) -> list[tuple[str, str, str, Decimal]]:
    rows = session.scalars(select(ScoreLine).where(ScoreLine.sheet_id == sheet_id, ScoreLine.deleted.is_(False))
                           .order_by(ScoreLine.criterion_code, ScoreLine.subitem_code))
    return [(r.criterion_code, r.subitem_code, r.option_code, r.points) for r in rows]


def _error(call, **kwargs) -> ServiceError:
    with pytest.raises(ServiceError) as info:
        call(**kwargs)
    return info.value


def test_start_sheet_pins_version_and_hash(session: Session, sheet_id: str, council: SimpleNamespace) -> None:
    """A new sheet records the criteria version id, its content hash and the product set it scores on."""
    sheet = _sheet(session, sheet_id)
    version = session.get(CriteriaSetVersion, council.criteria_set_id)
    assert (sheet.criteria_set_id, sheet.criteria_hash) == (version.id, version.content_hash)
    assert (sheet.product_set_code, sheet.status, sheet.session_id) == ("PS-I.1.a", "draft", council.evaluation_id)


def test_sheet_carries_the_device_id(session: Session, sheet_id: str) -> None:
    """A sheet is stamped with this database's device id."""
    session.flush()
    assert _sheet(session, sheet_id).device_id == session.get(LocalMeta, "device_id").value


def test_starting_twice_returns_the_same_draft(session: Session, sheet_id: str, council: SimpleNamespace,
                                               dossier_id: str) -> None:
    """start_sheet for a member who has a draft returns that draft, changes nothing, and adds no sheet."""
    again = sheets.start_sheet(session, dossier_id=dossier_id, member_id=council.members[0],
                               evaluation_id=council.evaluation_id)
    assert again.id == sheet_id
    assert again.entities == frozenset()
    assert session.scalar(select(func.count()).select_from(ScoreSheet)) == 1


def test_non_scoring_member_cannot_start(session: Session, council: SimpleNamespace, dossier_id: str) -> None:
    """A member who does not score (e.g. the secretary) is refused with "member_does_not_score"."""
    secretary = councils.add_member(session, council_id=council.id, full_name="Thư ký", role="secretary",
                                    scores=False).id
    error = _error(sheets.start_sheet, session=session, dossier_id=dossier_id, member_id=secretary)
    assert error.code == "member_does_not_score"


def test_subgroup_missing_from_criteria_set_is_refused(session: Session, council: SimpleNamespace,
                                                       producer_id: str) -> None:
    """A product whose subgroup the pinned set lacks is refused with "subgroup_not_in_criteria_set"."""
    product = registry.create_product(session, producer_id=producer_id, name="Trà thảo mộc",
                                      subgroup_code="II.1.a").id
    dossier = dossiers.create_dossier(session, product_id=product).id
    error = _error(sheets.start_sheet, session=session, dossier_id=dossier, member_id=council.members[0],
                   evaluation_id=council.evaluation_id)
    assert error.code == "subgroup_not_in_criteria_set"


def test_record_answer_stores_line_and_total(session: Session, sheet_id: str) -> None:
    """An answer stores a line with the option's points and updates the sheet's running total."""
    sheets.record_answer(session, sheet_id=sheet_id, criterion="A.1.1", option="c")
    assert _lines(session, sheet_id) == [("A.1.1", "", "c", Decimal(3))]
    assert _sheet(session, sheet_id).total == Decimal(3)


def test_answering_again_replaces_the_choice(session: Session, sheet_id: str) -> None:
    """A second answer to the same criterion replaces the first: one line, the new points."""
    sheets.record_answer(session, sheet_id=sheet_id, criterion="A.1.1", option="c")
    sheets.record_answer(session, sheet_id=sheet_id, criterion="A.1.1", option="d")
    assert _lines(session, sheet_id) == [("A.1.1", "", "d", Decimal(5))]
    assert _sheet(session, sheet_id).total == Decimal(5)


@pytest.mark.parametrize("criterion", ["Z.9.9", "", None, 7])
def test_unknown_criterion_is_refused(session: Session, sheet_id: str, criterion) -> None:
    """A criterion code not on the sheet is refused with "unknown_criterion" and no line is written."""
    error = _error(sheets.record_answer, session=session, sheet_id=sheet_id, criterion=criterion, option="a")
    assert error.code == "unknown_criterion"
    assert _lines(session, sheet_id) == []


@pytest.mark.parametrize("option", ["z", "", None, "D", 1])
def test_unknown_option_is_refused(session: Session, sheet_id: str, option) -> None:
    """An option not on the criterion's ladder is refused with "unknown_option" and no line is written."""
    error = _error(sheets.record_answer, session=session, sheet_id=sheet_id, criterion="A.1.1", option=option)
    assert error.code == "unknown_option"
    assert _lines(session, sheet_id) == []


def test_subitem_on_plain_criterion_is_refused(session: Session, sheet_id: str) -> None:
    """A sub-item given for a criterion without sub-items is refused with "unknown_subitem"."""
    error = _error(sheets.record_answer, session=session, sheet_id=sheet_id, criterion="A.1.1", option="a",
                   subitem="a")
    assert error.code == "unknown_subitem"


def test_overlong_comment_is_refused(session: Session, sheet_id: str) -> None:
    """A comment over 5000 characters is refused with "too_long"."""
    error = _error(sheets.record_answer, session=session, sheet_id=sheet_id, criterion="A.1.1", option="a",
                   comment="ư" * 100_000)
    assert (error.code, error.field) == ("too_long", "comment")


def test_submit_refuses_incomplete_sheet(session: Session, sheet_id: str) -> None:
    """Submitting with unanswered criteria raises "sheet_incomplete" listing them; the sheet stays a draft."""
    sheets.record_answer(session, sheet_id=sheet_id, criterion="A.1.1", option="c")
    error = _error(sheets.submit_sheet, session=session, sheet_id=sheet_id)
    assert error.code == "sheet_incomplete"
    assert "A.1.2" in error.params["unanswered"]
    assert "A.1.1" not in error.params["unanswered"]
    assert _sheet(session, sheet_id).status == "draft"


def test_submit_freezes_a_complete_sheet(session: Session, sheet_id: str, answer_sheet) -> None:
    """A complete sheet is submitted with its time, total 100 and 5 stars for all-best answers."""
    answer_sheet(sheet_id)
    sheets.submit_sheet(session, sheet_id=sheet_id)
    sheet = _sheet(session, sheet_id)
    assert (sheet.status, sheet.total, sheet.stars) == ("submitted", Decimal(100), 5)
    assert sheet.submitted_at is not None


def test_submitted_sheet_refuses_answers(session: Session, sheet_id: str, answer_sheet) -> None:
    """record_answer on a submitted sheet raises "sheet_submitted" and changes no line."""
    answer_sheet(sheet_id)
    sheets.submit_sheet(session, sheet_id=sheet_id)
    before = _lines(session, sheet_id)
    error = _error(sheets.record_answer, session=session, sheet_id=sheet_id, criterion="A.1.1", option="a")
    assert error.code == "sheet_submitted"
    assert _lines(session, sheet_id) == before


def test_submitted_sheet_cannot_be_submitted_again(session: Session, sheet_id: str, answer_sheet) -> None:
    """A second submit raises "sheet_submitted"."""
    answer_sheet(sheet_id)
    sheets.submit_sheet(session, sheet_id=sheet_id)
    assert _error(sheets.submit_sheet, session=session, sheet_id=sheet_id).code == "sheet_submitted"


def test_rescore_opens_a_draft_superseding_the_sheet(session: Session, sheet_id: str, answer_sheet) -> None:
    """rescore_sheet makes a draft pointing at the submitted sheet, on the same version, with its answers."""
    answer_sheet(sheet_id, {"A.1.1": "a"})
    sheets.submit_sheet(session, sheet_id=sheet_id)
    new_id = sheets.rescore_sheet(session, sheet_id=sheet_id).id
    old, new = _sheet(session, sheet_id), _sheet(session, new_id)
    assert new_id != sheet_id
    assert (new.status, new.supersedes_id) == ("draft", sheet_id)
    assert (new.criteria_set_id, new.criteria_hash) == (old.criteria_set_id, old.criteria_hash)
    assert _lines(session, new_id) == _lines(session, sheet_id)
    assert old.status == "submitted"


def test_submitting_the_rescore_supersedes_the_old_sheet(session: Session, sheet_id: str, answer_sheet) -> None:
    """Once the rescored draft is submitted the old sheet is marked "superseded"."""
    answer_sheet(sheet_id, {"A.1.1": "a"})
    sheets.submit_sheet(session, sheet_id=sheet_id)
    new_id = sheets.rescore_sheet(session, sheet_id=sheet_id).id
    sheets.record_answer(session, sheet_id=new_id, criterion="A.1.1", option="d")
    sheets.submit_sheet(session, sheet_id=new_id)
    assert _sheet(session, sheet_id).status == "superseded"
    assert (_sheet(session, new_id).status, _sheet(session, new_id).total) == ("submitted", Decimal(100))


def test_rescoring_twice_returns_the_pending_draft(session: Session, sheet_id: str, answer_sheet) -> None:
    """A second rescore of the same sheet returns the draft already open."""
    answer_sheet(sheet_id)
    sheets.submit_sheet(session, sheet_id=sheet_id)
    first = sheets.rescore_sheet(session, sheet_id=sheet_id).id
    assert sheets.rescore_sheet(session, sheet_id=sheet_id).id == first


def test_rescoring_a_draft_is_refused(session: Session, sheet_id: str) -> None:
    """Only a submitted sheet can be rescored: a draft gives "sheet_not_submitted"."""
    assert _error(sheets.rescore_sheet, session=session, sheet_id=sheet_id).code == "sheet_not_submitted"


def test_record_answers_saves_a_batch(session: Session, sheet_id: str) -> None:
    """record_answers stores every answer of the batch and the total of them."""
    sheets.record_answers(session, sheet_id=sheet_id, answers=[Answer("A.1.1", "d"), Answer("A.1.2", "c")])
    assert [line[:3] for line in _lines(session, sheet_id)] == [("A.1.1", "", "d"), ("A.1.2", "", "c")]
    assert _sheet(session, sheet_id).total == Decimal(8)


def test_record_answers_is_all_or_nothing(session: Session, sheet_id: str) -> None:
    """A batch with one refused answer leaves no line of the batch behind."""
    with pytest.raises(ServiceError):
        sheets.record_answers(session, sheet_id=sheet_id, answers=[Answer("A.1.1", "d"), Answer("A.1.2", "z")])
    session.flush()
    assert _lines(session, sheet_id) == []


def test_no_criteria_in_force_is_refused(session: Session, dossier_id: str) -> None:
    """Without any criteria version for the day, start_sheet raises "no_criteria_in_force"."""
    council = councils.create_council(session, name="Hội đồng xã", admin_unit_code="18073").id
    member = councils.add_member(session, council_id=council, full_name="Lê Văn Bình").id
    error = _error(sheets.start_sheet, session=session, dossier_id=dossier_id, member_id=member)
    assert error.code == "no_criteria_in_force"


class TestSheetOn2019Criteria:
    """A sheet started on the 2019 set keeps it after the 2023 set (148) arrives."""

    ID_2019 = "8f3c2a10-0000-4000-8000-000000001048"

    @pytest.fixture
    def member(self, session: Session) -> str:
        council = councils.create_council(session, name="Hội đồng tỉnh 2022", admin_unit_code="42").id
        return councils.add_member(session, council_id=council, full_name="Phạm Thị Lan", role="chair").id

    @pytest.fixture
    def sheet_2019(self, session: Session, sample_2019_bytes: bytes, sample_148_bytes: bytes, dossier_id: str,
                   member: str) -> str:
        criteria.import_criteria_set(session, sample_2019_bytes)
        sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=member, criteria_set_id=self.ID_2019).id
        sheets.record_answer(session, sheet_id=sheet, criterion="A.1.1", option="c")
        criteria.import_criteria_set(session, sample_148_bytes)
        return sheet

    def test_started_on_a_past_day_picks_the_version_then_in_force(self, session: Session, sample_2019_bytes: bytes,
                                                                   sample_148_bytes: bytes, dossier_id: str,
                                                                   member: str) -> None:
        """With both sets imported, a sheet started "on" 2020-06-01 is pinned to the 2019 set."""
        criteria.import_criteria_set(session, sample_2019_bytes)
        criteria.import_criteria_set(session, sample_148_bytes)
        sheet = sheets.start_sheet(session, dossier_id=dossier_id, member_id=member, on=date(2020, 6, 1)).id
        assert (_sheet(session, sheet).criteria_set_id, _sheet(session, sheet).product_set_code) == (
            self.ID_2019, "PS-2019-A")

    def test_restart_without_version_keeps_2019(self, session: Session, sheet_2019: str, dossier_id: str,
                                                member: str) -> None:
        """start_sheet without criteria_set_id after 148 is imported returns the same 2019 draft."""
        again = sheets.start_sheet(session, dossier_id=dossier_id, member_id=member)
        assert again.id == sheet_2019
        assert _sheet(session, sheet_2019).criteria_set_id == self.ID_2019

    def test_answers_score_on_2019_points(self, session: Session, sheet_2019: str) -> None:
        """A.1.1 option c keeps its 2019 value of 2.5 points (3 in the 148 set)."""
        assert _lines(session, sheet_2019) == [("A.1.1", "", "c", Decimal("2.5"))]
        assert _sheet(session, sheet_2019).total == Decimal("2.5")

    def test_2019_only_criterion_is_still_answerable(self, session: Session, sheet_2019: str) -> None:
        """C.1.1 has sub-items only in the 2019 set; answering without one gives "subitem_required"."""
        error = _error(sheets.record_answer, session=session, sheet_id=sheet_2019, criterion="C.1.1", option="a")
        assert error.code == "subitem_required"
        sheets.record_answer(session, sheet_id=sheet_2019, criterion="C.1.1", subitem="b", option="c")
        assert ("C.1.1", "b", "c", Decimal(5)) in _lines(session, sheet_2019)

    def test_submitted_total_follows_2019(self, session: Session, sheet_2019: str, answer_sheet) -> None:
        """A full 2019 sheet with A.1.1 = c submits with total 98.5 and 5 stars."""
        answer_sheet(sheet_2019, {"A.1.1": "c"})
        sheets.submit_sheet(session, sheet_id=sheet_2019)
        sheet = _sheet(session, sheet_2019)
        assert (sheet.criteria_set_id, sheet.total, sheet.stars) == (self.ID_2019, Decimal("98.5"), 5)
