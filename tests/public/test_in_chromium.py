"""The public pages in a real headless Chromium at a phone's size (390×844): they load from this server
alone, log nothing to the console, fit the 200 KB budget, and the revoked and unknown pages show their banner.

The screenshots land in the test's temporary folder (their paths are printed); run with -s to see where."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import requests
from PIL import Image
from public_world import PublicWorld

from ocop_core.traceability import public_code

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BUDGET = 200 * 1024
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/test-deps.sh)")]


def _chromium(url: str, folder: Path) -> tuple[Path, list[str], list[dict]]:
    """(screenshot, console lines, requests the page made) of one page load."""
    folder.mkdir(parents=True, exist_ok=True)
    shot, netlog = folder / "page.png", folder / "net.json"
    # Any host but this one resolves to nothing, so an outside resource could not load even if one slipped
    # in; the net log still records the attempt, which is what the test looks at.
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={folder / 'profile'}", f"--log-net-log={netlog}", "--enable-logging=stderr", "--v=0",
         "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--window-size=390,844",
         f"--screenshot={shot}", url], capture_output=True, text=True, timeout=90)
    assert shot.exists(), done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    started = [e["params"] for e in log["events"] if names.get(e["type"]) == "URL_REQUEST_START_JOB"
               and e.get("phase") == 1 and isinstance(e.get("params"), dict) and "url" in e["params"]]
    origin = url.split("/p/")[0]
    # The browser's own background traffic has no page as initiator; the page's requests name the page's origin.
    from_page = [p for p in started if p.get("request_type") == "main frame" or p.get("initiator") == origin]
    return shot, console, from_page


def _weight(world: PublicWorld, url: str, requested: list[dict]) -> int:
    """Bytes a phone downloads for the page: the HTML as sent gzipped, plus every other resource it loaded."""
    total = 0
    for request in requested:
        response = requests.get(request["url"], headers={"Accept-Encoding": "gzip"}, stream=True, timeout=10)
        raw = response.raw.read(decode_content=False)
        total += len(raw)
        if request["url"] == url:
            assert response.headers.get("content-encoding") == "gzip" or len(raw) < 500
            html = gzip.decompress(raw) if response.headers.get("content-encoding") == "gzip" else raw
            print(f"HTML {len(html)} bytes, {len(raw)} sent")
    return total


@pytest.mark.parametrize("name", ["lot", "revoked", "unknown"])
def test_the_page_in_chromium_at_phone_size(world: PublicWorld, tmp_path: Path, name: str):
    path = {"lot": f"/p/{public_code(world.ids['VALID'])}/l/L2026-01",
            "revoked": f"/p/{public_code(world.ids['REVOKED'])}", "unknown": "/p/ZZZZZZZZ"}[name]
    url = world.url + path
    shot, console, requested = _chromium(url, tmp_path / name)
    print(f"screenshot: {shot}")
    with Image.open(shot) as image:
        assert image.size == (390, 844)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50, "the page drew more than a blank screen"
    assert console == [], console
    urls = [r["url"] for r in requested]
    assert url in urls
    assert all(u.startswith(world.url + "/") for u in urls), urls
    if name == "lot":
        assert sum("/thumbs/" in u for u in urls) == 2, urls
    weight = _weight(world, url, requested)
    print(f"{name}: {len(urls)} requests, {weight} bytes of {BUDGET}")
    assert weight < BUDGET


def test_the_revoked_and_unknown_pages_say_so_in_the_rendered_page(world: PublicWorld, tmp_path: Path):
    """What Chromium built from the HTML (its DOM), not only what the server sent."""
    for path, words in ((f"/p/{public_code(world.ids['REVOKED'])}", "đã bị thu hồi"),
                        ("/p/ZZZZZZZZ", "Không tìm thấy sản phẩm")):
        done = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", world.url + path],
            capture_output=True, text=True, timeout=90)
        assert re.search(r'class="banner (revoked|expired)"', done.stdout), done.stdout[:500]
        assert words in done.stdout
