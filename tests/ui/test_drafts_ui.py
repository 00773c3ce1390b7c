"""Nothing typed is lost: drafts kept as a person types survive a crash and are offered at the next start."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QRadioButton, QWidget
from sqlalchemy import select

from ocop_desktop.app import main_window
from ocop_desktop.db.models import Dossier, Producer, Product, ScoreLine, ScoreSheet
from ocop_desktop.drafts import DraftStore
from ocop_desktop.services import sheet_view
from ocop_desktop.services.sheet_view import NOT_STARTED
from ocop_desktop.ui import session_actions
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.scoring.sheet_widget import SheetWidget
from ocop_desktop.ui.start.restore_drafts import DISCARD, RESTORE, RestoreDraftsDialog

TYPED = ", thon 3 gần chợ Sơn Kim"
REAL_QUESTION = session_actions.ask_unsaved  # taken before the conftest guard replaces it in every test


def address_of(demo_db, dossier_id: str) -> str:
    """The stored address of the dossier's producer."""
    with demo_db.session() as session:
        product = session.get(Product, session.get(Dossier, dossier_id).product_id)
        return session.get(Producer, product.producer_id).address


def editable_dossier(demo_db) -> tuple[str, str]:
    """A dossier still in draft (editable) and its producer's stored address."""
    with demo_db.session() as session:
        dossier_id = session.scalars(select(Dossier.id).where(Dossier.status == "draft").order_by(Dossier.code)).first()
    return dossier_id, address_of(demo_db, dossier_id)


def open_window(context, tmp_path, qtbot, *, keep: bool = True) -> MainWindow:
    """The app's own main window for the logged-in user, as app.start builds it, on screen."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = main_window(context.paths, context.runner, settings, context.user)
    if keep:
        qtbot.addWidget(window)
    window.show()
    return window


def type_address(window: MainWindow, qtbot, dossier_id: str):
    window.show_section("dossiers")  # an admin starts on Tổng quan
    workspace = window.pages["dossiers"]
    workspace.open(dossier_id)
    editor = workspace.editor
    address = editor.producer_form.widgets["address"]
    address.setFocus()
    address.end(False)
    qtbot.keyClicks(address, ", thon 3 ")
    address.insert("gần chợ Sơn Kim")  # as an input method commits it: keyClicks types ASCII only
    editor.confirm = lambda question: True  # "the producer is in other dossiers too: save anyway?"
    return editor


def crash(window: QWidget) -> None:
    """What kill -9 leaves: the widget is gone without a close event or losing focus first (hiding it would
    finish the comment being typed), so nothing it would do on closing runs."""
    shiboken6.delete(window)


def test_an_address_typed_before_a_crash_is_offered_and_put_back(context, demo_db, tmp_path, qtbot, monkeypatch):
    """Typed into the editor, kept on disk a moment later; after the crash a new window offers it with what it
    holds, and choosing to restore opens the dossier with the address as an unsaved edit, saved by one click."""
    dossier_id, stored = editable_dossier(demo_db)
    store = DraftStore.in_data_dir(context.paths.data_dir)
    first = open_window(context, tmp_path, qtbot, keep=False)
    type_address(first, qtbot, dossier_id)
    qtbot.waitUntil(lambda: store.get(context.user.user_id, "dossier", dossier_id) is not None, timeout=3000)
    crash(first)

    offered = []

    def choose(window, drafts):
        offered.extend(drafts)
        return {d.key: RESTORE for d in drafts}

    monkeypatch.setattr(MainWindow, "ask_drafts", choose)
    again = open_window(context, tmp_path, qtbot)
    qtbot.waitUntil(lambda: bool(offered), timeout=3000)  # asked once the window is on screen
    [draft] = offered
    assert draft.fields["producer.address"].value == stored + TYPED and draft.fields["producer.address"].label \
        == "Địa chỉ"
    editor = again.pages["dossiers"].editor
    assert again.current_section() == "dossiers" and editor.view.dossier.id == dossier_id
    assert editor.tabs.currentWidget().isAncestorOf(editor.producer_form)  # the tab the address was typed on
    assert editor.producer_form.value("address") == stored + TYPED and editor.has_unsaved_edits()
    assert "Đã khôi phục" in editor.banner.text() and editor.save_button.isEnabled()
    editor.confirm = lambda question: True
    editor.save()
    assert address_of(demo_db, dossier_id) == stored + TYPED
    assert store.of_user(context.user.user_id) == []


def comments_of(demo_db, sheet_id: str) -> list[str]:
    with demo_db.session() as session:
        return [c for c in session.scalars(select(ScoreLine.comment).where(ScoreLine.sheet_id == sheet_id)) if c]


def _answered_sheet(context, demo_db, qtbot) -> tuple[SheetWidget, str]:
    """A new sheet opened with its first criterion answered, so that criterion takes a comment."""
    with demo_db.session() as session:
        row = next(r for r in sheet_view.my_sheets(session, "", is_admin=True) if r.status == NOT_STARTED)
    from ocop_desktop.services import sheets

    with demo_db.session() as session:
        sheet_id = sheets.start_sheet(session, dossier_id=row.dossier_id, member_id=row.member_id,
                                      evaluation_id=row.evaluation_id).id
        session.commit()
    widget = SheetWidget(context)
    widget.resize(1280, 800)
    widget.show()
    widget.load(sheet_id)
    code, row_widget = next(iter(widget.body.rows.items()))
    row_widget.findChildren(QRadioButton)[0].click()
    return widget, code


def test_a_comment_typed_on_a_sheet_survives_a_crash(context, demo_db, qtbot):
    """A comment is saved when its box is left; typed and never left (the crash), it is in a draft, and the
    sheet opened again from the offer puts it back and saves it."""
    widget, code = _answered_sheet(context, demo_db, qtbot)
    sheet_id = widget.view.sheet_id
    box = widget.row(code).comment
    box.setFocus()
    qtbot.keyClicks(box, "Bao bi ")
    box.insert("chưa ghi hạn dùng")
    store = DraftStore.in_data_dir(context.paths.data_dir)
    qtbot.waitUntil(lambda: store.get(context.user.user_id, "sheet", sheet_id) is not None, timeout=3000)
    crash(widget)
    assert comments_of(demo_db, sheet_id) == []

    store.mark_restore(store.get(context.user.user_id, "sheet", sheet_id))  # "Khôi phục" at the next start
    again = SheetWidget(context)
    qtbot.addWidget(again)
    assert again.view.sheet_id == sheet_id and again.row(code).comment.text() == "Bao bi chưa ghi hạn dùng"
    assert "Đã khôi phục" in again.saved.text()
    assert comments_of(demo_db, sheet_id) == ["Bao bi chưa ghi hạn dùng"]
    assert store.of_user(context.user.user_id) == []


def test_quitting_with_unsaved_edits_asks_and_cancel_keeps_them(context, demo_db, tmp_path, qtbot, monkeypatch):
    """Ctrl+Q (the Thoát action) with an address being typed asks first; "Ở lại" keeps the window and the text."""
    dossier_id, stored = editable_dossier(demo_db)
    window = open_window(context, tmp_path, qtbot)
    type_address(window, qtbot, dossier_id)
    asked = []
    monkeypatch.setattr(window, "ask_unsaved", lambda names: asked.append(names) or "cancel")
    quit_action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Thoát")
    quit_action.trigger()
    assert window.isVisible() and len(asked) == 1 and "Địa chỉ" in asked[0][0]
    assert window.pages["dossiers"].editor.producer_form.value("address") == stored + TYPED


def answer_the_box(button: str, seen: dict) -> None:
    """Clicks ``button`` in the modal box once it is open, noting what the box offered; gives up on a box
    that never comes after 5 s so a broken test fails rather than hangs."""
    waited = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen["buttons"] = [b.text() for b in box.buttons()]
            seen["default"] = box.defaultButton().text()
            next(b for b in box.buttons() if b.text() == button).click()
        elif len(waited) < 100:
            waited.append(1)
            QTimer.singleShot(50, look)

    QTimer.singleShot(0, look)


def test_the_question_offers_save_discard_and_stay_and_staying_keeps_the_text(context, demo_db, tmp_path, qtbot,
                                                                               monkeypatch):
    """The real question (not a stand-in), on the window's close button with an address being typed: three
    answers, "Lưu rồi thoát" the default; "Ở lại" keeps the window, the typed text and the stored value."""
    monkeypatch.setattr(session_actions, "ask_unsaved", REAL_QUESTION)
    dossier_id, stored = editable_dossier(demo_db)
    window = open_window(context, tmp_path, qtbot)
    type_address(window, qtbot, dossier_id)
    seen: dict = {}
    answer_the_box("Ở lại", seen)
    window.close()
    monkeypatch.setattr(window, "ask_unsaved", lambda names: "discard")  # the end of the test closes it
    assert sorted(seen["buttons"]) == ["Bỏ thay đổi", "Lưu rồi thoát", "Ở lại"] and seen["default"] == "Lưu rồi thoát"
    assert window.isVisible() and window.next_step is None
    assert window.pages["dossiers"].editor.producer_form.value("address") == stored + TYPED
    assert address_of(demo_db, dossier_id) == stored


def test_quitting_and_saving_stores_the_edit_then_closes(context, demo_db, tmp_path, qtbot, monkeypatch):
    """"Lưu rồi thoát" saves through the editor's one service call, then the window closes; no draft stays."""
    dossier_id, stored = editable_dossier(demo_db)
    window = open_window(context, tmp_path, qtbot)
    type_address(window, qtbot, dossier_id)
    monkeypatch.setattr(window, "ask_unsaved", lambda names: "save")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert address_of(demo_db, dossier_id) == stored + TYPED
    assert DraftStore.in_data_dir(context.paths.data_dir).of_user(context.user.user_id) == []


def test_quitting_and_discarding_closes_and_forgets_the_draft(context, demo_db, tmp_path, qtbot, monkeypatch):
    """"Bỏ thay đổi" closes at once, the database keeps its value and no draft is offered next time."""
    dossier_id, stored = editable_dossier(demo_db)
    window = open_window(context, tmp_path, qtbot)
    type_address(window, qtbot, dossier_id)
    store = DraftStore.in_data_dir(context.paths.data_dir)
    qtbot.waitUntil(lambda: store.of_user(context.user.user_id) != [], timeout=3000)
    monkeypatch.setattr(window, "ask_unsaved", lambda names: "discard")
    window.close()
    assert not window.isVisible() and store.of_user(context.user.user_id) == []
    assert address_of(demo_db, dossier_id) == stored


def test_a_refused_save_keeps_the_window_open(context, demo_db, tmp_path, qtbot, monkeypatch):
    """A save the service refuses (a tax code with letters) does not close over the edit: the field says why."""
    dossier_id, _ = editable_dossier(demo_db)
    window = open_window(context, tmp_path, qtbot)
    editor = type_address(window, qtbot, dossier_id)
    editor.producer_form.widgets["tax_code"].setText("MST-ABC")
    monkeypatch.setattr(window, "ask_unsaved", lambda names: "save")
    window.close()
    qtbot.wait(50)
    assert window.isVisible() and editor.has_unsaved_edits() and window.next_step is None
    assert editor.producer_form.errors["tax_code"].isVisible()


def test_the_offer_shows_each_draft_and_applies_each_choice(context, demo_db, tmp_path, qtbot, monkeypatch):
    """The dialog lists what each draft holds as plain text, restoring by default; a dropped draft is deleted, a
    restored one marked, and putting the decision off keeps both for the next start."""
    from ocop_desktop.drafts import Draft, DraftField

    store = DraftStore.in_data_dir(context.paths.data_dir)
    user = context.user.user_id
    one = Draft(user, "dossier", "d-1", "HS-1 · Mật ong", "dossiers", {"dossier.notes": DraftField(
        "Ghi chú", "<b>hẹn</b> bổ sung", "<b>hẹn</b> bổ sung")})
    two = Draft(user, "sheet", "s-1", "Nước mắm", "scoring", {"A1": DraftField("Nhận xét A1", "tốt", "tốt")})
    store.put(one)
    store.put(two)
    dialog = RestoreDraftsDialog(store.of_user(user))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Ghi chú: <b>hẹn</b> bổ sung" in texts and "Nhận xét A1: tốt" in texts
    assert dialog.choices() == {one.key: RESTORE, two.key: RESTORE}
    dialog.choose(two, DISCARD)
    window = open_window(context, tmp_path, qtbot)
    monkeypatch.setattr(window, "ask_drafts", lambda drafts: None)
    window.offer_drafts()
    assert len(store.of_user(user)) == 2  # put off: nothing decided
    monkeypatch.setattr(window, "ask_drafts", lambda drafts: dialog.choices())
    window.offer_drafts()
    assert [(d.record_id, d.restore) for d in store.of_user(user)] == [("d-1", True)]


def test_a_comment_draft_for_a_sheet_submitted_meanwhile_is_shown_not_applied(context, demo_db, qtbot):
    """The sheet was submitted (here, on this laptop after the crash): its comments cannot change any more, so
    the draft is shown once, in full, for copying, and dropped; nothing is written to the submitted sheet."""
    from ocop_core.domain.scoring import extreme_answers
    from ocop_desktop.drafts import Draft, DraftField
    from ocop_desktop.services import sheets

    with demo_db.session() as session:
        row = next(r for r in sheet_view.my_sheets(session, "", is_admin=True) if r.status == NOT_STARTED)
        sheet_id = sheets.start_sheet(session, dossier_id=row.dossier_id, member_id=row.member_id,
                                      evaluation_id=row.evaluation_id).id
        _, product_set = sheets.sheet_context(session, session.get(ScoreSheet, sheet_id))
        sheets.record_answers(session, sheet_id=sheet_id, answers=extreme_answers(product_set, best=True))
        sheets.submit_sheet(session, sheet_id=sheet_id)
        session.commit()
    code = product_set.criteria[0].code
    store = DraftStore.in_data_dir(context.paths.data_dir)
    store.put(Draft(context.user.user_id, "sheet", sheet_id, "Nước mắm", "scoring",
                    {code: DraftField(f"Nhận xét {code}", "Nhãn thiếu địa chỉ", "Nhãn thiếu địa chỉ")}))
    widget = SheetWidget(context)
    qtbot.addWidget(widget)
    widget.load(sheet_id)
    assert widget.message.text().startswith("Nhận xét chưa lưu của phiếu này không dùng được nữa")
    assert "Nhãn thiếu địa chỉ" in widget.message.text() and not widget.message.isHidden()
    assert store.of_user(context.user.user_id) == [] and comments_of(demo_db, sheet_id) == []
