"""The producer's location in the dossier editor: picked on a small map (a click or a drag), typed, or taken
from a photo's EXIF GPS; warned about when it looks wrong; saved and journaled with its accuracy and source."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ocop_desktop.db.models import ChangeJournal, Dossier, Producer, Product
from ocop_desktop.maps.mercator import to_world
from ocop_desktop.services import documents
from ocop_desktop.ui.dossiers.editor import TAB_LOCATION, DossierEditor

PHOTO_DMS = {1: "N", 2: (18.0, 20.0, 24.72), 3: "E", 4: (105.0, 54.0, 22.13), 31: 4.5}
PHOTO_POINT = (18 + 20 / 60 + 24.72 / 3600, 105 + 54 / 60 + 22.13 / 3600)


def _jpeg(folder: Path, name: str, gps: dict | None) -> Path:
    exif = Image.Exif()
    if gps is not None:
        exif[ExifTags.IFD.GPSInfo] = gps
    path = folder / name
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "#b5651d").save(out, "JPEG", exif=exif)
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def editor(qtbot, context, demo_db) -> DossierEditor:
    """The editor on a draft dossier, its Vị trí tab shown."""
    widget = DossierEditor(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.confirm = lambda question: True  # the producer's other dossiers change too: agreed
    widget.ask_unsaved = lambda: pytest.fail("unexpected unsaved-edits question")
    with demo_db.session() as s:
        dossier_id = s.scalars(select(Dossier.id).where(Dossier.status == "draft").order_by(Dossier.code)).first()
    widget.show()
    assert widget.load(dossier_id)
    widget.tabs.setCurrentIndex(TAB_LOCATION)
    QApplication.processEvents()
    return widget


def _producer(demo_db, editor: DossierEditor) -> Producer:
    with demo_db.session() as s:
        row = s.get(Producer, editor.view.producer.id)
        s.expunge(row)
        return row


def _last_entry(demo_db, producer_id: str) -> dict:
    with demo_db.session() as s:
        entry = s.scalars(select(ChangeJournal).where(ChangeJournal.entity_id == producer_id)
                          .order_by(ChangeJournal.seq.desc())).first()
        return {k: v[1] for k, v in json.loads(entry.fields_json).items()}


def test_a_click_on_the_small_map_places_saves_and_journals_the_point(editor, demo_db, qtbot):
    """A click sets latitude and longitude where it landed, with "map" as the source and the click's
    accuracy; saving stores them on the producer and journals all four for sync."""
    form, picker = editor.location_form, editor.location_form.picker
    view = picker.view
    view.set_view(18.35, 105.89, 16)
    spot = QPoint(view.viewport().width() // 2 + 40, view.viewport().height() // 2 - 30)
    expected = view.mapToScene(spot)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    lat, lon = form.value("lat"), form.value("lon")
    x, y = to_world(lat, lon)
    assert abs(x - expected.x()) * view.scale_factor() < 1 and abs(y - expected.y()) * view.scale_factor() < 1
    assert form.value("location_source") == "map" and 1 <= form.value("location_accuracy_m") <= 50
    assert form.known.isChecked() and editor.has_unsaved_edits()
    editor.save()
    stored = _producer(demo_db, editor)
    assert (stored.lat, stored.lon) == (pytest.approx(lat, abs=1e-6), pytest.approx(lon, abs=1e-6))
    assert (stored.location_source, stored.location_accuracy_m) == ("map", form.value("location_accuracy_m"))
    assert _last_entry(demo_db, stored.id) == {"lat": stored.lat, "lon": stored.lon, "location_source": "map",
                                               "location_accuracy_m": stored.location_accuracy_m}


def test_dragging_the_point_moves_it(editor, qtbot):
    """The red point dragged by 60 px east lands 60 px east, its position read where it was dropped."""
    form, view = editor.location_form, editor.location_form.picker.view
    view.set_view(18.35, 105.89, 16)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center())
    start_lon = form.value("lon")
    grab = view.mapFromScene(view.point.pos())
    for kind, where, buttons in ((QEvent.Type.MouseButtonPress, grab, Qt.MouseButton.LeftButton),
                                 (QEvent.Type.MouseMove, grab + QPoint(30, 0), Qt.MouseButton.LeftButton),
                                 (QEvent.Type.MouseMove, grab + QPoint(60, 0), Qt.MouseButton.LeftButton),
                                 (QEvent.Type.MouseButtonRelease, grab + QPoint(60, 0), Qt.MouseButton.NoButton)):
        event = QMouseEvent(kind, QPointF(where), QPointF(view.viewport().mapToGlobal(where)),
                            Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
    moved_px = (to_world(form.value("lat"), form.value("lon"))[0] - to_world(form.value("lat"), start_lon)[0]) \
        * view.scale_factor()
    assert abs(moved_px - 60) <= 1.5 and form.value("location_source") == "map"


def test_typed_coordinates_are_typed_and_warned_about(editor, qtbot):
    """Typing a coordinate makes the source "typed" with no accuracy; a point in Vinh is said to lie outside
    Hà Tĩnh, and one across the province to lie far from the producer's commune."""
    form = editor.location_form
    form.known.setChecked(True)
    form.lat.setValue(18.6796)
    form.lon.setValue(105.6813)
    assert (form.value("location_source"), form.value("location_accuracy_m")) == ("typed", None)
    assert form.warning.isVisibleTo(form) and "ngoài tỉnh Hà Tĩnh" in form.warning.text()
    commune = form.picker.help.commune
    form.lat.setValue(commune.lat + 0.4)
    form.lon.setValue(commune.lon)
    assert f"cách trung tâm {commune.name}" in form.warning.text()
    form.lat.setValue(commune.lat + 0.002)
    assert not form.warning.isVisibleTo(form)
    assert form.picker.view.point.isVisible()


def test_a_photo_with_gps_proposes_exactly_its_point(editor, context, tmp_path, qtbot, screenshots):
    """An attached JPEG whose EXIF holds GPS is offered with its point and accuracy; using it proposes exactly
    that point, source "photo", and the form shows it to the spin boxes' six decimals (the tab is saved as
    build/screenshots/location_picker.png)."""
    photo = _jpeg(tmp_path, "co-so-san-xuat.jpg", PHOTO_DMS)
    dossier_id = editor.view.dossier.id
    context.runner.write(lambda s: documents.attach_document(s, context.blobs, dossier_id=dossier_id,
                                                             file_path=photo, doc_type="product_photo"))
    editor.reload()
    picker, form = editor.location_form.picker, editor.location_form
    assert picker.use_photo.isVisibleTo(picker) and "co-so-san-xuat.jpg" in picker.photo_note.text()
    assert "4,5 m" in picker.photo_note.text()
    with qtbot.waitSignal(picker.picked) as proposed:
        picker.use_photo.click()
    assert proposed.args == [*PHOTO_POINT, "photo", 4.5]
    assert (form.value("lat"), form.value("lon")) == (round(PHOTO_POINT[0], 6), round(PHOTO_POINT[1], 6))
    assert (form.value("location_source"), form.value("location_accuracy_m")) == ("photo", 4.5)
    QApplication.processEvents()
    assert editor.grab().save(str(screenshots / "location_picker.png"))


def test_a_photo_without_gps_proposes_nothing(editor, context, tmp_path):
    """A JPEG with no GPS in its EXIF is attached like any photo, and no point is offered."""
    photo = _jpeg(tmp_path, "nhan-san-pham.jpg", None)
    dossier_id = editor.view.dossier.id
    context.runner.write(lambda s: documents.attach_document(s, context.blobs, dossier_id=dossier_id,
                                                             file_path=photo, doc_type="product_photo"))
    editor.reload()
    picker = editor.location_form.picker
    assert [d.file_name for d in editor.view.documents if d.is_image] == ["nhan-san-pham.jpg"]
    assert picker.help is not None and picker.help.photos == ()
    assert not picker.use_photo.isVisibleTo(picker)


def test_a_locked_dossier_shows_the_point_but_does_not_move_it(context, demo_db, qtbot):
    """On an evaluated dossier the map shows the producer but a click changes nothing."""
    widget = DossierEditor(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    with demo_db.session() as s:
        dossier_id = s.scalars(select(Dossier.id).join(Product, Product.id == Dossier.product_id)
                               .join(Producer, Producer.id == Product.producer_id)
                               .where(Dossier.status == "evaluated", Producer.lat.is_not(None))).first()
    widget.show()
    assert widget.load(dossier_id)
    widget.tabs.setCurrentIndex(TAB_LOCATION)
    QApplication.processEvents()
    form, view = widget.location_form, widget.location_form.picker.view
    before = (form.value("lat"), form.value("lon"))
    assert view.point.isVisible()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert (form.value("lat"), form.value("lon")) == before and not widget.has_unsaved_edits()
