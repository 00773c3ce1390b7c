"""The province's public base URL: a server setting laptops receive in /info, and the address pages name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from public_world import PublicWorld, build

from ocop_core.protocol import ServerInfo
from ocop_core.traceability import public_code
from ocop_desktop.sync.client import ServerClient
from ocop_server.cli import _settings, build_parser
from ocop_server.testing import LiveServer

BASE = "https://ocop.hatinh.example.vn"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, world: PublicWorld) -> Iterator[PublicWorld]:
    """A second server, with the base URL set (the module's ``world`` has none)."""
    live = LiveServer(tmp_path_factory.mktemp("published"), public_base_url=BASE).start()
    built = build(live)
    yield built
    built.admin.close()
    live.stop()


def test_a_laptop_receives_the_base_url_in_info(published: PublicWorld):
    assert ServerClient(published.url, "d").info().public_base_url == BASE


def test_an_unset_base_url_is_left_out_of_info_so_older_laptops_still_read_it(world: PublicWorld):
    body = requests.get(f"{world.url}/info", timeout=10).json()
    assert "public_base_url" not in body
    assert ServerInfo.model_validate(body).public_base_url is None
    assert ServerInfo.model_validate({**body, "a_later_field": 1}).name == body["name"]


def test_pages_and_the_feed_name_themselves_by_the_base_url(published: PublicWorld):
    code = public_code(published.ids["VALID"])
    html = requests.get(f"{published.url}/p/{code}", timeout=10).text
    assert f'<link rel="canonical" href="{BASE}/p/{code}">' in html
    items = requests.get(f"{published.url}/catalogue.json", timeout=10).json()["items"]
    assert all(item["url"].startswith(BASE + "/p/") for item in items)


def test_the_command_line_takes_the_base_url_and_refuses_a_wrong_one(tmp_path: Path):
    args = ["--database-url", f"sqlite:///{tmp_path / 's.sqlite3'}", "--files-dir", str(tmp_path / "f")]
    settings = _settings(build_parser().parse_args([*args, "--public-base-url", BASE + "/"]))
    assert settings.public_base_url == BASE
    with pytest.raises(SystemExit, match="public-base-url"):
        _settings(build_parser().parse_args([*args, "--public-base-url", "ftp://x?y"]))
