"""The dossier list's read model: one flat row per live dossier, search texts, Vietnamese order."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from recognition_world import approved_dossier, recognise
from rules_laptop import AS_ADMIN
from sqlalchemy.orm import Session

from ocop_desktop.db.models import Dossier
from ocop_desktop.services import dossiers, recognitions, registry
from ocop_desktop.services.dossier_list import load_dossier_rows, subgroup_names
from ocop_desktop.services.dossier_rows import choices, search_texts

TODAY = date(2026, 6, 1)


def _recognise(session: Session, dossier_id: str, decided: date) -> str:
    return recognise(session, dossier_id, decided, decision_no="12/QĐ-UBND")


def test_row_carries_product_producer_and_commune(session: Session, dossier_id: str):
    """A new dossier's row names its product, producer and commune, and has no stars yet."""
    session.flush()
    [row] = load_dossier_rows(session, TODAY)
    assert row.id == dossier_id
    assert (row.product_name, row.producer_name) == ("Nước mắm cá cơm", "HTX Nước mắm Phú Khương")
    assert (row.commune_code, row.commune_name) == ("18073", "Phường Thành Sen")
    assert (row.status, row.kind, row.subgroup_code) == ("draft", "new", "I.1.a")
    assert row.stars is None and row.expires_on is None
    assert row.code.startswith("HS-")


def test_stars_come_from_the_latest_recognition_in_force(session: Session, council: SimpleNamespace,
                                                          product_id: str, dossier_id: str):
    """The newest decision sets the stars and the expiry; once it is revoked the older one shows again."""
    renewal = dossiers.create_dossier(session, product_id=product_id, kind="renewal").id
    approved_dossier(session, council, dossier_id)
    approved_dossier(session, council, renewal)
    _recognise(session, dossier_id, date(2022, 3, 1))
    newer = _recognise(session, renewal, date(2024, 5, 2))
    session.flush()
    stars = session.get(Dossier, renewal).result_stars
    rows = {row.id: row for row in load_dossier_rows(session, TODAY)}
    # Civil Code 2015 art. 147-148: valid through 2 May 2027, so the first day it no longer holds is 3 May.
    assert (rows[dossier_id].stars, rows[dossier_id].expires_on) == (stars, date(2027, 5, 3))
    recognitions.revoke_recognition(session, recognition_id=newer, on=date(2026, 1, 5), reason="Vi phạm ATTP",
                                    **AS_ADMIN)
    session.flush()
    rows = {row.id: row for row in load_dossier_rows(session, TODAY)}
    assert (rows[dossier_id].stars, rows[dossier_id].expires_on) == (stars, date(2025, 3, 2))


def test_revocation_dated_later_has_not_happened_yet(session: Session, council: SimpleNamespace, dossier_id: str):
    """A revocation that takes effect after today still leaves the recognition in force today."""
    approved_dossier(session, council, dossier_id)
    recognition = _recognise(session, dossier_id, date(2025, 1, 10))
    recognitions.revoke_recognition(session, recognition_id=recognition, on=date(2026, 9, 1), reason="Hết điều kiện",
                                    **AS_ADMIN)
    session.flush()
    assert load_dossier_rows(session, TODAY)[0].stars == session.get(Dossier, dossier_id).result_stars
    assert load_dossier_rows(session, date(2026, 9, 1))[0].stars is None


def test_tombstoned_dossiers_are_left_out(session: Session, product_id: str, dossier_id: str):
    """A deleted dossier (a tombstone kept for sync) is not listed; the product's other dossier is."""
    other = dossiers.create_dossier(session, product_id=product_id, kind="renewal").id
    session.get(Dossier, dossier_id).deleted = True
    session.flush()
    assert [r.id for r in load_dossier_rows(session, TODAY)] == [other]


def test_renamed_producer_shows_on_its_dossiers(session: Session, producer_id: str, dossier_id: str):
    """The row reads the producer's current name, not a copy made when the dossier was opened."""
    registry.update_producer(session, producer_id, name="HTX Đồng Lộc")
    session.flush()
    assert load_dossier_rows(session, TODAY)[0].producer_name == "HTX Đồng Lộc"


def test_subgroup_names_come_from_the_criteria_sets(session: Session, criteria_148: str):
    """Product groups are shown by the name their criteria set gives them."""
    assert subgroup_names(session)["I.1.a"] == "Rau, củ, quả, hạt tươi"


def test_subgroup_names_without_criteria_sets_is_empty(session: Session):
    """Before any criteria set is imported there are no names, and the list falls back to codes."""
    assert subgroup_names(session) == {}


def test_search_texts_are_accent_free(session: Session, dossier_id: str):
    """The search text folds marks and "đ", so "nuoc mam" and "phu khuong" find the row."""
    session.flush()
    [row] = load_dossier_rows(session, TODAY)
    [text] = search_texts([row.code], [row.product_name], [row.producer_name], [row.commune_name])
    assert "nuoc mam ca com" in text and "phu khuong" in text and "thanh sen" in text
    assert text == text.lower() and text.isascii()


def test_choices_are_distinct_and_in_vietnamese_order():
    """A filter's options: each commune once, ordered by its name as a dictionary would."""
    pairs = [("2", "Xã Đức Thọ"), ("1", "Xã Dương Thủy"), ("2", "Xã Đức Thọ"), ("3", "Phường Bắc Hồng")]
    assert choices(pairs) == [("3", "Phường Bắc Hồng"), ("1", "Xã Dương Thủy"), ("2", "Xã Đức Thọ")]
