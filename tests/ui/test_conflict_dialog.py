"""The conflict dialog: two laptops edit one field; the dialog shows both values and its choice syncs everywhere."""

from __future__ import annotations

import json

import pytest
import sync_world
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialog, QLabel
from sqlalchemy import select
from sync_world import Laptop, server_row

from ocop_desktop.db.models import Conflict, Dossier, DossierDocument
from ocop_desktop.services import documents, dossiers, registry
from ocop_desktop.sync.engine import SyncEngine
from ocop_desktop.ui.sync_page import ConflictDialog, SyncPage

A_NOTES, B_NOTES = "A: đủ hồ sơ, đã có phiếu kiểm nghiệm", "B: còn thiếu nhãn sản phẩm"

live_server, make_laptop = sync_world.live_server, sync_world.make_laptop  # fixtures


def _sync(laptop: Laptop) -> None:
    SyncEngine(laptop.db, laptop.client, laptop.context.blobs).sync()


def _set_notes(laptop: Laptop, dossier: str, notes: str) -> None:
    with laptop.session() as s:
        dossiers.update_dossier(s, dossier, notes=notes)
        s.commit()


def _conflicts(laptop: Laptop) -> list[Conflict]:
    with laptop.session() as s:
        return list(s.scalars(select(Conflict)))


def _notes(laptop: Laptop, dossier: str) -> str:
    with laptop.session() as s:
        return s.get(Dossier, dossier).notes


@pytest.fixture
def conflicted(make_laptop):
    """Laptops A and B set different notes on one synced dossier; B syncs first, so A's push is a conflict.
    Returns (a, b, dossier id); A holds the open conflict, B not yet."""
    a, b = make_laptop("may-a"), make_laptop("may-b")
    with a.session() as s:
        producer = registry.create_producer(s, name="HTX Nước mắm Phú Khương", kind="cooperative",
                                            commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name="Nước mắm cá cơm", subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(s, product_id=product, code="HS-2025-0042").id
        s.commit()
    _sync(a)
    _sync(b)
    _set_notes(a, dossier, A_NOTES)
    _set_notes(b, dossier, B_NOTES)
    _sync(b)
    _sync(a)
    return a, b, dossier


def _open_dialog(laptop: Laptop, qtbot) -> tuple[SyncPage, ConflictDialog]:
    page = SyncPage(laptop.context)
    qtbot.addWidget(page)
    page.conflicts_view.selectRow(0)
    dialog = page.resolve_selected()
    qtbot.addWidget(dialog)
    return page, dialog


def _save_with_dialog(page: SyncPage, dialog: ConflictDialog, qtbot, path) -> None:
    """What the officer sees: the page at 1280x800 with the dialog centred over it."""
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # the scroll area settles its bars after the first layout pass
    canvas, shot = page.grab(), dialog.grab()
    painter = QPainter(canvas)
    painter.drawPixmap((canvas.width() - shot.width()) // 2, (canvas.height() - shot.height()) // 2, shot)
    painter.end()
    canvas.save(str(path))


def test_choosing_this_laptops_value_reaches_the_server_and_the_other_laptop(live_server, conflicted, qtbot,
                                                                             screenshots):
    """The dialog shows the server's and this laptop's notes side by side; keeping this laptop's value and
    syncing both laptops leaves the same notes on A, B and the server, and the conflict resolved everywhere."""
    a, b, dossier = conflicted
    page, dialog = _open_dialog(a, qtbot)
    (choice,) = dialog.fields.values()
    texts = {label.text(): label for label in dialog.findChildren(QLabel)}
    server_box, device_box = texts[B_NOTES], texts[A_NOTES]
    assert {"<b>Giá trị trên máy chủ</b>", "<b>Giá trị trên máy này</b>"} <= set(texts)
    assert "HS-2025-0042 — Nước mắm cá cơm" in "".join(texts)
    assert server_box.geometry().top() == device_box.geometry().top()
    assert server_box.geometry().left() < device_box.geometry().left()
    assert not dialog.apply_button.isEnabled()
    choice.device.click()
    _save_with_dialog(page, dialog, qtbot, screenshots / "conflict.png")

    dialog.apply_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.conflicts_model.rowCount() == 0 and _notes(a, dossier) == A_NOTES
    page.sync_button.click()
    _sync(b)
    assert server_row(live_server, "dossiers", dossier)["notes"] == A_NOTES
    assert server_row(live_server, "conflicts", choice.conflict.id)["status"] == "resolved"
    for laptop in (a, b):
        (conflict,) = _conflicts(laptop)
        assert (conflict.status, json.loads(conflict.resolution)) == ("resolved", A_NOTES)
        assert _notes(laptop, dossier) == A_NOTES


def test_cancel_leaves_the_conflict_open_and_the_row_untouched(conflicted, qtbot):
    """Choosing a value and then pressing "Huỷ" writes nothing: the conflict stays open, the notes unchanged."""
    a, _b, dossier = conflicted
    page, dialog = _open_dialog(a, qtbot)
    (choice,) = dialog.fields.values()
    choice.device.click()

    dialog.cancel_button.click()

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert [c.status for c in _conflicts(a)] == ["open"] and _notes(a, dossier) == B_NOTES
    assert page.conflicts_model.rowCount() == 1


def test_a_typed_value_is_chosen_by_typing_and_applied(conflicted, qtbot):
    """Typing into "Giá trị khác" selects it; applying writes the typed notes and closes the conflict."""
    a, _b, dossier = conflicted
    _page, dialog = _open_dialog(a, qtbot)
    (choice,) = dialog.fields.values()
    choice.editor.setPlainText("Đủ hồ sơ; nhãn bổ sung trước ngày họp")

    assert choice.other.isChecked() and dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    assert _notes(a, dossier) == "Đủ hồ sơ; nhãn bổ sung trước ngày họp"
    assert [c.status for c in _conflicts(a)] == ["resolved"]


def test_on_the_other_laptop_the_value_is_labelled_as_another_machines(conflicted, qtbot):
    """B pulls the conflict too; there the losing value is A's, so it must not be called "this laptop's"."""
    _a, b, _dossier = conflicted
    _sync(b)
    _page, dialog = _open_dialog(b, qtbot)
    titles = {label.text() for label in dialog.findChildren(QLabel)}
    assert "<b>Giá trị của máy khác</b>" in titles and "<b>Giá trị trên máy này</b>" not in titles


def _local_conflict(context, demo_db, tmp_path, field: str, server, device, deleted: bool = False) -> None:
    """A conflict on a new document of a demo dossier, the conflict written as a pull would (journal off)."""
    path = tmp_path / "phieu-kiem-nghiem.pdf"
    path.write_bytes(b"%PDF-1.4 phieu kiem nghiem\n")
    with demo_db.session() as s:
        dossier = s.scalars(select(Dossier.id).where(Dossier.status == "draft")).first()
        document = documents.attach_document(s, context.blobs, dossier_id=dossier, file_path=path,
                                             doc_type="lab_test_report").id
        s.commit()
        s.info["journal"] = False
        s.get(DossierDocument, document).deleted = deleted
        s.add(Conflict(entity="dossier_documents", entity_id=document, field=field,
                       server_value=json.dumps(server), device_value=json.dumps(device), device_id="may-khac"))
        s.commit()


def test_a_wrong_typed_date_is_explained_and_nothing_is_written(context, demo_db, qtbot, tmp_path):
    """An impossible date typed as the third value shows which field is wrong, in Vietnamese; the dialog stays
    open and the conflict stays open."""
    _local_conflict(context, demo_db, tmp_path, "valid_until", "2026-01-01", "2027-01-01")
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.conflicts_view.selectRow(0)
    dialog = page.resolve_selected()
    qtbot.addWidget(dialog)
    (choice,) = dialog.fields.values()
    assert choice.editor.placeholderText().startswith("ngày/tháng/năm")

    choice.editor.setText("31/02/2026")
    dialog.apply_button.click()

    assert dialog.isVisible() and dialog.error_label.text() == "Hiệu lực đến: Sai kiểu dữ liệu."
    assert page.conflicts_model.rowCount() == 1


def test_a_deleted_row_offers_only_the_servers_value(context, demo_db, qtbot, tmp_path):
    """When the row was deleted on the server, the other value cannot be chosen and the dialog says why."""
    _local_conflict(context, demo_db, tmp_path, "issuer", "", "Sở Y tế Hà Tĩnh", deleted=True)
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.conflicts_view.selectRow(0)
    dialog = page.resolve_selected()
    qtbot.addWidget(dialog)
    (choice,) = dialog.fields.values()

    assert not choice.device.isEnabled() and not choice.other.isEnabled() and choice.server.isEnabled()
    assert any("đã bị xoá trên máy chủ" in label.text() for label in dialog.findChildren(QLabel))
    assert "(để trống)" in {label.text() for label in dialog.findChildren(QLabel)}
