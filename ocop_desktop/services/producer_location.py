"""Where a producer is: how its position was found, checks a person is warned by, and points read from photos.

A position carries its accuracy (metres) and its source (``LOCATION_SOURCES``: picked on the map, typed, a
photo's EXIF GPS, the commune's centroid). ``location_help`` gathers, in one read, what the dossier editor's
picker needs: the commune's centroid and size, the province's communes (to tell a point outside Hà Tĩnh),
and the GPS position of every attached photo that has one. ``location_warnings`` says what looks wrong with a
point; it never refuses one (a producer may truly sit on a commune's edge), so its answers are codes with
parameters, for the words module.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import AdminUnit
from ocop_desktop.db.models.registry import LOCATION_SOURCES
from ocop_desktop.services.errors import ServiceError, check_choice

LOCATION_FIELDS = ("location_accuracy_m", "location_source")
MAX_ACCURACY_M = 100_000.0
# A commune is taken as a disc of its area; a point beyond twice that radius (and at least 5 km) is "far",
# and one beyond one and a half radii of every commune of the province is outside it.
FAR_RADII, FAR_MIN_KM, PROVINCE_RADII = 2.0, 5.0, 1.5
EARTH_RADIUS_KM = 6371.0
MAX_PHOTOS = 30  # photos read per dossier: a dossier with hundreds is read for its first few only
_EXIF_GPS = 0x8825
_GPS_H_POSITIONING_ERROR = 31


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    lat: float
    lon: float
    radius_km: float


@dataclass(frozen=True)
class PhotoPoint:
    document_id: str
    file_name: str
    lat: float
    lon: float
    accuracy_m: float | None  # what the camera said (GPSHPositioningError); None when it said nothing


@dataclass(frozen=True)
class LocationHelp:
    commune: Place | None
    province: tuple[Place, ...]  # every commune of the producer's province
    photos: tuple[PhotoPoint, ...]


def location_details(values: dict[str, Any], position: dict[str, Any]) -> dict[str, Any]:
    """The accuracy and source among ``values``, checked; both cleared when ``position`` clears lat/lon."""
    out: dict[str, Any] = {}
    if "location_accuracy_m" in values:
        accuracy = values["location_accuracy_m"]
        if accuracy is not None:
            if isinstance(accuracy, bool) or not isinstance(accuracy, int | float):
                raise ServiceError("wrong_type", "location_accuracy_m", expected="number")
            if not 0 <= accuracy <= MAX_ACCURACY_M:
                raise ServiceError("out_of_range", "location_accuracy_m", value=accuracy)
            accuracy = float(accuracy)
        out["location_accuracy_m"] = accuracy
    if "location_source" in values:
        source = values["location_source"]
        out["location_source"] = None if source is None else check_choice(source, "location_source", LOCATION_SOURCES)
    if "lat" in position and position["lat"] is None:
        out["location_accuracy_m"] = out["location_source"] = None  # no position: nothing to qualify
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _place(unit: AdminUnit) -> Place | None:
    if unit.lat is None or unit.lon is None:
        return None
    return Place(unit.code, unit.name, unit.lat, unit.lon, math.sqrt((unit.area_km2 or 50.0) / math.pi))


def location_help(session: Session, blobs: BlobStore, *, commune_code: str,
                  photos: Iterable[tuple[str, str, str]] = ()) -> LocationHelp:
    """The commune, its province's communes, and the GPS points of ``photos`` ((document id, file name,
    sha256) of attached images whose files are on this laptop)."""
    unit = session.get(AdminUnit, commune_code)
    province: tuple[Place, ...] = ()
    if unit is not None and unit.parent_code is not None:
        units = session.scalars(select(AdminUnit).where(AdminUnit.parent_code == unit.parent_code,
                                                        AdminUnit.level == "commune"))
        province = tuple(p for p in map(_place, units) if p is not None)
    points = []
    for document_id, file_name, sha256 in list(photos)[:MAX_PHOTOS]:
        path = blobs.path_for(sha256)
        found = gps_from_image(path.read_bytes()) if path.is_file() else None
        if found is not None:
            points.append(PhotoPoint(document_id, file_name, *found))
    return LocationHelp(_place(unit) if unit is not None else None, province, tuple(points))


def location_warnings(help: LocationHelp, lat: float, lon: float) -> list[tuple[str, dict[str, Any]]]:
    """("outside_province", {}) and/or ("far_from_commune", {commune, km}); [] for a plausible point."""
    found: list[tuple[str, dict[str, Any]]] = []
    if help.province and all(distance_km(lat, lon, p.lat, p.lon) > PROVINCE_RADII * p.radius_km
                             for p in help.province):
        found.append(("outside_province", {}))
    commune = help.commune
    if commune is not None:
        km = distance_km(lat, lon, commune.lat, commune.lon)
        if km > max(FAR_RADII * commune.radius_km, FAR_MIN_KM):
            found.append(("far_from_commune", {"commune": commune.name, "km": round(km, 1)}))
    return found


def _degrees(value: Any) -> float:
    d, m, s = (float(part) for part in value)
    return d + m / 60 + s / 3600


def gps_from_image(data: bytes) -> tuple[float, float, float | None] | None:
    """(lat, lon, accuracy in metres or None) from a photo's EXIF GPS, or None: no EXIF, no GPS, a value that
    does not parse or lies outside the globe, or bytes that are no image."""
    from PIL import Image, UnidentifiedImageError  # only here: most dossiers are read without a photo

    try:
        with Image.open(io.BytesIO(data)) as image:
            gps = image.getexif().get_ifd(_EXIF_GPS)
        if not gps or 2 not in gps or 4 not in gps:
            return None
        lat = _degrees(gps[2]) * (-1 if str(gps.get(1, "N")).upper().startswith("S") else 1)
        lon = _degrees(gps[4]) * (-1 if str(gps.get(3, "E")).upper().startswith("W") else 1)
        error = gps.get(_GPS_H_POSITIONING_ERROR)
        accuracy = float(error) if error is not None else None
    except (UnidentifiedImageError, OSError, ValueError, TypeError, ZeroDivisionError, SyntaxError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    if accuracy is not None and not (math.isfinite(accuracy) and 0 <= accuracy <= MAX_ACCURACY_M):
        accuracy = None
    return lat, lon, accuracy
