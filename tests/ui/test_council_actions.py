"""The council page's search, batch approval and "open the exported file"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QUrl
from sqlalchemy import select

from ocop_core.domain.text import fold
from ocop_desktop.db.models import CouncilResult
from ocop_desktop.db.schema import Database
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.council import council_page
from ocop_desktop.ui.council.council_page import CouncilPage


@pytest.fixture
def page(qtbot, context: AppContext) -> CouncilPage:
    widget = CouncilPage(context)
    qtbot.addWidget(widget)
    context.runner.changed.connect(widget.on_changes)
    return widget


def _select_rows(page: CouncilPage, rows: list[int]) -> None:
    selection = QItemSelection()
    for row in rows:
        selection.select(page.model.index(row, 0), page.model.index(row, 0))
    page.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _approved(demo_db: Database) -> set[str]:
    with demo_db.session() as session:
        return set(session.scalars(select(CouncilResult.dossier_id).where(CouncilResult.approved_at.is_not(None))))


def test_search_keeps_only_matching_dossiers_accents_optional(page: CouncilPage) -> None:
    """A product's name typed without accents leaves only the dossiers that have it; clearing shows all again."""
    every = page.model.rowCount()
    target = page.view.rows[1]
    page.search.setText(fold(target.product))
    shown = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert target in shown and all(fold(target.product) in fold(r.product) for r in shown)
    assert page.current_row() == target or page.current_row() in shown
    page.search.setText("khong co ho so nao nhu the nay")
    assert page.model.rowCount() == 0 and page.detail.text() == "Chọn một hồ sơ trong bảng để xem chi tiết."
    page.search.clear()
    assert page.model.rowCount() == every


def test_batch_approval_confirms_then_says_what_was_approved_and_refused(page: CouncilPage, demo_db) -> None:
    """An approvable dossier, a flagged one and one approved before: the question counts them, only the first is
    approved (by the single-approval rule), and the summary names each refused one with its reason."""
    rows = page.view.rows
    ready = next(i for i, r in enumerate(rows) if r.can_approve)
    flagged = next(i for i, r in enumerate(rows) if r.spread_exceeded and not r.approved)
    done = next(i for i, r in enumerate(rows) if r.approved)
    before = _approved(demo_db)
    _select_rows(page, [ready, flagged, done])
    assert page.batch_button.isEnabled() and page.batch_button.text() == "Phê duyệt 3 hồ sơ đã chọn…"
    asked, told = [], []
    page.confirm = lambda title, text: asked.append(text) or False
    page.batch_button.click()
    assert f"Đủ điều kiện: 1 hồ sơ ({rows[ready].code})" in asked[0]
    assert "sẽ không được phê duyệt: 2 hồ sơ" in asked[0]
    assert _approved(demo_db) == before  # declined: nothing written
    page.confirm = lambda title, text: True
    page.inform = lambda title, text: told.append(text)
    page.batch_button.click()
    assert _approved(demo_db) == before | {rows[ready].dossier_id}
    summary = told[0]
    assert summary.startswith(f"Đã phê duyệt 1 hồ sơ: {rows[ready].code}.")
    assert f"– {rows[flagged].code}: Chưa phê duyệt được: Điểm các thành viên chênh lệch quá giới hạn" in summary
    assert f"– {rows[done].code}: Kết quả hội đồng đã được phê duyệt." in summary
    assert page.message.text() == f"Đã phê duyệt 1 hồ sơ: {rows[ready].code}."


def test_batch_approval_is_for_approvers_only(qtbot, context: AppContext) -> None:
    """A council member may select rows but not approve them together."""
    from dataclasses import replace

    from ocop_desktop.ui.context import CurrentUser
    member = replace(context, user=CurrentUser("u", "thanhvien", "Thành viên", "member"))
    page = CouncilPage(member)
    qtbot.addWidget(page)
    _select_rows(page, [0, 1])
    assert not page.batch_button.isEnabled()


def test_open_the_exported_file_asks_the_system_for_it(page: CouncilPage, tmp_path: Path, monkeypatch) -> None:
    """After an export, "Mở tệp vừa lưu" appears and asks the system to open exactly that file's URL; when no
    program can, the page says so."""
    requested: list[QUrl] = []
    monkeypatch.setattr(council_page.QDesktopServices, "openUrl", lambda url: requested.append(url) or True)
    page.choose_save_path = lambda title, suggested, filters: str(tmp_path / suggested)
    assert page.open_button.isHidden()
    page.minutes_button.click()
    assert not page.open_button.isHidden()
    page.open_button.click()
    assert [u.toLocalFile() for u in requested] == [str(page.saved_file)] and page.saved_file.suffix == ".pdf"
    monkeypatch.setattr(council_page.QDesktopServices, "openUrl", lambda url: False)
    page.open_button.click()
    assert "Không mở được tệp" in page.message.text()
