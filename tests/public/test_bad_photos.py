"""A "photo" that is not a picture, or is too large to decode safely, never breaks a page nor is served."""

from __future__ import annotations

import io
import threading

import pytest
import requests
from PIL import Image
from public_world import PublicWorld, insert, new_id, update

from ocop_core.traceability import public_code


def _huge_png() -> bytes:
    """60 megapixels of one colour: a few hundred kilobytes on the wire, 180 MB once decoded."""
    out = io.BytesIO()
    Image.new("L", (10_000, 6_000), 200).save(out, "PNG", optimize=True)
    return out.getvalue()


@pytest.fixture(scope="module")
def bad(world: PublicWorld) -> dict[str, str]:
    files = {"text": world.upload("Đây không phải là ảnh.".encode()), "huge": world.upload(_huge_png()),
             "cut": world.upload(world_photo_cut())}
    world.push([insert("dossier_documents", new_id(), {"dossier_id": world.ids["dossier"], "doc_type": "product_photo",
                                                       "sha256": sha, "size": 1}) for sha in files.values()])
    return files


def world_photo_cut() -> bytes:
    """A JPEG cut in the middle, as a failed copy from a phone leaves it."""
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (90, 140, 30)).save(out, "JPEG")
    return out.getvalue()[:2000]


def test_the_page_shows_the_good_photo_and_leaves_the_bad_ones_out(world: PublicWorld, bad):
    response = requests.get(f"{world.url}/p/{public_code(world.ids['VALID'])}", timeout=30)
    assert response.status_code == 200
    assert f"/thumbs/{world.photo}.jpg" in response.text
    for sha in bad.values():
        assert sha not in response.text


@pytest.mark.parametrize("name", ["text", "huge", "cut"])
def test_a_bad_photo_is_not_served_and_is_not_decoded_twice(world: PublicWorld, bad, name):
    for _ in range(2):
        response = requests.get(f"{world.url}/thumbs/{bad[name]}.jpg", timeout=30)
        assert response.status_code == 404
    marker = world.server.settings.files_dir / "thumbs" / bad[name][:2] / f"{bad[name]}-480.bad"
    assert marker.exists()


def test_pages_and_the_feed_answer_while_rows_change(world: PublicWorld, bad):
    """Readers and the index's refresh on other threads: every answer is whole, never a 5xx."""
    product = world.ids["EXPIRING"]
    statuses: list[int] = []
    stop = threading.Event()

    def read() -> None:
        with requests.Session() as http:
            while not stop.is_set():
                for path in (f"/p/{public_code(product)}", "/catalogue.json", "/catalogue.csv"):
                    statuses.append(http.get(world.url + path, timeout=30).status_code)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        for n in range(15):
            version = next(r.version for r in world.admin.pull(0, limit=1000, entity="products").rows
                           if r.id == product)
            world.push([update("products", product, {"name": f"Nước mắm lần {n}"}, version)])
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=30)
    assert statuses and set(statuses) == {200}, sorted(set(statuses))
    assert "Nước mắm lần 14" in requests.get(f"{world.url}/p/{public_code(product)}", timeout=10).text
