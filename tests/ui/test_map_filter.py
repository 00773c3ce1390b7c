"""One dossier filter for Hồ sơ and Bản đồ: what one section narrows, the other shows narrowed; and the map's
"Mở hồ sơ" opens the dossier in Hồ sơ."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ocop_desktop.ui.dossiers import list_model as m
from tests.ui.map_helpers import click_producer, main_window


def _both(context, tmp_path, qtbot):
    window = main_window(context, tmp_path, qtbot)
    window.show_section("map")
    window.show_section("dossiers")
    return window, window.pages["dossiers"].list_page, window.pages["map"]


def _listed_producers(list_page, page) -> set[str]:
    """The producers of the dossiers the list shows, through the map's own dossier-to-producer table."""
    model = list_page.model
    return {page.data.producer_of[model.row_at(r).id] for r in range(model.rowCount())}


def _mapped(page) -> set[str]:
    return set(page.selection.producers)


def test_a_commune_and_status_chosen_on_the_map_narrow_the_list_too(context, tmp_path, qtbot):
    """Choosing a commune and a status in the map's filter hides the other markers, and the dossier list shows
    exactly the dossiers of the producers left on the map, with the same choices in its own boxes."""
    _window, list_page, page = _both(context, tmp_path, qtbot)
    before = _mapped(page)
    bar = page.filters
    commune = bar.commune_box.itemData(1)
    bar.commune_box.setCurrentIndex(1)
    bar.status_box.setCurrentIndex(bar.status_box.findData("forwarded"))
    assert (list_page.commune_box.currentData(), list_page.status_box.currentData()) == (commune, "forwarded")
    rows = [list_page.model.row_at(r) for r in range(list_page.model.rowCount())]
    assert rows and {(r.commune_code, r.status) for r in rows} == {(commune, "forwarded")}
    assert _mapped(page) == _listed_producers(list_page, page)
    assert 0 < len(_mapped(page)) < len(before)
    drawn = {key for c in page.view.layer.clusters.values() for key in
             ([c.key] if c.is_point else page.selection.index.leaves(c.id, limit=c.count))}
    assert drawn == _mapped(page), "markers of producers filtered out must be gone from the map"


def test_stars_chosen_in_the_list_hide_markers_on_the_map(context, tmp_path, qtbot):
    """Choosing a star rating in the list leaves only producers with such a dossier on the map, drawn alike;
    "Bỏ lọc" on the map brings every producer back in both sections."""
    _window, list_page, page = _both(context, tmp_path, qtbot)
    everyone, listed = _mapped(page), list_page.model.rowCount()
    # The demo's stars depend on its documents (a missing one caps them): take a rating it has.
    for stars in (4, 3, 5):
        list_page.stars_box.setCurrentIndex(list_page.stars_box.findData(stars))
        if _mapped(page):
            break
    assert page.filters.stars_box.currentData() == stars
    assert _mapped(page) and _mapped(page) == _listed_producers(list_page, page)
    assert {page.selection.styles[p].stars for p in _mapped(page) if p in page.selection.styles} == {stars}
    page.filters.clear_button.click()
    assert list_page.stars_box.currentData() is None and list_page.model.rowCount() == listed
    assert _mapped(page) == everyone


def test_the_list_keeps_its_own_search_text(context, tmp_path, qtbot):
    """Typing in the list's search box narrows the list only: the map's set follows the filter, not the text."""
    _window, list_page, page = _both(context, tmp_path, qtbot)
    everyone = _mapped(page)
    list_page.search.setText("zzz không có")
    assert list_page.model.rowCount() == 0
    assert _mapped(page) == everyone
    assert context.dossier_filter.value == m.DossierFilter()


def test_mo_ho_so_on_a_card_opens_the_dossier_in_ho_so(context, tmp_path, qtbot):
    """A marker's card lists its dossiers; "Mở hồ sơ" switches to Hồ sơ with that dossier in the editor and
    selected in the list."""
    window, list_page, page = _both(context, tmp_path, qtbot)
    window.show_section("map")
    producer_id = next(p for p, rows in page.selection.dossiers.items()
                       if rows and page.selection.producers[p].lat is not None)
    click_producer(page, qtbot, producer_id)
    assert page.card.isVisible()
    chosen = page.card.current_dossier()
    page.card.open_button.click()
    QApplication.processEvents()
    workspace = window.pages["dossiers"]
    assert window.current_section() == "dossiers"
    assert workspace.editor is not None and workspace.editor.view.dossier.id == chosen
    current = list_page.table.currentIndex()
    assert list_page.model.data(current, m.ID_ROLE) == chosen
