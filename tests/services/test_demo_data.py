"""The demo dataset looks like Hà Tĩnh's OCOP programme and is built through the services."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_core.domain.dates import period_end, vietnam_today
from ocop_desktop.db.models import (
    AdminUnit,
    ChangeJournal,
    CouncilMember,
    Dossier,
    Producer,
    Product,
    Recognition,
    ScoreSheet,
)
from ocop_desktop.db.schema import open_database
from ocop_desktop.services.demo_data import REAL_PRODUCTS, build


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("demo") / "db.sqlite3")
    summary = build(db.session_factory, scale=60, scored_limit=12)
    session = db.session()
    yield summary, session
    session.close()
    db.close()


def test_real_product_names_are_present(demo):
    """Every product the province names in its reporting is in the dataset."""
    _, session = demo
    names = set(session.scalars(select(Product.name)))
    assert {name for name, *_ in REAL_PRODUCTS} <= names


def test_producers_sit_inside_the_province_near_their_commune(demo):
    """Each producer has coordinates inside Hà Tĩnh, within about 10 km of its commune's centroid."""
    _, session = demo
    rows = session.execute(select(Producer.lat, Producer.lon, AdminUnit.lat, AdminUnit.lon)
                           .join(AdminUnit, AdminUnit.code == Producer.commune_code)).all()
    assert rows
    for lat, lon, c_lat, c_lon in rows:
        assert 17.9 <= lat <= 18.8 and 105.1 <= lon <= 106.5
        assert abs(lat - c_lat) < 0.1 and abs(lon - c_lon) < 0.1


def test_dossiers_exist_in_every_status(demo):
    """The six workflow statuses all appear."""
    _, session = demo
    statuses = set(session.scalars(select(Dossier.status).distinct()))
    assert statuses == {"draft", "submitted", "commune_checked", "forwarded", "evaluated", "closed"}


def test_evaluated_dossiers_have_five_submitted_sheets(demo):
    """Every scored dossier has one submitted sheet from each of the five scoring members."""
    summary, session = demo
    per_dossier = session.execute(select(ScoreSheet.dossier_id, func.count(func.distinct(ScoreSheet.member_id)))
                                  .where(ScoreSheet.status == "submitted").group_by(ScoreSheet.dossier_id)).all()
    scoring = session.scalar(select(func.count()).select_from(CouncilMember).where(CouncilMember.scores.is_(True)))
    assert scoring == 5
    assert per_dossier and all(n == 5 for _, n in per_dossier)
    assert summary.sheets == 5 * len(per_dossier)


def test_recognitions_expire_36_months_after_the_decision(demo):
    """Recognitions carry their decision date, an end 36 months later and a notice date 30 days before."""
    _, session = demo
    recognitions = session.scalars(select(Recognition)).all()
    assert recognitions
    today = vietnam_today()
    for r in recognitions:
        assert r.stars in (3, 4, 5)
        assert ("Bộ Nông nghiệp" in r.issuing_body) == (r.stars == 5)  # five stars: the ministry's decision
        assert r.valid_until == period_end(r.decision_date, 36)
        assert (r.valid_until - r.notice_date).days == 30
        assert today - timedelta(days=4 * 365) <= r.decision_date <= today
    # The first one ends within months: the overview's expiry buttons and a renewal task have something.
    assert min(r.valid_until for r in recognitions) <= today + timedelta(days=6 * 31)


def test_everything_built_is_in_the_journal(demo):
    """Demo rows are ordinary user changes: each producer, product and dossier has an insert entry."""
    _, session = demo
    for model in (Producer, Product, Dossier):
        rows = session.scalar(select(func.count()).select_from(model))
        inserts = session.scalar(select(func.count()).select_from(ChangeJournal).where(
            ChangeJournal.entity == model.__tablename__, ChangeJournal.op == "insert"))
        assert inserts == rows


def test_same_seed_gives_same_names(tmp_path: Path):
    """The generator is deterministic for a seed, so benchmarks compare like with like."""
    names = []
    for i in range(2):
        db = open_database(tmp_path / f"{i}.sqlite3")
        build(db.session_factory, scale=12, scored_limit=0, seed=5)
        with db.session() as session:
            names.append(sorted(session.scalars(select(Producer.name))))
        db.close()
    assert names[0] == names[1]


def test_demo_accounts_log_in_offline_and_sit_on_the_council(tmp_path):
    """Each demo account can log in offline with the demo password; the chair and a member hold seats."""
    from ocop_desktop.db.models import CouncilMember
    from ocop_desktop.services.demo_accounts import DEMO_PASSWORD, DEMO_USERS
    from ocop_desktop.sync.login import LoginError, login

    db = open_database(tmp_path / "demo.sqlite3")
    try:
        build(db.session_factory, scale=8, scored_limit=2)
        for username, role in DEMO_USERS:
            session = login(db, None, username, DEMO_PASSWORD)
            assert (session.role, session.online) == (role, False)
        with pytest.raises(LoginError) as refused:
            login(db, None, "admin", "sai-mat-khau")
        assert refused.value.code == "wrong_password"
        with db.session() as s:
            seated = {m.role for m in s.scalars(select(CouncilMember).where(CouncilMember.user_id.is_not(None)))}
        assert seated == {"chair", "member", "secretary"}
    finally:
        db.close()


def test_the_admins_automatic_tasks_come_with_the_demo(demo):
    """Built with the demo (so they are not counted as unsent), they leave the first start nothing to make."""
    from ocop_desktop.db.models import Task, User
    from ocop_desktop.services import tasks_auto

    _summary, s = demo
    admin = s.scalar(select(User.id).where(User.username == "admin"))
    assert s.scalar(select(func.count()).select_from(Task)) > 0
    assert tasks_auto.ensure_auto_tasks(s, user_id=admin, role="admin").ids == frozenset()
    s.rollback()
