"""Where the map's tiles come from on this laptop: imported basemaps, the shipped one, and the online source.

Imported MBTiles files live in ``<data dir>/maps`` (and win over the shipped Hà Tĩnh basemap); the optional
online XYZ source is an admin's setting kept beside them in ``online.json``, off until an admin turns it on,
its tiles cached in ``<data dir>/cache``. A file that fails its checks is left out and said in ``problems``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from ocop_desktop.maps.basemaps import SHIPPED_BASEMAP, Basemaps, open_basemaps
from ocop_desktop.maps.cache import TileCache
from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.online import OnlineConfig, OnlineSource
from ocop_desktop.maps.source import TileChain
from ocop_desktop.paths import AppPaths, resources_dir

log = logging.getLogger(__name__)
ONLINE_FILE = "online.json"


def imported_dir(paths: AppPaths) -> Path:
    return paths.data_dir / "maps"


def shipped_basemap() -> Path:
    return resources_dir() / "maps" / SHIPPED_BASEMAP


@dataclass(frozen=True)
class OnlineSettings:
    """The admin's online source: an XYZ address with {z}/{x}/{y}, its credit line, a contact for the
    provider, and whether it is on."""

    template: str = ""
    attribution: str = ""
    contact: str = ""
    enabled: bool = False

    def config(self) -> OnlineConfig:
        """Checked: MapError ``online_bad_template`` for an address that cannot work."""
        return OnlineConfig(self.template.strip(), self.attribution.strip(), self.contact.strip()).check()


def load_online(paths: AppPaths) -> OnlineSettings:
    path = imported_dir(paths) / ONLINE_FILE
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return OnlineSettings(**{k: stored[k] for k in OnlineSettings.__dataclass_fields__ if k in stored})
    except FileNotFoundError:
        return OnlineSettings()
    except (OSError, ValueError, TypeError):
        # A damaged settings file turns the online source off; the offline map is untouched.
        log.warning("could not read the online map settings in %s", path, exc_info=True)
        return OnlineSettings()


def save_online(paths: AppPaths, settings: OnlineSettings) -> None:
    folder = imported_dir(paths)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / (ONLINE_FILE + ".part")
    partial.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    partial.replace(folder / ONLINE_FILE)


class MapSources:
    """The open basemaps and the online source behind one TileChain; ``reopen`` after an import or a
    settings change."""

    def __init__(self, paths: AppPaths, shipped: list[Path] | None = None):
        self.paths = paths
        self.shipped = shipped if shipped is not None else [shipped_basemap()]
        self.basemaps = Basemaps()
        self.cache: TileCache | None = None
        self.problems: list[MapError] = []
        self.chain = TileChain()
        self.reopen()

    def reopen(self) -> None:
        self.close()
        self.basemaps = open_basemaps(self.shipped, imported_dir(self.paths))
        self.problems = list(self.basemaps.problems)
        online = self._online()
        self.chain = TileChain(self.basemaps.readers, self.cache, online)

    def _online(self) -> OnlineSource | None:
        settings = load_online(self.paths)
        if not settings.template:
            return None
        try:
            config = settings.config()
        except MapError as exc:
            self.problems.append(exc)
            return None
        self.cache = TileCache(self.paths.cache / config.cache_file_name())
        source = OnlineSource(config, self.cache)
        source.enabled = settings.enabled
        return source

    def attribution(self) -> str:
        return " · ".join(self.chain.attributions())

    def centre(self) -> tuple[float, float, int] | None:
        """The first basemap's (lat, lon, zoom) centre, else None."""
        for reader in self.basemaps.readers:
            centre = reader.metadata.center
            if centre is not None:
                return centre[1], centre[0], centre[2]
        return None

    def close(self) -> None:
        self.basemaps.close()
        if self.cache is not None:
            self.cache.close()
            self.cache = None
