"""The dossier editor on the demo database: saving, refusing bad input, workflow, documents, switching."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select

from ocop_core.domain.dossier_status import STATUSES
from ocop_desktop.db import sync_store
from ocop_desktop.db.blobstore import MAX_UPLOAD_KEY
from ocop_desktop.db.models import ChangeJournal, Dossier, DossierDocument, Producer, Product
from ocop_desktop.db.schema import Database
from ocop_desktop.services import dossiers, registry
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.editor import (
    TAB_DOCUMENTS,
    TAB_DOSSIER,
    TAB_LOCATION,
    TAB_PRODUCER,
    TAB_PRODUCT,
    DossierEditor,
)
from ocop_desktop.ui.runner import Runner


def _dossier(db: Database, status: str, skip: int = 0) -> str:
    with db.session() as s:
        return s.scalars(select(Dossier.id).where(Dossier.status == status).order_by(Dossier.code)).all()[skip]


def _row(db: Database, model, row_id: str):
    with db.session() as s:
        row = s.get(model, row_id)
        s.expunge(row)
        return row


def _journal(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ChangeJournal))


@pytest.fixture
def editor(qtbot, context: AppContext) -> DossierEditor:
    widget = DossierEditor(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    # A test answering a question it did not expect fails loudly instead of blocking on a dialog.
    widget.ask_unsaved = lambda: pytest.fail("unexpected unsaved-edits question")
    # Every demo producer has several dossiers: saving its edits is agreed to (test_dossier_checks asks both ways).
    widget.confirm = lambda question: "hồ sơ khác" in question or pytest.fail(f"unexpected confirmation: {question}")
    return widget


@pytest.fixture
def draft(demo_db: Database, editor: DossierEditor) -> str:
    dossier_id = _dossier(demo_db, "draft")
    assert editor.load(dossier_id)
    return dossier_id


def _png(folder: Path, name: str = "ảnh sản phẩm.png") -> Path:
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    path = folder / name
    assert image.save(str(path))
    return path


def _attach(editor: DossierEditor, path: Path, doc_type: str = "product_photo") -> None:
    combo = editor.documents.type_combo
    combo.setCurrentIndex(combo.findData(doc_type))
    editor.documents.attach_file(path)


def _listed(panel, file_name: str) -> int:
    """The row of a file in the documents table: the demo dossier's own documents are listed beside it."""
    return next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 1).text() == file_name)


def test_editor_shows_the_dossier(editor: DossierEditor, draft: str, demo_db: Database) -> None:
    """Loading shows the code and product in the title, the producer's fields and the product's phân nhóm."""
    dossier, product = _row(demo_db, Dossier, draft), None
    product = _row(demo_db, Product, dossier.product_id)
    producer = _row(demo_db, Producer, product.producer_id)
    assert editor.title.text() == f"{dossier.code} · {product.name}"
    assert editor.producer_form.value("name") == producer.name
    assert editor.producer_form.value("tax_code") == producer.tax_code
    assert editor.product_form.value("subgroup_code") == product.subgroup_code
    assert editor.location_form.value("lat") == pytest.approx(producer.lat, abs=1e-6)
    assert not editor.has_unsaved_edits() and not editor.save_button.isEnabled()


def test_edits_are_saved_in_one_action_and_journaled(editor: DossierEditor, draft: str, demo_db: Database) -> None:
    """Edits to producer, product and dossier are stored together and each lands in the change journal."""
    editor.producer_form.widgets["representative"].setText("  Trần Thị Bình ")
    editor.product_form.widgets["name"].setText("Nước mắm cá cơm 40 độ đạm")
    editor.dossier_form.widgets["notes"].setPlainText("Hẹn bổ sung phiếu kiểm nghiệm.")
    assert editor.has_unsaved_edits() and editor.save_button.isEnabled()
    editor.save()
    dossier = _row(demo_db, Dossier, draft)
    product = _row(demo_db, Product, dossier.product_id)
    assert _row(demo_db, Producer, product.producer_id).representative == "Trần Thị Bình"
    assert (product.name, dossier.notes) == ("Nước mắm cá cơm 40 độ đạm", "Hẹn bổ sung phiếu kiểm nghiệm.")
    with demo_db.session() as s:
        fields = {(e.entity, f) for e in s.scalars(select(ChangeJournal).where(ChangeJournal.op == "update"))
                  for f in json.loads(e.fields_json)}
    assert {("producers", "representative"), ("products", "name"), ("dossiers", "notes")} <= fields
    assert not editor.has_unsaved_edits()
    assert editor.producer_form.value("representative") == "Trần Thị Bình"  # the stored, trimmed value


@pytest.mark.parametrize(("form", "field", "value", "message", "tab"), [
    ("producer_form", "name", "   ", "Trường này là bắt buộc.", TAB_PRODUCER),
    ("producer_form", "tax_code", "30ABC123", "Mã số thuế không hợp lệ.", TAB_PRODUCER),
    ("producer_form", "address", "Thôn 3\x07, xã Cẩm Xuyên", "Có ký tự điều khiển không hợp lệ.", TAB_PRODUCER),
    ("location_form", "lat", 200.0, "Giá trị nằm ngoài khoảng cho phép.", TAB_LOCATION),
], ids=["blank-name", "tax-letters", "control-char", "lat-200"])
def test_bad_input_shows_the_error_beside_the_field_and_writes_nothing(
        editor: DossierEditor, draft: str, demo_db: Database, form: str, field: str, value, message: str,
        tab: int) -> None:
    """A refused save shows the Vietnamese reason under the field, opens its tab, stores nothing (the other
    section's valid edit included) and keeps the typed values so the officer can correct them."""
    producer_id = _row(demo_db, Product, _row(demo_db, Dossier, draft).product_id).producer_id
    before, journal = _row(demo_db, Producer, producer_id), _journal(demo_db)
    editor.product_form.widgets["name"].setText("Tên mới hợp lệ")
    target = getattr(editor, form)
    widget = target.widgets[field]
    widget.setValue(value) if field == "lat" else widget.setText(value)
    editor.save()
    assert target.errors[field].text() == message and not target.errors[field].isHidden()
    assert editor.tabs.currentIndex() == tab
    assert "Chưa lưu" in editor.dirty_label.text()
    after = _row(demo_db, Producer, producer_id)
    assert (after.name, after.tax_code, after.address, after.lat) == (before.name, before.tax_code,
                                                                      before.address, before.lat)
    assert _row(demo_db, Product, _row(demo_db, Dossier, draft).product_id).name != "Tên mới hợp lệ"
    assert _journal(demo_db) == journal
    assert editor.has_unsaved_edits() and editor.product_form.value("name") == "Tên mới hợp lệ"


def test_error_goes_away_when_the_field_is_edited(editor: DossierEditor, draft: str) -> None:
    """Once the officer starts correcting a refused field, the old reason is no longer shown."""
    tax = editor.producer_form.widgets["tax_code"]
    tax.setText("MST-ABC")
    editor.save()
    assert editor.producer_form.errors["tax_code"].isVisibleTo(editor.producer_form)
    tax.setText("3001234567")
    assert not editor.producer_form.errors["tax_code"].isVisibleTo(editor.producer_form)


def test_undo_brings_back_the_stored_values(editor: DossierEditor, draft: str) -> None:
    """"Huỷ thay đổi" puts every edited field back, the position tick box included."""
    name = editor.producer_form.value("name")
    editor.producer_form.widgets["name"].setText("Tên gõ nhầm")
    editor.location_form.known.setChecked(False)
    editor.revert_button.click()
    assert editor.producer_form.value("name") == name
    assert editor.location_form.known.isChecked() and editor.location_form.lat.isEnabled()
    assert not editor.has_unsaved_edits() and not editor.save_button.isEnabled()


def test_decomposed_vietnamese_is_stored_composed(editor: DossierEditor, draft: str, demo_db: Database) -> None:
    """A name pasted in decomposed Unicode (NFD) is stored in NFC, so search and sorting find it."""
    nfd = unicodedata.normalize("NFD", "Hợp tác xã Mật ong Cường Nga")
    editor.producer_form.widgets["name"].setText(nfd)
    editor.save()
    producer_id = _row(demo_db, Product, _row(demo_db, Dossier, draft).product_id).producer_id
    assert _row(demo_db, Producer, producer_id).name == unicodedata.normalize("NFC", nfd)
    assert not editor.has_unsaved_edits()


@pytest.mark.parametrize("status", STATUSES)
def test_only_allowed_moves_are_offered(editor: DossierEditor, demo_db: Database, context: AppContext,
                                        status: str) -> None:
    """The workflow bar offers a button for each move the service would accept from this person, and none other."""
    dossier_id = _dossier(demo_db, status)
    editor.load(dossier_id)
    user = context.user
    with demo_db.session() as s:
        accepted = dossiers.allowed_moves(s, dossier_id, user_id=user.user_id, role=user.role)
    assert set(editor.workflow.buttons) == set(accepted)


def test_reversible_move_needs_no_confirmation(editor: DossierEditor, draft: str, demo_db: Database) -> None:
    """Submitting a draft (which can be returned to draft) happens at once and shows the new status."""
    editor.workflow.buttons["submitted"].click()
    assert _row(demo_db, Dossier, draft).status == "submitted"
    assert set(editor.workflow.buttons) == {"commune_checked", "draft"}
    assert editor.workflow.chip.text() == "Đã nộp"


def test_move_that_cannot_be_undone_is_confirmed(editor: DossierEditor, demo_db: Database) -> None:
    """Forwarding to the council asks first; "no" leaves the status, "yes" moves it."""
    dossier_id = _dossier(demo_db, "commune_checked")
    editor.load(dossier_id)
    questions: list[str] = []
    editor.confirm = lambda q: questions.append(q) or False
    editor.workflow.buttons["forwarded"].click()
    assert _row(demo_db, Dossier, dossier_id).status == "commune_checked"
    assert editor.view.dossier.code in questions[0] and "Đã chuyển hội đồng" in questions[0]
    editor.confirm = lambda q: True
    editor.workflow.buttons["forwarded"].click()
    assert _row(demo_db, Dossier, dossier_id).status == "forwarded"


def test_disallowed_move_is_refused_by_the_service(editor: DossierEditor, draft: str, demo_db: Database) -> None:
    """A button made stale by a move elsewhere is refused by the service; the editor says so and refreshes."""
    with demo_db.session() as s:
        with pytest.raises(ServiceError) as info:
            dossiers.change_dossier_status(s, draft, "closed", user_id="admin", role="admin")
        assert info.value.code == "transition_not_allowed"
        dossiers.change_dossier_status(s, draft, "submitted", user_id="admin", role="admin")
        s.commit()
    editor.workflow.buttons["submitted"].click()  # still shown: the editor has not refreshed yet
    assert editor.banner.text() == "Không thể chuyển hồ sơ sang trạng thái này."
    assert set(editor.workflow.buttons) == {"commune_checked", "draft"}


def test_attached_photo_is_listed_with_preview_and_not_sent(editor: DossierEditor, draft: str, demo_db: Database,
                                                            tmp_path: Path) -> None:
    """Attaching a PNG lists it as a product photo "Chưa gửi", and selecting it shows the picture."""
    panel = editor.documents
    before = panel.table.rowCount()  # the demo dossier already holds its required documents
    panel.choose_file = lambda: str(_png(tmp_path))
    panel.attach_button.click()
    assert panel.message.text() == "Hãy chọn loại tài liệu trước khi đính kèm." and panel.table.rowCount() == before
    panel.type_combo.setCurrentIndex(panel.type_combo.findData("product_photo"))
    panel.attach_button.click()
    assert panel.table.rowCount() == before + 1 and panel.message.isHidden()
    row = _listed(panel, "ảnh sản phẩm.png")
    cells = [panel.table.item(row, c).text() for c in range(4)]
    assert (cells[0], cells[1], cells[3]) == ("Ảnh sản phẩm", "ảnh sản phẩm.png", "Chưa gửi")
    panel.table.selectRow(row)
    assert panel.preview.has_picture() and not panel.preview.pixmap().isNull()
    assert editor.tabs.tabText(TAB_DOCUMENTS) == f"Tài liệu ({before + 1})"
    assert not editor.has_unsaved_edits()  # the refresh after attaching is not mistaken for an edit
    with demo_db.session() as s:
        photo = DossierDocument.dossier_id == draft, DossierDocument.original_name == "ảnh sản phẩm.png"
        assert s.scalars(select(DossierDocument.doc_type).where(*photo)).all() == ["product_photo"]


def test_oversized_file_is_refused_with_the_limit(editor: DossierEditor, draft: str, demo_db: Database,
                                                  tmp_path: Path) -> None:
    """A file over the server's limit is not attached and the message names its size and the limit."""
    with demo_db.session() as s:
        sync_store.set_meta(s, MAX_UPLOAD_KEY, str(200 * 1024))
        s.commit()
        stored = s.scalar(select(func.count()).select_from(DossierDocument))
    editor.reload()
    big = tmp_path / "hồ sơ quét.pdf"
    big.write_bytes(b"%PDF" + b"0" * (512 * 1024))
    _attach(editor, big, "lab_test_report")
    text = editor.documents.message.text()
    assert "hồ sơ quét.pdf" in text and "512 KB" in text and "200 KB" in text and "lớn hơn" in text
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(DossierDocument)) == stored


def test_removing_a_document_is_confirmed(editor: DossierEditor, draft: str, tmp_path: Path) -> None:
    """Removing asks first; "no" keeps the document, "yes" removes it from the list."""
    panel = editor.documents
    _attach(editor, _png(tmp_path))
    listed = panel.table.rowCount()
    panel.table.selectRow(_listed(panel, "ảnh sản phẩm.png"))
    panel.confirm = lambda q: False
    panel.remove_button.click()
    assert panel.table.rowCount() == listed
    panel.confirm = lambda q: True
    panel.remove_button.click()
    assert panel.table.rowCount() == listed - 1


@pytest.mark.parametrize(("choice", "switched", "stored"), [
    ("cancel", False, False), ("discard", True, False), ("save", True, True)])
def test_switching_with_unsaved_edits_asks(editor: DossierEditor, draft: str, demo_db: Database, choice: str,
                                           switched: bool, stored: bool) -> None:
    """Leaving a dossier with edits asks: stay keeps the edit, discard drops it, save stores it first."""
    other = _dossier(demo_db, "draft", skip=1)
    editor.product_form.widgets["name"].setText("Bánh đa vừng Nguyên Lâm loại đặc biệt")
    asked: list[bool] = []
    editor.ask_unsaved = lambda: asked.append(True) or choice
    assert editor.load(other) == switched
    assert asked == [True]
    assert editor.view.dossier.id == (other if switched else draft)
    assert editor.has_unsaved_edits() == (not switched)
    name = _row(demo_db, Product, _row(demo_db, Dossier, draft).product_id).name
    assert (name == "Bánh đa vừng Nguyên Lâm loại đặc biệt") == stored


def test_change_elsewhere_reloads_but_keeps_fields_being_edited(editor: DossierEditor, draft: str,
                                                                demo_db: Database, context: AppContext) -> None:
    """After a change from elsewhere (a sync), untouched fields show the new value; an edit in progress stays."""
    producer_id = _row(demo_db, Product, _row(demo_db, Dossier, draft).product_id).producer_id
    editor.producer_form.widgets["phone"].setText("0912 345 678")
    changes = []
    context.runner.write(lambda s: registry.update_producer(s, producer_id, representative="Lê Văn Cường"),
                         done=changes.append)
    editor.on_changes(changes[0])
    assert editor.producer_form.value("representative") == "Lê Văn Cường"
    assert editor.producer_form.value("phone") == "0912 345 678" and editor.has_unsaved_edits()


def test_position_can_be_cleared(editor: DossierEditor, draft: str, demo_db: Database) -> None:
    """Unticking "position known" stores no coordinates at all (both cleared together)."""
    editor.location_form.known.setChecked(False)
    editor.save()
    producer = _row(demo_db, Producer, _row(demo_db, Product, _row(demo_db, Dossier, draft).product_id).producer_id)
    assert (producer.lat, producer.lon) == (None, None)
    assert not editor.location_form.lat.isEnabled()


def test_position_outside_vietnam_is_flagged_but_saved(editor: DossierEditor, draft: str, demo_db: Database) -> None:
    """A valid point abroad (a likely slip) gets a warning, not a refusal; it is saved as typed."""
    form = editor.location_form
    form.lat.setValue(48.8566)
    form.lon.setValue(2.3522)
    assert "ngoài Việt Nam" in form.warning.text() and not form.warning.isHidden()
    editor.save()
    producer = _row(demo_db, Producer, _row(demo_db, Product, _row(demo_db, Dossier, draft).product_id).producer_id)
    assert (producer.lat, producer.lon) == (pytest.approx(48.8566), pytest.approx(2.3522))


def test_coordinate_typed_with_a_comma_is_read(qtbot, editor: DossierEditor, draft: str) -> None:
    """Both "18.3456" (as GPS apps write) and "18,3456" (as Vietnamese write) are read as 18.3456."""
    spin = editor.location_form.lat
    for text in ("18.3456", "18,3456"):
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin.lineEdit(), text)
        spin.interpretText()
        assert spin.value() == pytest.approx(18.3456)


def test_phan_nhom_outside_the_criteria_set_is_shown_not_replaced(editor: DossierEditor, draft: str,
                                                                   context: AppContext) -> None:
    """A product filed under a phân nhóm the set lacks keeps it, marked, and a refresh is not an edit."""
    product_id = editor.view.product.id
    context.runner.write(lambda s: registry.update_product(s, product_id, subgroup_code="IX.9.z"),
                         done=editor.on_changes)
    combo = editor.product_form.subgroup
    assert combo.currentData() == "IX.9.z" and "không có trong danh mục" in combo.currentText()
    editor.reload()
    assert combo.currentData() == "IX.9.z" and not editor.has_unsaved_edits()
    assert [combo.itemData(i) for i in range(combo.count())].count("IX.9.z") == 1


def test_evaluated_dossier_is_read_only(editor: DossierEditor, demo_db: Database) -> None:
    """An evaluated dossier shows its facts read-only and says why; it can only be closed."""
    editor.load(_dossier(demo_db, "evaluated"))
    assert editor.producer_form.widgets["name"].isReadOnly()
    assert not editor.product_form.widgets["subgroup_code"].isEnabled()
    assert "chỉ xem" in editor.banner.text()
    assert set(editor.workflow.buttons) == {"closed"}


def test_screenshot(editor: DossierEditor, draft: str, tmp_path: Path, screenshots: Path) -> None:
    """Saves what an officer sees at 1280x800: a draft dossier on its producer tab, and each other tab."""
    _attach(editor, _png(tmp_path))
    editor.documents.table.selectRow(0)
    editor.show()
    editor.tabs.setCurrentIndex(TAB_PRODUCER)
    assert editor.grab().save(str(screenshots / "dossier_editor.png"))
    for tab, name in ((TAB_DOSSIER, "dossier"), (TAB_PRODUCT, "product"), (TAB_DOCUMENTS, "documents"),
                      (TAB_LOCATION, "location")):
        editor.tabs.setCurrentIndex(tab)
        assert editor.grab().save(str(screenshots / f"dossier_editor_{name}.png"))


def test_screenshot_of_a_refused_save(editor: DossierEditor, draft: str, screenshots: Path) -> None:
    """Saves what an officer sees when a save is refused: the reason under the field and the banner."""
    editor.show()
    editor.producer_form.widgets["tax_code"].setText("30ABC123")
    editor.save()
    assert editor.grab().save(str(screenshots / "dossier_editor_error.png"))


def test_load_and_save_on_the_background_thread(qtbot, context: AppContext, demo_db: Database) -> None:
    """With the real worker thread, a dossier loads, an edit saves, and the editor shows the stored value."""
    runner = Runner(demo_db)
    try:
        editor = DossierEditor(dataclasses.replace(context, runner=runner))
        qtbot.addWidget(editor)
        dossier_id = _dossier(demo_db, "submitted")
        with qtbot.waitSignal(editor.shown, timeout=10_000):
            editor.load(dossier_id)
        editor.product_form.widgets["description"].setPlainText("Đóng chai 500 ml, hạn dùng 24 tháng.")
        with qtbot.waitSignal(editor.shown, timeout=10_000):
            editor.save()
        assert not editor.has_unsaved_edits()
        assert _row(demo_db, Product, editor.view.product.id).description == "Đóng chai 500 ml, hạn dùng 24 tháng."
    finally:
        runner.shutdown()
