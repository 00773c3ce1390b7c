"""A producer's position: its accuracy and source saved and journaled, warnings for an unlikely point, and the
point a photo's EXIF GPS offers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import ChangeJournal, Producer
from ocop_desktop.services import registry
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.producer_location import gps_from_image, location_help, location_warnings

COMMUNE = "18073"  # Phường Thành Sen, in Hà Tĩnh city
THANH_SEN = (18.3402, 105.9061)


def jpeg(gps: dict | None = None) -> bytes:
    """A small JPEG, with the given EXIF GPS directory when there is one."""
    exif = Image.Exif()
    if gps is not None:
        exif[ExifTags.IFD.GPSInfo] = gps
    out = io.BytesIO()
    Image.new("RGB", (48, 32), "#3a7d44").save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_accuracy_and_source_are_saved_and_journaled(session: Session, producer_id: str):
    """A position picked on the map is stored with its accuracy and source, and the journal carries all
    four fields for sync."""
    registry.update_producer(session, producer_id, lat=18.3402, lon=105.9061, location_accuracy_m=8,
                             location_source="map")
    session.flush()
    p = session.get(Producer, producer_id)
    assert (p.lat, p.lon, p.location_accuracy_m, p.location_source) == (18.3402, 105.9061, 8.0, "map")
    last = session.scalars(select(ChangeJournal).where(ChangeJournal.entity_id == producer_id)
                           .order_by(ChangeJournal.seq.desc())).first()
    fields = json.loads(last.fields_json)
    assert last.op == "update"
    assert {k: v[1] for k, v in fields.items()} == {"lat": 18.3402, "lon": 105.9061, "location_accuracy_m": 8.0,
                                                    "location_source": "map"}


def test_clearing_the_position_clears_how_it_was_found(session: Session, producer_id: str):
    """No position, no accuracy nor source: a stale "from a photo" must not outlive the point."""
    registry.update_producer(session, producer_id, lat=18.34, lon=105.9, location_accuracy_m=5,
                             location_source="photo")
    registry.update_producer(session, producer_id, lat=None, lon=None)
    p = session.get(Producer, producer_id)
    assert (p.lat, p.location_accuracy_m, p.location_source) == (None, None, None)


@pytest.mark.parametrize(("values", "code", "field"), [
    ({"location_source": "satellite"}, "invalid_choice", "location_source"),
    ({"location_accuracy_m": -1}, "out_of_range", "location_accuracy_m"),
    ({"location_accuracy_m": 250_000}, "out_of_range", "location_accuracy_m"),
    ({"location_accuracy_m": "mười"}, "wrong_type", "location_accuracy_m"),
])
def test_a_bad_accuracy_or_source_is_refused(session: Session, producer_id: str, values: dict, code: str, field: str):
    """An unknown source or an accuracy that is negative, absurd or not a number is refused on its field."""
    with pytest.raises(ServiceError) as refused:
        registry.update_producer(session, producer_id, lat=18.34, lon=105.9, **values)
    assert (refused.value.code, refused.value.field) == (code, field)


def test_a_point_in_its_commune_draws_no_warning(session: Session, tmp_path: Path):
    """A point a few hundred metres from its commune's centroid is plausible."""
    help = location_help(session, BlobStore(tmp_path), commune_code=COMMUNE)
    assert help.commune.name == "Phường Thành Sen" and len(help.province) == 69
    assert location_warnings(help, THANH_SEN[0] + 0.003, THANH_SEN[1] - 0.002) == []


def test_a_point_across_the_province_is_far_from_its_commune(session: Session, tmp_path: Path):
    """A point in Kỳ Anh for a producer of Thành Sen is still in Hà Tĩnh, but far from its commune."""
    help = location_help(session, BlobStore(tmp_path), commune_code=COMMUNE)
    [(code, params)] = location_warnings(help, 18.07, 106.30)
    assert code == "far_from_commune" and params["commune"] == "Phường Thành Sen" and 40 < params["km"] < 60


def test_a_point_outside_ha_tinh_is_said(session: Session, tmp_path: Path):
    """Vinh (Nghệ An) is outside the province, and far from the commune too; swapped lat/lon is nowhere near."""
    help = location_help(session, BlobStore(tmp_path), commune_code=COMMUNE)
    assert [code for code, _ in location_warnings(help, 18.6796, 105.6813)] == ["outside_province",
                                                                                "far_from_commune"]
    assert "outside_province" in {code for code, _ in location_warnings(help, 105.9, 18.34)}


def test_a_photo_with_gps_offers_exactly_its_point():
    """EXIF GPS in degrees, minutes and seconds reads back as that decimal point, with the camera's accuracy."""
    data = jpeg({1: "N", 2: (18.0, 20.0, 24.72), 3: "E", 4: (105.0, 54.0, 22.13), 31: 4.5})
    assert gps_from_image(data) == (18 + 20 / 60 + 24.72 / 3600, 105 + 54 / 60 + 22.13 / 3600, 4.5)


def test_southern_and_western_references_are_negative():
    """S and W make the degrees negative; without an accuracy the accuracy is unknown."""
    lat, lon, accuracy = gps_from_image(jpeg({1: "S", 2: (33.0, 52.0, 0.0), 3: "W", 4: (151.0, 12.0, 0.0)}))
    assert (round(lat, 4), round(lon, 4), accuracy) == (-33.8667, -151.2, None)


@pytest.mark.parametrize("data", [jpeg(), jpeg({1: "N", 2: (18.0, 20.0, 24.72)}), b"not an image at all",
                                  jpeg({1: "N", 2: (95.0, 0.0, 0.0), 3: "E", 4: (105.0, 0.0, 0.0)})],
                         ids=["no GPS", "no longitude", "not an image", "beyond the pole"])
def test_a_photo_without_a_usable_fix_offers_nothing(data: bytes):
    """No EXIF GPS, half of one, a file that is no image or a latitude past 90°: nothing is offered."""
    assert gps_from_image(data) is None


def test_location_help_reads_the_attached_photos(session: Session, tmp_path: Path):
    """Of the attached images, those on this laptop with GPS are offered; others and missing files are not."""
    blobs = BlobStore(tmp_path / "blobs")
    with_gps = blobs.put_bytes(jpeg({1: "N", 2: (18.0, 20.0, 24.72), 3: "E", 4: (105.0, 54.0, 22.13)}))
    without = blobs.put_bytes(jpeg())
    help = location_help(session, blobs, commune_code=COMMUNE, photos=[
        ("d1", "co-so.jpg", with_gps.sha256), ("d2", "nhan.jpg", without.sha256), ("d3", "xa.jpg", "0" * 64)])
    [photo] = help.photos
    assert (photo.document_id, photo.file_name, round(photo.lat, 4), photo.accuracy_m) == ("d1", "co-so.jpg",
                                                                                          18.3402, None)
