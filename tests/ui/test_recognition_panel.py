"""Hồ sơ's "Công nhận" tab: the admin records the decision for an approved result, revokes it with a reason and a
confirmation; its validity shows; a dossier without an approved result offers nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from ocop_desktop.db.models import CouncilResult, Dossier, Recognition
from ocop_desktop.db.schema import Database
from ocop_desktop.services import dossiers
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.dossiers.editor import TAB_RECOGNITION, DossierEditor
from ocop_desktop.ui.recognitions.decision_dialog import Decision

TODAY = date.today()


def _approved_unrecognised(db: Database) -> str:
    with db.session() as s:
        return s.scalar(select(Dossier.id).join(CouncilResult, CouncilResult.dossier_id == Dossier.id).where(
            Dossier.status == "evaluated", CouncilResult.approved_at.is_not(None), CouncilResult.final_stars >= 3)
            .order_by(Dossier.code))


def _editor(qtbot, context: AppContext, dossier_id: str) -> DossierEditor:
    editor = DossierEditor(context)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.load(dossier_id)
    editor.tabs.setCurrentIndex(TAB_RECOGNITION)
    return editor


def _recognitions(db: Database, dossier_id: str) -> list[Recognition]:
    with db.session() as s:
        return list(s.scalars(select(Recognition).where(Recognition.dossier_id == dossier_id)))


def test_admin_records_the_decision_at_the_results_stars(qtbot, context: AppContext, demo_db: Database,
                                                         screenshots):
    """The button is offered for an approved result; the decision saved shows as valid with its last day."""
    dossier_id = _approved_unrecognised(demo_db)
    panel = _editor(qtbot, context, dossier_id).recognition
    assert panel.record_button.isEnabled() and panel.table.rowCount() == 0
    asked = {}
    panel.ask_decision = lambda **kw: asked.update(kw) or Decision("77/QĐ-UBND", TODAY - timedelta(days=5),
                                                                   "UBND tỉnh Hà Tĩnh")
    panel.record_button.click()
    [saved] = _recognitions(demo_db, dossier_id)
    assert saved.stars == asked["stars"] >= 3 and saved.decision_no == "77/QĐ-UBND"
    assert panel.table.rowCount() == 1 and "Còn hiệu lực" in panel.status.text()
    assert "77/QĐ-UBND" in panel.status.text() and "hiệu lực đến hết ngày" in panel.status.text()
    assert not panel.record_button.isEnabled()  # one live decision per approved result
    panel.window().grab().save(str(screenshots / "recognition_tab.png"))


def test_an_empty_decision_number_is_refused_and_nothing_saved(qtbot, context: AppContext, demo_db: Database):
    dossier_id = _approved_unrecognised(demo_db)
    panel = _editor(qtbot, context, dossier_id).recognition
    panel.ask_decision = lambda **kw: Decision("   ", TODAY, "UBND tỉnh Hà Tĩnh")
    panel.record_button.click()
    assert "bắt buộc" in panel.message.text()
    assert _recognitions(demo_db, dossier_id) == []


@pytest.mark.parametrize("confirmed", [True, False])
def test_revocation_asks_a_reason_and_a_confirmation(qtbot, context: AppContext, demo_db: Database, confirmed: bool):
    """Revoking needs a day, a reason and a yes; a no leaves the decision in force."""
    dossier_id = _approved_unrecognised(demo_db)
    panel = _editor(qtbot, context, dossier_id).recognition
    panel.ask_decision = lambda **kw: Decision("78/QĐ-UBND", TODAY - timedelta(days=40), "UBND tỉnh Hà Tĩnh")
    panel.record_button.click()
    panel.table.selectRow(0)
    assert panel.revoke_button.isEnabled()
    panel.ask_revocation = lambda **kw: (TODAY, "Vi phạm an toàn thực phẩm")
    panel.confirm = lambda question: confirmed
    panel.revoke_button.click()
    [saved] = _recognitions(demo_db, dossier_id)
    if confirmed:
        assert saved.revoked_on == TODAY and "Đã bị thu hồi" in panel.status.text()
        assert "Vi phạm an toàn thực phẩm" in panel.status.text()
    else:
        assert saved.revoked_on is None and "Còn hiệu lực" in panel.status.text()


def test_a_draft_dossier_offers_no_decision(qtbot, context: AppContext, demo_db: Database):
    with demo_db.session() as s:
        draft = s.scalar(select(Dossier.id).where(Dossier.status == "draft").order_by(Dossier.code))
    panel = _editor(qtbot, context, draft).recognition
    assert not panel.record_button.isEnabled()
    assert "phê duyệt" in panel.hint.text()


def test_a_commune_officer_sees_but_may_not_record(qtbot, context: AppContext, demo_db: Database):
    context.user = CurrentUser(user_id="x-officer", username="canbo", full_name="Cán bộ xã", role="commune_officer")
    panel = _editor(qtbot, context, _approved_unrecognised(demo_db)).recognition
    assert not panel.record_button.isEnabled() and "quản trị tỉnh" in panel.hint.text()


def test_renewal_records_a_new_decision_on_the_re_evaluation(qtbot, context: AppContext, demo_db: Database):
    """On a recognised product's renewal dossier, once its result is approved (here as it arrives by sync from
    the council's laptop), the button renews: the old decision stays, the new one counts."""
    with demo_db.session() as s:
        old = s.scalar(select(Recognition).where(Recognition.revoked_on.is_(None)).order_by(Recognition.decision_date))
        evaluation = s.scalar(select(CouncilResult.session_id).limit(1))
        renewal = dossiers.create_dossier(s, product_id=old.product_id, kind="renewal").id
        s.flush()  # the dossier's row before the result that points to it
        s.add(CouncilResult(session_id=evaluation, dossier_id=renewal, n_sheets=5, member_totals_json="[]",
                            band_stars=old.stars, final_stars=old.stars, recommendation="recognise",
                            approved_at=datetime.now(UTC), approved_by=context.user.user_id))
        s.commit()
        old_id, old_number = old.id, old.decision_no
    panel = _editor(qtbot, context, renewal).recognition
    assert panel.record_button.text() == "Gia hạn công nhận…" and panel.record_button.isEnabled()
    asked = {}
    panel.ask_decision = lambda **kw: asked.update(kw) or Decision("901/QĐ-UBND", TODAY, "UBND tỉnh Hà Tĩnh")
    panel.record_button.click()
    assert asked["renewal"] is True and panel.message.text() == ""
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())][:2] == ["901/QĐ-UBND", old_number]
    assert "901/QĐ-UBND" in panel.status.text()
    with demo_db.session() as s:
        assert s.get(Recognition, old_id).revoked_on is None
