"""Everything the dossier editor shows about one dossier, read in one go as frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.dossier_status import DOCUMENT_TYPES, LOCKED_STATUSES, TRANSITIONS
from ocop_core.rules.actor import Actor
from ocop_desktop.db.blobstore import upload_limit
from ocop_desktop.db.models import (
    AdminUnit,
    ChangeJournal,
    Dossier,
    DossierDocument,
    Producer,
    Product,
    ScoreSheet,
)
from ocop_desktop.services.criteria import load_criteria_set, version_in_force
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import actor_for, approved_stars

# Mirrors update_dossier: once the council has evaluated, the dossier's facts are what was scored.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"})
# Who writes producers, products, dossiers and their documents: the server refuses anyone else's change
# (ocop_server.authz, REGISTRY), and a commune officer's only within the communes on their account.
REGISTRY_WRITERS = frozenset({"admin", "commune_officer"})


@dataclass(frozen=True, slots=True)
class DossierInfo:
    id: str
    code: str
    kind: str
    status: str
    allowed_next: tuple[str, ...]
    notes: str
    submitted_at: datetime | None
    result_stars: int | None
    editable: bool  # kind, notes, product and producer fields
    can_attach: bool
    commune_code: str = ""
    approved_stars: int | None = None  # the council's approved result's, which evaluated and closed need


@dataclass(frozen=True, slots=True)
class ProductInfo:
    id: str
    name: str
    subgroup_code: str
    external_code: str
    description: str
    gtin: str = ""
    public_code: str = ""


@dataclass(frozen=True, slots=True)
class ProducerInfo:
    id: str
    name: str
    kind: str
    commune_code: str
    commune_name: str
    address: str
    representative: str
    phone: str
    tax_code: str
    registration_no: str
    lat: float | None
    lon: float | None
    commune_centre: tuple[float, float] | None  # a starting point when coordinates are first entered
    location_accuracy_m: float | None = None
    location_source: str | None = None  # LOCATION_SOURCES
    other_dossiers: tuple[str, ...] = ()  # codes of the producer's other dossiers, which an edit changes too


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    doc_type: str
    title: str
    file_name: str
    size: int
    sha256: str
    is_image: bool
    uploaded: bool  # the server has acknowledged the row, hence its file (files go up before rows)


@dataclass(frozen=True, slots=True)
class SubgroupChoice:
    code: str
    name: str
    group_name: str


@dataclass(frozen=True, slots=True)
class DossierView:
    dossier: DossierInfo
    product: ProductInfo
    producer: ProducerInfo
    documents: tuple[DocumentInfo, ...]
    criteria_set_title: str  # "" when no set is pinned and none is in force
    subgroups: tuple[SubgroupChoice, ...]
    communes: tuple[tuple[str, str, str], ...]  # (code, name, short name) in the producer's province
    max_upload_bytes: int | None  # what the server last said it accepts; None before the first sync
    reader: Actor | None = None  # who looks, with the communes they serve; None: not asked

    @property
    def in_scope(self) -> bool:
        """The person looking may change this dossier, its product and its producer (whatever its status):
        the province's admin, or a commune officer serving both the dossier's and the producer's commune."""
        actor = self.reader
        return actor is None or (actor.role in REGISTRY_WRITERS and actor.serves(self.dossier.commune_code)
                                 and actor.serves(self.producer.commune_code))

    @property
    def related_ids(self) -> frozenset[str]:
        """Rows whose change means this view is stale."""
        return frozenset({self.dossier.id, self.product.id, self.producer.id, *(d.id for d in self.documents)})


@dataclass(frozen=True, slots=True)
class DossierDocuments:
    """A dossier's documents as a council member looks at them beside the sheet they score it on."""

    dossier_id: str
    code: str
    product_name: str
    documents: tuple[DocumentInfo, ...]


def sheet_documents(session: Session, sheet_id: str) -> DossierDocuments:
    """The documents of the dossier a score sheet is about."""
    dossier = get_alive(session, Dossier, get_alive(session, ScoreSheet, sheet_id).dossier_id)
    product = get_alive(session, Product, dossier.product_id)
    return DossierDocuments(dossier.id, dossier.code, product.name, _documents(session, dossier.id))


def load_dossier_view(session: Session, dossier_id: str, *, on: date | None = None, user_id: str | None = None,
                      role: str | None = None) -> DossierView:
    """The dossier as the logged-in person (``user_id``, ``role``) sees it: with them, the view knows what
    they may change and which workflow moves ocop_core.rules lets them make."""
    dossier = get_alive(session, Dossier, dossier_id)
    product = get_alive(session, Product, dossier.product_id)
    producer = get_alive(session, Producer, product.producer_id)
    title, subgroups = _subgroups(session, dossier, on or vietnam_today())
    return DossierView(
        dossier=DossierInfo(
            id=dossier.id, code=dossier.code, kind=dossier.kind, status=dossier.status,
            allowed_next=TRANSITIONS.get(dossier.status, ()), notes=dossier.notes or "",
            submitted_at=dossier.submitted_at, result_stars=dossier.result_stars,
            editable=dossier.status not in LOCKED_STATUSES, can_attach=dossier.status != "closed",
            commune_code=dossier.commune_code, approved_stars=approved_stars(session, dossier.id)),
        product=ProductInfo(id=product.id, name=product.name, subgroup_code=product.subgroup_code,
                            external_code=product.external_code or "", description=product.description or "",
                            gtin=product.gtin or "", public_code=product.public_code or ""),
        producer=_producer(session, producer, dossier.id),
        documents=_documents(session, dossier.id),
        criteria_set_title=title,
        subgroups=subgroups,
        communes=_communes(session, producer.commune_code),
        max_upload_bytes=upload_limit(session),
        reader=actor_for(session, user_id=user_id, role=role) if user_id and role else None,
    )


def _producer(session: Session, producer: Producer, dossier_id: str) -> ProducerInfo:
    commune = session.get(AdminUnit, producer.commune_code)
    others = session.scalars(select(Dossier.code).join(Product, Product.id == Dossier.product_id).where(
        Product.producer_id == producer.id, Product.deleted.is_(False), Dossier.deleted.is_(False),
        Dossier.id != dossier_id).order_by(Dossier.code))
    return ProducerInfo(
        id=producer.id, name=producer.name, kind=producer.kind, commune_code=producer.commune_code,
        commune_name=commune.name if commune else producer.commune_code, address=producer.address or "",
        representative=producer.representative or "", phone=producer.phone or "", tax_code=producer.tax_code or "",
        registration_no=producer.registration_no or "", lat=producer.lat, lon=producer.lon,
        commune_centre=(commune.lat, commune.lon) if commune and commune.lat is not None and commune.lon is not None
        else None,
        location_accuracy_m=producer.location_accuracy_m, location_source=producer.location_source,
        other_dossiers=tuple(others))


def _documents(session: Session, dossier_id: str) -> tuple[DocumentInfo, ...]:
    rows = list(session.scalars(select(DossierDocument).where(
        DossierDocument.dossier_id == dossier_id, DossierDocument.deleted.is_(False))))
    sent = set(session.scalars(select(ChangeJournal.entity_id).where(
        ChangeJournal.entity == "dossier_documents", ChangeJournal.op == "insert", ChangeJournal.status == "sent",
        ChangeJournal.entity_id.in_([r.id for r in rows]))))
    order = {code: i for i, code in enumerate(DOCUMENT_TYPES)}
    rows.sort(key=lambda r: (order.get(r.doc_type, len(order)), r.created_at, r.id))
    return tuple(DocumentInfo(
        id=r.id, doc_type=r.doc_type, title=r.title, file_name=r.original_name, size=r.size, sha256=r.sha256,
        is_image=PurePath(r.original_name).suffix.lower() in IMAGE_SUFFIXES,
        uploaded=r.server_version is not None or r.id in sent) for r in rows)


def subgroups_in_force(session: Session, on: date) -> tuple[SubgroupChoice, ...]:
    """The phân nhóm a new product is filed under: those of the criteria set in force on ``on``."""
    in_force = version_in_force(session, on)
    return _subgroups_of(session, in_force.id)[1] if in_force is not None else ()


def _subgroups(session: Session, dossier: Dossier, on: date) -> tuple[str, tuple[SubgroupChoice, ...]]:
    """The phân nhóm of the set the dossier is pinned to, else of the set in force on ``on``."""
    version_id = dossier.criteria_set_id
    if version_id is None:
        in_force = version_in_force(session, on)
        if in_force is None:
            return "", ()
        version_id = in_force.id
    return _subgroups_of(session, version_id)


def _subgroups_of(session: Session, version_id: str) -> tuple[str, tuple[SubgroupChoice, ...]]:
    criteria_set = load_criteria_set(session, version_id)
    choices = tuple(SubgroupChoice(s.code, s.name, g.name) for g in criteria_set.product_groups
                    for c in g.categories for s in c.subgroups)
    return criteria_set.title, choices


def _communes(session: Session, commune_code: str) -> tuple[tuple[str, str, str], ...]:
    province = session.scalar(select(AdminUnit.parent_code).where(AdminUnit.code == commune_code))
    if province is None:
        return ()
    rows = session.execute(select(AdminUnit.code, AdminUnit.name, AdminUnit.short_name).where(
        AdminUnit.parent_code == province, AdminUnit.level == "commune").order_by(AdminUnit.code))
    return tuple((code, name, short or name) for code, name, short in rows)
