"""The README's two laptops: a server with its own `admin`, laptop A holding demo accounts (its own `admin`
among them), laptop B. A's work reaches B, demo accounts never leave A, and no laptop's sync breaks."""

from __future__ import annotations

from sqlalchemy import select

from ocop_desktop.db.models import ChangeJournal, CouncilMember, Producer, QuarantinedRow, User
from ocop_desktop.services import councils, demo_accounts, registry


def _demo_laptop(make_laptop):
    """Laptop A as the demo leaves it: the five demo accounts, a council whose member is the demo
    `thanhvien`, a producer; then logged in to the server as its real `admin`."""
    laptop = make_laptop("a")
    with laptop.session() as s:
        users = demo_accounts.create_demo_users(s, "Nguyễn", ["An", "Bình", "Chi"])
        council = councils.create_council(s, name="Hội đồng cấp tỉnh", admin_unit_code="42").id
        member = councils.add_member(s, council_id=council, full_name="Nguyễn Chi", user_id=users["thanhvien"].id).id
        producer = registry.create_producer(s, name="HTX Nước mắm Cửa Sót", kind="cooperative", commune_code="18073").id
        s.commit()
    return laptop, {"member": member, "producer": producer, "demo": {u.id for u in users.values()},
                    "thanhvien": users["thanhvien"].id}


def test_demo_accounts_stay_on_their_laptop_and_the_other_laptop_syncs(server, make_laptop):
    """A sends its producer and council, not its demo users (nor the member's link to one); B then syncs
    without a UNIQUE failure and holds the server's one `admin` and A's work."""
    a, ids = _demo_laptop(make_laptop)
    report_a = a.sync()
    assert report_a.rejected == 0 and report_a.mismatched == []
    with a.session() as s:
        assert set(s.scalars(select(ChangeJournal.status).where(ChangeJournal.entity == "users"))) == {"local"}

    b = make_laptop("b")
    report_b = b.sync()
    assert report_b.mismatched == []
    with b.session() as s:
        assert [u.username for u in s.scalars(select(User))] == ["admin"]
        assert not ids["demo"] & set(s.scalars(select(User.id)))
        assert s.get(Producer, ids["producer"]).name == "HTX Nước mắm Cửa Sót"
        assert s.get(CouncilMember, ids["member"]).user_id is None  # no server knows the demo account


def test_the_demo_laptop_keeps_its_own_admin_and_quarantines_the_servers(server, make_laptop):
    """The server's `admin` cannot sit beside A's demo `admin` (a unique username): A keeps that one row
    aside with the reason and everything else syncs, the consistency check included; A's seat stays
    linked to its demo member."""
    a, ids = _demo_laptop(make_laptop)
    report = a.sync()
    again = a.sync()
    assert report.mismatched == [] and again.mismatched == [] and again.redownloaded == []
    with a.session() as s:
        [held] = s.scalars(select(QuarantinedRow)).all()
        assert held.entity == "users"
        assert held.reason.startswith("duplicate: username 'admin' belongs to another row on this laptop (")
        assert held.reason.endswith(", a demo account)")
        assert s.get(CouncilMember, ids["member"]).user_id == ids["thanhvien"]
        assert sorted(u.username for u in s.scalars(select(User))) == sorted(u for u, _ in demo_accounts.DEMO_USERS)
