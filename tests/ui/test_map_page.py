"""The Bản đồ section on demo data: clusters and markers, the card, moving around, and rebuilding only on change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ocop_core.domain.text import fold
from ocop_desktop.db.models import Dossier, Producer, Product
from ocop_desktop.maps.mercator import to_world
from ocop_desktop.services import registry
from ocop_desktop.services.changes import Changes
from ocop_desktop.ui.map.layer import floor_zoom
from tests.ui.map_helpers import click, click_producer, drawn, map_page, position_of


def _producer_with_dossier(demo_db) -> tuple[str, str, str]:
    """(producer id, its name, one of its dossiers' id) of a located demo producer."""
    with demo_db.session() as s:
        row = s.execute(select(Producer.id, Producer.name, Dossier.id).join(Product, Product.producer_id == Producer.id)
                        .join(Dossier, Dossier.product_id == Product.id).where(Producer.lat.is_not(None))
                        .order_by(Dossier.code)).first()
    return row[0], row[1], row[2]


def test_every_located_producer_is_on_the_map(context, demo_db, qtbot):
    """With no filter the map holds every producer that has a position, clustered at the province's zoom."""
    page = map_page(context, qtbot)
    with demo_db.session() as s:
        located = set(s.scalars(select(Producer.id).where(Producer.lat.is_not(None), Producer.deleted.is_(False))))
    assert page.selection.shown == len(located) > 0
    assert sum(c.count for c in page.view.layer.clusters.values()) == len(located)
    assert any(not c.is_point for c in drawn(page)), "the province view should group nearby producers"
    assert "chủ thể trên bản đồ" in page.status.text()


def test_click_on_a_cluster_zooms_to_where_it_splits(context, qtbot):
    """A click on a cluster centres on it at its expansion zoom, where its producers show as two items or more."""
    page = map_page(context, qtbot)
    cluster = max((c for c in drawn(page) if not c.is_point), key=lambda c: c.count)
    members = set(page.selection.index.leaves(cluster.id, limit=cluster.count))
    expected = max(page.selection.index.expansion_zoom(cluster.id), floor_zoom(page.view.zoom) + 1)
    click(page, qtbot, position_of(page, cluster))
    assert page.view.zoom == expected
    index = page.selection.index
    parts = [c for c in page.view.layer.clusters.values()
             if set(index.leaves(c.id, limit=c.count) if not c.is_point else [c.key]) <= members]
    assert cluster.id not in page.view.layer.clusters
    assert len(parts) >= 2 and sum(c.count for c in parts) == cluster.count
    middle = page.view.viewport().rect().center()
    assert (page.view.mapFromScene(QPointF(cluster.x, cluster.y)) - middle).manhattanLength() <= 2


def test_click_on_a_marker_opens_its_card(context, demo_db, qtbot):
    """A producer's marker opens a card with its name, products and dossiers; its marker is highlighted."""
    producer_id, name, dossier_id = _producer_with_dossier(demo_db)
    page = map_page(context, qtbot)
    click_producer(page, qtbot, producer_id)
    assert page.card.isVisible() and page.card.title.text() == name
    assert page.card.current_dossier() is not None and page.card.open_button.isEnabled()
    listed = {page.card.dossiers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.card.dossiers.count())}
    assert dossier_id in listed
    assert page.view.layer.selected == producer_id
    with qtbot.waitSignal(page.dossier_requested) as asked:
        page.card.open_button.click()
    assert asked.args == [page.card.current_dossier()]


def test_a_click_on_empty_map_opens_nothing(context, qtbot):
    """Clicking where no producer is drawn neither opens a card nor moves the map."""
    page = map_page(context, qtbot)
    page.view.set_view(17.2, 104.0, 12)  # Laos: no producers
    before = page.view.centre()
    click(page, qtbot, QPoint(200, 200))
    assert not page.card.isVisible() and page.view.centre() == before


def test_arrow_keys_pan_and_plus_minus_zoom(context, qtbot):
    """Right moves the view east by a quarter of its width; + and − change the zoom by one level."""
    page = map_page(context, qtbot)
    view = page.view
    view.set_view(18.3, 105.9, 11)
    before_x = to_world(*view.centre())[0]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    moved = (to_world(*view.centre())[0] - before_x) * view.scale_factor()
    assert abs(moved - view.viewport().width() // 4) <= 1
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == 12
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == 10
    view.set_zoom(10.5)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == 10  # the next whole level out, not a level and a half


def test_wheel_and_double_click_zoom_about_the_pointer(context, qtbot):
    """A wheel notch zooms in half a level and a double-click one level, keeping the point under the mouse."""
    page = map_page(context, qtbot)
    view = page.view
    view.set_view(18.3, 105.9, 10)
    spot = QPoint(300, 200)
    fixed = view.mapToScene(spot)
    wheel = QWheelEvent(QPointF(spot), QPointF(view.viewport().mapToGlobal(spot)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == 10.5
    assert (view.mapFromScene(fixed) - spot).manhattanLength() <= 2
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert view.zoom == 11  # the next whole level
    # Scroll positions are whole pixels, so each zoom may shift the point by a pixel, scaled by the next one.
    assert (view.mapFromScene(fixed) - spot).manhattanLength() <= 6


def test_clusters_are_rebuilt_only_when_producers_change(context, demo_db, qtbot):
    """Another screen's unrelated change, or a reload with nothing new, keeps the index; moving a producer
    rebuilds it once and the marker follows."""
    page = map_page(context, qtbot)
    builds = page.store.builds
    page.reload()
    page.on_changes(Changes.of("score_sheets", "s-1"))
    assert page.store.builds == builds
    producer_id, _, _ = _producer_with_dossier(demo_db)
    context.runner.write(lambda s: registry.update_producer(s, producer_id, lat=18.5, lon=105.6), done=page.on_changes)
    assert page.store.builds == builds + 1
    assert page.selection.producers[producer_id].lat == 18.5


def test_a_producer_without_a_location_is_counted_not_drawn(context, demo_db, qtbot):
    """A producer with no position is left off the map and said in the status line; searching it opens
    its card with a clear sentence, and the rest of the map is unchanged."""
    producer_id, name, _ = _producer_with_dossier(demo_db)
    context.runner.write(lambda s: registry.update_producer(s, producer_id, lat=None, lon=None))
    page = map_page(context, qtbot)
    assert producer_id in page.selection.producers and page.selection.unlocated == 1
    assert all(c.key != producer_id for c in page.view.layer.clusters.values())
    assert "1 chủ thể chưa có vị trí" in page.status.text()
    page.search.setText(name)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.card.isVisible() and page.card.title.text() == name
    assert "chưa có vĩ độ, kinh độ" in page.status.text()


def test_search_finds_a_producer_without_accents_and_goes_there(context, demo_db, qtbot):
    """Typing a producer's name without accents finds it; Enter centres the map on it and opens its card."""
    producer_id, name, _ = _producer_with_dossier(demo_db)
    page = map_page(context, qtbot)
    page.search.setText(fold(name))
    assert producer_id in page.search.matches(fold(name))
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    producer = page.selection.producers[page.card.producer.id]
    assert page.card.isVisible() and page.view.zoom >= 15
    assert abs(page.view.centre()[0] - producer.lat) < 1e-3


@pytest.mark.qt_log_ignore("This plugin does not support")  # the popup's raise and keyboard grab, offscreen
def test_typing_lists_matches_and_choosing_one_opens_it(context, demo_db, qtbot):
    """Each keystroke lists the producers whose name, commune or products hold the words typed, accents or
    not; choosing one in the list opens its card."""
    producer_id, name, _ = _producer_with_dossier(demo_db)
    page = map_page(context, qtbot)
    typed = " ".join(fold(name).split()[:3])
    qtbot.keyClicks(page.search, typed)
    listed = page.search.completer().model().stringList()
    index = page.search.index
    assert listed == [index.shown[index.ids.index(pid)] for pid in page.search.matches(typed, 12)]
    row = next(i for i, entry in enumerate(listed) if entry.startswith(name + " · "))
    popup = page.search.completer().popup()
    assert popup.isVisible()
    popup.setCurrentIndex(page.search.completer().completionModel().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.card.isVisible() and page.card.producer.id == producer_id


def test_zoom_to_commune_centres_on_it(context, qtbot):
    """Choosing a commune in "Đến xã" centres the map on its centroid, close enough to see the commune."""
    page = map_page(context, qtbot)
    row = page.communes.findText("Phường Thành Sen")
    assert row > 0
    page.communes.setCurrentIndex(row)
    page.communes.activated.emit(row)
    place = next(p for p in page.data.places if p.name == "Phường Thành Sen")
    lat, lon = page.view.centre()
    assert abs(lat - place.lat) < 1e-3 and abs(lon - place.lon) < 1e-3
    assert 11 <= page.view.zoom <= 15


def test_the_map_section_fits_a_1024_px_screen(context, demo_db, qtbot):
    """With its data in and a producer's card open, the map section needs no more than 900 px of width: on a
    1024-px screen, beside the section list, it does not scroll sideways."""
    producer_id, _name, _dossier_id = _producer_with_dossier(demo_db)
    page = map_page(context, qtbot, (900, 560))
    click_producer(page, qtbot, producer_id)
    page.layout().invalidate()
    assert page.card.isVisible() and page.minimumSizeHint().width() <= 900
