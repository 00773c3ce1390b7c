"""Creating a dossier from the Hồ sơ section (new or registered producer and product, duplicates caught), and the
section saying when the list's filters hide the dossier open in the editor."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.db.models import Dossier, Producer, Product
from ocop_desktop.db.schema import Database
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.new_dossier_dialog import EXISTING, NEW, NewDossierDialog
from ocop_desktop.ui.dossiers.workspace import DossierWorkspace


@pytest.fixture
def workspace(qtbot, context: AppContext) -> DossierWorkspace:
    section = DossierWorkspace(context)
    qtbot.addWidget(section)
    section.resize(1366, 700)
    context.runner.changed.connect(section.on_changes)  # as the main window forwards every service's Changes
    return section


def _fill_new(dialog: NewDossierDialog, name: str, commune_index: int = 0, **producer: str) -> None:
    """A new producer (``name`` in the ``commune_index``-th commune offered) with a new product."""
    dialog.producer.set_mode(NEW)
    form = dialog.producer.form
    form.widgets["name"].setText(name)
    form.widgets["kind"].setCurrentIndex(0)
    form.widgets["commune_code"].setCurrentIndex(commune_index)
    for key, value in producer.items():
        form.widgets[key].setText(value)
    dialog.product.form.widgets["name"].setText("Mật ong hoa nhãn")
    dialog.product.form.widgets["subgroup_code"].setCurrentIndex(0)


def _count(db: Database, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))


def test_a_new_producer_product_and_dossier_open_in_the_editor(qtbot, workspace: DossierWorkspace, demo_db: Database,
                                                              screenshots: Path) -> None:
    """"Hồ sơ mới…" registers the producer, its product and a draft dossier in one save; the dossier opens in the
    editor and is selected in the list."""
    assert workspace.list_page.new_button.isVisibleTo(workspace)
    before = (_count(demo_db, Producer), _count(demo_db, Product), _count(demo_db, Dossier))

    def fill(dialog: NewDossierDialog) -> bool:
        _fill_new(dialog, "HTX Mật ong Rừng Kỳ Anh", phone="0912 345 678")
        dialog.show()
        qtbot.wait(50)  # laid out by the event loop, as on screen
        assert dialog.grab().save(str(screenshots / "new_dossier.png"))
        dialog.create_button.click()
        return dialog.created is not None

    workspace.ask_new = fill
    workspace.list_page.new_button.click()
    after = (_count(demo_db, Producer), _count(demo_db, Product), _count(demo_db, Dossier))
    assert after == (before[0] + 1, before[1] + 1, before[2] + 1)
    view = workspace.editor.view
    assert (view.producer.name, view.product.name, view.dossier.status) == (
        "HTX Mật ong Rừng Kỳ Anh", "Mật ong hoa nhãn", "draft")
    current = workspace.list_page.table.currentIndex()
    assert workspace.list_page.model.row_at(current.row()).id == view.dossier.id


def test_a_similar_producer_is_offered_instead(workspace: DossierWorkspace, demo_db: Database) -> None:
    """A producer typed with a registered one's name in its commune (marks dropped, legal form changed) is not
    created: the registered one is listed, "Dùng chủ thể này" chooses it, and the dossier goes to it."""
    with demo_db.session() as s:
        registered = s.scalars(select(Producer).order_by(Producer.name)).first()
        s.expunge(registered)
    dialog = NewDossierDialog(workspace.context, workspace)
    communes = [dialog.producer.form.commune.itemData(i) for i in range(dialog.producer.form.commune.count())]
    _fill_new(dialog, "HTX " + registered.name.split(" ", 2)[-1].upper(), communes.index(registered.commune_code))
    before = _count(demo_db, Producer)
    dialog.create_button.click()
    assert dialog.created is None and _count(demo_db, Producer) == before
    assert dialog.duplicates.isVisibleTo(dialog) and registered.id in dialog.duplicates.buttons
    assert dialog.duplicates.go_on.isVisibleTo(dialog) and "gần giống" in dialog.message.text()
    dialog.duplicates.buttons[registered.id].click()
    assert dialog.producer.mode == EXISTING and dialog.producer.combo.currentData() == registered.id
    dialog.product.set_mode(NEW)
    dialog.product.form.widgets["name"].setText("Sản phẩm mới đăng ký")
    dialog.product.form.widgets["subgroup_code"].setCurrentIndex(0)
    dialog.create_button.click()
    assert dialog.created is not None and _count(demo_db, Producer) == before
    with demo_db.session() as s:
        product = s.get(Product, s.get(Dossier, dialog.created.id).product_id)
        assert product.producer_id == registered.id


def test_the_same_tax_code_cannot_be_created_again(workspace: DossierWorkspace, demo_db: Database) -> None:
    """A registered producer's tax code under another name is the same producer: no "create anyway"."""
    with demo_db.session() as s:
        tax_code = s.scalars(select(Producer.tax_code).where(Producer.tax_code != "")).first()
    dialog = NewDossierDialog(workspace.context, workspace)
    _fill_new(dialog, "Công ty TNHH Tên Hoàn Toàn Khác", tax_code=tax_code)
    dialog.create_button.click()
    assert dialog.created is None and "mã số thuế" in dialog.message.text()
    assert dialog.duplicates.isVisibleTo(dialog) and not dialog.duplicates.go_on.isVisibleTo(dialog)


def test_missing_and_bad_fields_are_shown_together(workspace: DossierWorkspace, demo_db: Database) -> None:
    """Creating with no producer name, no product group and a phone with letters marks all three, writes nothing."""
    dialog = NewDossierDialog(workspace.context, workspace)
    _fill_new(dialog, "", phone="09abc")
    dialog.product.form.widgets["subgroup_code"].setCurrentIndex(-1)
    before = _count(demo_db, Dossier)
    dialog.create_button.click()
    shown = {key for form in (dialog.producer.form, dialog.product.form)
             for key, label in form.errors.items() if not label.isHidden()}
    assert {"name", "phone", "subgroup_code"} <= shown and _count(demo_db, Dossier) == before


@pytest.mark.parametrize("role", ["secretary", "chair", "member", "viewer"])
def test_only_registrars_see_the_new_button(qtbot, context: AppContext, role: str) -> None:
    """Council people and viewers are not offered "Hồ sơ mới…"."""
    section = DossierWorkspace(dataclasses.replace(context, user=dataclasses.replace(context.user, role=role)))
    qtbot.addWidget(section)
    assert not section.list_page.new_button.isVisibleTo(section)


def test_a_hidden_open_dossier_is_said_and_shown_again(qtbot, workspace: DossierWorkspace, screenshots: Path) -> None:
    """Searching for something else hides the dossier open in the editor: a line says so; "Bỏ lọc" brings the
    list back, with the dossier selected, and the line goes."""
    table, model = workspace.list_page.table, workspace.list_page.model
    table.setCurrentIndex(model.index(0, 0))
    code = workspace.editor.view.dossier.code
    workspace.list_page.search.setText("không có hồ sơ nào như thế này")
    assert workspace.hidden_note.isVisibleTo(workspace) and code in workspace.hidden_note.text.text()
    assert workspace.editor.view.dossier.code == code  # nothing typed in it is lost
    workspace.show()
    qtbot.wait(50)
    assert workspace.grab().save(str(screenshots / "dossiers_hidden_by_filter.png"))
    workspace.hidden_note.show_all.click()
    assert not workspace.hidden_note.isVisibleTo(workspace)
    assert model.row_at(table.currentIndex().row()).code == code
