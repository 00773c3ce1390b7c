"""The dossiers section: choosing a dossier in the list opens it in the editor beside it."""

from __future__ import annotations

from ocop_desktop.ui.dossiers import list_model as m
from ocop_desktop.ui.dossiers.workspace import DossierWorkspace


def test_moving_through_the_list_opens_each_dossier_beside_it(context, qtbot, screenshots):
    workspace = DossierWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 800)
    workspace.show()
    table, model = workspace.list_page.table, workspace.list_page.model
    assert model.rowCount() > 2
    table.setCurrentIndex(model.index(2, 0))
    assert workspace.editor.view.dossier.id == model.data(model.index(2, 0), m.ID_ROLE)
    table.setCurrentIndex(model.index(0, 0))
    assert workspace.editor.view.dossier.id == model.data(model.index(0, 0), m.ID_ROLE)
    qtbot.wait(50)  # the editor's new workflow buttons are laid out by the event loop, as on screen
    workspace.grab().save(str(screenshots / "dossiers_workspace.png"))


def test_a_dossier_found_by_search_opens_with_enter(context, qtbot):
    """Typing "nuoc mam" keeps only fish-sauce products; Enter then activates the first one."""
    workspace = DossierWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.list_page.search.setText("nuoc mam")
    model = workspace.list_page.model
    assert model.rowCount() >= 1
    assert all("nước mắm" in model.row_at(r).product_name.lower() or "nước mắm" in model.row_at(r).producer_name.lower()
               for r in range(model.rowCount()))
    with qtbot.waitSignal(workspace.list_page.dossier_activated):
        workspace.list_page.table.activated.emit(model.index(0, 0))
    assert workspace.editor.view.dossier.id == model.data(model.index(0, 0), m.ID_ROLE)


def test_an_edit_in_the_editor_reaches_the_list(context, qtbot):
    """Changes broadcast after a save refresh both halves (the main window forwards them)."""
    workspace = DossierWorkspace(context)
    qtbot.addWidget(workspace)
    context.runner.changed.connect(workspace.on_changes)
    before = workspace.list_page.model.total_count()
    from ocop_desktop.services import dossiers, registry

    def add(session):
        producer = registry.create_producer(session, name="HTX Chè Hương Sơn", kind="cooperative",
                                            commune_code="18073").id
        product = registry.create_product(session, producer_id=producer, name="Chè xanh Hương Sơn",
                                          subgroup_code="I.1.a", commune_code="18073").id
        session.flush()
        return dossiers.create_dossier(session, product_id=product)

    context.runner.write(add)
    qtbot.waitUntil(lambda: workspace.list_page.model.total_count() == before + 1, timeout=5000)


def test_a_dossier_chosen_before_the_database_opens_is_shown_once_it_has(context, demo_paths, qtbot, screenshots):
    """At a start the list comes from its saved copy while the database opens; the editor's place says
    what it will hold, and the dossier chosen meanwhile opens as soon as the editor exists."""
    from dataclasses import replace

    from ocop_desktop.app import database_opener
    from ocop_desktop.ui.dossiers.list_page import DossierListPage
    from ocop_desktop.ui.runner import Runner

    qtbot.addWidget(DossierListPage(context))  # an earlier start: loads the list and saves the copy
    runner = Runner(open_database=database_opener(demo_paths))
    try:
        workspace = DossierWorkspace(replace(context, runner=runner))
        qtbot.addWidget(workspace)
        workspace.resize(1400, 800)
        workspace.show()
        model, table = workspace.list_page.model, workspace.list_page.table
        assert workspace.editor is None and model.rowCount() == 60  # from the copy, nothing opened yet
        workspace.grab().save(str(screenshots / "dossiers_before_database.png"))
        table.setCurrentIndex(model.index(3, 0))
        chosen = model.data(model.index(3, 0), m.ID_ROLE)
        runner.start()
        qtbot.waitUntil(lambda: workspace.editor is not None and workspace.editor.view is not None, timeout=10_000)
        assert workspace.editor.view.dossier.id == chosen
        assert workspace.editor_area.widget() is workspace.editor
    finally:
        runner.close()
