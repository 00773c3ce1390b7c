"""The product page says when its recognition (and a lot page, its lot) was logged in the transparency log,
and links the proof bundle, which downloads as a file that verifies against the log's published key."""

from __future__ import annotations

import html as html_module
import re
import shutil
import subprocess
from datetime import UTC, timedelta, timezone
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from public_world import PublicWorld

from ocop_core.traceability import public_code
from ocop_core.translog.bundles import verify_bundle
from ocop_core.translog.notes import Verifier
from ocop_server.translog.tables import LogEntry

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LINE = re.compile(r"Ghi vào nhật ký minh bạch lúc (\d\d:\d\d) ngày (\d\d/\d\d/\d{4}), vị trí ([\d.]+)\. "
                  r'<a href="([^"]+)" download>Tải gói bằng chứng</a>')


def _page(world: PublicWorld, name: str, lot: str | None = None) -> str:
    path = f"/p/{public_code(world.ids[name])}" + (f"/l/{lot}" if lot else "")
    response = requests.get(world.url + path, timeout=10)
    assert response.status_code == 200
    return response.text


def _entry(world: PublicWorld, entity: str, entity_id: str) -> LogEntry:
    with world.server.app.state.sessions() as session:
        return (session.query(LogEntry).filter_by(entity=entity, entity_id=entity_id)
                .order_by(LogEntry.idx.desc()).first())


def test_the_page_says_when_and_where_the_recognition_was_logged(world: PublicWorld):
    """The time in Vietnam's hours, the position counted from 1 (as `ocop verify` says it), and a link to the
    recognition's bundle; the note says what the bundle proves and what it does not."""
    text = _page(world, "VALID")
    found = LINE.findall(text)
    assert len(found) == 1, text
    clock, day, position, link = found[0]
    entry = _entry(world, "recognitions", world.ids["R_VALID"])
    at = (entry.logged_at if entry.logged_at.tzinfo else entry.logged_at.replace(tzinfo=UTC))
    local = at.astimezone(timezone(timedelta(hours=7)))
    assert (clock, day) == (local.strftime("%H:%M"), local.strftime("%d/%m/%Y"))
    assert int(position.replace(".", "")) == entry.idx + 1
    assert link == f"/log/bundle/recognitions/{world.ids['R_VALID']}"
    assert "không chứng minh điều được ghi là đúng" in text and "ocop verify" in text


def test_a_lot_page_also_links_the_lots_own_bundle(world: PublicWorld):
    links = [found[3] for found in LINE.findall(_page(world, "VALID", "L2026-01"))]
    assert links == [f"/log/bundle/recognitions/{world.ids['R_VALID']}",
                     f"/log/bundle/production_lots/{world.ids['lot']}"]


def test_the_linked_bundle_downloads_as_a_file_and_verifies_against_the_published_key(world: PublicWorld):
    """What a consumer does: follow the page's link, keep the file, check it offline with the key the province
    publishes at /log/key. The file is an attachment named after the record, and its entry is the one shown."""
    link = html_module.unescape(LINE.findall(_page(world, "REVOKED"))[0][3])
    response = requests.get(world.url + link, timeout=10)
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    name = re.fullmatch(r'attachment; filename="([A-Za-z0-9_.-]+)"', disposition)
    assert name and name[1].startswith(f"ocop-bang-chung-recognitions-{world.ids['R_REVOKED']}")
    assert name[1].endswith(".json")
    key = Verifier.decode(requests.get(world.url + "/log/key", timeout=10).text)
    verified = verify_bundle(response.content, pinned_key=key)
    kinds = [entry["kind"] for _, entry in verified.entries]
    assert kinds[0] == "recognition_issued" and kinds[-1] == "recognition_revoked"
    position = int(LINE.findall(_page(world, "REVOKED"))[0][2].replace(".", ""))
    assert verified.entries[-1][0] + 1 == position


def test_a_record_never_logged_has_no_line_and_no_bundle(world: PublicWorld):
    """A product without a recognition has no page at all, so no bundle either: the endpoint says so."""
    response = requests.get(f"{world.url}/log/bundle/recognitions/{world.ids['PLAIN']}", timeout=10)
    assert response.status_code == 404


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/test-deps.sh)")
def test_the_link_chromium_rendered_leads_to_a_bundle_that_verifies(world: PublicWorld, tmp_path: Path):
    """The link as a real browser built it from the page (its DOM), resolved against the page's address like
    a click would, gives a bundle that verifies with the published key."""
    url = world.url + f"/p/{public_code(world.ids['VALID'])}"
    done = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
                          capture_output=True, text=True, timeout=90)
    links = re.findall(r'<a href="([^"]+)" download="">Tải gói bằng chứng</a>', done.stdout)
    assert len(links) == 1, done.stdout[-1500:]
    response = requests.get(urljoin(url, html_module.unescape(links[0])), timeout=10)
    assert response.headers["content-disposition"].startswith("attachment;")
    key = Verifier.decode(requests.get(world.url + "/log/key", timeout=10).text)
    verified = verify_bundle(response.content, pinned_key=key)
    assert [entry["recognition_id"] for _, entry in verified.entries] == [world.ids["R_VALID"]]
