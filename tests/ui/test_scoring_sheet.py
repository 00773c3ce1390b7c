"""The scoring sheet widget: clicks saved at once, totals as the domain computes them, submit and rescore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from sqlalchemy import select

from ocop_core.domain.scoring import Answer, extreme_answers, score_sheet
from ocop_desktop.db.models import ScoreLine, ScoreSheet
from ocop_desktop.db.schema import Database
from ocop_desktop.services import sheet_view, sheets
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.sheet_view import NOT_STARTED
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.scoring import sheet_widget
from ocop_desktop.ui.scoring.sheet_widget import SheetWidget

ID_2019 = "8f3c2a10-0000-4000-8000-000000001048"


def _start(demo_db: Database, criteria_set_id: str | None = None, answers: list[Answer] | None = None) -> str:
    """A new draft on a forwarded demo dossier, optionally answered through the service."""
    with demo_db.session() as session:
        row = next(r for r in sheet_view.my_sheets(session, "", is_admin=True) if r.status == NOT_STARTED)
        sheet_id = sheets.start_sheet(session, dossier_id=row.dossier_id, member_id=row.member_id,
                                      evaluation_id=row.evaluation_id, criteria_set_id=criteria_set_id).id
        if answers:
            sheets.record_answers(session, sheet_id=sheet_id, answers=answers)
        session.commit()
    return sheet_id


def _status(demo_db: Database, sheet_id: str) -> str:
    with demo_db.session() as session:
        return session.get(ScoreSheet, sheet_id).status


def _open(context: AppContext, qtbot, sheet_id: str, **kwargs) -> SheetWidget:
    widget = SheetWidget(context, **kwargs)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.load(sheet_id)
    return widget


def _click(qtbot, widget: SheetWidget, criterion: str, option: str, subitem: str | None = None) -> QRadioButton:
    button = widget.row(criterion).option_button(subitem, option)
    widget.scroll.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def _all_radios(widget: SheetWidget) -> list[QRadioButton]:
    return widget.body.findChildren(QRadioButton)


@pytest.fixture
def draft_id(demo_db: Database) -> str:
    return _start(demo_db)


@pytest.fixture
def best_answers(demo_db: Database, draft_id: str) -> list[Answer]:
    with demo_db.session() as session:
        _, product_set = sheets.sheet_context(session, session.get(ScoreSheet, draft_id))
    return extreme_answers(product_set, best=True)


@pytest.mark.parametrize("criteria_set_id", [None, ID_2019], ids=["148", "2019-with-subitems"])
def test_a_sheet_filled_by_clicks_scores_as_the_domain_does(context, demo_db, qtbot, criteria_set_id) -> None:
    """Clicking a varied choice in every slot gives the domain's part totals, total, stars and failures,
    on screen and in the database."""
    widget = _open(context, qtbot, _start(demo_db, criteria_set_id))
    view = widget.view
    answers = []
    for i, criterion in enumerate(view.criteria):
        for j, slot in enumerate(criterion.slots):
            ladder = criterion.subitems[j].options if criterion.subitems else criterion.options
            option = ladder[(i + j) % len(ladder)].code
            _click(qtbot, widget, criterion.code, option, slot)
            answers.append(Answer(criterion.code, option, slot))
    expected = score_sheet(view.criteria_set, view.product_set, answers)
    assert widget.score == expected and not expected.unanswered
    with demo_db.session() as session:
        assert sheets.current_score(session, session.get(ScoreSheet, view.sheet_id)) == expected
    shown = widget.totals.total.text()
    assert f"{expected.total:f}".rstrip("0").rstrip(".").replace(".", ",") in shown


def test_an_answer_is_in_the_database_before_the_widget_closes(context, demo_db, draft_id, qtbot) -> None:
    """A click is saved at once: the line exists while the widget is open, and a rebuilt widget shows it."""
    widget = _open(context, qtbot, draft_id)
    _click(qtbot, widget, "A.1.1", "c")
    with demo_db.session() as session:
        line = session.scalar(select(ScoreLine).where(ScoreLine.sheet_id == draft_id))
        assert (line.criterion_code, line.option_code) == ("A.1.1", "c")
    widget.close()
    widget.deleteLater()
    again = _open(context, qtbot, draft_id)
    assert again.row("A.1.1").option_button(None, "c").isChecked()
    assert again.unanswered_count() == len(again.view.criteria) - 1


def test_clicking_the_words_of_an_option_chooses_it(context, demo_db, draft_id, qtbot) -> None:
    """The option's text is a click target too, and saves like the button."""
    widget = _open(context, qtbot, draft_id)
    choice = widget.row("A.1.2").option_button(None, "c").parent()
    qtbot.mouseClick(choice.label, Qt.MouseButton.LeftButton)
    assert choice.radio.isChecked()
    with demo_db.session() as session:
        assert session.scalar(select(ScoreLine.option_code).where(ScoreLine.sheet_id == draft_id)) == "c"


def test_a_comment_is_saved_when_editing_finishes(context, demo_db, draft_id, qtbot) -> None:
    """The comment box opens once the criterion is answered and saves when the evaluator leaves it."""
    widget = _open(context, qtbot, draft_id)
    box = widget.row("A.1.1").comment
    assert not box.isEnabled()
    _click(qtbot, widget, "A.1.1", "d")
    assert box.isEnabled()
    box.setFocus()
    box.insert("Nguyên liệu tại xã")  # as an input method commits Vietnamese text (keyClicks takes Latin-1 only)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    with demo_db.session() as session:
        assert session.scalar(select(ScoreLine.comment).where(ScoreLine.sheet_id == draft_id)) == "Nguyên liệu tại xã"


def test_unanswered_count_goes_down_as_criteria_are_answered(context, draft_id, qtbot) -> None:
    """Every criterion starts marked unanswered; each answer takes one off the count and its marker."""
    widget = _open(context, qtbot, draft_id)
    n = len(widget.view.criteria)
    assert widget.unanswered_count() == n and widget.row("A.1.2").tag.isVisibleTo(widget)
    assert widget.totals.unanswered.text() == f"Còn {n} tiêu chí chưa chấm"
    _click(qtbot, widget, "A.1.2", "b")
    assert widget.unanswered_count() == n - 1 and not widget.row("A.1.2").tag.isVisibleTo(widget)
    assert widget.totals.unanswered.text() == f"Còn {n - 1} tiêu chí chưa chấm"


def test_a_mandatory_failure_is_shown_in_red_and_caps_the_stars(context, demo_db, best_answers, qtbot) -> None:
    """Best options everywhere but the worst on mandatory A.2.2: the failure is listed and the stars capped."""
    others = [a for a in best_answers if a.criterion != "A.2.2"]
    widget = _open(context, qtbot, _start(demo_db, answers=others))
    _click(qtbot, widget, "A.2.2", "a")
    assert widget.score.failed_criteria == ("A.2.2",)
    assert widget.totals.failures.isVisibleTo(widget) and "A.2.2" in widget.totals.failures.text()
    assert widget.row("A.2.2").tag.text() == "Chưa đạt điều kiện bắt buộc"
    assert widget.score.provisional_stars < widget.score.band_stars and widget.totals.band_note.isVisibleTo(widget)


def test_submitting_after_confirmation_makes_the_sheet_read_only(context, demo_db, best_answers, qtbot) -> None:
    """Confirmed submission freezes the sheet: choices disabled, no submit button, and the service refuses."""
    sheet_id = _start(demo_db, answers=best_answers)
    asked = []
    widget = _open(context, qtbot, sheet_id, confirm=lambda *args: asked.append(args) or True)
    widget.submit_button.click()
    assert asked and _status(demo_db, sheet_id) == "submitted"
    assert widget.view.status == "submitted"
    assert not any(b.isEnabled() for b in _all_radios(widget))
    assert not widget.submit_button.isVisibleTo(widget) and widget.rescore_button.isVisibleTo(widget)
    with demo_db.session() as session, pytest.raises(ServiceError) as refused:
        sheets.record_answer(session, sheet_id=sheet_id, criterion="A.1.1", option="a")
    assert refused.value.code == "sheet_submitted"


def test_a_cancelled_confirmation_leaves_a_draft(context, demo_db, best_answers, qtbot, monkeypatch) -> None:
    """Answering "Quay lại" in the (patched) confirmation dialog submits nothing."""
    sheet_id = _start(demo_db, answers=best_answers)
    monkeypatch.setattr(sheet_widget, "ask_confirmation", lambda *args: False)
    widget = _open(context, qtbot, sheet_id)
    widget.submit_button.click()
    assert _status(demo_db, sheet_id) == "draft" and widget.view.editable
    assert all(b.isEnabled() for b in _all_radios(widget))


def test_submit_waits_until_every_criterion_is_answered(context, draft_id, qtbot) -> None:
    """An incomplete sheet cannot be submitted from the screen: the button is disabled."""
    widget = _open(context, qtbot, draft_id)
    assert widget.submit_button.isVisibleTo(widget) and not widget.submit_button.isEnabled()


def test_a_change_refused_by_the_service_is_shown_and_undone(context, demo_db, best_answers, qtbot) -> None:
    """If the sheet was submitted elsewhere, a click shows the reason and the screen reloads read-only."""
    sheet_id = _start(demo_db, answers=best_answers)
    widget = _open(context, qtbot, sheet_id)
    with demo_db.session() as session:
        sheets.submit_sheet(session, sheet_id=sheet_id)
        session.commit()
    _click(qtbot, widget, "A.1.1", "a")
    assert widget.message.text() == "Phiếu chấm đã nộp thì không sửa được; hãy chấm lại bằng phiếu mới."
    assert widget.message.isVisibleTo(widget)
    assert widget.view.status == "submitted"
    assert widget.row("A.1.1").option_button(None, "d").isChecked()


def test_rescore_opens_a_new_draft_that_supersedes_the_submitted_one(context, demo_db, best_answers, qtbot) -> None:
    """"Chấm lại" on a submitted sheet opens a new editable draft carrying the old answers."""
    sheet_id = _start(demo_db, answers=best_answers)
    with demo_db.session() as session:
        sheets.submit_sheet(session, sheet_id=sheet_id)
        session.commit()
    widget = _open(context, qtbot, sheet_id, confirm=lambda *args: True)
    with qtbot.waitSignal(widget.opened) as opened:
        widget.rescore_button.click()
    new = widget.view
    assert opened.args == [new.sheet_id] and new.sheet_id != sheet_id
    assert (new.status, new.supersedes_id, new.editable) == ("draft", sheet_id, True)
    assert widget.unanswered_count() == 0 and all(b.isEnabled() for b in _all_radios(widget))


def test_keyboard_tab_arrows_and_space_choose_options(context, demo_db, draft_id, qtbot) -> None:
    """F8 lands on the first unanswered criterion, Down then Space picks its second option, and Tab
    moves on (past the comment box) to the next criterion, where Space picks the first option."""
    widget = _open(context, qtbot, draft_id)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    qtbot.keyClick(widget, Qt.Key.Key_F8)
    first = widget.row("A.1.1")
    assert QApplication.focusWidget() is first.option_button(None, "a")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert widget.view.sheet_id and first.option_button(None, "b").isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.comment
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget.row("A.1.2").option_button(None, "a")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # in an answered group an arrow changes the answer
    with demo_db.session() as session:
        chosen = dict(session.execute(select(ScoreLine.criterion_code, ScoreLine.option_code)
                                      .where(ScoreLine.sheet_id == draft_id)).all())
    assert chosen == {"A.1.1": "b", "A.1.2": "b"}


def test_f8_jumps_to_the_next_unanswered_criterion(context, draft_id, qtbot) -> None:
    """After answering A.1.1 and A.1.2, the jump lands on A.1.3."""
    widget = _open(context, qtbot, draft_id)
    _click(qtbot, widget, "A.1.1", "a")
    _click(qtbot, widget, "A.1.2", "a")
    widget.totals.next_button.click()
    assert widget.row("A.1.3").isAncestorOf(widget.focusWidget())


def test_preview_is_read_only(context, demo_db, draft_id, qtbot) -> None:
    """A criteria preview shows the same sheet with every choice disabled, no "Chưa chấm" markers and
    nothing to submit."""
    with demo_db.session() as session:
        view = sheet_view.sheet_view(session, draft_id)
    widget = SheetWidget(None)
    qtbot.addWidget(widget)
    widget.show_view(sheet_view.preview_view(view.criteria_set, view.product_set))
    assert widget.status.text() == "Xem trước" and not any(b.isEnabled() for b in _all_radios(widget))
    assert not any(row.tag.isVisibleTo(widget) for row in widget.body.rows.values())  # nothing is "missing"
    assert not widget.submit_button.isVisibleTo(widget) and not widget.rescore_button.isVisibleTo(widget)


def test_screenshot_of_a_draft_sheet(context, demo_db, best_answers, qtbot, screenshots: Path) -> None:
    """sheet.png: a draft half answered, with a mandatory failure, as a council member sees it."""
    half = [a for a in best_answers if a.criterion < "B" and a.criterion != "A.2.2"]
    widget = _open(context, qtbot, _start(demo_db, answers=half))
    _click(qtbot, widget, "A.2.2", "a")
    widget.scroll.ensureWidgetVisible(widget.row("A.3.2"), 0, 0)  # the failed A.2.2 and unanswered rows below
    qtbot.wait(20)  # let the posted layout requests run, as they would before a person sees the screen
    assert widget.grab().save(str(screenshots / "sheet.png"))
