"""The product's GTIN in the dossier editor: its check digit verified as it is typed, stored as GTIN-14."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ocop_desktop.db.models import Dossier, Product
from ocop_desktop.db.schema import Database
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.editor import TAB_PRODUCT, DossierEditor


def _draft(db: Database) -> str:
    with db.session() as s:
        return s.scalars(select(Dossier.id).where(Dossier.status == "draft").order_by(Dossier.code)).first()


def _product(db: Database, dossier_id: str) -> Product:
    with db.session() as s:
        product = s.get(Product, s.get(Dossier, dossier_id).product_id)
        s.expunge(product)
        return product


def test_a_wrong_check_digit_is_said_beside_the_field_and_nothing_is_saved(
        qtbot, context: AppContext, demo_db: Database) -> None:
    """4006381333932 is refused in Vietnamese at once and on save (the product keeps no GTIN); 4006381333931
    clears the error and is stored as 04006381333931, the public code unchanged."""
    editor = DossierEditor(context)
    qtbot.addWidget(editor)
    editor.ask_unsaved = lambda: pytest.fail("unexpected unsaved-edits question")
    editor.confirm = lambda question: True
    dossier_id = _draft(demo_db)
    editor.load(dossier_id)
    before = _product(demo_db, dossier_id)
    gtin, error = editor.product_form.widgets["gtin"], editor.product_form.errors["gtin"]
    gtin.setText("4006381333932")
    assert not error.isHidden() and "GTIN" in error.text() and "số kiểm tra" in error.text()
    editor.save()
    assert editor.tabs.currentIndex() == TAB_PRODUCT and editor.has_unsaved_edits()
    assert _product(demo_db, dossier_id).gtin == before.gtin == ""
    gtin.setText("400 6381 333931")
    assert error.isHidden()
    editor.save()
    after = _product(demo_db, dossier_id)
    assert (after.gtin, after.public_code) == ("04006381333931", before.public_code)
    assert after.public_code
