"""The dossier list's read model: one flat row per live dossier, read with Core selects, no ORM objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_desktop.db.models import (
    AdminUnit,
    CriteriaSetVersion,
    DataVersion,
    Dossier,
    Producer,
    Product,
    Recognition,
)
from ocop_desktop.services.criteria import load_criteria_set
from ocop_desktop.services.dossier_rows import DossierRow


def list_version(session: Session, today: date | None = None) -> str | None:
    """Names the state of everything the list reads, as of ``today`` (a revocation takes effect on its
    date): equal versions, equal lists. Read it before the rows: a write landing in between then makes
    the version older than the rows, so a saved copy is reloaded once more, never trusted when stale."""
    row = session.execute(
        select(DataVersion.epoch, DataVersion.counter).where(DataVersion.name == "dossier_list")).one_or_none()
    if row is None:  # the row was removed by hand: nothing can vouch for a saved copy
        return None
    return f"{row.epoch}:{row.counter}:{(today or vietnam_today()).isoformat()}"


def _rows_query() -> Select[*tuple[Any, ...]]:  # Core columns: untyped
    d, pr, p, u = Dossier.__table__, Product.__table__, Producer.__table__, AdminUnit.__table__
    return (
        select(d.c.id, d.c.code, d.c.status, d.c.kind, func.coalesce(pr.c.name, ""),
               func.coalesce(p.c.name, ""), d.c.commune_code, func.coalesce(u.c.name, d.c.commune_code),
               func.coalesce(pr.c.subgroup_code, ""), d.c.product_id)
        .select_from(d)
        .outerjoin(pr, pr.c.id == d.c.product_id)
        .outerjoin(p, p.c.id == pr.c.producer_id)
        .outerjoin(u, u.c.code == d.c.commune_code)
        .where(d.c.deleted.is_(False))
    )


def _current_recognitions(session: Session, today: date) -> dict[str, tuple[int, date]]:
    """Product id -> (stars, valid until) of its latest decision not revoked by today.

    A revocation dated later has not happened yet. Read apart from the dossiers and joined here: a
    window-function subquery joined in SQL costs a third more at 50,000 rows."""
    r = Recognition.__table__
    rows = session.execute(
        select(r.c.product_id, r.c.stars, r.c.valid_until)
        .where(r.c.deleted.is_(False), or_(r.c.revoked_on.is_(None), r.c.revoked_on > today))
        .order_by(r.c.decision_date, r.c.created_at)
    ).all()
    return {product_id: (stars, valid_until) for product_id, stars, valid_until in rows}  # latest wins


def load_dossier_rows(session: Session, today: date | None = None) -> list[DossierRow]:
    """Every live dossier with what the list shows and filters on, in no particular order."""
    current = _current_recognitions(session, today or vietnam_today())
    none = (None, None)
    # The driver makes a new string per row even for a commune or status that 5,000 rows share; one
    # shared copy each saves about a third of the list's memory.
    interned: dict[str, str] = {}
    same = interned.setdefault
    rows: list[DossierRow] = []
    with cycle_collector_paused():
        for part in session.execute(_rows_query()).partitions(5000):
            # Positional construction: a keyword dict per row costs more than the query at 50,000 rows.
            rows += [DossierRow(i, code, same(status, status), same(kind, kind), product, same(producer, producer),
                                same(commune, commune), same(name, name), same(group, group),
                                *current.get(product_id, none))
                     for i, code, status, kind, product, producer, commune, name, group, product_id in part]
    return rows


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """For building many objects that cannot form cycles (rows, their search texts and sort keys)."""
    # 50,000 new objects set off full collections that walk every live object in the app, a third of
    # the load's time; rows hold only strings, numbers and dates, so they cannot form cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def subgroup_names(session: Session) -> dict[str, str]:
    """Product subgroup code -> its name, from every stored criteria set; the newest set's name wins."""
    versions = session.execute(
        select(CriteriaSetVersion.id).where(CriteriaSetVersion.deleted.is_(False))
        .order_by(CriteriaSetVersion.effective_from.is_(None).desc(), CriteriaSetVersion.effective_from)
    ).scalars().all()
    names: dict[str, str] = {}
    for version_id in versions:
        for subgroup in load_criteria_set(session, version_id).subgroups():
            names[subgroup.code] = subgroup.name
    return names
