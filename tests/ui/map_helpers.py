"""What the map tests share: a shown map page on demo data, and clicking what the map draws."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from ocop_desktop.maps.clusters import Cluster
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.map.page import MapPage
from ocop_desktop.ui.sections import default_sections


def map_page(context, qtbot, size: tuple[int, int] = (1100, 760)) -> MapPage:
    page = MapPage(context)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    QApplication.processEvents()
    return page


def main_window(context, tmp_path, qtbot) -> MainWindow:
    window = MainWindow(context, default_sections(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def drawn(page: MapPage) -> list[Cluster]:
    """The clusters and producers the map draws now, inside the viewport."""
    view = page.view
    shown = view.viewport().rect()
    return [c for node, c in view.layer.clusters.items()
            if shown.contains(view.mapFromScene(view.layer.items[node].pos()))]


def position_of(page: MapPage, cluster: Cluster) -> QPoint:
    return page.view.mapFromScene(page.view.layer.items[cluster.id].pos())


def click(page: MapPage, qtbot, where: QPoint) -> None:
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def click_producer(page: MapPage, qtbot, producer_id: str) -> None:
    """Centres the map on a producer close enough that it stands alone, then clicks its marker."""
    producer = page.selection.producers[producer_id]
    page.view.set_view(producer.lat, producer.lon, 17)
    [marker] = [c for c in drawn(page) if c.key == producer_id]
    click(page, qtbot, position_of(page, marker))
