"""Registering a new dossier in one action: its producer and product, new or already registered, and the dossier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.text import collation_key, search_tokens
from ocop_core.rules.actor import Actor
from ocop_desktop.db.models import AdminUnit, Dossier, Producer, Product
from ocop_desktop.services import dossiers, registry
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.dossier_view import REGISTRY_WRITERS, SubgroupChoice, subgroups_in_force
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import actor_for

# What a producer's name says about its legal form, not who it is: "HTX Mật ong Cường Nga" and "Cơ sở mật ong
# Cường Nga" are one producer typed twice. Folded, longest first so "cong ty tnhh" goes before "cong ty".
_FORMS = ("hop tac xa", "htx", "cong ty trach nhiem huu han", "cong ty tnhh", "cong ty co phan", "cong ty cp",
          "cong ty", "doanh nghiep tu nhan", "dntn", "to hop tac", "tht", "ho kinh doanh", "hkd", "co so", "cs")
_OPEN = ("draft", "submitted", "commune_checked", "forwarded")


@dataclass(frozen=True, slots=True)
class ProducerChoice:
    id: str
    name: str
    commune_code: str
    commune_name: str
    tax_code: str
    registration_no: str
    reason: str = ""  # in a DuplicateProducer: "tax_code", "registration_no" or "similar_name"


@dataclass(frozen=True, slots=True)
class ProductChoice:
    id: str
    name: str
    subgroup_code: str
    open_dossier: str  # the code of its dossier still in the workflow, "" when none


@dataclass(frozen=True, slots=True)
class NewDossierChoices:
    communes: tuple[tuple[str, str], ...]  # (code, name) the person may register in
    subgroups: tuple[SubgroupChoice, ...]
    producers: tuple[ProducerChoice, ...]  # already registered, in the person's communes, in Vietnamese order


class DuplicateProducer(ServiceError):
    """The producer typed may be registered already. The same tax code or registration number is the same
    producer ("producer_registered": use it); a similar name in the same commune may be another household, so
    a person who has looked may still go on ("producer_similar")."""

    def __init__(self, matches: tuple[ProducerChoice, ...]):
        same = [m for m in matches if m.reason != "similar_name"]
        first = (same or list(matches))[0]
        super().__init__("producer_registered" if same else "producer_similar",
                         first.reason if same else "name", name=first.name, commune=first.commune_name)
        self.matches = matches
        self.overridable = not same


def name_key(name: str) -> str:
    """A producer's name as duplicates are compared: folded (no marks, "đ" as "d"), legal form dropped."""
    key = " ".join(search_tokens(name))
    stripped = True
    while stripped:
        stripped = False
        for form in _FORMS:
            if key.startswith(form + " "):
                key, stripped = key[len(form) + 1:], True
    return key


def similar_names(a: str, b: str) -> bool:
    """Word by word, since the words producers share ("nước mắm", "mật ong") would make any two names look alike
    letter by letter: the same words (spaces aside), one name inside the other, or one word mistyped."""
    ta, tb = name_key(a).split(), name_key(b).split()
    if not ta or not tb:
        return False
    if "".join(ta) == "".join(tb):
        return True
    short, long = sorted((ta, tb), key=len)
    if len(short) >= 2 and any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return True
    differing = [(x, y) for x, y in zip(ta, tb, strict=False) if x != y]
    return len(ta) == len(tb) and len(differing) == 1 and _one_slip(*differing[0])


def _one_slip(x: str, y: str) -> bool:
    """One letter added, dropped or changed, in a word long enough for that to be a typing slip."""
    if min(len(x), len(y)) < 4 or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    shorter, longer = sorted((x, y), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _actor(session: Session, user_id: str, role: str) -> Actor:
    actor = actor_for(session, user_id=user_id, role=role)
    if actor.role not in REGISTRY_WRITERS:
        raise ServiceError("registry_not_for_role", "role", role=actor.role)
    return actor


def _in_scope(actor: Actor, commune_code: str) -> None:
    if not actor.serves(commune_code):
        raise ServiceError("dossier_out_of_scope", "commune_code", commune=commune_code)


def _choice(session: Session, producer: Producer, reason: str = "") -> ProducerChoice:
    unit = session.get(AdminUnit, producer.commune_code)
    return ProducerChoice(producer.id, producer.name, producer.commune_code,
                          unit.name if unit else producer.commune_code, producer.tax_code or "",
                          producer.registration_no or "", reason)


def find_duplicates(session: Session, values: dict[str, Any]) -> tuple[ProducerChoice, ...]:
    """Registered producers the new one (checked ``values``) may be: same tax code or registration number
    anywhere, or a similar name in the same commune."""
    found: dict[str, ProducerChoice] = {}
    alive = select(Producer).where(Producer.deleted.is_(False))
    for reason in ("tax_code", "registration_no"):
        if values.get(reason):
            for producer in session.scalars(alive.where(getattr(Producer, reason) == values[reason])):
                found.setdefault(producer.id, _choice(session, producer, reason))
    for producer in session.scalars(alive.where(Producer.commune_code == values["commune_code"])):
        if producer.id not in found and similar_names(producer.name, values["name"]):
            found[producer.id] = _choice(session, producer, "similar_name")
    return tuple(found.values())


def _new_producer(session: Session, actor: Actor, values: dict[str, Any], allow_similar: bool) -> Changes:
    checked = registry.producer_values(session, values)
    for required in ("name", "kind", "commune_code"):
        if required not in checked:
            raise ServiceError("required", required)
    _in_scope(actor, checked["commune_code"])
    matches = find_duplicates(session, checked)
    if matches and not (allow_similar and all(m.reason == "similar_name" for m in matches)):
        raise DuplicateProducer(matches)
    return registry.create_producer(session, **checked)


def _new_product(session: Session, producer_id: str, values: dict[str, Any]) -> Changes:
    name = registry.check_text("products", "name", values.get("name"))
    offered = {s.code for s in subgroups_in_force(session, vietnam_today())}
    subgroup = values.get("subgroup_code")
    if offered and isinstance(subgroup, str) and subgroup and subgroup not in offered:
        raise ServiceError("subgroup_not_in_criteria_set", "subgroup_code", code=subgroup)
    for product in session.scalars(select(Product).where(Product.producer_id == producer_id,
                                                         Product.deleted.is_(False))):
        if " ".join(search_tokens(product.name)) == " ".join(search_tokens(name)):
            raise ServiceError("product_registered", "name", name=product.name)
    return registry.create_product(session, producer_id=producer_id, **{**values, "name": name})


def _open_dossier(session: Session, product_id: str) -> str | None:
    return session.scalar(select(Dossier.code).where(Dossier.product_id == product_id, Dossier.deleted.is_(False),
                                                     Dossier.status.in_(_OPEN)).limit(1))


def register_dossier(session: Session, *, user_id: str, role: str, producer_id: str | None = None,
                     new_producer: dict[str, Any] | None = None, product_id: str | None = None,
                     new_product: dict[str, Any] | None = None, kind: str = "new", notes: str = "",
                     allow_similar: bool = False) -> Changes:
    """A draft dossier for a product, with the producer and the product made first when they are new (one of
    each pair given). Refuses a producer that is registered already (DuplicateProducer; a similar name only
    until ``allow_similar``), a product its producer already has, and a second dossier for a product whose
    dossier is still in the workflow. The returned Changes' ``id`` is the new dossier's."""
    actor = _actor(session, user_id, role)
    changes = Changes()
    if new_producer is not None:
        made = _new_producer(session, actor, new_producer, allow_similar)
        changes, producer_id = changes | made, made.id
    producer = get_alive(session, Producer, producer_id or "")
    _in_scope(actor, producer.commune_code)
    if new_product is not None:
        made = _new_product(session, producer.id, new_product)
        changes, product_id = changes | made, made.id
    product = get_alive(session, Product, product_id or "")
    if product.producer_id != producer.id:
        raise ServiceError("invalid_choice", "product_id", value=product.id)
    _in_scope(actor, product.commune_code)
    if new_product is None and (code := _open_dossier(session, product.id)):
        raise ServiceError("dossier_open", "product_id", code=code)
    session.flush()  # the new producer and product exist before the dossier points to them
    created = dossiers.create_dossier(session, product_id=product.id, kind=kind, notes=notes)
    return Changes(changes.entities | created.entities, changes.ids | created.ids, created.id)


def new_dossier_choices(session: Session, *, user_id: str, role: str, on: date | None = None) -> NewDossierChoices:
    """What the new-dossier form offers this person: their communes, the phân nhóm in force, the producers."""
    actor = actor_for(session, user_id=user_id, role=role)
    units = session.execute(select(AdminUnit.code, AdminUnit.name, AdminUnit.short_name).where(
        AdminUnit.level == "commune")).all()
    communes = sorted(((code, name, short or name) for code, name, short in units if actor.serves(code)),
                      key=lambda unit: collation_key(unit[2]))
    names = {code: name for code, name, _ in communes}
    producers = [ProducerChoice(p.id, p.name, p.commune_code, names.get(p.commune_code, p.commune_code),
                                p.tax_code or "", p.registration_no or "")
                 for p in session.scalars(select(Producer).where(Producer.deleted.is_(False)))
                 if p.commune_code in names]
    producers.sort(key=lambda p: collation_key(p.name))
    return NewDossierChoices(tuple((code, name) for code, name, _ in communes),
                             subgroups_in_force(session, on or vietnam_today()), tuple(producers))


def producer_products(session: Session, producer_id: str) -> tuple[ProductChoice, ...]:
    """The products a producer has registered, each with its dossier still in the workflow, if any."""
    products = session.scalars(select(Product).where(Product.producer_id == producer_id, Product.deleted.is_(False)))
    choices = [ProductChoice(p.id, p.name, p.subgroup_code, _open_dossier(session, p.id) or "") for p in products]
    return tuple(sorted(choices, key=lambda p: collation_key(p.name)))
