"""Public addresses: GS1 check digits, short codes, Digital Link paths and reading them back from any URL."""

from __future__ import annotations

import uuid

import pytest

from ocop_core.errors import OcopError
from ocop_core.traceability import (
    CROCKFORD,
    PublicRef,
    check_lot_code,
    gtin_check_digit,
    lot_path,
    normalise_gtin,
    parse_public_url,
    product_path,
    public_code,
    public_url,
)

BASE = "https://truyxuat.hatinh.gov.vn"


@pytest.mark.parametrize(("gtin", "digit"), [
    ("4006381333931", 1), ("8935049500018", 8), ("96385074", 4), ("036000291452", 2), ("10012345678902", 2)])
def test_check_digit_of_real_gtins(gtin: str, digit: int) -> None:
    """The mod-10 digit of real GTIN-13/8/12/14 bodies is their printed last digit."""
    assert gtin_check_digit(gtin[:-1]) == digit
    assert int(gtin[-1]) == digit


@pytest.mark.parametrize(("text", "expected"), [
    ("4006381333931", "04006381333931"), ("893 5049 500018", "08935049500018"),
    ("96385074", "00000096385074"), ("036000291452", "00036000291452"), ("10012345678902", "10012345678902")])
def test_normalise_gtin_pads_to_14(text: str, expected: str) -> None:
    """GTIN-8/12/13/14, spaces allowed, become 14 digits."""
    assert normalise_gtin(text) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("4006381333932", "check_digit"), ("8935049500019", "check_digit"), ("400638133393", "check_digit"),
    ("40063813339", "length"), ("123456789012345", "length"), ("", "length"),
    ("40063813339x1", "not_digits"), ("٤٠٠٦٣٨١٣٣٣٩٣١", "not_digits"), ("-4006381333931", "not_digits")])
def test_bad_gtins_are_refused_with_the_reason(text: str, reason: str) -> None:
    """A wrong check digit, length or character is invalid_gtin, with what was wrong."""
    with pytest.raises(OcopError) as caught:
        normalise_gtin(text)
    assert caught.value.code == "invalid_gtin"
    assert caught.value.params["reason"] == reason


def test_public_code_is_stable_short_and_unambiguous() -> None:
    """The same UUID gives the same 8-character code, in any case; no I, L, O or U; another attempt differs."""
    product = "5f0c8a4e-2b1d-4c53-9a77-0e1f2d3c4b5a"
    code = public_code(product)
    assert code == public_code(product.upper()) == public_code(f" {product} ")
    assert len(code) == 8 and set(code) <= set(CROCKFORD)
    assert not set(code) & set("ILOU")
    assert public_code(product, attempt=1) != code


def test_public_codes_of_many_products_do_not_collide() -> None:
    """Ten thousand products get ten thousand distinct codes."""
    codes = {public_code(str(uuid.UUID(int=i * 7919 + 1))) for i in range(10_000)}
    assert len(codes) == 10_000


def test_paths_follow_gs1_digital_link_or_the_short_form() -> None:
    """With a GTIN: /01/{GTIN-14}[/10/{lot}]; without: /p/{code}[/l/{lot}]; reserved characters encoded."""
    assert product_path("ABCD2345", "8935049500018") == "/01/08935049500018"
    assert lot_path("ABCD2345", "8935049500018", "L2025-0012") == "/01/08935049500018/10/L2025-0012"
    assert product_path("ABCD2345", None) == "/p/ABCD2345"
    assert lot_path("ABCD2345", "", "L/1 A"[:3] + "%") == "/p/ABCD2345/l/L%2F1%25"
    assert lot_path("ABCD2345", None, "a&b?c=d") == "/p/ABCD2345/l/a%26b%3Fc%3Dd"


@pytest.mark.parametrize("lot", ["", "x" * 21, "lô 1", "A B", "A#1", "A\\B", "A~B", "A\nB"])
def test_lot_codes_outside_gs1_ai_10_are_refused(lot: str) -> None:
    """Empty, over 20 characters, or outside the 82-character set: invalid_lot_code."""
    with pytest.raises(OcopError) as caught:
        check_lot_code(lot)
    assert caught.value.code == "invalid_lot_code"
    with pytest.raises(OcopError):
        lot_path("ABCD2345", None, lot)


def test_public_url_keeps_the_base_prefix_and_refuses_a_bad_base() -> None:
    """A trailing slash is dropped and a path prefix kept; a base that is not http(s) is refused."""
    assert public_url(BASE + "/", "/p/ABCD2345") == BASE + "/p/ABCD2345"
    assert public_url(BASE + "/ocop", "/p/ABCD2345") == BASE + "/ocop/p/ABCD2345"
    for bad in ("", "truyxuat.hatinh.gov.vn", "ftp://x.vn", "https://x.vn/?a=1"):
        with pytest.raises(OcopError) as caught:
            public_url(bad, "/p/ABCD2345")
        assert caught.value.code == "invalid_public_base_url"


@pytest.mark.parametrize("lot", ["L2025-0012", "a/b", "50%", "x&y=z?", "!\"%&'()*+,-./:;<=>?_", "9" * 20])
@pytest.mark.parametrize("gtin", [None, "8935049500018"])
def test_every_address_reads_back_to_what_it_names(lot: str, gtin: str | None) -> None:
    """parse_public_url(public_url(lot_path(...))) gives back the GTIN-14 or code and the exact lot."""
    code = public_code("11111111-2222-3333-4444-555555555555")
    for base in (BASE, "http://127.0.0.1:8765/ocop/"):
        ref = parse_public_url(public_url(base, lot_path(code, gtin, lot)))
        assert ref == PublicRef("lot", gtin=normalise_gtin(gtin) if gtin else None,
                                code=None if gtin else code, lot=lot)
        product = parse_public_url(public_url(base, product_path(code, gtin)))
        assert product == PublicRef("product", gtin=normalise_gtin(gtin) if gtin else None,
                                    code=None if gtin else code)


def test_reading_is_forgiving_where_it_is_safe() -> None:
    """A short GTIN, a lower-case code with O/I/L misread, a trailing slash and a query are accepted."""
    assert parse_public_url(BASE + "/01/4006381333931?17=261231") == PublicRef("product", gtin="04006381333931")
    assert parse_public_url(BASE + "/p/abcd2345/") == PublicRef("product", code="ABCD2345")
    assert parse_public_url("HTTPS://X.VN/p/oIl12345") == PublicRef("product", code="01112345")
    # An address printed in upper case (QR alphanumeric mode) still reads; the lot keeps its own case.
    assert parse_public_url("HTTPS://X.VN/P/ABCD2345/L/L2025-01") == PublicRef("lot", code="ABCD2345", lot="L2025-01")


@pytest.mark.parametrize("text", [
    "", "hello", "ABCD2345", "mailto:a@b.vn", "javascript:alert(1)//p/ABCD2345", "https:///p/ABCD2345",
    BASE, BASE + "/", BASE + "/p", BASE + "/p/", BASE + "/p/ABC", BASE + "/p/" + "A" * 17,
    BASE + "/p/ABCD2345/x", BASE + "/p/ABCD2345/l/", BASE + "/p/ABCD2345/l/" + "x" * 21,
    BASE + "/p/ABCD2345/l/..", BASE + "/p/../p/ABCD2345", BASE + "/p/ABCD2345/l/%FF%FE",
    BASE + "/p/ABCD2345/l/l%C3%B4", BASE + "/p/ABCD%2F2345", BASE + "/p/ABCÐ2345", BASE + "/p/ABCD２345",
    BASE + "/01/4006381333932", BASE + "/01/400638133393１", BASE + "/01/ 4006381333931",
    BASE + "/01/4006381333931/10/" + "%" * 3, BASE + "/01/4006381333931/21/123",
    BASE + "/p/ABCD2345" + "/x" * 5000, "https://" + "a" * 5000 + "/p/ABCD2345", "https://[::1/p/ABCD2345",
])
def test_foreign_or_malformed_addresses_are_none(text: str) -> None:
    """Other URLs, bad codes, path tricks, encodings, Unicode look-alikes and huge input: None, never an error."""
    assert parse_public_url(text) is None
