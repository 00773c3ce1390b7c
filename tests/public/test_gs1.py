"""Products with a GTIN answer at their GS1 Digital Link, and keep answering at their short address."""

from __future__ import annotations

import json
import re

import pytest
import requests
from public_world import COMMUNE, GTIN, PublicWorld, decided_by_council, insert, new_id, recognition

from ocop_core.domain.dates import add_months, vietnam_today
from ocop_core.traceability import public_code


@pytest.fixture(scope="module")
def gs1(world: PublicWorld) -> dict[str, str]:
    """A valid product with a GTIN, a lot, and the code a laptop takes after a clash (attempt 1)."""
    product, lot = new_id(), new_id()
    code = public_code(product, attempt=1)
    dossier, decided = decided_by_council(world.council, product, stars=5)
    world.push([
        insert("products", product, {"producer_id": world.ids["producer"], "name": "Mật ong rừng Vũ Quang",
                                     "subgroup_code": "I.1.a", "commune_code": COMMUNE, "gtin": GTIN,
                                     "public_code": code}),
        *decided,
        insert("recognitions", new_id(), {**recognition(product, add_months(vietnam_today(), -2), stars=5),
                                          "dossier_id": dossier}),
        insert("production_lots", lot, {"product_id": product, "lot_code": "MO/2026.1", "produced_on": "2026-09-01"}),
    ])
    return {"id": product, "code": code}


def get(world: PublicWorld, path: str) -> requests.Response:
    return requests.get(world.url + path, timeout=10)


def test_the_digital_link_opens_the_product_and_its_lot(world: PublicWorld, gs1):
    product = get(world, f"/01/{GTIN}")
    assert product.status_code == 200 and "Mật ong rừng Vũ Quang" in product.text
    assert f'<link rel="canonical" href="{world.url}/01/{GTIN}">' in product.text
    assert f"<dd>{GTIN}</dd>" in product.text
    lot = get(world, f"/01/{GTIN}/10/MO%2F2026.1")
    assert lot.status_code == 200 and "Lô hàng MO/2026.1" in lot.text
    assert f'href="{world.url}/01/{GTIN}/10/MO%2F2026.1"' in lot.text


def test_shorter_gtins_and_ignored_qualifiers_reach_the_same_product(world: PublicWorld, gs1):
    for path in (f"/01/{GTIN[1:]}", f"/01/{GTIN}/22/A1", f"/01/{GTIN}/10/MO%2F2026.1/21/00042",
                 f"/01/{GTIN}?17=281001"):
        response = get(world, path)
        assert response.status_code == 200 and "Mật ong rừng Vũ Quang" in response.text, path


def test_the_short_address_keeps_working_and_names_the_digital_link_canonical(world: PublicWorld, gs1):
    response = get(world, f"/p/{gs1['code']}")
    assert response.status_code == 200
    assert f'<link rel="canonical" href="{world.url}/01/{GTIN}">' in response.text
    assert get(world, f"/p/{public_code(gs1['id'])}").status_code == 404, "the code it did not take is not its"


def test_the_feed_gives_the_gtin_and_the_digital_link(world: PublicWorld, gs1):
    items = {i["code"]: i for i in get(world, "/catalogue.json").json()["items"]}
    item = items[gs1["code"]]
    assert item["gtin"] == GTIN and item["url"] == f"{world.url}/01/{GTIN}" and item["stars"] == 5


def test_an_unknown_gtin_with_a_right_check_digit_is_unknown(world: PublicWorld, gs1):
    response = get(world, "/01/08934567000024")
    assert response.status_code == 404 and "Không có sản phẩm OCOP nào" in response.text


def test_a_name_that_looks_like_markup_stays_text_in_the_page_and_its_json_ld(world: PublicWorld):
    """A product named with HTML in it (typed on a laptop, synced) neither runs nor breaks the JSON-LD."""
    name = 'Trà </script><script>alert(1)</script> & "xanh"'
    product = new_id()
    dossier, decided = decided_by_council(world.council, product)
    world.push([
        insert("products", product, {"producer_id": world.ids["producer"], "name": name, "subgroup_code": "I.1.a",
                                     "commune_code": COMMUNE}),
        *decided,
        insert("recognitions", new_id(), {**recognition(product, add_months(vietnam_today(), -1)),
                                          "dossier_id": dossier}),
    ])
    html = get(world, f"/p/{public_code(product)}").text
    assert "<script>alert" not in html
    assert html.count("</script>") == 1, "only the JSON-LD block's own end"
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])
    assert data["name"] == name


def test_a_page_answers_head_as_crawlers_ask(world: PublicWorld, gs1):
    response = requests.head(f"{world.url}/01/{GTIN}", timeout=10)
    assert response.status_code == 200 and response.content == b""
    assert requests.head(f"{world.url}/p/ZZZZZZZZ", timeout=10).status_code == 404
