"""The online tile cache: an MBTiles file plus fetch time, last access, ETag and expiry, capped in size.

``TileCache(path, name=..., max_bytes=...)`` keeps tiles that a person viewed while an online source was
on, so the same place shows offline later. Its ``tiles`` table has the four MBTiles columns (any MBTiles
reader opens it) and ``size``, ``fetched_at``, ``last_access``, ``etag``, ``expires``. The cap counts the
file's used pages (what the disk pays, not just the tile bytes); past it, the least recently viewed tiles
go first, down to 90 % of the cap so that eviction is not paid on every insert, and free pages are handed
back to the file system. A cache is one file per online source, so tiles of two providers never mix.

The cache never stops the map: any SQLite failure (a full disk, a damaged file) turns it off for the rest of
the session and ``problem`` says why (MapError ``cache_disabled``, reason); ``get`` then answers None and
``put`` does nothing. A file that is not a database at all is moved aside (``.corrupt``) and started anew.
One connection behind a lock serves every thread.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.mercator import flip_y

DEFAULT_MAX_BYTES = 500 * 1024 * 1024
# A last-access time a minute old orders tiles well enough, and spares a write on most reads.
ACCESS_GRANULARITY_S = 60.0
LOW_WATER = 0.9

SCHEMA = """
PRAGMA auto_vacuum = INCREMENTAL;
CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS name ON metadata (name);
CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL,
    tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL, size INTEGER NOT NULL, fetched_at REAL NOT NULL,
    last_access REAL NOT NULL, etag TEXT, expires REAL NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row);
CREATE INDEX IF NOT EXISTS tiles_by_access ON tiles (last_access);
"""

_KEY = "zoom_level = ? AND tile_column = ? AND tile_row = ?"


@dataclass(frozen=True)
class CachedTile:
    data: bytes
    etag: str | None
    fetched_at: float
    expires: float

    def stale(self, now: float) -> bool:
        """Past its expiry: still shown, but worth revalidating when online."""
        return now >= self.expires


class TileCache:
    """Tiles fetched online, in XYZ numbering, capped at ``max_bytes`` of used file pages."""

    def __init__(self, path: Path | str, *, name: str = "online", fmt: str = "png",
                 max_bytes: int = DEFAULT_MAX_BYTES, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.problem: MapError | None = None
        self._clock = clock
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        try:
            self._con = self._open(name, fmt)
        except (OSError, sqlite3.OperationalError) as exc:
            # Locked, unwritable or unopenable: the file may be fine, so it is left alone and the cache is off.
            self._disable(exc)
        except sqlite3.DatabaseError:
            self._set_aside_and_retry(name, fmt)

    def _open(self, name: str, fmt: str) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            con.executescript(SCHEMA)
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")
            con.executemany("INSERT OR IGNORE INTO metadata VALUES (?, ?)",
                            [("name", name), ("format", fmt), ("type", "baselayer")])
        except sqlite3.DatabaseError:
            con.close()
            raise
        return con

    def _set_aside_and_retry(self, name: str, fmt: str) -> None:
        try:
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self.path.replace(self.path.with_name(self.path.name + ".corrupt"))
            self._con = self._open(name, fmt)
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)

    @property
    def enabled(self) -> bool:
        return self._con is not None

    def _disable(self, exc: BaseException) -> None:
        self.problem = MapError("cache_disabled", path=str(self.path), reason=str(exc))
        if self._con is not None:
            with contextlib.suppress(sqlite3.Error):
                self._con.close()
        self._con = None

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection | None]:
        with self._lock:
            try:
                yield self._con
            except sqlite3.Error as exc:
                # A full disk ends the cache, not the map: the tile is still shown from memory.
                self._disable(exc)

    def get(self, z: int, x: int, y: int) -> CachedTile | None:
        row: tuple[bytes, str | None, float, float, float] | None = None
        with self._db() as con:
            if con is not None:
                key = (z, x, flip_y(z, y))
                row = con.execute(f"SELECT tile_data, etag, fetched_at, expires, last_access FROM tiles WHERE {_KEY}",
                                  key).fetchone()
                now = self._clock()
                if row is not None and now - row[4] >= ACCESS_GRANULARITY_S:
                    con.execute(f"UPDATE tiles SET last_access = ? WHERE {_KEY}", (now, *key))
        if row is None:
            return None
        return CachedTile(bytes(row[0]), row[1], row[2], row[3])

    def put(self, z: int, x: int, y: int, data: bytes, *, etag: str | None, expires: float) -> None:
        """Store a tile just fetched (replacing an older copy), then evict if the cap is passed."""
        with self._db() as con:
            if con is not None:
                now = self._clock()
                con.execute("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (z, x, flip_y(z, y), data, len(data), now, now, etag, expires))
                if self._used_bytes(con) > self.max_bytes:
                    self._evict(con)

    def refresh(self, z: int, x: int, y: int, *, expires: float, etag: str | None = None) -> None:
        """A 304 answer: the stored tile is good until ``expires``."""
        with self._db() as con:
            if con is not None:
                con.execute(f"UPDATE tiles SET expires = ?, fetched_at = ?, etag = coalesce(?, etag) WHERE {_KEY}",
                            (expires, self._clock(), etag, z, x, flip_y(z, y)))

    @staticmethod
    def _used_bytes(con: sqlite3.Connection) -> int:
        pages = con.execute("PRAGMA page_count").fetchone()[0] - con.execute("PRAGMA freelist_count").fetchone()[0]
        return int(pages) * int(con.execute("PRAGMA page_size").fetchone()[0])

    def _evict(self, con: sqlite3.Connection) -> None:
        target = int(self.max_bytes * LOW_WATER)
        while (used := self._used_bytes(con)) > target:
            # Tile bytes understate the pages they hold, so evict in rounds until the pages fit.
            excess, doomed, freed = used - target, [], 0
            for rowid, size in con.execute("SELECT rowid, size FROM tiles ORDER BY last_access, rowid"):
                doomed.append((rowid,))
                freed += size
                if freed >= excess:
                    break
            if not doomed:
                break
            con.executemany("DELETE FROM tiles WHERE rowid = ?", doomed)
        con.execute("PRAGMA incremental_vacuum")

    def used_bytes(self) -> int:
        """Bytes of the file's pages in use (0 once disabled)."""
        with self._db() as con:
            return self._used_bytes(con) if con is not None else 0
        return 0

    def file_bytes(self) -> int:
        """The database file's size on disk after a checkpoint (what the cap bounds)."""
        with self._db() as con:
            if con is not None:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return self.path.stat().st_size if self.path.exists() else 0

    def tile_count(self) -> int:
        with self._db() as con:
            return int(con.execute("SELECT count(*) FROM tiles").fetchone()[0]) if con is not None else 0
        return 0

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
