"""Tasks over real HTTP: each person pulls only the tasks given to them (the admin all of them), and the server
refuses, with the reason, a task for an account it has disabled, whatever the laptop thought."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from ocop_desktop.db.models import ChangeJournal, Task, User
from ocop_desktop.services import tasks
from ocop_server import models

PASSWORD = "mat-khau-123"


def _give(laptop, admin_id: str, assignee: str, title: str) -> str:
    with laptop.session() as s:
        task_id = tasks.create_task(s, user_id=admin_id, role="admin", kind="check_dossier", title=title,
                                    assignee_id=assignee, due_on=date.today() + timedelta(days=7)).row_id()
        s.commit()
    return task_id


@pytest.mark.slow
def test_each_member_pulls_only_their_own_task(make_laptop, server):
    lan = server.create_user("lan", PASSWORD, "member", full_name="Nguyễn Thị Lan")
    binh = server.create_user("binh", PASSWORD, "member", full_name="Trần Văn Bình")
    admin = make_laptop("admin")
    admin.sync()  # the accounts a task can be given to
    with admin.session() as s:
        admin_id = s.scalar(select(User.id).where(User.username == "admin"))
    for_lan, for_binh = _give(admin, admin_id, lan, "Việc của Lan"), _give(admin, admin_id, binh, "Việc của Bình")
    report = admin.sync()
    assert (report.rejected, report.conflicts) == (0, 0), report
    laptop_lan = make_laptop("lan", username="lan")
    laptop_lan.sync()
    with laptop_lan.session() as s:
        assert set(s.scalars(select(Task.id))) == {for_lan}
        tasks.change_status(s, user_id=lan, role="member", task_id=for_lan, status="in_progress",
                            comment="Đang đọc hồ sơ")
        s.commit()
    assert laptop_lan.sync().rejected == 0
    admin.sync()
    with admin.session() as s:
        assert s.get(Task, for_lan).status == "in_progress" and s.get(Task, for_binh).status == "open"


@pytest.mark.slow
def test_the_server_refuses_a_task_for_a_disabled_account(make_laptop, server):
    binh = server.create_user("binh", PASSWORD, "member", full_name="Trần Văn Bình")
    admin = make_laptop("admin")
    admin.sync()
    with server.app.state.write_sessions() as session:
        session.get(models.User, binh).active = False  # disabled after the laptop last heard of him
        session.commit()
    with admin.session() as s:
        admin_id = s.scalar(select(User.id).where(User.username == "admin"))
    task_id = _give(admin, admin_id, binh, "Việc của Bình")
    assert admin.sync().rejected == 1
    with admin.session() as s:
        reason = s.scalar(select(ChangeJournal.reason).where(ChangeJournal.entity_id == task_id))
    assert "task_assignee_gone" in reason
