"""Scope that shrinks: a dossier unassigned from a council, or a member removed from it, leaves the member's
laptop at the next sync with its documents and cached files; the member's unsent work on it is quarantined
with the reason, never dropped. Two laptops and the real server on 127.0.0.1."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.db.models import ChangeJournal, Council, Dossier, DossierDocument, ScoreSheet, User
from ocop_desktop.services import assignments, councils, criteria, documents, dossiers, registry, sheets
from ocop_desktop.services.sync_history import overview
from ocop_desktop.sync import attachments
from ocop_desktop.sync.client import SyncError
from ocop_server.models import User as ServerUser

PASSWORD = "mat-khau-123"  # the password tests/sync/conftest.py gives the admin

COMMUNE, SUBGROUP = "18073", "I.1.a"


@dataclass
class World:
    admin: object
    member: object
    council: str
    seat: str
    evaluation: str
    kept: str  # a dossier that stays assigned
    leaving: str  # the dossier the admin unassigns
    assignment: str  # the leaving dossier's assignment
    kept_file: str
    leaving_file: str


def _dossier(session, name: str) -> str:
    producer = registry.create_producer(session, name=f"HTX {name}", kind="cooperative", commune_code=COMMUNE).id
    product = registry.create_product(session, producer_id=producer, name=name, subgroup_code=SUBGROUP).id
    return dossiers.create_dossier(session, product_id=product).id


@pytest.fixture
def world(server, make_laptop, sample_148_bytes, tmp_path: Path) -> World:
    member_user = server.create_user("thanhvien", PASSWORD, "member", full_name="Trần Thị Thành Viên")
    admin = make_laptop("admin")
    admin.sync()  # brings the member's users row, which the seat names
    with admin.session() as s:
        criteria_id = criteria.import_criteria_set(s, sample_148_bytes).id
        council = councils.create_council(s, name="Hội đồng OCOP tỉnh", admin_unit_code=COMMUNE,
                                          criteria_set_id=criteria_id).id
        seat = councils.add_member(s, council_id=council, full_name="Trần Thị Thành Viên", user_id=member_user).id
        evaluation = councils.open_evaluation(s, council_id=council, criteria_set_id=criteria_id).id
        kept, leaving = _dossier(s, "Chè búp Tân Cương"), _dossier(s, "Nước mắm Phú Khương")
        files = {}
        for dossier_id, text in ((kept, b"giay chung nhan che"), (leaving, b"giay chung nhan nuoc mam")):
            source = tmp_path / f"{dossier_id}.pdf"
            source.write_bytes(b"%PDF-1.4 " + text)
            doc = documents.attach_document(s, admin.blobs, dossier_id=dossier_id, file_path=source,
                                            doc_type="business_registration").id
            files[dossier_id] = s.get(DossierDocument, doc).sha256
        admin_id = s.scalar(select(User.id).where(User.username == "admin"))
        for dossier_id in (kept, leaving):
            for target in ("submitted", "commune_checked", "forwarded"):
                dossiers.change_dossier_status(s, dossier_id, target, user_id=admin_id, role="admin")
        assignments.assign_dossier(s, council_id=council, dossier_id=kept)
        assignment = assignments.assign_dossier(s, council_id=council, dossier_id=leaving).id
        s.commit()
    assert admin.sync().rejected == 0
    member = make_laptop("member", "thanhvien")
    member.sync()
    for sha256 in files.values():
        attachments.download(member.client, member.blobs, sha256)  # opened once: now cached on the laptop
    return World(admin, member, council, seat, evaluation, kept, leaving, assignment, files[kept], files[leaving])


def _draft_sheet(world: World) -> str:
    """The member starts scoring the leaving dossier; nothing is sent yet."""
    with world.member.session() as s:
        sheet = sheets.start_sheet(s, dossier_id=world.leaving, member_id=world.seat,
                                   evaluation_id=world.evaluation).id
        s.commit()
    return sheet


def _count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def test_an_unassigned_dossier_leaves_the_member_laptop_with_its_documents_and_files(world):
    """After the admin unassigns it, the member's next sync removes the dossier, its documents and its cached
    file; the other dossier and its file stay; the unsent draft sheet is quarantined with the reason."""
    member = world.member
    with member.session() as s:
        assert s.get(Dossier, world.leaving) is not None and s.get(Dossier, world.kept) is not None
    assert member.blobs.has(world.leaving_file) and member.blobs.has(world.kept_file)
    sheet = _draft_sheet(world)

    with world.admin.session() as s:
        assignments.unassign(s, assignment_id=world.assignment)
        s.commit()
    assert world.admin.sync().rejected == 0
    report = member.sync()

    with member.session() as s:
        assert s.get(Dossier, world.leaving) is None
        assert _count(s, DossierDocument, DossierDocument.dossier_id == world.leaving) == 0
        assert s.get(ScoreSheet, sheet) is None
        assert s.get(Dossier, world.kept) is not None
        assert _count(s, DossierDocument, DossierDocument.dossier_id == world.kept) == 1
        unsent = list(s.scalars(select(ChangeJournal).where(ChangeJournal.entity_id == sheet)))
        shown = overview(s).quarantined
    assert not member.blobs.has(world.leaving_file) and member.blobs.has(world.kept_file)
    assert report.left_scope >= 3 and report.mismatched == []
    assert unsent and {e.status for e in unsent} == {"quarantined"}
    assert any(view.entity_id == sheet and view.reason for view in shown)


def test_a_member_removed_from_the_council_loses_its_dossiers(world):
    """A seat tombstoned by the admin: the council, its dossiers and their files leave the member's laptop."""
    with world.admin.session() as s:
        from ocop_desktop.db.models import CouncilMember

        s.get(CouncilMember, world.seat).deleted = True
        s.commit()
    assert world.admin.sync().rejected == 0
    report = world.member.sync()
    with world.member.session() as s:
        assert _count(s, Dossier) == 0 and _count(s, DossierDocument) == 0
        assert s.get(Council, world.council) is None
    assert not world.member.blobs.has(world.leaving_file) and not world.member.blobs.has(world.kept_file)
    assert report.mismatched == []


def test_a_pull_that_does_not_ask_gets_no_gone_entries(world):
    """The addition is backward compatible: an older laptop, which never asks, reads the answer it knew."""
    with world.admin.session() as s:
        assignments.unassign(s, assignment_id=world.assignment)
        s.commit()
    world.admin.sync()
    from ocop_core.protocol import PullRequest

    answer = world.member.client.request("POST", "/sync/pull", body=PullRequest(cursor=1, limit=1000)).json()
    assert "gone" not in answer
    asked = world.member.client.pull(1, 1000, gone=True)
    assert {(g.entity, g.id) for g in asked.gone} >= {("dossiers", world.leaving)}


def test_an_officer_moved_to_another_commune_drops_the_old_ones_rows(server, make_laptop):
    """A commune taken from an officer: after logging in again, the next sync's check finds the laptop holds
    rows the server no longer lists, re-downloads those entities and removes what the list lacks."""
    from datetime import UTC, datetime

    from ocop_server import accounts

    officer_id = server.create_user("canboxa", PASSWORD, "commune_officer", commune_codes=[COMMUNE])
    admin = make_laptop("admin")
    with admin.session() as s:
        old_commune = _dossier(s, "Mật ong Hương Sơn")
        s.commit()
    admin.sync()
    officer = make_laptop("officer", "canboxa")
    officer.sync()
    with officer.session() as s:
        assert s.get(Dossier, old_commune) is not None

    with server.app.state.write_sessions() as session:
        user = accounts.find_user(session, officer_id)
        actor = accounts.find_login(session, "admin")
        accounts.change_role(session, user, "commune_officer", ["18076"], actor=actor, now=datetime.now(UTC))
        session.commit()
    officer.client.login("canboxa", PASSWORD, "officer")  # the change revoked the old token
    report = officer.sync()

    with officer.session() as s:
        assert s.get(Dossier, old_commune) is None and _count(s, Dossier) == 0
    assert "dossiers" in report.redownloaded and report.mismatched == []


def test_gone_never_names_rows_of_a_council_the_member_never_sat_on(world):
    """A dossier unassigned from another council is not named to this member: gone reveals only ids of rows
    the device could see."""
    with world.admin.session() as s:
        criteria_id = s.get(Council, world.council).criteria_set_id
        elsewhere = councils.create_council(s, name="Hội đồng huyện Hương Sơn", admin_unit_code=COMMUNE,
                                            criteria_set_id=criteria_id).id
        foreign = _dossier(s, "Cam Khe")
        admin_id = s.scalar(select(User.id).where(User.username == "admin"))
        for target in ("submitted", "commune_checked", "forwarded"):
            dossiers.change_dossier_status(s, foreign, target, user_id=admin_id, role="admin")
        assignment = assignments.assign_dossier(s, council_id=elsewhere, dossier_id=foreign).id
        s.commit()
    world.admin.sync()
    with world.admin.session() as s:
        assignments.unassign(s, assignment_id=assignment)
        assignments.unassign(s, assignment_id=world.assignment)
        s.commit()
    assert world.admin.sync().rejected == 0
    named = {g.id for g in world.member.client.pull(1, 1000, gone=True).gone}
    assert world.leaving in named and foreign not in named


def test_a_disabled_account_leaves_nothing_of_the_province_on_its_laptop(world, server):
    """Disabling the member cuts the laptop off at its next contact: everything it pulled goes, with the
    cached files; its unsent draft sheet is quarantined with the reason, never dropped."""
    member = world.member
    sheet = _draft_sheet(world)
    with server.app.state.sessions() as s:
        member_id = s.scalar(select(ServerUser.id).where(ServerUser.username == "thanhvien"))
    response = world.admin.client.request("POST", f"/admin/users/{member_id}/disable")
    assert response.status_code == 200
    with pytest.raises(SyncError) as refused:
        member.sync()
    assert refused.value.code == "account_disabled"
    with member.session() as s:
        assert _count(s, Dossier) == 0 and _count(s, DossierDocument) == 0 and _count(s, Council) == 0
        assert s.get(ScoreSheet, sheet) is None
        unsent = list(s.scalars(select(ChangeJournal).where(ChangeJournal.entity_id == sheet)))
    assert unsent and {e.status for e in unsent} == {"quarantined"}
    assert not member.blobs.has(world.leaving_file) and not member.blobs.has(world.kept_file)
