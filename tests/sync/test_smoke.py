"""Two laptops and one server: what one records offline reaches the other."""

from __future__ import annotations

from sqlalchemy import func, select

from ocop_desktop.db.models import ChangeJournal, Dossier, Producer
from ocop_desktop.services import dossiers, registry


def test_a_dossier_made_offline_reaches_the_other_laptop(make_laptop):
    """A producer, product and dossier created on laptop A appear on laptop B after both sync."""
    a, b = make_laptop("a"), make_laptop("b")
    with a.session() as s:
        producer = registry.create_producer(s, name="HTX Nước mắm Phú Khương", kind="cooperative",
                                            commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name="Nước mắm Phú Khương",
                                          subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(s, product_id=product).id
        s.commit()
    report = a.sync()
    assert report.pushed == 3 and report.rejected == 0
    b.sync()
    with b.session() as s:
        assert s.get(Producer, producer).name == "HTX Nước mắm Phú Khương"
        assert s.get(Dossier, dossier).product_id == product
        assert s.scalar(select(func.count()).select_from(ChangeJournal)) == 0
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(ChangeJournal).where(ChangeJournal.status != "sent")) == 0
