"""The catalogue feed a shop's system pulls: its content, incremental reads with since, and ETag/304."""

from __future__ import annotations

import csv
import io

import requests
from public_world import PublicWorld, update

from ocop_core.domain.dates import add_months, vietnam_today
from ocop_core.traceability import public_code

STATES = ("VALID", "EXPIRING", "EXPIRED", "REVOKED")


def get(world: PublicWorld, kind: str = "json", **params: str) -> requests.Response:
    response = requests.get(f"{world.url}/catalogue.{kind}", params=params, timeout=10)
    assert response.status_code == 200, response.text[:300]
    return response


def by_code(items: list[dict]) -> dict[str, dict]:
    return {item["code"]: item for item in items}


def codes(world: PublicWorld, *names: str) -> set[str]:
    return {public_code(world.ids[name]) for name in names}


def version(world: PublicWorld, entity: str, row_id: str) -> int:
    return next(r.version for r in world.admin.pull(0, limit=1000, entity=entity).rows if r.id == row_id)


def test_the_full_feed_lists_every_recognised_product_with_its_validity(world: PublicWorld):
    body = get(world).json()
    assert body["format"] == "ocop-catalogue/1" and body["full"] is True and body["since"] is None
    items = by_code(body["items"])
    assert set(items) == codes(world, *STATES), "the unrecognised product is never listed"
    assert body["count"] == 4 and body["removed"] == []
    statuses = {name: items[public_code(world.ids[name])]["status"] for name in STATES}
    assert statuses == {"VALID": "valid", "EXPIRING": "expiring", "EXPIRED": "expired", "REVOKED": "revoked"}
    valid = items[public_code(world.ids["VALID"])]
    assert valid["name"] == "Nước mắm valid" and valid["producer"] == "HTX Nước mắm Thành Sen"
    assert valid["commune"] == "Phường Thành Sen" and valid["commune_code"] == "18073" and valid["stars"] == 4
    assert valid["url"] == f"{world.url}/p/{valid['code']}"
    assert valid["image_url"] == f"{world.url}/thumbs/{world.photo}.jpg"
    assert requests.get(valid["url"], timeout=10).status_code == 200
    assert items[public_code(world.ids["REVOKED"])]["revoked_on"] is not None
    assert "phone" not in str(body) and "0912345678" not in str(body)


def test_the_csv_lists_the_same_products(world: PublicWorld):
    response = get(world, "csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["code"] for row in rows} == codes(world, *STATES)
    assert {row["status"] for row in rows} == {"valid", "expiring", "expired", "revoked"}
    assert response.headers["x-ocop-next-cursor"] == get(world).json()["next"]


def test_an_unchanged_feed_answers_304_to_its_etag(world: PublicWorld):
    first = get(world)
    tag = first.headers["etag"]
    again = requests.get(f"{world.url}/catalogue.json", headers={"If-None-Match": tag}, timeout=10)
    assert again.status_code == 304 and again.content == b""
    assert get(world, "csv").headers["etag"] != tag, "each format has its own tag"
    other = requests.get(f"{world.url}/catalogue.json", headers={"If-None-Match": '"stale"'}, timeout=10)
    assert other.status_code == 200


def test_a_malformed_or_foreign_cursor_gets_the_full_list_marked_full(world: PublicWorld):
    for since in ("abc", "99999999999.20260101", "1.29991231", "5.20261301", "-1.20260101", "x" * 500):
        body = get(world, since=since).json()
        assert body["full"] is True and body["since"] is None and body["count"] == 4, since


def test_since_a_fresh_cursor_nothing_has_changed(world: PublicWorld):
    cursor = get(world).json()["next"]
    body = get(world, since=cursor).json()
    assert body["full"] is False and body["since"] == cursor
    assert body["items"] == [] and body["removed"] == []


def test_since_an_earlier_day_lists_the_products_whose_status_turned_meanwhile(world: PublicWorld):
    """Four months ago the expiring one was valid, the expired one was expiring and the revoked one valid:
    they changed status with no row changing, and an incremental reader must hear of it."""
    seq = get(world).json()["next"].split(".")[0]
    then = add_months(vietnam_today(), -4)
    body = get(world, since=f"{seq}.{then:%Y%m%d}").json()
    assert set(by_code(body["items"])) == codes(world, "EXPIRING", "EXPIRED", "REVOKED")


def test_since_lists_a_renamed_product_and_a_producer_change_touches_its_products(world: PublicWorld):
    cursor = get(world).json()["next"]
    product = world.ids["EXPIRING"]
    world.push([update("products", product, {"name": "Nước mắm Thành Sen 2"}, version(world, "products", product))])
    body = get(world, since=cursor).json()
    assert [item["name"] for item in body["items"]] == ["Nước mắm Thành Sen 2"]
    cursor = body["next"]
    producer = world.ids["producer"]
    world.push([update("producers", producer, {"name": "HTX Thành Sen"}, version(world, "producers", producer))])
    body = get(world, since=cursor).json()
    assert set(by_code(body["items"])) == codes(world, *STATES)
    assert {item["producer"] for item in body["items"]} == {"HTX Thành Sen"}


def test_a_product_whose_recognition_is_deleted_leaves_the_feed_as_removed(world: PublicWorld):
    first = get(world)
    cursor, tag = first.json()["next"], first.headers["etag"]
    rec = world.ids["R_EXPIRED"]
    result = world.admin.push([update("recognitions", rec, {"deleted": True}, version(world, "recognitions", rec))
                               .model_copy(update={"op": "delete"})]).results[0]
    assert result.status == "applied", result.reason
    changed = requests.get(f"{world.url}/catalogue.json", headers={"If-None-Match": tag}, timeout=10)
    assert changed.status_code == 200, "a change must change the tag"
    body = get(world, since=cursor).json()
    assert body["items"] == []
    assert [gone["code"] for gone in body["removed"]] == [public_code(world.ids["EXPIRED"])]
    assert public_code(world.ids["EXPIRED"]) not in by_code(get(world).json()["items"])
    page = requests.get(f"{world.url}/p/{public_code(world.ids['EXPIRED'])}", timeout=10)
    assert page.status_code == 404
