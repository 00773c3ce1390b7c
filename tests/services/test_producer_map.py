"""The map's read model: located producers with their products and dossiers, the communes, and an answer of
None while the data version has not moved."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ocop_core.domain.text import collation_key
from ocop_desktop.db.models import Producer
from ocop_desktop.services import dossiers, registry
from ocop_desktop.services.producer_map import load_places, load_producer_map

TODAY = date(2026, 6, 1)


def test_producers_carry_their_products_dossiers_and_position(session: Session, producer_id: str, product_id: str,
                                                             dossier_id: str):
    """A producer is read with its commune's name, its products by name and its dossiers by id; its dossiers
    are the dossier list's own rows."""
    registry.update_producer(session, producer_id, lat=18.34, lon=105.9)
    registry.create_product(session, producer_id=producer_id, name="Chả cá Thạch Kim", subgroup_code="I.1.a")
    session.flush()
    data = load_producer_map(session, today=TODAY)
    [producer] = data.producers
    assert (producer.id, producer.commune_name, producer.lat, producer.lon) == (producer_id, "Phường Thành Sen",
                                                                              18.34, 105.9)
    assert producer.products == ("Chả cá Thạch Kim", "Nước mắm cá cơm")  # Vietnamese order
    assert [row.id for row in data.dossiers] == [dossier_id]
    assert data.producer_of == {dossier_id: producer_id}
    assert data.dossiers_of() == {producer_id: data.dossiers}
    assert data.located() == [producer] and data.today == TODAY


def test_a_producer_without_a_position_is_read_but_not_located(session: Session, producer_id: str):
    """No position is not an error: the producer is there, only not among the located ones."""
    session.flush()
    data = load_producer_map(session, today=TODAY)
    assert [p.id for p in data.producers] == [producer_id] and data.located() == []


def test_nothing_is_read_again_while_the_version_holds(session: Session, dossier_id: str):
    """Asked with the version it returned, the service answers None; a producer edit moves the version."""
    session.flush()
    first = load_producer_map(session, today=TODAY)
    assert first.version is not None
    assert load_producer_map(session, first.version, today=TODAY) is None
    dossiers.update_dossier(session, dossier_id, notes="Bổ sung giấy tờ")
    session.flush()
    again = load_producer_map(session, first.version, today=TODAY)
    assert again is not None and again.version != first.version


def test_a_deleted_producer_is_not_on_the_map(session: Session, producer_id: str):
    """A tombstoned producer is left out."""
    other = registry.create_producer(session, name="Hộ kinh doanh Mật ong", kind="household", commune_code="18073",
                                     lat=18.3, lon=105.8).id
    session.flush()
    session.get(Producer, other).deleted = True
    session.flush()
    assert [p.id for p in load_producer_map(session, today=TODAY).producers] == [producer_id]


def test_places_list_the_province_then_its_communes_with_centroids(session: Session):
    """The province comes first, then 69 communes in Vietnamese order, each with a centroid and an area."""
    places = load_places(session)
    assert places[0].level == "province" and places[0].name.endswith("Hà Tĩnh")
    communes = places[1:]
    assert len(communes) == 69 and {p.level for p in communes} == {"commune"}
    assert all(p.lat is not None and p.lon is not None and p.area_km2 for p in communes)
    assert [p.short_name for p in communes] == sorted((p.short_name for p in communes), key=collation_key)
