"""The province at a glance (Tổng quan): every figure of the dashboard, counted from the local database.

A product counts as recognised with the stars of its latest decision not revoked by today, the same rule as
the dossier list's stars column (services.dossier_list), so a drill-down from a figure into Hồ sơ or Bản đồ
shows the dossiers that figure counted. Aggregates are done in SQL where they can be; the recognitions,
a quarter of the dossiers at most, are read once and counted here."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import String, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session

from ocop_core.domain.dates import add_months, vietnam_today, vietnam_zone
from ocop_core.domain.dossier_status import STATUSES
from ocop_desktop.db.models import (
    AdminUnit,
    Council,
    CouncilAssignment,
    CouncilMember,
    Dossier,
    Product,
    Recognition,
    ScoreSheet,
)
from ocop_desktop.services.dossier_list import subgroup_names

EXPIRY_MONTHS = (3, 6, 12)
LONG_WAIT_DAYS = 30  # a dossier untouched this long in a status is counted as waiting long


@dataclass(frozen=True)
class RecognisedKey:
    stars: int
    commune_code: str
    group: str  # product subgroup code
    year: int  # of the decision


@dataclass(frozen=True)
class ExpiryBand:
    months: int
    days: int  # from today to the band's last day: the dossier filter's expiring_days
    count: int


@dataclass(frozen=True)
class PipelineStage:
    status: str
    count: int
    oldest_days: int  # days since the longest-waiting dossier in this status last changed; 0 when empty
    long_waiting: int  # dossiers untouched for LONG_WAIT_DAYS or more


@dataclass(frozen=True)
class CouncilProgress:
    council_id: str
    name: str
    submitted: int
    expected: int  # scoring members × dossiers put before the council


@dataclass(frozen=True)
class Overview:
    today: date
    recognised: dict[RecognisedKey, int]
    expiring: tuple[ExpiryBand, ...]
    pipeline: tuple[PipelineStage, ...]
    councils: tuple[CouncilProgress, ...]
    stars_by_year: dict[int, dict[int, int]]  # year -> stars -> products in force at the year's end
    commune_names: dict[str, str] = field(default_factory=dict)
    group_names: dict[str, str] = field(default_factory=dict)
    # Of the recognised products, those whose decision still holds today (the others wait for a renewal).
    in_force: int = 0

    @property
    def recognised_total(self) -> int:
        return sum(self.recognised.values())

    def recognised_by(self, dimension: str, stars: bool = True, *, year: int | None = None,
                      group: str | None = None) -> dict[Any, dict[int, int]]:
        """``dimension`` ("commune_code", "group", "year") -> stars -> products, of the products recognised in
        ``year`` and of ``group`` when given; with ``stars`` False every count is under key 0."""
        table: dict[Any, dict[int, int]] = {}
        for key, count in self.recognised.items():
            if (year is not None and key.year != year) or (group is not None and key.group != group):
                continue
            row = table.setdefault(getattr(key, dimension), {})
            column = key.stars if stars else 0
            row[column] = row.get(column, 0) + count
        return table


def load_overview(session: Session, today: date | None = None) -> Overview:
    """Every figure of the dashboard as of ``today`` (Vietnam's today by default)."""
    today = today or vietnam_today()
    decisions = _decisions(session)
    latest = _latest(decisions, today.isoformat())
    return Overview(
        today=today,
        recognised=Counter(RecognisedKey(d.stars, d.commune_code, d.group, int(d.decided[:4])) for d in latest),
        expiring=_expiring(latest, today),
        pipeline=_pipeline(session, today),
        councils=_councils(session),
        stars_by_year=_stars_by_year(decisions, today),
        commune_names={code: name for code, name in session.execute(select(AdminUnit.code, AdminUnit.name))},
        group_names=subgroup_names(session),
        in_force=sum(1 for d in latest if d.valid_until >= today.isoformat()),
    )


class _Decision(NamedTuple):
    product_id: str
    stars: int
    decided: str  # ISO dates, compared as text: parsing 37,500 dates into objects was a third of the time
    valid_until: str
    revoked_on: str | None
    commune_code: str
    group: str


def _decisions(session: Session) -> list[_Decision]:
    """Every live decision on a live product, oldest first (ties: in the order they were recorded)."""
    r, p = Recognition.__table__, Product.__table__
    raw = [type_coerce(column, String) for column in (r.c.decision_date, r.c.valid_until, r.c.revoked_on)]
    rows = session.execute(
        select(r.c.product_id, r.c.stars, *raw, p.c.commune_code, p.c.subgroup_code)
        .join(p, p.c.id == r.c.product_id)
        .where(r.c.deleted.is_(False), p.c.deleted.is_(False))
        .order_by(r.c.decision_date, r.c.created_at)
    ).all()
    return [_Decision(*row) for row in rows]


def _latest(decisions: list[_Decision], moment: str) -> list[_Decision]:
    """Each product's latest decision taken by ``moment`` and not revoked by then (a revocation dated later has
    not happened yet)."""
    latest = {d.product_id: d for d in decisions
              if d.decided <= moment and (d.revoked_on is None or d.revoked_on > moment)}
    return list(latest.values())


def _expiring(latest: list[_Decision], today: date) -> tuple[ExpiryBand, ...]:
    """Recognitions whose last valid day falls after today and within the band, as the list's filter counts."""
    bands, first = [], today.isoformat()
    for months in EXPIRY_MONTHS:
        last = add_months(today, months)
        end = last.isoformat()
        bands.append(ExpiryBand(months, (last - today).days, sum(1 for d in latest if first < d.valid_until <= end)))
    return tuple(bands)


def _pipeline(session: Session, today: date) -> tuple[PipelineStage, ...]:
    d = Dossier.__table__
    # Days as Vietnam counts them: a dossier changed at 06:00 in Hà Tĩnh (23:00 UTC the day before) has waited
    # since today, not since yesterday.
    zone = vietnam_zone()
    cutoff = datetime.combine(date.fromordinal(today.toordinal() - LONG_WAIT_DAYS), time(), tzinfo=zone)
    changed = func.coalesce(d.c.updated_at, d.c.submitted_at, d.c.created_at)
    rows = session.execute(
        select(d.c.status, func.count(), func.min(changed), func.sum(case((changed < cutoff, 1), else_=0)))
        .where(d.c.deleted.is_(False)).group_by(d.c.status)
    ).all()
    found = {status: (count, oldest, long) for status, count, oldest, long in rows}
    stages = []
    for status in (*STATUSES, *sorted(set(found) - set(STATUSES))):
        count, oldest, long = found.get(status, (0, None, 0))
        waited = max((today - _aware(oldest).astimezone(zone).date()).days, 0) if oldest is not None else 0
        stages.append(PipelineStage(status, count, waited, int(long or 0)))
    return tuple(stages)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _councils(session: Session) -> tuple[CouncilProgress, ...]:
    c, m, a, s = Council.__table__, CouncilMember.__table__, CouncilAssignment.__table__, ScoreSheet.__table__
    scorers = (select(func.count()).where(m.c.council_id == c.c.id, m.c.deleted.is_(False), m.c.scores.is_(True))
               .scalar_subquery())
    assigned = select(func.count()).where(a.c.council_id == c.c.id, a.c.deleted.is_(False)).scalar_subquery()
    submitted = (
        select(func.count(func.distinct(s.c.member_id + "|" + s.c.dossier_id)))
        .select_from(s.join(m, and_(m.c.id == s.c.member_id, m.c.council_id == c.c.id, m.c.deleted.is_(False),
                                     m.c.scores.is_(True))))
        .where(s.c.deleted.is_(False), s.c.status == "submitted",
               s.c.dossier_id.in_(select(a.c.dossier_id).where(a.c.council_id == c.c.id, a.c.deleted.is_(False))))
        .scalar_subquery())
    rows = session.execute(
        select(c.c.id, c.c.name, submitted, scorers, assigned).where(c.c.deleted.is_(False)).order_by(c.c.name)
    ).all()
    return tuple(CouncilProgress(cid, name, done, members * dossiers) for cid, name, done, members, dossiers in rows)


def _stars_by_year(decisions: list[_Decision], today: date) -> dict[int, dict[int, int]]:
    """For each year since the first decision: products whose latest decision by the year's end (today for this
    year) was in force then, by stars."""
    if not decisions:
        return {}
    years: dict[int, dict[int, int]] = {}
    for year in range(int(decisions[0].decided[:4]), today.year + 1):
        moment = min(date(year, 12, 31), today).isoformat()
        counts = Counter(d.stars for d in _latest(decisions, moment) if d.valid_until >= moment)
        years[year] = dict(sorted(counts.items()))
    return years
