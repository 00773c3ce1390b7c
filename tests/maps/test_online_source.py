"""The optional online source against a real HTTP server on 127.0.0.1: caching headers, errors, limits."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from map_testkit import fake_png

from ocop_desktop.maps.cache import TileCache
from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.images import MAX_TILE_BYTES
from ocop_desktop.maps.online import MAX_PARALLEL, OnlineConfig, OnlineSource
from ocop_desktop.maps.source import TileChain

TILE = fake_png("online")
MakeSource = Callable[..., OnlineSource]


@dataclass
class Provider:
    """What the fake tile server saw, and how long it makes each request wait."""

    url: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    delay_s: float = 0.0
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _handler(provider: Provider) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with provider.lock:
                provider.requests.append((self.path, dict(self.headers)))
                provider.in_flight += 1
                provider.most_in_flight = max(provider.most_in_flight, provider.in_flight)
            try:
                time.sleep(provider.delay_s)
                self._answer(self.path.split("/")[1])
            finally:
                with provider.lock:
                    provider.in_flight -= 1

        def _answer(self, kind: str) -> None:
            if kind == "missing":
                return self._send(404, b"not here", "text/plain")
            if kind == "broken":
                return self._send(500, b"oops", "text/plain")
            if kind == "html":
                return self._send(200, b"<html>blocked</html>", "text/html")
            if kind == "huge":
                return self._send(200, TILE + b"\0" * MAX_TILE_BYTES, "image/png")
            if self.headers.get("If-None-Match") == '"v1"':
                return self._send(304, b"", "image/png", {"Cache-Control": "max-age=600"})
            control = "no-store" if kind == "private" else "max-age=60"
            return self._send(200, TILE, "image/png", {"ETag": '"v1"', "Cache-Control": control})

        def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def provider() -> Iterator[Provider]:
    state = Provider()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()
    thread.join(5)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def make_source(provider: Provider, tmp_path: Path) -> Iterator[Callable[..., OnlineSource]]:
    """An enabled source for one kind of answer, with a cache that is closed after the test."""
    caches: list[TileCache] = []

    def make(kind: str = "tiles", clock: Clock | None = None, **kwargs: float) -> OnlineSource:
        config = OnlineConfig(f"{provider.url}/{kind}/{{z}}/{{x}}/{{y}}.png", "© Test tiles",
                              contact="ocop@example.vn")
        clock = clock or Clock()
        caches.append(TileCache(tmp_path / f"cache-{len(caches)}.mbtiles", clock=clock))
        source = OnlineSource(config, caches[-1], clock=clock, **kwargs)
        source.enabled = True
        return source

    yield make
    for cache in caches:
        cache.close()


def test_nothing_is_requested_while_the_source_is_off(provider: Provider, make_source: MakeSource):
    """Off by default, and off means no request at all, through the chain too."""
    source = make_source()
    source.enabled = False
    assert source.fetch(12, 3252, 1835).status == "offline"
    assert TileChain([], source.cache, source).fetch(12, 3252, 1835).kind == "placeholder"
    assert provider.requests == []


def test_a_200_is_stored_in_the_cache_with_its_etag_and_max_age(provider: Provider, make_source: MakeSource):
    """The tile comes back, is cached with the ETag and an expiry of max-age, and carries a real User-Agent."""
    clock = Clock()
    source = make_source(clock=clock)
    result = source.fetch(12, 3252, 1835)
    assert (result.status, result.data) == ("fetched", TILE)
    path, headers = provider.requests[0]
    assert path == "/tiles/12/3252/1835.png"
    assert headers["User-Agent"].startswith("OCOP-HaTinh-Desktop/") and "ocop@example.vn" in headers["User-Agent"]
    cached = source.cache.get(12, 3252, 1835)  # type: ignore[union-attr]
    assert cached is not None and (cached.etag, cached.expires) == ('"v1"', clock.now + 60)


def test_a_fresh_cached_tile_is_not_requested_again(provider: Provider, make_source: MakeSource):
    """Within max-age the cache answers and the provider sees one request only."""
    source = make_source()
    source.fetch(5, 1, 1)
    assert source.fetch(5, 1, 1).status == "cached"
    assert len(provider.requests) == 1


def test_a_stale_tile_is_revalidated_with_its_etag_and_a_304_renews_it(provider: Provider, make_source: MakeSource):
    """Past max-age the request carries If-None-Match; the 304 keeps the bytes and sets the new expiry."""
    clock = Clock()
    source = make_source(clock=clock)
    source.fetch(5, 1, 1)
    clock.now += 61
    result = source.fetch(5, 1, 1)
    assert (result.status, result.data) == ("not_modified", TILE)
    assert provider.requests[1][1]["If-None-Match"] == '"v1"'
    assert source.cache.get(5, 1, 1).expires == clock.now + 600  # type: ignore[union-attr]


def test_the_chain_marks_a_stale_tile_fetchable_and_fetch_refreshes_it(provider: Provider, make_source: MakeSource):
    """A stale cached tile is shown at once and flagged; the fetch revalidates it."""
    clock = Clock()
    source = make_source(clock=clock)
    source.fetch(5, 1, 1)
    clock.now += 61
    chain = TileChain([], source.cache, source, clock=clock)
    shown = chain.get(5, 1, 1)
    assert (shown.kind, shown.origin, shown.stale, shown.fetchable) == ("tile", "cache", True, True)
    fetched = chain.fetch(5, 1, 1)
    assert (fetched.kind, fetched.origin, fetched.stale) == ("tile", "online", False)
    assert chain.get(5, 1, 1).fetchable is False


def test_no_store_keeps_the_tile_out_of_the_cache(provider: Provider, make_source: MakeSource):
    """A provider that forbids storing gets its wish; the tile is still shown."""
    source = make_source(kind="private")
    assert source.fetch(5, 1, 1).data == TILE
    assert source.cache.get(5, 1, 1) is None  # type: ignore[union-attr]


def test_a_404_is_missing_and_not_asked_again(provider: Provider, make_source: MakeSource):
    """The map falls back to a parent tile; the same missing tile costs the provider one request."""
    source = make_source(kind="missing")
    assert source.fetch(9, 1, 1).status == "missing"
    assert source.fetch(9, 1, 1).status == "missing"
    assert len(provider.requests) == 1
    assert TileChain([], None, source).get(9, 1, 1).fetchable is False
    assert TileChain([], None, source).get(9, 1, 2).fetchable is True


def test_a_timeout_fails_quickly_and_pauses_the_source(provider: Provider, make_source: MakeSource):
    """A slow server costs one timeout, then the source rests instead of stalling every tile."""
    provider.delay_s = 1.0
    clock = Clock()
    source = make_source(clock=clock, timeout_s=0.2, backoff_s=30.0)
    started = time.monotonic()
    result = source.fetch(9, 1, 1)
    assert time.monotonic() - started < 0.9
    assert result.status == "failed" and result.problem is not None
    assert result.problem.code == "online_unreachable"
    assert source.fetch(9, 2, 1).problem.code == "online_paused"  # type: ignore[union-attr]
    assert TileChain([], None, source).get(9, 2, 1).fetchable is False
    assert len(provider.requests) == 1
    clock.now += 31
    provider.delay_s = 0.0
    assert source.fetch(9, 2, 1).status == "fetched"


@pytest.mark.parametrize(("kind", "status", "code"), [("broken", "failed", "online_http_error"),
                                                      ("html", "bad_tile", "tile_not_image"),
                                                      ("huge", "bad_tile", "tile_too_large")])
def test_a_failing_server_or_a_non_tile_answer_is_an_error_and_nothing_is_cached(
        provider: Provider, make_source: MakeSource, kind: str, status: str, code: str):
    """A 500, an HTML page instead of an image, or an oversized body: a coded problem, no cached garbage."""
    source = make_source(kind=kind)
    result = source.fetch(9, 1, 1)
    assert (result.status, result.data, result.problem.code) == (status, None, code)  # type: ignore[union-attr]
    assert source.cache.tile_count() == 0  # type: ignore[union-attr]


def test_an_unreachable_server_is_an_error_not_a_crash(tmp_path: Path):
    """Nothing listens on the port: the chain still answers with what it has."""
    config = OnlineConfig("http://127.0.0.1:9/{z}/{x}/{y}.png", "© Nobody")
    source = OnlineSource(config, None, timeout_s=1.0)
    source.enabled = True
    chain = TileChain([], None, source)
    assert chain.fetch(3, 1, 1).kind == "placeholder"
    assert [p.code for p in chain.problems()] == ["online_unreachable"]


def test_at_most_two_requests_are_in_flight(provider: Provider, make_source: MakeSource):
    """Eight workers asking at once never put more than two requests on the provider."""
    provider.delay_s = 0.15
    source = make_source()
    threads = [threading.Thread(target=source.fetch, args=(14, i, 0)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(provider.requests) == 8
    assert provider.most_in_flight == MAX_PARALLEL == 2


def test_a_caller_that_cannot_wait_hears_busy(provider: Provider, make_source: MakeSource):
    """With both slots taken, ``wait_s=0`` answers at once, and the chain keeps the tile fetchable so the
    widget retries when the view settles."""
    provider.delay_s = 0.5
    source = make_source()
    threads = [threading.Thread(target=source.fetch, args=(14, i, 0)) for i in range(2)]
    for thread in threads:
        thread.start()
    while provider.in_flight < 2:
        time.sleep(0.01)
    assert source.fetch(14, 9, 0, wait_s=0).status == "busy"
    retry_later = TileChain([], None, source).fetch(14, 9, 0, wait_s=0)
    assert (retry_later.kind, retry_later.fetchable) == ("placeholder", True)
    for thread in threads:
        thread.join(10)


def test_the_opener_is_injectable_and_tms_servers_get_the_flipped_row():
    """``{-y}`` asks a TMS server for the flipped row; the injected opener sees the exact request."""
    seen: list[urllib.request.Request] = []

    def opener(request: urllib.request.Request, timeout: float) -> object:
        seen.append(request)
        raise OSError("offline test")

    source = OnlineSource(OnlineConfig("https://tms.example.vn/{z}/{x}/{-y}.png", "© TMS"), opener=opener)
    source.enabled = True
    source.fetch(11, 327, 791)
    assert seen[0].full_url == "https://tms.example.vn/11/327/1256.png"


@pytest.mark.parametrize(("template", "reason"), [("file:///etc/{z}/{x}/{y}", "scheme"),
                                                  ("ftp://host/{z}/{x}/{y}.png", "scheme"),
                                                  ("https://host/{z}/{x}.png", "placeholders"),
                                                  ("https:///{z}/{x}/{y}.png", "scheme")])
def test_a_template_that_cannot_work_is_refused(template: str, reason: str):
    """urllib would read local files for a file: URL; only http(s) with z, x and y is accepted."""
    with pytest.raises(MapError) as caught:
        OnlineSource(OnlineConfig(template, "© x"))
    assert (caught.value.code, caught.value.params["reason"]) == ("online_bad_template", reason)


def test_a_source_without_attribution_is_refused():
    """Providers' licences require credit on the map, so a source cannot be set up without one."""
    with pytest.raises(MapError) as caught:
        OnlineConfig("https://host/{z}/{x}/{y}.png", " ").check()
    assert caught.value.params["reason"] == "attribution"


def test_each_provider_gets_its_own_cache_file_name():
    """Changing the template starts another cache file; the same template finds its old one."""
    osm = OnlineConfig("https://tile.example.org/{z}/{x}/{y}.png", "© A")
    other = OnlineConfig("https://tiles.example.vn/{z}/{x}/{y}.png", "© B")
    assert osm.cache_file_name() == OnlineConfig(osm.template, "© A2").cache_file_name()
    assert osm.cache_file_name() != other.cache_file_name()
    assert osm.cache_file_name().startswith("tiles-") and osm.cache_file_name().endswith(".mbtiles")
