"""Every figure of the Tổng quan dashboard against a small hand-built province."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ocop_desktop.db.base import new_id
from ocop_desktop.db.models import (
    AdminUnit,
    Council,
    CouncilAssignment,
    CouncilMember,
    Dossier,
    Recognition,
    ScoreSheet,
)
from ocop_desktop.services import dossiers, registry
from ocop_desktop.services.dossier_list import load_dossier_rows
from ocop_desktop.services.overview import RecognisedKey, load_overview
from ocop_desktop.services.overview_products import recognised_products

TODAY = date(2026, 6, 15)


def _product(session: Session, commune: str, group: str) -> str:
    producer = registry.create_producer(session, name=f"HTX {new_id()[:6]}", kind="cooperative", commune_code=commune)
    return registry.create_product(session, producer_id=producer.id, name=f"Sản phẩm {new_id()[:6]}",
                                   subgroup_code=group).id


def _recognise(session: Session, product: str, stars: int, decided: date, until: date,
               revoked: date | None = None) -> None:
    session.add(Recognition(product_id=product, stars=stars, issuing_body="UBND tỉnh Hà Tĩnh", decision_no="1/QĐ",
                            decision_date=decided, valid_until=until, notice_date=until - timedelta(days=90),
                            revoked_on=revoked))
    session.flush()


@pytest.fixture
def province(session: Session) -> dict[str, str]:
    """Two communes; five products; recognitions with a renewal, a revocation, one dated to be revoked later."""
    first, second = session.scalars(
        select(AdminUnit.code).where(AdminUnit.level == "commune").order_by(AdminUnit.code).limit(2)).all()
    p = {name: _product(session, commune, group) for name, commune, group in (
        ("a", first, "I.1.a"), ("b", first, "I.1.a"), ("c", second, "II.2"), ("d", second, "I.1.a"),
        ("e", first, "II.2"))}
    _recognise(session, p["a"], 3, date(2023, 3, 1), date(2026, 3, 1))  # renewed below: the renewal counts
    _recognise(session, p["a"], 4, date(2026, 3, 2), date(2029, 3, 2))
    _recognise(session, p["b"], 3, date(2024, 5, 10), date(2026, 8, 1))  # ends within 3 months
    _recognise(session, p["c"], 5, date(2024, 1, 20), date(2026, 11, 30))  # within 6
    _recognise(session, p["d"], 4, date(2025, 2, 2), date(2027, 5, 1), revoked=date(2026, 1, 5))  # gone
    _recognise(session, p["e"], 3, date(2025, 9, 9), date(2027, 6, 10), revoked=date(2026, 9, 1))  # not yet
    session.commit()
    return {**p, "first": first, "second": second}


def test_recognised_products_by_stars_commune_group_and_year(session: Session, province: dict[str, str]) -> None:
    """Each product counts once, with its latest decision not revoked by today: the renewal replaces the first
    decision, a past revocation removes the product, a revocation dated later does not yet."""
    view = load_overview(session, TODAY)
    first, second = province["first"], province["second"]
    assert view.recognised == {RecognisedKey(4, first, "I.1.a", 2026): 1, RecognisedKey(3, first, "I.1.a", 2024): 1,
                               RecognisedKey(5, second, "II.2", 2024): 1, RecognisedKey(3, first, "II.2", 2025): 1}
    assert view.recognised_total == view.in_force == 4
    assert view.recognised_by("commune_code") == {first: {4: 1, 3: 2}, second: {5: 1}}
    assert view.recognised_by("group", stars=False) == {"I.1.a": {0: 2}, "II.2": {0: 2}}
    assert view.recognised_by("year") == {2026: {4: 1}, 2024: {3: 1, 5: 1}, 2025: {3: 1}}
    assert view.recognised_by("commune_code", year=2024) == {first: {3: 1}, second: {5: 1}}
    assert view.recognised_by("commune_code", year=2024, group="II.2") == {second: {5: 1}}
    assert view.commune_names[first]


def test_expiring_bands_match_the_dossier_list_filter(session: Session, province: dict[str, str]) -> None:
    """3/6/12 months are counted from Vietnam's today, cumulatively; each band's days, given to the list's
    expiring filter, finds as many products."""
    view = load_overview(session, TODAY)
    assert [(b.months, b.count) for b in view.expiring] == [(3, 1), (6, 2), (12, 3)]
    assert view.expiring[0].days == (date(2026, 9, 15) - TODAY).days
    for product in ("a", "b", "c", "e"):
        dossiers.create_dossier(session, product_id=province[product])
    session.commit()
    rows = load_dossier_rows(session, TODAY)
    for band in view.expiring:
        found = [r for r in rows if r.expires_on is not None and 0 < (r.expires_on - TODAY).days <= band.days]
        assert len(found) == band.count


def test_pipeline_counts_each_status_and_how_long_it_waited(session: Session, province: dict[str, str]) -> None:
    """Dossiers by status, in workflow order; the oldest wait in days and how many waited 30 days or more."""
    made = [dossiers.create_dossier(session, product_id=province[k]).id for k in ("a", "b", "c")]
    session.commit()
    long_ago = datetime(2026, 4, 1, 3, 0, tzinfo=UTC)
    session.info["journal"] = False  # set-up: times of the past, not a person's edit
    session.execute(update(Dossier).where(Dossier.id == made[0]).values(updated_at=long_ago))
    session.execute(update(Dossier).where(Dossier.id == made[1]).values(
        status="submitted", updated_at=datetime(2026, 6, 10, 9, 0, tzinfo=UTC)))
    session.execute(update(Dossier).where(Dossier.id == made[2]).values(deleted=True))
    session.commit()
    stages = {s.status: s for s in load_overview(session, TODAY).pipeline}
    early = dossiers.create_dossier(session, product_id=province["d"]).id
    session.execute(update(Dossier).where(Dossier.id == early).values(
        status="forwarded", updated_at=datetime(2026, 6, 14, 23, 0, tzinfo=UTC)))  # 06:00 on 15 June in Hà Tĩnh
    session.commit()
    assert {s.status: s for s in load_overview(session, TODAY).pipeline}["forwarded"].oldest_days == 0
    assert list(stages) == ["draft", "submitted", "commune_checked", "forwarded", "evaluated", "closed"]
    assert (stages["draft"].count, stages["draft"].oldest_days, stages["draft"].long_waiting) == (1, 75, 1)
    assert (stages["submitted"].count, stages["submitted"].oldest_days, stages["submitted"].long_waiting) == (1, 5, 0)
    assert stages["closed"].count == 0 and stages["closed"].oldest_days == 0


def test_council_progress_is_sheets_submitted_of_members_times_dossiers(
        session: Session, province: dict[str, str], criteria_148: str) -> None:
    """Expected: scoring members × dossiers before the council. Submitted: one per member and dossier, a draft,
    a non-scoring secretary's sheet or a sheet on a dossier not before this council counts for nothing."""
    council = Council(name="Hội đồng tỉnh 2026", admin_unit_code="42")
    session.add(council)
    session.flush()
    members = [CouncilMember(council_id=council.id, full_name=f"Thành viên {i}", scores=i < 3) for i in range(4)]
    session.add_all(members)
    made = [dossiers.create_dossier(session, product_id=province[k]).id for k in ("a", "b", "c")]
    session.flush()  # the dossiers first: their rows must exist before a row points to them
    session.add_all([CouncilAssignment(council_id=council.id, dossier_id=d) for d in made[:2]])
    session.flush()

    def sheet(member: CouncilMember, dossier: str, status: str = "submitted") -> ScoreSheet:
        return ScoreSheet(dossier_id=dossier, member_id=member.id, criteria_set_id=criteria_148, criteria_hash="x",
                          product_set_code="x", status=status, device_id="d")

    session.add_all([sheet(members[0], made[0]), sheet(members[1], made[0]), sheet(members[2], made[0], "draft"),
                     sheet(members[3], made[0]), sheet(members[0], made[2]), sheet(members[0], made[1])])
    session.commit()
    (progress,) = load_overview(session, TODAY).councils
    assert (progress.name, progress.submitted, progress.expected) == ("Hội đồng tỉnh 2026", 3, 6)


def test_products_by_stars_over_the_years(session: Session, province: dict[str, str]) -> None:
    """At each year's end (today for this year): products in force then, by the stars of their latest decision."""
    years = load_overview(session, TODAY).stars_by_year
    assert years == {2023: {3: 1}, 2024: {3: 2, 5: 1}, 2025: {3: 3, 4: 1, 5: 1}, 2026: {3: 2, 4: 1, 5: 1}}


def test_an_empty_database_gives_zeros(session: Session) -> None:
    """Nothing recorded yet: zeros everywhere, nothing fails."""
    view = load_overview(session, TODAY)
    assert view.recognised_total == 0 and view.stars_by_year == {} and view.councils == ()
    assert all(b.count == 0 for b in view.expiring) and all(s.count == 0 for s in view.pipeline)


def test_the_recognised_products_list_gives_each_product_once_with_its_validity(
        session: Session, province: dict[str, str]) -> None:
    """The renewal replaces the first decision; a revoked product is left out; a decision ending within six
    months is expiring; none has run out here, so one is made to."""
    _recognise(session, province["d"], 3, date(2022, 1, 1), date(2025, 1, 1))  # its revoked one aside: expired
    session.commit()
    listed = {p.product: p for p in recognised_products(session, TODAY)}
    assert len(listed) == 5
    validity = sorted((p.stars, p.validity) for p in listed.values())
    assert validity == [(3, "expired"), (3, "expiring"), (3, "in_force"), (4, "in_force"), (5, "expiring")]


def test_a_decision_that_ran_out_counts_as_recognised_but_not_in_force(session: Session,
                                                                       province: dict[str, str]) -> None:
    """On 1 December 2026 the decisions of b (ended 1 August) and c (ended 30 November) have run out and wait for a
    renewal; a's renewal holds; e's revocation of 1 September has happened."""
    view = load_overview(session, date(2026, 12, 1))
    assert (view.recognised_total, view.in_force) == (3, 1)
    assert load_overview(session, date(2026, 11, 30)).in_force == 2  # c's last valid day
