"""The dossier editor for real people: who may move and edit what, input refused with its reason (never cut),
a shared producer asked about, and a save that does not move the form."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from ocop_desktop.db.models import Dossier, Producer, Product, User
from ocop_desktop.db.schema import Database
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.editor import TAB_PRODUCER, TAB_PRODUCT, DossierEditor


def _editor(qtbot, context: AppContext, commune: str | None = None, role: str | None = None) -> DossierEditor:
    """An editor as a commune officer of ``commune`` (an account row on this laptop names it), or as the admin
    logged in with another ``role``."""
    user = context.user
    if commune is not None:
        with context.runner.db.session() as s:
            row = User(username=f"canbo-{commune}", full_name="Cán bộ xã", role="commune_officer",
                       commune_code=commune)
            s.add(row)
            s.commit()
            user = dataclasses.replace(user, user_id=row.id, username=row.username, role=row.role)
    if role is not None:
        user = dataclasses.replace(user, role=role)
    editor = DossierEditor(dataclasses.replace(context, user=user))
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.ask_unsaved = lambda: pytest.fail("unexpected unsaved-edits question")
    editor.confirm = lambda question: pytest.fail(f"unexpected confirmation: {question}")
    return editor


def _dossier(db: Database, status: str, other_than: str | None = None) -> str:
    """The first dossier of ``status``; with ``other_than``, the first whose commune is another."""
    query = select(Dossier.id).where(Dossier.status == status).order_by(Dossier.code)
    if other_than is not None:
        query = query.where(Dossier.commune_code != other_than)
    with db.session() as s:
        return s.scalars(query).first()


def _commune(db: Database, dossier_id: str) -> str:
    with db.session() as s:
        return s.get(Dossier, dossier_id).commune_code


def _producer(db: Database, dossier_id: str) -> Producer:
    with db.session() as s:
        producer = s.get(Producer, s.get(Product, s.get(Dossier, dossier_id).product_id).producer_id)
        s.expunge(producer)
        return producer


def test_an_officer_moves_and_edits_only_their_communes_dossiers(qtbot, context: AppContext,
                                                                 demo_db: Database) -> None:
    """The usability review's case: the commune officer gets "Nộp hồ sơ" on a draft of their commune, and on
    another commune's draft no button, read-only fields, and a note naming the commune."""
    home = _dossier(demo_db, "draft")
    editor = _editor(qtbot, context, _commune(demo_db, home))
    editor.load(home)
    assert set(editor.workflow.buttons) == {"submitted"} and not editor.producer_form.widgets["name"].isReadOnly()
    editor.load(_dossier(demo_db, "draft", other_than=_commune(demo_db, home)))
    assert editor.workflow.buttons == {}
    assert editor.producer_form.widgets["name"].isReadOnly() and not editor.documents.attach_button.isEnabled()
    assert "ngoài các xã/phường" in editor.banner.text() and editor.view.producer.commune_name in editor.banner.text()


def test_an_officer_confirms_forwarding_and_never_evaluates(qtbot, context: AppContext, demo_db: Database) -> None:
    """Forwarding to the province cannot be undone by the officer, so it is confirmed; a forwarded dossier offers
    the officer nothing and says the next step is the province's."""
    dossier_id = _dossier(demo_db, "commune_checked")
    editor = _editor(qtbot, context, _commune(demo_db, dossier_id))
    editor.load(dossier_id)
    questions: list[str] = []
    editor.confirm = lambda q: questions.append(q) or True
    editor.workflow.buttons["forwarded"].click()
    assert len(questions) == 1 and editor.view.dossier.status == "forwarded"
    assert editor.workflow.buttons == {}
    assert "Quản trị tỉnh" in editor.workflow.reason.text()


def test_the_admin_is_told_an_approved_result_is_needed(qtbot, context: AppContext, demo_db: Database) -> None:
    """A forwarded dossier without the council's approved result offers no "evaluated" button, and says why."""
    editor = _editor(qtbot, context)
    with demo_db.session() as s:
        forwarded = s.scalars(select(Dossier.id).where(Dossier.status == "forwarded")).all()
    for dossier_id in forwarded:
        editor.load(dossier_id)
        if editor.view.dossier.approved_stars is None:
            break
    else:
        pytest.skip("every forwarded demo dossier has an approved result")
    assert editor.workflow.buttons == {}
    assert "kết quả hội đồng đã được phê duyệt" in editor.workflow.reason.text()


@pytest.mark.parametrize("role", ["secretary", "chair", "member", "viewer"])
def test_council_people_only_read(qtbot, context: AppContext, demo_db: Database, role: str) -> None:
    """Council people and viewers see a draft read-only: no workflow button, no attaching."""
    editor = _editor(qtbot, context, role=role)
    editor.load(_dossier(demo_db, "draft"))
    assert editor.workflow.buttons == {} and editor.producer_form.widgets["phone"].isReadOnly()
    assert not editor.documents.attach_button.isEnabled() and not editor.documents.acceptDrops()
    assert editor.banner.text() == "Bạn chỉ có quyền xem hồ sơ."


def test_a_phone_with_letters_is_refused_beside_the_field_and_the_error_goes_when_fixed(
        qtbot, context: AppContext, demo_db: Database) -> None:
    """Typing a letter into the phone says why at once; saving then stores nothing; fixing it clears the error."""
    editor = _editor(qtbot, context)
    dossier_id = _dossier(demo_db, "draft")
    editor.load(dossier_id)
    phone, error = editor.producer_form.widgets["phone"], editor.producer_form.errors["phone"]
    phone.setText("O912 345 678")
    assert not error.isHidden() and "chữ số" in error.text()
    editor.save()
    assert "Chưa lưu" in editor.dirty_label.text() and editor.tabs.currentIndex() == TAB_PRODUCER
    assert _producer(demo_db, dossier_id).phone != "O912 345 678"
    phone.setText("0912 345 678")
    assert error.isHidden() and editor.dirty_label.text() == "● Có thay đổi chưa lưu"


def test_a_long_paste_is_kept_whole_and_refused_with_the_limit(qtbot, context: AppContext,
                                                               demo_db: Database) -> None:
    """A 305-character name is not cut to 300: all of it stays in the box, the error names 300 and 305, and the
    save stores nothing until it is shortened."""
    editor = _editor(qtbot, context)
    dossier_id = _dossier(demo_db, "draft")
    editor.load(dossier_id)
    name = editor.product_form.widgets["name"]
    name.setText("Mật ong " + "ư" * 297)
    assert len(name.text()) == 305
    assert "300" in editor.product_form.errors["name"].text() and "305" in editor.product_form.errors["name"].text()
    editor.save()
    assert editor.tabs.currentIndex() == TAB_PRODUCT and editor.has_unsaved_edits()
    with demo_db.session() as s:
        assert len(s.get(Product, s.get(Dossier, dossier_id).product_id).name) < 300


@pytest.mark.parametrize("agree", [False, True])
def test_editing_a_shared_producer_asks_first(qtbot, context: AppContext, demo_db: Database, agree: bool) -> None:
    """The producer tab names the producer's other dossiers; saving its edit asks, naming them; "no" stores
    nothing and keeps the edit, "yes" stores it."""
    editor = _editor(qtbot, context)
    dossier_id = _dossier(demo_db, "draft")
    editor.load(dossier_id)
    others = editor.view.producer.other_dossiers
    assert others and others[0] in editor.producer_form.shared.text()
    questions: list[str] = []
    editor.confirm = lambda q: questions.append(q) or agree
    editor.producer_form.widgets["representative"].setText("Nguyễn Thị Hoa")
    editor.save()
    assert len(questions) == 1 and others[0] in questions[0]
    assert (_producer(demo_db, dossier_id).representative == "Nguyễn Thị Hoa") is agree
    assert editor.has_unsaved_edits() is not agree


def test_saving_does_not_move_the_form(qtbot, context: AppContext, demo_db: Database) -> None:
    """The save's outcome is said beside the save button: the tabs keep their place and size."""
    editor = _editor(qtbot, context)
    editor.show()
    editor.load(_dossier(demo_db, "submitted"))
    editor.tabs.setCurrentIndex(TAB_PRODUCT)
    qtbot.wait(20)
    before = editor.tabs.geometry()
    editor.product_form.widgets["external_code"].setText("SP-0042")
    editor.save()
    qtbot.wait(20)
    assert "Đã lưu" in editor.dirty_label.text() and editor.tabs.geometry() == before
    assert editor.banner.isHidden()
