"""The online tile cache: stored with its HTTP facts, capped in size by LRU, and never fatal to the map."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from map_testkit import fake_png

from ocop_desktop.maps.cache import ACCESS_GRANULARITY_S, TileCache
from ocop_desktop.maps.mbtiles import MBTilesReader


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_tile_is_stored_with_its_etag_and_expiry_and_read_back(tmp_path: Path):
    """What the online source learnt about a tile comes back with it; expiry makes it stale, not gone."""
    clock = Clock()
    cache = TileCache(tmp_path / "c.mbtiles", clock=clock)
    cache.put(12, 3252, 1835, fake_png("t"), etag='"v1"', expires=clock.now + 60)
    got = cache.get(12, 3252, 1835)
    assert got is not None
    assert (got.data, got.etag, got.fetched_at, got.stale(clock.now)) == (fake_png("t"), '"v1"', clock.now, False)
    clock.now += 61
    assert cache.get(12, 3252, 1835).stale(clock.now)  # type: ignore[union-attr]
    assert cache.get(12, 3252, 1836) is None
    cache.close()


def test_the_cache_is_a_valid_mbtiles_file(tmp_path: Path):
    """Any MBTiles reader, ours included, opens the cache and finds tiles at their XYZ numbers."""
    cache = TileCache(tmp_path / "c.mbtiles", name="OSM cache")
    cache.put(11, 327, 791, fake_png("spec"), etag=None, expires=0)
    cache.close()
    with MBTilesReader(tmp_path / "c.mbtiles") as reader:
        assert reader.metadata.name == "OSM cache"
        assert reader.tile(11, 327, 791) == fake_png("spec")


def test_a_304_refresh_renews_the_expiry_and_keeps_the_bytes(tmp_path: Path):
    """Revalidation changes only the HTTP facts; a missing new ETag keeps the old one."""
    clock = Clock()
    cache = TileCache(tmp_path / "c.mbtiles", clock=clock)
    cache.put(3, 1, 1, fake_png("t"), etag='"v1"', expires=clock.now)
    clock.now += 10
    cache.refresh(3, 1, 1, expires=clock.now + 3600)
    got = cache.get(3, 1, 1)
    assert got is not None
    assert (got.data, got.etag, got.expires, got.fetched_at) == (fake_png("t"), '"v1"', clock.now + 3600, clock.now)
    cache.close()


def test_eviction_keeps_the_file_under_its_cap_and_drops_the_least_recently_viewed(tmp_path: Path):
    """Fill well past the cap: the used pages never exceed it, recently viewed tiles survive, old ones go."""
    clock = Clock()
    cap = 400_000
    cache = TileCache(tmp_path / "c.mbtiles", max_bytes=cap, clock=clock)
    cache.put(14, 0, 0, fake_png("kept", 20_000), etag=None, expires=0)
    for i in range(1, 80):
        clock.now += ACCESS_GRANULARITY_S
        cache.put(14, i, 0, fake_png(f"t{i}", 20_000), etag=None, expires=0)
        assert cache.get(14, 0, 0) is not None, f"the tile in view was evicted at insert {i}"
        assert cache.used_bytes() <= cap
    assert cache.get(14, 1, 0) is None
    assert cache.get(14, 79, 0) is not None
    assert 10 < cache.tile_count() < 20
    assert cache.file_bytes() <= cap * 1.1
    cache.close()


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=64_000, max_value=400_000),
       st.lists(st.tuples(st.integers(0, 30), st.integers(100, 60_000), st.booleans()), min_size=1, max_size=40))
def test_the_cache_never_holds_more_than_its_cap(tmp_path_factory: pytest.TempPathFactory, cap: int,
                                                 steps: list[tuple[int, int, bool]]):
    """Any mix of tile sizes, re-puts and reads: after every put the used pages are within the cap."""
    clock = Clock()
    cache = TileCache(tmp_path_factory.mktemp("cap") / "c.mbtiles", max_bytes=cap, clock=clock)
    try:
        for column, size, read_first in steps:
            clock.now += 61
            if read_first:
                cache.get(15, column, 0)
            cache.put(15, column, 0, fake_png(f"{column}", size), etag=None, expires=0)
            assert cache.used_bytes() <= cap
    finally:
        cache.close()


def test_a_full_disk_turns_the_cache_off_and_it_says_why(tmp_path: Path):
    """'database or disk is full' disables the cache for the session: puts do nothing, gets answer None."""
    cache = TileCache(tmp_path / "c.mbtiles")
    cache.put(1, 0, 0, fake_png("before"), etag=None, expires=0)
    # A page limit gives SQLite's own SQLITE_FULL without filling the test machine's disk.
    cache._con.execute("PRAGMA max_page_count = " + str(cache._con.execute("PRAGMA page_count").fetchone()[0]))
    cache.put(2, 0, 0, fake_png("after", 50_000), etag=None, expires=0)
    assert not cache.enabled
    assert cache.problem is not None and cache.problem.code == "cache_disabled"
    assert "full" in cache.problem.params["reason"]
    assert cache.get(1, 0, 0) is None
    cache.put(3, 0, 0, fake_png("ignored"), etag=None, expires=0)
    assert cache.tile_count() == 0
    cache.close()


def test_a_damaged_cache_file_is_set_aside_and_started_anew(tmp_path: Path):
    """A cache is disposable: a file that is not a database is renamed .corrupt and a fresh one is made."""
    path = tmp_path / "c.mbtiles"
    path.write_bytes(b"this is not an sqlite database" * 50)
    cache = TileCache(path)
    assert cache.enabled
    cache.put(1, 0, 0, fake_png("new"), etag=None, expires=0)
    assert cache.get(1, 0, 0) is not None
    assert (tmp_path / "c.mbtiles.corrupt").read_bytes().startswith(b"this is not")
    cache.close()


def test_a_cache_that_cannot_be_created_is_off_not_fatal(tmp_path: Path):
    """A cache path inside a file (not a folder) cannot work; the cache is simply off."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = TileCache(blocker / "c.mbtiles")
    assert not cache.enabled
    assert cache.problem is not None and cache.problem.code == "cache_disabled"
    assert cache.get(0, 0, 0) is None
    assert cache.used_bytes() == 0


def test_reads_update_last_access_only_once_a_minute(tmp_path: Path):
    """A tile viewed again within the minute costs no write; after it, its access time moves."""
    clock = Clock()
    path = tmp_path / "c.mbtiles"
    cache = TileCache(path, clock=clock)
    cache.put(5, 1, 1, fake_png("t"), etag=None, expires=0)
    start = clock.now
    clock.now += 30
    cache.get(5, 1, 1)
    clock.now += 40
    cache.get(5, 1, 1)
    cache.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT last_access FROM tiles").fetchone()[0] == start + 70
    con.close()
