"""Registry services: producers and products, their validation and what they store."""

from __future__ import annotations

import math
import unicodedata

import pytest
from sqlalchemy.orm import Session

from ocop_desktop.db.models import ChangeJournal, Producer, Product
from ocop_desktop.services import registry
from ocop_desktop.services.errors import ServiceError

COMMUNE = "18073"
OTHER_COMMUNE = "18100"
HUGE = "ư" * 100_000


def _producer(session: Session, **extra) -> str:
    values = {"name": "HTX Phú Khương", "kind": "cooperative", "commune_code": COMMUNE, **extra}
    return registry.create_producer(session, **values).id


def _refused(session: Session, count, **extra) -> ServiceError:
    """Calls create_producer, expects a ServiceError, and checks nothing was written."""
    before = (count(Producer), count(ChangeJournal))
    with pytest.raises(ServiceError) as info:
        _producer(session, **extra)
    session.flush()
    assert (count(Producer), count(ChangeJournal)) == before
    return info.value


def test_create_producer_stores_values(session: Session) -> None:
    """A producer is stored with the given name, kind, commune and optional fields."""
    changes = registry.create_producer(session, name="HTX Phú Khương", kind="cooperative", commune_code=COMMUNE,
                                       address="Thôn 3", tax_code="3001234567", lat=18.34, lon=105.9)
    p = session.get(Producer, changes.id)
    assert (p.name, p.kind, p.commune_code, p.address, p.tax_code) == (
        "HTX Phú Khương", "cooperative", COMMUNE, "Thôn 3", "3001234567")
    assert (p.lat, p.lon) == (18.34, 105.9)
    assert changes.entities == frozenset({"producers"})
    assert changes.ids == frozenset({changes.id})


def test_name_is_trimmed(session: Session) -> None:
    """Leading and trailing whitespace is removed from the name."""
    p = session.get(Producer, _producer(session, name="  HTX Phú Khương \n"))
    assert p.name == "HTX Phú Khương"


def test_nfd_name_is_stored_as_nfc(session: Session) -> None:
    """A name typed decomposed (NFD) is stored precomposed (NFC)."""
    nfd = unicodedata.normalize("NFD", "Hợp tác xã Đồng Tâm")
    p = session.get(Producer, _producer(session, name=nfd))
    assert p.name == "Hợp tác xã Đồng Tâm"
    assert unicodedata.is_normalized("NFC", p.name)


@pytest.mark.parametrize("name", ["", "   ", "\n\t", None])
def test_blank_name_is_required(session: Session, count, name) -> None:
    """A blank name is refused with code "required" on field "name" and nothing is written."""
    error = _refused(session, count, name=name)
    assert (error.code, error.field) == ("required", "name")


@pytest.mark.parametrize("name", [123, b"HTX", ["HTX"], 1.5])
def test_non_text_name_is_wrong_type(session: Session, count, name) -> None:
    """A name that is not text is refused with "wrong_type" and nothing is written."""
    error = _refused(session, count, name=name)
    assert (error.code, error.field) == ("wrong_type", "name")


@pytest.mark.parametrize("field", ["name", "registration_no", "tax_code", "address", "representative", "phone"])
def test_100k_characters_are_too_long(session: Session, count, field: str) -> None:
    """A 100 000-character value in any text field is refused as "too_long" and nothing is written."""
    error = _refused(session, count, **{field: HUGE})
    assert (error.code, error.field) == ("too_long", field)


def test_name_at_the_limit_is_accepted(session: Session) -> None:
    """A 300-character name (the column's limit) is stored whole."""
    p = session.get(Producer, _producer(session, name="ư" * 300))
    assert len(p.name) == 300


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\x7f", "\r", "\x08"])
def test_control_characters_are_refused(session: Session, count, bad: str) -> None:
    """A name containing a control character is refused and nothing is written."""
    error = _refused(session, count, name=f"HTX{bad}Phú Khương")
    assert (error.code, error.field) == ("control_characters", "name")


@pytest.mark.parametrize("mark", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_direction_controls_are_dropped(session: Session, mark: str) -> None:
    """A name cannot show its letters in another order than stored ("Trojan Source"): direction controls
    are dropped, as Windows' marks around a copied phone number are."""
    p = session.get(Producer, _producer(session, name=f"HTX {mark}Phú Khương", phone=f"\u202a+84 912 345 678{mark}"))
    assert (p.name, p.phone) == ("HTX Phú Khương", "+84 912 345 678")


def test_invisible_characters_are_dropped_so_search_finds_the_name(session: Session) -> None:
    """A name pasted with zero-width spaces, a byte-order mark and a soft hyphen is stored as it looks."""
    from ocop_core.domain.text import fold

    p = session.get(Producer, _producer(session, name="\ufeffHTX Nước mắm\u200b Phú\u00ad Khương\u2060"))
    assert p.name == "HTX Nước mắm Phú Khương" and "nuoc mam phu khuong" in fold(p.name)
    emoji = session.get(Producer, _producer(session, name="Mật ong 👨\u200d👩\u200d👧"))
    assert emoji.name == "Mật ong 👨\u200d👩\u200d👧"  # joiners build one emoji: kept


@pytest.mark.parametrize("kind", ["", "Cooperative", "company", None, 1, ["cooperative"]])
def test_unknown_kind_is_refused(session: Session, count, kind) -> None:
    """A kind outside the producer kinds is refused as "invalid_choice"."""
    error = _refused(session, count, kind=kind)
    assert (error.code, error.field) == ("invalid_choice", "kind")


@pytest.mark.parametrize("code", ["99999", "", "42", 18073, None, "18073 "])
def test_unknown_commune_is_refused(session: Session, count, code) -> None:
    """A code that is not a 2025 commune (the province, a number, padded text) is refused as "unknown_commune"."""
    error = _refused(session, count, commune_code=code)
    assert (error.code, error.field) == ("unknown_commune", "commune_code")


@pytest.mark.parametrize("code", [["18073"], {"code": "18073"}], ids=["list", "dict"])
def test_unhashable_commune_is_refused(session: Session, count, code) -> None:
    """A commune code given as a list or dict is refused with a ServiceError, not a TypeError."""
    error = _refused(session, count, commune_code=code)
    assert error.field == "commune_code"


@pytest.mark.parametrize(("lat", "lon", "code", "field"), [
    (91, 105.0, "out_of_range", "lat"),
    (-90.5, 105.0, "out_of_range", "lat"),
    (18.0, 181, "out_of_range", "lon"),
    (18.0, -180.01, "out_of_range", "lon"),
    (math.nan, 105.0, "out_of_range", "lat"),
    (18.0, math.inf, "out_of_range", "lon"),
    (18.0, None, "coordinates_incomplete", "lon"),
    (None, 105.0, "coordinates_incomplete", "lat"),
    ("bắc", 105.0, "wrong_type", "lat"),
], ids=["lat>90", "lat<-90", "lon>180", "lon<-180", "lat-nan", "lon-inf", "no-lon", "no-lat", "lat-text"])
def test_invalid_coordinates_are_refused(session: Session, count, lat, lon, code: str, field: str) -> None:
    """Coordinates out of range, missing half, or not numbers are refused naming the bad field."""
    error = _refused(session, count, lat=lat, lon=lon)
    assert (error.code, error.field) == (code, field)


def test_non_numeric_lon_is_blamed_on_lon(session: Session, count) -> None:
    """A longitude that is not a number is refused on field "lon"."""
    error = _refused(session, count, lat=18.0, lon="đông")
    assert (error.code, error.field) == ("wrong_type", "lon")


def test_boolean_coordinates_are_wrong_type(session: Session, count) -> None:
    """True/False as coordinates are refused as "wrong_type"."""
    error = _refused(session, count, lat=True, lon=False)
    assert error.code == "wrong_type"


def test_coordinate_bounds_are_inclusive(session: Session) -> None:
    """lat ±90 and lon ±180 are valid."""
    p = session.get(Producer, _producer(session, lat=-90, lon=180))
    assert (p.lat, p.lon) == (-90.0, 180.0)


@pytest.mark.parametrize("tax_code", ["ABC123", "30012 34567", "3001234567x"])
def test_non_numeric_tax_code_is_refused(session: Session, count, tax_code: str) -> None:
    """A tax code with anything but digits and dashes is refused as "invalid_tax_code"."""
    error = _refused(session, count, tax_code=tax_code)
    assert (error.code, error.field) == ("invalid_tax_code", "tax_code")


@pytest.mark.parametrize("field", ["deleted", "id", "server_version", "nickname"])
def test_unknown_field_is_refused(session: Session, count, field: str) -> None:
    """A keyword that is not an editable producer field is refused as "unknown_field"."""
    error = _refused(session, count, **{field: "x"})
    assert (error.code, error.field) == ("unknown_field", field)


def test_update_producer_changes_the_field(session: Session) -> None:
    """update_producer stores the new value."""
    pid = _producer(session)
    registry.update_producer(session, pid, name="HTX Sông Lam", commune_code=OTHER_COMMUNE)
    p = session.get(Producer, pid)
    assert (p.name, p.commune_code) == ("HTX Sông Lam", OTHER_COMMUNE)


def test_failed_update_leaves_row_unchanged(session: Session, count) -> None:
    """An update refused for one bad value changes no field and journals nothing."""
    pid = _producer(session)
    session.commit()
    journal_before = count(ChangeJournal)
    with pytest.raises(ServiceError):
        registry.update_producer(session, pid, phone="0912", name=HUGE)
    session.flush()
    assert (session.get(Producer, pid).phone, count(ChangeJournal)) == ("", journal_before)


def test_update_of_missing_producer_is_not_found(session: Session) -> None:
    """Updating an id that does not exist raises "not_found"."""
    with pytest.raises(ServiceError) as info:
        registry.update_producer(session, "00000000-0000-4000-8000-000000000000", name="x")
    assert info.value.code == "not_found"


def test_update_of_tombstoned_producer_is_not_found(session: Session) -> None:
    """A producer marked deleted can no longer be edited."""
    pid = _producer(session)
    session.get(Producer, pid).deleted = True
    session.flush()
    with pytest.raises(ServiceError) as info:
        registry.update_producer(session, pid, name="x")
    assert info.value.code == "not_found"


def test_product_takes_its_producers_commune(session: Session, producer_id: str) -> None:
    """A product created without a commune gets its producer's commune."""
    pid = registry.create_product(session, producer_id=producer_id, name="Nước mắm", subgroup_code="I.1.a").id
    assert session.get(Product, pid).commune_code == COMMUNE


def test_product_may_name_another_commune(session: Session, producer_id: str) -> None:
    """A product created with an explicit commune keeps that commune."""
    pid = registry.create_product(session, producer_id=producer_id, name="Nước mắm", subgroup_code="I.1.a",
                                  commune_code=OTHER_COMMUNE).id
    assert session.get(Product, pid).commune_code == OTHER_COMMUNE


@pytest.mark.parametrize("producer", ["00000000-0000-4000-8000-000000000000", 42, None])
def test_product_of_unknown_producer_is_not_found(session: Session, count, producer) -> None:
    """A product whose producer id does not exist (or is not text) is refused as "not_found"."""
    with pytest.raises(ServiceError) as info:
        registry.create_product(session, producer_id=producer, name="Nước mắm", subgroup_code="I.1.a")
    assert info.value.code == "not_found"
    assert count(Product) == 0


def test_product_description_over_limit_is_refused(session: Session, count, producer_id: str) -> None:
    """A 100 000-character description is refused as "too_long" and nothing is written."""
    with pytest.raises(ServiceError) as info:
        registry.create_product(session, producer_id=producer_id, name="Nước mắm", subgroup_code="I.1.a",
                                description=HUGE)
    assert (info.value.code, info.value.field) == ("too_long", "description")
    assert count(Product) == 0


def test_product_blank_subgroup_is_required(session: Session, producer_id: str) -> None:
    """A product without a subgroup code is refused as "required"."""
    with pytest.raises(ServiceError) as info:
        registry.create_product(session, producer_id=producer_id, name="Nước mắm", subgroup_code=" ")
    assert (info.value.code, info.value.field) == ("required", "subgroup_code")


def test_update_product_moves_it_to_another_producer(session: Session, producer_id: str, product_id: str) -> None:
    """update_product with a new producer_id re-links the product."""
    other = _producer(session, name="HTX Sông Lam")
    registry.update_product(session, product_id, producer_id=other)
    assert session.get(Product, product_id).producer_id == other


@pytest.mark.parametrize("phone", ["O912 345 678", "0912abc678", "gọi 0912345678", "0912"])
def test_phone_with_letters_or_too_few_digits_is_refused(session: Session, count, phone: str) -> None:
    """A phone holding a letter (an "O" typed for "0") or too few digits is refused "invalid_phone"."""
    error = _refused(session, count, phone=phone)
    assert (error.code, error.field) == ("invalid_phone", "phone")


@pytest.mark.parametrize("phone", ["0912 345 678", "+84 912-345-678", "(0239) 3856123; 0912.345.678", ""])
def test_phone_as_people_write_it_is_kept(session: Session, phone: str) -> None:
    """Spaces, dots, dashes, a leading + , brackets and a second number after ";" are kept as typed."""
    assert session.get(Producer, _producer(session, phone=phone)).phone == phone


@pytest.mark.parametrize(("entity", "field"), [("producers", "name"), ("producers", "address"),
                                               ("products", "name"), ("products", "external_code")])
def test_limits_are_the_synced_entitys(session: Session, producer_id: str, entity: str, field: str) -> None:
    """Each text's limit is the one ocop_core.entities declares, so the laptop refuses exactly what the server
    would: the limit is accepted, one more character is refused naming the limit and the length."""
    from ocop_core.entities import ENTITIES

    limit = ENTITIES[entity].rules[field].max_length
    update = registry.update_producer if entity == "producers" else registry.update_product
    row_id = producer_id if entity == "producers" else registry.create_product(
        session, producer_id=producer_id, name="Mật ong", subgroup_code="I.1.a").id
    update(session, row_id, **{field: "ư" * limit})
    with pytest.raises(ServiceError) as info:
        update(session, row_id, **{field: "ư" * (limit + 1)})
    assert (info.value.code, info.value.field, info.value.params) == ("too_long", field,
                                                                       {"limit": limit, "length": limit + 1})


def test_field_problem_tells_while_typing(session: Session) -> None:
    """The form's live check gives the save's own refusal without a database: letters in a phone, a long name."""
    assert registry.field_problem("producers", "phone", "09x").code == "invalid_phone"
    assert registry.field_problem("producers", "name", "a" * 301).params == {"limit": 300, "length": 301}
    assert registry.field_problem("producers", "phone", "0912 345 678") is None
