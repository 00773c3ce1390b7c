"""Product and lot pages as a consumer's phone gets them: what they say in each state, and what they never say."""

from __future__ import annotations

import json
import re
import socket

import pytest
import requests
from public_world import PHONE, REPRESENTATIVE, SCORE, PublicWorld

from ocop_core.traceability import public_code


def page(world: PublicWorld, name: str, lot: str | None = None) -> requests.Response:
    path = f"/p/{public_code(world.ids[name])}" + (f"/l/{lot}" if lot else "")
    return requests.get(world.url + path, timeout=10)


def json_ld(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1, found
    return json.loads(found[0])


def test_a_valid_recognition_shows_its_product_stars_and_decision(world: PublicWorld):
    """Name, producer, commune by name, stars, the decision and its last day, with the valid banner."""
    response = page(world, "VALID")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    for text in ("Nước mắm valid", "HTX Nước mắm Thành Sen", "Phường Thành Sen", "★★★★☆", "Còn hiệu lực",
                 "UBND tỉnh Hà Tĩnh", 'class="banner valid"'):
        assert text in html, text
    assert 'role="alert"' not in html


@pytest.mark.parametrize(("name", "banner", "words"), [
    ("EXPIRING", "expiring", "sắp hết hiệu lực"),
    ("EXPIRED", "expired", "đã hết hiệu lực"),
    ("REVOKED", "revoked", "Vi phạm an toàn thực phẩm"),
])
def test_a_recognition_that_is_not_plainly_valid_says_so_in_a_banner(world: PublicWorld, name, banner, words):
    """Expiring within six months, expired or revoked: a banner at the top says which, and why when revoked."""
    html = page(world, name).text
    assert f'class="banner {banner}" role="alert"' in html
    assert words in html
    assert 'class="banner valid"' not in html


def test_a_lot_page_shows_its_dates_and_origin(world: PublicWorld):
    html = page(world, "VALID", "L2026-01").text
    for text in ("Lô hàng L2026-01", "01/10/2026", "01/10/2028", "Cá cơm vùng biển Thạch Kim", "Hạn sử dụng"):
        assert text in html, text
    assert "banner withdrawn" not in html


def test_a_withdrawn_lot_says_so_with_its_reason(world: PublicWorld):
    html = page(world, "VALID", "L2026-02").text
    assert 'class="banner withdrawn" role="alert"' in html
    assert "20/11/2026" in html and "Nhãn in sai hạn sử dụng" in html


def test_a_product_without_recognition_is_not_public(world: PublicWorld):
    """Registered but never recognised: the unknown-code page, 404, and nothing of the product."""
    response = page(world, "PLAIN")
    assert response.status_code == 404
    assert "Không tìm thấy sản phẩm" in response.text and "Nước mắm plain" not in response.text


def test_an_unknown_lot_of_a_public_product_links_back_to_the_product(world: PublicWorld):
    response = page(world, "VALID", "NOPE-1")
    assert response.status_code == 404
    assert f'href="/p/{public_code(world.ids["VALID"])}"' in response.text


def test_pages_never_show_phones_representatives_addresses_or_private_files(world: PublicWorld):
    """The producer's phone, its representative (a person), its street address, the council's score and any
    document other than a product photo stay off every public page."""
    for name, lot in (("VALID", None), ("VALID", "L2026-01"), ("EXPIRING", None), ("REVOKED", None)):
        html = page(world, name, lot).text
        for secret in (PHONE, REPRESENTATIVE, "Trần Phú", world.private_file, "business_registration", SCORE,
                       SCORE.replace(".", ",")):
            assert secret not in html, (name, secret)


def test_the_json_ld_is_a_schema_org_product(world: PublicWorld):
    valid = json_ld(page(world, "VALID", "L2026-01").text)
    assert valid["@type"] == "Product" and valid["name"] == "Nước mắm valid"
    assert valid["manufacturer"]["name"] == "HTX Nước mắm Thành Sen"
    assert valid["manufacturer"]["address"]["addressLocality"] == "Phường Thành Sen"
    assert valid["url"].endswith(f"/p/{public_code(world.ids['VALID'])}/l/L2026-01")
    assert valid["productionDate"] == "2026-10-01"
    assert "4 sao" in valid["award"]
    assert all(url.startswith(world.url + "/thumbs/") for url in valid["image"])
    assert "award" not in json_ld(page(world, "REVOKED").text)


def test_pages_carry_a_content_security_policy_and_no_script(world: PublicWorld):
    response = page(world, "VALID")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    scripts = re.findall(r"<script([^>]*)>", response.text)
    assert scripts == [' type="application/ld+json"']


def test_pages_reference_no_address_but_the_servers_own(world: PublicWorld):
    """Every src and href is relative or on this server: no CDN, no web font, no tracker."""
    for name, lot in (("VALID", "L2026-01"), ("REVOKED", None), ("PLAIN", None)):
        html = page(world, name, lot).text
        for url in re.findall(r'(?:src|href)="([^"]*)"', html):
            assert url.startswith("/") or url.startswith(world.url + "/"), url
        assert "@import" not in html and "url(" not in html


def test_a_product_photo_and_a_lot_photo_are_served_as_small_thumbnails(world: PublicWorld):
    html = page(world, "VALID", "L2026-01").text
    for sha in (world.photo, world.lot_photo):
        assert f'src="/thumbs/{sha}.jpg"' in html
        response = requests.get(f"{world.url}/thumbs/{sha}.jpg", timeout=10)
        assert response.status_code == 200 and response.headers["content-type"] == "image/jpeg"
        assert len(response.content) < 60_000, len(response.content)


@pytest.mark.parametrize("name", ["private", "unknown", "upper", "traversal"])
def test_no_other_file_is_served_as_a_thumbnail(world: PublicWorld, name):
    """A stored file that is not a public photo, a hash the server never saw, or a path trick: all 404."""
    target = {"private": f"{world.private_file}.jpg", "unknown": "ab" * 32 + ".jpg",
              "upper": f"{world.photo.upper()}.jpg", "traversal": "..%2F..%2Fserver.sqlite3"}[name]
    response = requests.get(f"{world.url}/thumbs/{target}", timeout=10)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/plain")


def _raw_get(world: PublicWorld, path: str) -> tuple[int, str, str]:
    """Sends the path byte for byte as written, raw UTF-8 included (requests would normalise ".." and encode)."""
    with socket.create_connection(("127.0.0.1", world.server.port), timeout=10) as sock:
        sock.sendall(b"GET " + path.encode("utf-8") + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    return int(lines[0].split()[1]), content_type, body.decode("utf-8", "replace")


BAD_PATHS = {
    "traversal": "/p/../../etc/passwd",
    "encoded traversal": "/p/%2e%2e%2f%2e%2e%2fserver.sqlite3",
    "encoded slash in lot": "/p/AAAAAAAA/l/a%2F..%2F..",
    "five kilobytes": "/p/" + "A" * 5000,
    "long lot": "/01/08934567000015/10/" + "9" * 5000,
    "unicode": "/p/N%C6%B0%E1%BB%9Bc-m%E1%BA%AFm",
    "nul": "/p/ABCD%00EFGH",
    "nul in lot": "/01/08934567000015/10/L1%00",
    "bad escape": "/p/ABCDEFGH/l/%ZZ",
    "invalid utf-8": "/p/ABCDEFGH/l/%FF%FE",
    "empty": "/p/",
    "too many parts": "/p/ABCDEFGH/l/L1/x/y",
    "letters for a gtin": "/01/ABCDEFGHIJKLMN",
    "script": "/p/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
}


@pytest.mark.parametrize("path", list(BAD_PATHS.values()), ids=list(BAD_PATHS))
def test_a_malformed_address_gets_the_explaining_page_and_an_honest_404(world: PublicWorld, path):
    status, content_type, body = _raw_get(world, path)
    assert status == 404, (status, body[:200])
    assert content_type.startswith("text/html")
    assert "Không tìm thấy sản phẩm" in body
    assert "<script>alert" not in body


def test_raw_unicode_in_the_request_line_is_refused_without_a_server_error(world: PublicWorld):
    """Not even HTTP: the server's parser refuses it (400) before any page is looked for."""
    status, _, _ = _raw_get(world, "/p/Nước")
    assert 400 <= status < 500


def test_a_gtin_with_a_wrong_check_digit_is_said_to_be_one(world: PublicWorld):
    status, _, body = _raw_get(world, "/01/08934567000012")
    assert status == 404 and "sai chữ số kiểm tra" in body


def test_an_unknown_well_formed_code_is_named_back(world: PublicWorld):
    status, _, body = _raw_get(world, "/p/ZZZZZZZZ?utm_source=label")
    assert status == 404 and "ZZZZZZZZ" in body and "Không có sản phẩm OCOP nào" in body


def test_a_code_is_read_as_printed_in_any_case_and_query_strings_are_ignored(world: PublicWorld):
    code = public_code(world.ids["VALID"])
    response = requests.get(f"{world.url}/p/{code.lower()}?src=qr&x=%00", timeout=10)
    assert response.status_code == 200 and "Nước mắm valid" in response.text
