"""Registering a new dossier in one call: new or registered producer and product, duplicates, roles and scope."""

from __future__ import annotations

import pytest
from rules_laptop import ELSEWHERE, HOME, person
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import ChangeJournal, Dossier, Producer, Product
from ocop_desktop.services import dossiers, registry
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.new_dossier import (
    DuplicateProducer,
    name_key,
    new_dossier_choices,
    producer_products,
    register_dossier,
    similar_names,
)

NEW_PRODUCER = {"name": "HTX Mật ong Cường Nga", "kind": "cooperative", "commune_code": HOME,
                "tax_code": "3001112223", "phone": "0912 345 678"}
NEW_PRODUCT = {"name": "Mật ong hoa nhãn", "subgroup_code": "I.1.a"}


def _register(session: Session, who: dict[str, str] | None = None, **kwargs) -> str:
    who = who or person(session, "admin")
    return register_dossier(session, **who, **kwargs).id


def test_new_producer_product_and_dossier_in_one_call(session: Session, count) -> None:
    """One call stores the producer, its product and a draft dossier in the producer's commune, each journaled;
    the Changes name all three and point at the dossier."""
    journal = count(ChangeJournal)
    changes = register_dossier(session, **person(session, "admin"), new_producer=NEW_PRODUCER,
                               new_product=NEW_PRODUCT, kind="new")
    dossier = session.get(Dossier, changes.id)
    product = session.get(Product, dossier.product_id)
    producer = session.get(Producer, product.producer_id)
    assert (dossier.status, dossier.commune_code, product.name, producer.name) == (
        "draft", HOME, "Mật ong hoa nhãn", "HTX Mật ong Cường Nga")
    assert changes.entities == {"producers", "products", "dossiers"}
    assert changes.ids == {producer.id, product.id, dossier.id}
    session.flush()
    assert count(ChangeJournal) - journal == 3


def test_registered_producer_gets_a_new_product(session: Session, producer_id: str) -> None:
    """A producer already registered takes a new product and its dossier; no second producer is made."""
    producers = session.scalar(select(Producer.id).where(Producer.id != producer_id).limit(1))
    dossier_id = _register(session, producer_id=producer_id, new_product=NEW_PRODUCT)
    product = session.get(Product, session.get(Dossier, dossier_id).product_id)
    assert product.producer_id == producer_id and producers is None


def test_registered_product_gets_a_renewal_dossier_once_the_last_is_closed(session: Session, product_id: str,
                                                                           dossier_id: str) -> None:
    """A product whose dossier is still in the workflow is refused a second one, naming the open dossier's code;
    once that dossier is gone from the workflow, a renewal is registered."""
    with pytest.raises(ServiceError) as info:
        _register(session, producer_id=session.get(Product, product_id).producer_id, product_id=product_id)
    assert (info.value.code, info.value.params) == ("dossier_open", {"code": session.get(Dossier, dossier_id).code})
    session.get(Dossier, dossier_id).status = "closed"
    renewal = _register(session, producer_id=session.get(Product, product_id).producer_id, product_id=product_id,
                        kind="renewal")
    assert session.get(Dossier, renewal).kind == "renewal"


@pytest.mark.parametrize("field", ["tax_code", "registration_no"])
def test_same_tax_code_or_registration_is_the_same_producer(session: Session, count, field: str) -> None:
    """A new producer with a registered producer's tax code or registration number is refused, even when asked to
    go on, naming the registered one; nothing is written."""
    first = _register(session, new_producer={**NEW_PRODUCER, "registration_no": "2801234567"},
                      new_product=NEW_PRODUCT)
    session.flush()
    before = (count(Producer), count(Dossier))
    other = {**NEW_PRODUCER, "name": "Công ty TNHH Ong Vàng", "tax_code": "", "registration_no": "",
             field: {"tax_code": "3001112223", "registration_no": "2801234567"}[field]}
    with pytest.raises(DuplicateProducer) as info:
        _register(session, new_producer=other, new_product=NEW_PRODUCT, allow_similar=True)
    assert (info.value.code, info.value.field, info.value.overridable) == ("producer_registered", field, False)
    assert [m.id for m in info.value.matches] == [session.get(Product, session.get(Dossier, first).product_id)
                                                  .producer_id]
    assert (count(Producer), count(Dossier)) == before


def test_similar_name_in_the_same_commune_asks_and_may_go_on(session: Session) -> None:
    """"Hợp tác xã mật ong Cuong Nga" in the commune of "HTX Mật ong Cường Nga" is refused as similar until the
    person says it is another producer; the same name in another commune is not a duplicate."""
    _register(session, new_producer=NEW_PRODUCER, new_product=NEW_PRODUCT)
    typed = {**NEW_PRODUCER, "name": "Hợp tác xã mật ong Cuong Nga", "tax_code": ""}
    with pytest.raises(DuplicateProducer) as info:
        _register(session, new_producer=typed, new_product=NEW_PRODUCT)
    assert (info.value.code, info.value.overridable, info.value.params["name"]) == (
        "producer_similar", True, "HTX Mật ong Cường Nga")
    assert _register(session, new_producer=typed, new_product=NEW_PRODUCT, allow_similar=True)
    assert _register(session, new_producer={**typed, "commune_code": ELSEWHERE}, new_product=NEW_PRODUCT)


@pytest.mark.parametrize(("a", "b", "similar"), [
    ("HTX Mật ong Cường Nga", "Cơ sở mật ong Cường Nga", True),
    ("Công ty TNHH Nước mắm Phú Khương", "Nước Mắm Phú Khương", True),
    ("Nước mắm Luận Nghiệp", "Nước mắm Luận Nghiệp 2", True),
    ("Nước mắm Phú Khương", "Nước mắm Phú Phong", False),
    ("HTX Cam Xuân", "HTX Chè Xuân", False),
    ("Nước mắm Phú Khương", "Nuoc mam Phu Khuonh", True),
    ("Nước mắm PhúKhương", "Nước mắm Phú Khương", True),
])
def test_name_similarity_uses_the_cores_folding(a: str, b: str, similar: bool) -> None:
    """Names compare folded (marks, "đ", case), without the legal form; a different word is another producer."""
    assert similar_names(a, b) is similar
    assert name_key("HTX Đồng Tâm") == "dong tam"


def test_same_product_name_under_one_producer_is_refused(session: Session, producer_id: str) -> None:
    """A producer's product typed again (marks and case aside) is refused: the registered one is to be chosen."""
    _register(session, producer_id=producer_id, new_product=NEW_PRODUCT)
    with pytest.raises(ServiceError) as info:
        _register(session, producer_id=producer_id, new_product={**NEW_PRODUCT, "name": "MẬT ONG HOA NHÃN"})
    assert (info.value.code, info.value.field) == ("product_registered", "name")


@pytest.mark.parametrize("role", ["secretary", "chair", "member", "viewer"])
def test_only_admin_and_commune_officers_register(session: Session, count, role: str) -> None:
    """Council people and viewers are refused "registry_not_for_role" and nothing is written."""
    before = count(Producer)
    with pytest.raises(ServiceError) as info:
        _register(session, person(session, role), new_producer=NEW_PRODUCER, new_product=NEW_PRODUCT)
    assert info.value.code == "registry_not_for_role" and count(Producer) == before


def test_a_commune_officer_registers_only_in_their_commune(session: Session, producer_id: str) -> None:
    """An officer of another commune may neither make a producer in HOME nor a product for HOME's producer."""
    stranger = person(session, "commune_officer", ELSEWHERE)
    for kwargs in ({"new_producer": NEW_PRODUCER}, {"producer_id": producer_id}):
        with pytest.raises(ServiceError) as info:
            _register(session, stranger, new_product=NEW_PRODUCT, **kwargs)
        assert (info.value.code, info.value.params) == ("dossier_out_of_scope", {"commune": HOME})
    assert _register(session, person(session, "commune_officer"), new_producer=NEW_PRODUCER, new_product=NEW_PRODUCT)


def test_bad_producer_input_is_refused_before_anything_is_written(session: Session, count) -> None:
    """A phone with letters in the new producer refuses the whole registration with "invalid_phone"."""
    before = (count(Producer), count(Product), count(Dossier))
    with pytest.raises(ServiceError) as info:
        _register(session, new_producer={**NEW_PRODUCER, "phone": "O912 345 678"}, new_product=NEW_PRODUCT)
    session.rollback()
    assert (info.value.code, info.value.field) == ("invalid_phone", "phone")
    assert (count(Producer), count(Product), count(Dossier)) == before


def test_choices_follow_the_persons_communes(session: Session, producer_id: str) -> None:
    """The admin is offered every commune and producer; an officer only their commune and its producers."""
    registry.create_producer(session, name="HTX Chè Hương Sơn", kind="cooperative", commune_code=ELSEWHERE)
    admin = new_dossier_choices(session, **person(session, "admin"))
    officer = new_dossier_choices(session, **person(session, "commune_officer"))
    assert len(admin.communes) > 2 and {p.commune_code for p in admin.producers} == {HOME, ELSEWHERE}
    assert [c for c, _ in officer.communes] == [HOME] and [p.id for p in officer.producers] == [producer_id]


def test_producer_products_name_their_open_dossier(session: Session, producer_id: str, product_id: str,
                                                   dossier_id: str) -> None:
    """Each of a producer's products comes with the code of its dossier still in the workflow."""
    dossiers.change_dossier_status(session, dossier_id, "submitted", **person(session, "admin"))
    [choice] = producer_products(session, producer_id)
    assert (choice.id, choice.open_dossier) == (product_id, session.get(Dossier, dossier_id).code)
