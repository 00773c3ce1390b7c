"""A producer's position, its accuracy and its source travel between laptops like every other field."""

from __future__ import annotations

from ocop_desktop.db.models import Producer
from ocop_desktop.services import registry


def test_a_position_picked_on_one_laptop_reaches_the_other(make_laptop):
    """Laptop A picks the producer's point on its map; after both sync, laptop B holds the same point, accuracy
    and source, and B's later correction from a photo comes back to A."""
    a, b = make_laptop("a"), make_laptop("b")
    with a.session() as s:
        producer = registry.create_producer(s, name="Cơ sở Mật ong Cường Nga", kind="household",
                                            commune_code="18073").id
        s.commit()
    a.sync()
    b.sync()
    with a.session() as s:
        registry.update_producer(s, producer, lat=18.340215, lon=105.906148, location_accuracy_m=12.5,
                                 location_source="map")
        s.commit()
    assert a.sync().rejected == 0
    b.sync()
    with b.session() as s:
        p = s.get(Producer, producer)
        assert (p.lat, p.lon, p.location_accuracy_m, p.location_source) == (18.340215, 105.906148, 12.5, "map")
        registry.update_producer(s, producer, lat=18.3402, lon=105.906147, location_accuracy_m=4.5,
                                 location_source="photo")
        s.commit()
    assert b.sync().rejected == 0
    a.sync()
    with a.session() as s:
        p = s.get(Producer, producer)
        assert (p.lat, p.lon, p.location_accuracy_m, p.location_source) == (18.3402, 105.906147, 4.5, "photo")
