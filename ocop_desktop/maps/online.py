"""An optional online XYZ tile source, off by default: only the tiles a person views, two at a time.

An admin sets ``OnlineConfig.template`` (``https://tiles.example.vn/{z}/{x}/{y}.png``; ``{-y}`` for a TMS
server) and a contact for the User-Agent; a person turns it on (``OnlineSource.enabled``). While it is off,
``fetch`` sends nothing at all. While on, each ``fetch(z, x, y)`` is one tile the map is showing: there is
no bulk or area download here, because providers such as tile.openstreetmap.org forbid it.

Each request carries a real User-Agent, and ``If-None-Match`` when the cache holds the tile with an ETag;
a 304 renews the cached tile, a 200 is checked (an image, not too large) and stored with its expiry from
``Cache-Control: max-age`` (else ``Expires``, else a week); ``no-store`` keeps it out of the cache. A 404
is remembered for the session so the same missing tile is not asked again. A timeout, a refused connection
or a 5xx pauses the source for ``backoff_s`` so a dead server neither stalls the map nor gets hammered.

The opener is injectable (tests, proxies): ``opener(request, timeout) -> response`` like urllib's
``OpenerDirector.open``. urllib only: ``requests`` belongs to the sync client alone.
"""

from __future__ import annotations

import email.utils
import hashlib
import importlib.metadata
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ocop_desktop.maps.cache import CachedTile, TileCache
from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.images import MAX_TILE_BYTES, check_tile
from ocop_desktop.maps.mercator import flip_y

MAX_PARALLEL = 2
DEFAULT_MAX_AGE_S = 7 * 24 * 3600
Opener = Callable[[urllib.request.Request, float], Any]
Status = Literal["fetched", "not_modified", "cached", "missing", "failed", "offline", "busy", "bad_tile"]


@dataclass(frozen=True)
class OnlineConfig:
    """What an admin sets. ``contact`` (an e-mail or web address) goes into the User-Agent, as tile
    providers ask, so they can reach whoever runs this app instead of blocking it."""

    template: str
    attribution: str
    contact: str = ""
    name: str = "online"
    min_zoom: int = 0
    max_zoom: int = 19

    def url(self, z: int, x: int, y: int) -> str:
        return (self.template.replace("{z}", str(z)).replace("{x}", str(x))
                .replace("{-y}", str(flip_y(z, y))).replace("{y}", str(y)))

    def cache_file_name(self) -> str:
        """The cache file for this provider (``tiles-<hash of the template>.mbtiles``): a changed template
        starts a new cache instead of mixing two providers' tiles."""
        return f"tiles-{hashlib.sha256(self.template.encode()).hexdigest()[:16]}.mbtiles"

    def check(self) -> OnlineConfig:
        """Itself, or MapError ``online_bad_template``: urllib would also open file: and ftp: addresses."""
        parts = urllib.parse.urlsplit(self.template)
        reason = ""
        if parts.scheme not in ("http", "https") or not parts.netloc:
            reason = "scheme"
        elif "{z}" not in self.template or "{x}" not in self.template or not (
                "{y}" in self.template or "{-y}" in self.template):
            reason = "placeholders"
        elif not self.attribution.strip():
            reason = "attribution"
        if reason:
            raise MapError("online_bad_template", template=self.template, reason=reason)
        return self


@dataclass(frozen=True)
class FetchResult:
    status: Status
    data: bytes | None = None
    problem: MapError | None = None


def _app_version() -> str:
    try:
        return importlib.metadata.version("ocop")
    except importlib.metadata.PackageNotFoundError:
        return "dev"


def _urllib_open(request: urllib.request.Request, timeout: float) -> Any:
    return urllib.request.build_opener().open(request, timeout=timeout)


def _expiry(headers: Any, now: float) -> float | None:
    """When a response stops being fresh; None for ``no-store``."""
    control = (headers.get("Cache-Control") or "").lower()
    directives = {d.strip().split("=", 1)[0]: d.strip().partition("=")[2] for d in control.split(",") if d.strip()}
    if "no-store" in directives:
        return None
    if "no-cache" in directives:
        return now
    try:
        return now + max(0, int(directives["max-age"].strip('"')))
    except (KeyError, ValueError):
        pass
    expires = headers.get("Expires")
    if expires:
        try:
            return email.utils.parsedate_to_datetime(expires).timestamp()
        except (TypeError, ValueError):
            return now
    return now + DEFAULT_MAX_AGE_S


class OnlineSource:
    """One provider, fetched tile by tile while ``enabled``; results go into ``cache`` when there is one."""

    def __init__(self, config: OnlineConfig, cache: TileCache | None = None, *, opener: Opener | None = None,
                 timeout_s: float = 10.0, backoff_s: float = 30.0, clock: Callable[[], float] = time.time) -> None:
        self.config = config.check()
        self.cache = cache
        self.enabled = False
        self.timeout_s = timeout_s
        self.backoff_s = backoff_s
        self._open = opener or _urllib_open
        self._clock = clock
        self._slots = threading.BoundedSemaphore(MAX_PARALLEL)
        self._missing: set[tuple[int, int, int]] = set()
        self._paused_until = 0.0
        contact = f"; +{config.contact}" if config.contact else ""
        self.user_agent = f"OCOP-HaTinh-Desktop/{_app_version()} (offline-first OCOP evaluation app{contact})"

    def worth_asking(self, z: int, x: int, y: int) -> bool:
        """Whether ``fetch`` would send a request now: on, within its zooms, not a known 404, not resting."""
        return (self.enabled and self.config.min_zoom <= z <= self.config.max_zoom
                and (z, x, y) not in self._missing and self._clock() >= self._paused_until)

    def fetch(self, z: int, x: int, y: int, *, wait_s: float | None = None) -> FetchResult:
        """One viewed tile. Waits up to ``wait_s`` (default: the timeout) for one of the two request slots,
        else answers ``busy`` so the caller retries once the view settles."""
        if not self.enabled:
            return FetchResult("offline")
        if not self.config.min_zoom <= z <= self.config.max_zoom or (z, x, y) in self._missing:
            return FetchResult("missing")
        if self._clock() < self._paused_until:
            return FetchResult("failed", problem=MapError("online_paused", until=self._paused_until))
        cached = self.cache.get(z, x, y) if self.cache is not None else None
        if cached is not None and not cached.stale(self._clock()):
            return FetchResult("cached", cached.data)
        if not self._slots.acquire(timeout=self.timeout_s if wait_s is None else wait_s):
            return FetchResult("busy")
        try:
            return self._request(z, x, y, cached)
        finally:
            self._slots.release()

    def _request(self, z: int, x: int, y: int, cached: CachedTile | None) -> FetchResult:
        headers = {"User-Agent": self.user_agent, "Accept": "image/png,image/jpeg,image/webp;q=0.9,*/*;q=0.1"}
        if cached is not None and cached.etag:
            headers["If-None-Match"] = cached.etag
        request = urllib.request.Request(self.config.url(z, x, y), headers=headers)
        try:
            with self._open(request, self.timeout_s) as response:
                data = response.read(MAX_TILE_BYTES + 1)
                status, answer_headers = int(getattr(response, "status", 200)), response.headers
        except urllib.error.HTTPError as exc:
            status, answer_headers, data = exc.code, exc.headers, b""
            exc.close()
        except (OSError, ValueError) as exc:
            # URLError, timeouts and refused connections are OSErrors; a malformed answer is a ValueError.
            return self._failed(MapError("online_unreachable", reason=str(exc)[:200]))
        return self._answer(z, x, y, status, answer_headers, data, cached)

    def _answer(self, z: int, x: int, y: int, status: int, headers: Any, data: bytes,
                cached: CachedTile | None) -> FetchResult:
        now = self._clock()
        if status == 304 and cached is not None:
            expires = _expiry(headers, now)
            if self.cache is not None and expires is not None:
                self.cache.refresh(z, x, y, expires=expires, etag=headers.get("ETag"))
            return FetchResult("not_modified", cached.data)
        if status in (404, 410):
            self._missing.add((z, x, y))
            return FetchResult("missing")
        if status != 200:
            return self._failed(MapError("online_http_error", status=status))
        try:
            check_tile(data, z, x, y)
        except MapError as exc:
            return FetchResult("bad_tile", problem=exc)
        expires = _expiry(headers, now)
        if self.cache is not None and expires is not None:
            self.cache.put(z, x, y, data, etag=headers.get("ETag"), expires=expires)
        return FetchResult("fetched", data)

    def _failed(self, problem: MapError) -> FetchResult:
        self._paused_until = self._clock() + self.backoff_s
        return FetchResult("failed", problem=problem)
