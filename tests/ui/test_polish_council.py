"""The council page says why its table is empty instead of showing an empty table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select

from ocop_desktop.db.models import Council, CriteriaSetVersion, User
from ocop_desktop.services import councils
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.council.council_page import CouncilPage


def _as(context: AppContext, demo_db, username: str) -> AppContext:
    with demo_db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        return replace(context, user=CurrentUser(user.id, user.username, user.full_name, user.role))


def _newest_session_holds_nothing(demo_db) -> None:
    """A session newer than the demo's, with no dossier of this laptop in it: what a commune officer's laptop
    receives of a session whose dossiers are all of other communes."""
    with demo_db.session() as s:
        unit = s.scalar(select(Council.admin_unit_code))
        version = s.scalar(select(CriteriaSetVersion.id).where(CriteriaSetVersion.status == "published"))
        council = councils.create_council(s, name="Hội đồng OCOP đợt 2", admin_unit_code=unit).id
        councils.open_evaluation(s, council_id=council, criteria_set_id=version, held_on=date(2030, 1, 2))
        s.commit()


def _page(context: AppContext, qtbot, width: int = 1366, height: int = 768) -> CouncilPage:
    page = CouncilPage(context)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_commune_officer_is_told_why_a_session_shows_no_dossier(context, demo_db, qtbot, screenshots) -> None:
    """canboxa, on a session with none of their commune's dossiers, reads why in place of an empty table."""
    _newest_session_holds_nothing(demo_db)
    page = _page(_as(context, demo_db, "canboxa"), qtbot)
    assert "Hội đồng OCOP đợt 2" in page.sessions.currentText() and page.model.rowCount() == 0
    assert not page.table.isVisible() and page.empty_note.isVisible()
    assert page.empty_note.text().startswith("Không có hồ sơ nào của xã bạn trong phiên này.")
    page.grab().save(str(screenshots / "polish_council_empty_canboxa.png"))
    page.sessions.setCurrentIndex(1)  # the demo's session, with dossiers
    assert page.model.rowCount() > 0 and page.table.isVisible() and not page.empty_note.isVisible()


def test_an_admin_is_told_the_session_has_no_dossier_yet(context, demo_db, qtbot) -> None:
    """For the admin the same empty session says that no dossier was put before the council, and where to."""
    _newest_session_holds_nothing(demo_db)
    page = _page(_as(context, demo_db, "admin"), qtbot, 1024, 600)
    assert not page.table.isVisible() and "Quản trị → Hội đồng" in page.empty_note.text()


def test_a_search_that_hides_every_dossier_says_so(context, qtbot) -> None:
    """A search matching nothing names what was searched, and clearing it brings the table back."""
    page = _page(context, qtbot)
    page.search.setText("khongcohosonaoten")
    assert not page.table.isVisible() and "“khongcohosonaoten”" in page.empty_note.text()
    page.search.clear()
    assert page.table.isVisible() and not page.empty_note.isVisible()
