"""Section "Việc của tôi" with demo data: the admin's board fills with the scoring tasks that made themselves,
a task for a past date is refused on screen with nothing written, a member moves their task on with a comment."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from ocop_desktop.db.models import Task, User
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.tasks.page import COL_STATUS, TasksPage


def _tasks(context: AppContext) -> int:
    with context.runner.db.session() as s:
        return s.scalar(select(func.count()).select_from(Task))


def _page(qtbot, context: AppContext) -> TasksPage:
    page = TasksPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _member(context: AppContext) -> CurrentUser:
    with context.runner.db.session() as s:
        user = s.scalars(select(User).where(User.username == "thanhvien")).one()
        return CurrentUser(user_id=user.id, username=user.username, full_name=user.full_name, role=user.role)


def test_the_admins_board_and_a_refused_task(qtbot, context: AppContext, screenshots: Path):
    page = _page(qtbot, context)
    made = _tasks(context)
    assert made > 0 and page.board.rowCount() > 0 and page.tabs.isTabVisible(page.board_index)
    assert page.empty.isVisible()  # nothing is given to this admin: the list says so
    page.person.setCurrentIndex(page.person.findData(_member(context).user_id))
    page.title.setText("Kiểm tra thực địa HTX Nước mắm")
    page.due.setDate(QDate.currentDate().addDays(-3))
    qtbot.mouseClick(page.give_button, Qt.MouseButton.LeftButton)
    assert "đã qua" in page.message.text() and _tasks(context) == made
    page.due.setDate(QDate.currentDate().addDays(5))
    qtbot.mouseClick(page.give_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "" and _tasks(context) == made + 1
    with context.runner.db.session() as s:
        assert s.scalar(select(Task.assignee_id).where(Task.title == "Kiểm tra thực địa HTX Nước mắm")) == \
            _member(context).user_id
    page.tabs.setCurrentIndex(page.board_index)
    page.grab().save(str(screenshots / "tasks-board.png"))
    page.make_automatic()
    assert _tasks(context) == made + 1  # the automatic tasks are made once


def test_a_member_moves_their_task_on_with_a_comment(qtbot, context: AppContext, screenshots: Path):
    admin = _page(qtbot, context)
    admin.person.setCurrentIndex(admin.person.findData(_member(context).user_id))
    admin.title.setText("Chuẩn bị phiếu chấm HS-2025-0007")
    qtbot.mouseClick(admin.give_button, Qt.MouseButton.LeftButton)
    context.user = _member(context)
    page = _page(qtbot, context)
    assert page.mine.rowCount() > 0 and not page.tabs.isTabVisible(page.board_index) and page.give.isHidden()
    page.mine.selectRow(0)
    qtbot.mouseClick(page.moves["in_progress"], Qt.MouseButton.LeftButton)
    assert "ghi chú" in page.message.text().lower()
    page.comment.setText("Đã đọc hồ sơ, chiều nay chấm")
    qtbot.mouseClick(page.moves["in_progress"], Qt.MouseButton.LeftButton)
    assert page.mine.item(0, COL_STATUS).text() == "Đang làm"
    page.grab().save(str(screenshots / "tasks-mine.png"))
    assert page.view is not None and page.view.today <= date.today() + timedelta(days=1)


def test_the_status_bar_counts_the_persons_tasks_due(qtbot, context: AppContext):
    """A task due within days shows in the status bar of the person it is given to, red once late."""
    from ocop_desktop.ui.status_bar import SyncStatusBar

    context.user = _member(context)
    bar = SyncStatusBar(context)
    qtbot.addWidget(bar)
    bar.refresh()
    assert bar.tasks.text() == ""
    with context.runner.db.session() as s:
        s.add(Task(kind="check_dossier", title="Hạn ngày mai", assignee_id=context.user.user_id,
                   due_on=date.today() + timedelta(days=1)))
        s.add(Task(kind="check_dossier", title="Quá hạn", assignee_id=context.user.user_id,
                   due_on=date.today() - timedelta(days=4)))
        s.commit()
    bar.refresh()
    assert bar.tasks.text() == "2 việc đến hạn" and bar.tasks.toolTip() == "1 việc đã quá hạn"
