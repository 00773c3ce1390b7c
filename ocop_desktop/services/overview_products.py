"""The list of recognised products with their validity, for the annual report's list (Excel and PDF).

Each live product once, with its latest decision not revoked by today (the rule of services.overview); a
decision that has run out is listed as expired, one ending within EXPIRING_MONTHS as expiring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import add_months, vietnam_today
from ocop_core.domain.text import collation_key
from ocop_desktop.db.models import AdminUnit, Producer, Product, Recognition

EXPIRING_MONTHS = 6  # a renewal is filed 6 months before the end (ocop-rules.md)
VALIDITY = ("in_force", "expiring", "expired")


@dataclass(frozen=True)
class RecognisedProduct:
    product: str
    producer: str
    commune: str
    group: str
    stars: int
    decision_no: str
    decision_date: date
    valid_until: date
    validity: str  # one of VALIDITY


def recognised_products(session: Session, today: date | None = None) -> list[RecognisedProduct]:
    """Every recognised product, by commune then product name in Vietnamese order."""
    today = today or vietnam_today()
    r, p, pr, u = Recognition.__table__, Product.__table__, Producer.__table__, AdminUnit.__table__
    rows = session.execute(
        select(r.c.product_id, p.c.name, func.coalesce(pr.c.name, ""), func.coalesce(u.c.name, p.c.commune_code),
               p.c.subgroup_code, r.c.stars, r.c.decision_no, r.c.decision_date, r.c.valid_until)
        .join(p, p.c.id == r.c.product_id)
        .outerjoin(pr, pr.c.id == p.c.producer_id)
        .outerjoin(u, u.c.code == p.c.commune_code)
        .where(r.c.deleted.is_(False), p.c.deleted.is_(False),
               or_(r.c.revoked_on.is_(None), r.c.revoked_on > today))
        .order_by(r.c.decision_date, r.c.created_at)
    ).all()
    latest = {row[0]: row[1:] for row in rows}  # latest wins
    soon = add_months(today, EXPIRING_MONTHS)
    listed = [RecognisedProduct(*values, validity=_validity(values[-1], today, soon)) for values in latest.values()]
    return sorted(listed, key=lambda x: (collation_key(x.commune), collation_key(x.product)))


def _validity(valid_until: date, today: date, soon: date) -> str:
    if valid_until < today:
        return "expired"
    return "expiring" if valid_until <= soon else "in_force"
