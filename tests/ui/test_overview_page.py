"""The Tổng quan page with demo data: the admin's first screen, its figures, and drill-down into Hồ sơ and Bản đồ."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QSettings

from ocop_desktop.services.overview import load_overview
from ocop_desktop.ui.dossiers import list_model as m
from ocop_desktop.ui.main_window import MainWindow
from ocop_desktop.ui.overview.page import FILTER_ROLE, STARS, OverviewPage
from ocop_desktop.ui.sections import default_sections


def _window(context, tmp_path, qtbot) -> MainWindow:
    window = MainWindow(context, default_sections(), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _loaded(window: MainWindow, qtbot) -> OverviewPage:
    page = window.pages["overview"]
    assert isinstance(page, OverviewPage)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10000)
    return page


def test_the_admin_starts_on_the_overview_with_the_services_figures(context, demo_db, tmp_path, qtbot,
                                                                      screenshots) -> None:
    """An admin's first screen is Tổng quan; its total, expiry buttons and commune table are the service's."""
    window = _window(context, tmp_path, qtbot)
    assert window.current_section() == "overview"
    page = _loaded(window, qtbot)
    with demo_db.session() as session:
        expected = load_overview(session, page.data.today)
    assert expected.recognised_total > 0
    assert page.total.text() == (f"{expected.recognised_total} sản phẩm OCOP được công nhận, "
                                 f"{expected.in_force} còn hiệu lực")
    for button, band in zip(page.expiry_buttons, expected.expiring, strict=True):
        assert f"{band.months} tháng: {band.count}" in button.text()
    by_commune = expected.recognised_by("commune_code")
    assert page.by_commune.rowCount() == len(by_commune)
    assert sum(int(page.by_commune.item(r, 4).text()) for r in range(page.by_commune.rowCount())) \
        == expected.recognised_total
    window.grab().save(str(screenshots / "overview.png"))
    alone = OverviewPage(context)  # the offscreen screen (800×800) is smaller than a 1366×768 laptop's
    qtbot.addWidget(alone)
    alone.resize(1366 - 180, 768 - 60)
    alone.show()
    qtbot.waitUntil(lambda: alone.data is not None, timeout=10000)
    qtbot.wait(100)  # the labels' new sizes are laid out by a posted event
    alone.grab().save(str(screenshots / "overview_1366.png"))


def test_a_commune_and_stars_cell_opens_the_dossier_list_so_filtered(context, tmp_path, qtbot) -> None:
    """Clicking a commune's stars cell shows Hồ sơ narrowed to that commune and those stars, every listed row so."""
    window = _window(context, tmp_path, qtbot)
    page = _loaded(window, qtbot)
    row, column = next((r, c) for r in range(page.by_commune.rowCount()) for c in (2, 1, 3)
                       if int(page.by_commune.item(r, c).text()) > 0)
    stars = STARS[column - 1]
    commune = page.by_commune.item(row, 0).data(FILTER_ROLE)["commune"]
    page.by_commune.cellClicked.emit(row, column)
    assert window.current_section() == "dossiers"
    assert context.dossier_filter.value == m.DossierFilter(commune=commune, stars=stars)
    model = window.pages["dossiers"].list_page.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    assert model.rowCount() >= int(page.by_commune.item(row, column).text())


def test_an_expiry_button_opens_the_map_when_chosen(context, tmp_path, qtbot) -> None:
    """With "Mở trong: Bản đồ", the 12-month button narrows the shared filter to that many days and shows the map."""
    window = _window(context, tmp_path, qtbot)
    page = _loaded(window, qtbot)
    page.target.setCurrentIndex(page.target.findData("map"))
    page.expiry_buttons[2].click()
    assert window.current_section() == "map"
    assert context.dossier_filter.value == m.DossierFilter(expiring_days=page.data.expiring[2].days)


def test_a_council_member_has_no_overview(context, tmp_path, qtbot) -> None:
    """Members score; the province's figures are for its leaders, so the section is not listed for them."""
    from dataclasses import replace

    context.user = replace(context.user, role="member")
    window = _window(context, tmp_path, qtbot)
    assert "overview" not in [s.key for s in window.sections]
    assert window.current_section() == "dossiers"


def test_the_exports_write_the_annual_summary_and_the_products_list(context, tmp_path, qtbot) -> None:
    """The summary PDF, with both charts as pictures, and the products list as Excel are written through the
    runner; a folder chosen as the file is refused in Vietnamese and nothing is written."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    window = _window(context, tmp_path, qtbot)
    page = _loaded(window, qtbot)
    exports, told = page.exports, []
    exports.tell = lambda text, error: told.append((text, error))
    exports.choose_save_path = lambda *_args: str(tmp_path / "bao-cao")
    exports.summary_pdf()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=20000)
    assert told[0] == (f"Đã lưu: {tmp_path / 'bao-cao.pdf'}", False)
    pages = PdfReader(tmp_path / "bao-cao.pdf").pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert "Báo cáo tổng hợp chương trình OCOP tỉnh Hà Tĩnh" in unicodedata.normalize("NFC", text)
    assert sum(len(p.images) for p in pages) == 2
    exports.choose_save_path = lambda *_args: str(tmp_path / "san-pham.xlsx")
    exports.products_xlsx()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=20000)
    rows = list(load_workbook(tmp_path / "san-pham.xlsx").active.iter_rows(values_only=True))
    assert len(rows) - 2 == page.data.recognised_total
    (tmp_path / "thu-muc.xlsx").mkdir()
    exports.choose_save_path = lambda *_args: str(tmp_path / "thu-muc.xlsx")
    exports.summary_xlsx()
    qtbot.waitUntil(lambda: len(told) == 3, timeout=20000)
    assert told[2][1] is True and "thư mục" in told[2][0].lower()
    assert list((tmp_path / "thu-muc.xlsx").iterdir()) == []


def test_a_click_on_a_status_bar_opens_that_status(context, tmp_path, qtbot) -> None:
    """A real mouse click on the pipeline chart's bar of a status narrows the list to that status; a click
    between bars does nothing."""
    from PySide6.QtCore import QPointF, Qt

    window = _window(context, tmp_path, qtbot)
    page = _loaded(window, qtbot)
    chart = page.pipeline_chart
    index = max(range(len(page.data.pipeline)), key=lambda i: page.data.pipeline[i].count)
    view_box = chart.getPlotItem().vb

    def click_at(x: float, y: float) -> None:
        where = chart.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=where)

    click_at(index + 0.5, 1)  # between two bars
    assert window.current_section() == "overview"
    click_at(index, page.data.pipeline[index].count / 2)
    assert window.current_section() == "dossiers"
    assert context.dossier_filter.value == m.DossierFilter(status=page.data.pipeline[index].status)


def test_a_chosen_group_narrows_the_tables_and_the_drill_down(context, demo_db, tmp_path, qtbot) -> None:
    """With a product group chosen, the commune table counts that group only, and a cell opens Hồ sơ narrowed to
    the commune, the stars and the group."""
    window = _window(context, tmp_path, qtbot)
    page = _loaded(window, qtbot)
    assert page.group_box.count() >= 2 and page.group_box.currentData() is None
    page.group_box.setCurrentIndex(1)
    group = page.group_box.currentData()
    expected = page.data.recognised_by("commune_code", group=group)
    table = page.by_commune
    assert sum(int(table.item(r, 4).text()) for r in range(table.rowCount())) \
        == sum(sum(v.values()) for v in expected.values())
    row, column = next((r, c) for r in range(table.rowCount()) for c in (1, 2, 3) if int(table.item(r, c).text()))
    table.cellClicked.emit(row, column)
    shown = context.dossier_filter.value
    assert (shown.group, shown.stars) == (group, STARS[column - 1]) and shown.commune is not None


def test_only_changes_to_what_is_counted_read_the_figures_again(context, tmp_path, qtbot) -> None:
    """A score line saved leaves the figures as read; a recognition recorded reads them all again."""
    from ocop_desktop.services.changes import Changes

    window = _window(context, tmp_path, qtbot)
    page = _loaded(window, qtbot)
    shown = page.data
    page.on_changes(Changes.of("score_lines", "x"))
    qtbot.wait(200)
    assert page.data is shown
    page.on_changes(Changes.of("recognitions", "x"))
    qtbot.waitUntil(lambda: page.data is not shown, timeout=10000)
