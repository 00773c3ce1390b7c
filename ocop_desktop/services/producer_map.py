"""The map's read model: located producers, their products and dossiers, and the communes, as frozen values.

Keyed by the dossier list's data version (services.dossier_list.list_version, moved by triggers on every
write to producers, products, dossiers and recognitions): the map asks with the version it shows and gets
None back while nothing changed, so its producer clusters are rebuilt only when the producers did. The
dossiers are the list's own rows (``load_dossier_rows``), so both sections filter the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.text import collation_key
from ocop_desktop.db.models import AdminUnit, Dossier, Producer, Product
from ocop_desktop.services.dossier_list import list_version, load_dossier_rows, subgroup_names
from ocop_desktop.services.dossier_rows import DossierRow


@dataclass(frozen=True, slots=True)
class MapProducer:
    id: str
    name: str
    kind: str
    commune_code: str
    commune_name: str
    address: str
    lat: float | None  # both or neither (the registry refuses half a position)
    lon: float | None
    products: tuple[str, ...]  # names, in Vietnamese order


@dataclass(frozen=True, slots=True)
class Place:
    """An administrative unit with its centroid, for "zoom to commune" and the location checks."""

    code: str
    name: str
    short_name: str
    level: str  # province | commune
    lat: float | None
    lon: float | None
    area_km2: float | None


@dataclass(frozen=True)
class ProducerMap:
    version: str | None  # None: unknown, so never trusted as current
    producers: tuple[MapProducer, ...]
    dossiers: list[DossierRow]  # every live dossier, as the dossier list reads it
    producer_of: dict[str, str]  # dossier id -> producer id
    group_names: dict[str, str]  # product subgroup code -> name
    places: tuple[Place, ...]  # the province first, then its communes in Vietnamese order
    today: date = field(default_factory=vietnam_today)

    def dossiers_of(self) -> dict[str, list[DossierRow]]:
        """Producer id -> its dossiers."""
        out: dict[str, list[DossierRow]] = {}
        for row in self.dossiers:
            producer = self.producer_of.get(row.id)
            if producer is not None:
                out.setdefault(producer, []).append(row)
        return out

    def located(self) -> list[MapProducer]:
        return [p for p in self.producers if p.lat is not None and p.lon is not None]


def load_producer_map(session: Session, shown_version: str | None = None,
                      today: date | None = None) -> ProducerMap | None:
    """Everything the map draws and filters; None when ``shown_version`` is still current. The version is
    read before the rows, so a write landing in between makes the answer look older, never newer."""
    today = today or vietnam_today()
    version = list_version(session, today)
    if version is not None and version == shown_version:
        return None
    d, pr = Dossier.__table__, Product.__table__
    producer_of = dict(session.execute(
        select(d.c.id, pr.c.producer_id).join(pr, pr.c.id == d.c.product_id).where(d.c.deleted.is_(False))).all())
    return ProducerMap(version=version, producers=_producers(session), dossiers=load_dossier_rows(session, today),
                       producer_of=producer_of, group_names=subgroup_names(session), places=load_places(session),
                       today=today)


def _producers(session: Session) -> tuple[MapProducer, ...]:
    p, pr, u = Producer.__table__, Product.__table__, AdminUnit.__table__
    products: dict[str, list[str]] = {}
    for producer_id, name in session.execute(select(pr.c.producer_id, pr.c.name).where(pr.c.deleted.is_(False))):
        products.setdefault(producer_id, []).append(name)
    rows = session.execute(
        select(p.c.id, p.c.name, p.c.kind, p.c.commune_code, u.c.name, p.c.address, p.c.lat, p.c.lon)
        .outerjoin(u, u.c.code == p.c.commune_code).where(p.c.deleted.is_(False)))
    return tuple(
        MapProducer(pid, name, kind, commune, commune_name or commune, address or "", lat, lon,
                    tuple(sorted(products.get(pid, ()), key=collation_key)))
        for pid, name, kind, commune, commune_name, address, lat, lon in rows)


def load_places(session: Session) -> tuple[Place, ...]:
    """The province unit(s) first, then every commune, in Vietnamese order of the short name."""
    units = [Place(code, name, short or name, level, lat, lon, area) for code, name, short, level, lat, lon, area in
             session.execute(select(AdminUnit.code, AdminUnit.name, AdminUnit.short_name, AdminUnit.level,
                                    AdminUnit.lat, AdminUnit.lon, AdminUnit.area_km2))]
    return tuple(sorted(units, key=lambda u: (u.level != "province", collation_key(u.short_name))))
