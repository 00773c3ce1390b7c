"""Tasks on the laptop: the lifecycle with a comment at each move, the refusals (gone account, past due date,
another's task), "Việc của tôi" and the board, and the tasks that make themselves, made once."""

from __future__ import annotations

import json
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from recognition_world import approved_dossier, recognise
from rules_laptop import AS_ADMIN, bring_to, person
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.models import CouncilMember, Recognition, Task, User
from ocop_desktop.services import assignments, tasks, tasks_auto
from ocop_desktop.services.errors import ServiceError

TODAY = date(2026, 12, 3)


def _user(session: Session, name: str, role: str = "member") -> str:
    user = User(username=name.lower().replace(" ", ""), full_name=name, role=role)
    session.add(user)
    session.flush()
    return user.id


def _task(session: Session, assignee: str, due: date | None = TODAY, who: dict | None = None, **more) -> str:
    return tasks.create_task(session, **(who or AS_ADMIN), kind=more.pop("kind", "check_dossier"),
                             title=more.pop("title", "Kiểm tra hồ sơ HS-01"), assignee_id=assignee, due_on=due,
                             today=TODAY, **more).row_id()


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Task))


def test_a_task_goes_open_in_progress_done_with_a_comment_at_each_move(session: Session):
    """Each move is kept in the history with who, from, to and the comment; a done task moves no more."""
    lan = _user(session, "Nguyễn Thị Lan")
    task_id = _task(session, lan)
    me = {"user_id": lan, "role": "member"}
    tasks.change_status(session, **me, task_id=task_id, status="in_progress", comment="Đã nhận", today=TODAY)
    tasks.change_status(session, **me, task_id=task_id, status="done", comment="Hồ sơ đủ giấy tờ", today=TODAY)
    task = session.get(Task, task_id)
    steps = [(e["from"], e["to"], e["text"], e["by"]) for e in json.loads(task.comments_json)]
    assert task.status == "done"
    assert steps == [("open", "in_progress", "Đã nhận", lan), ("in_progress", "done", "Hồ sơ đủ giấy tờ", lan)]
    with pytest.raises(ServiceError) as error:
        tasks.change_status(session, **me, task_id=task_id, status="open", comment="Mở lại", today=TODAY)
    assert error.value.code == "task_move_refused" and session.get(Task, task_id).status == "done"


def test_a_move_without_a_comment_is_refused_and_changes_nothing(session: Session):
    task_id = _task(session, _user(session, "Trần Văn Bình"))
    with pytest.raises(ServiceError) as error:
        tasks.change_status(session, **AS_ADMIN, task_id=task_id, status="cancelled", comment="   ", today=TODAY)
    assert error.value.code == "task_comment_required"
    assert (session.get(Task, task_id).status, session.get(Task, task_id).comments_json) == ("open", "[]")


def test_a_task_for_a_deleted_account_or_due_yesterday_is_refused(session: Session):
    gone = _user(session, "Lê Văn Cũ")
    session.get(User, gone).deleted = True
    with pytest.raises(ServiceError) as error:
        _task(session, gone)
    assert error.value.code == "task_assignee_gone"
    with pytest.raises(ServiceError) as error:
        _task(session, _user(session, "Phạm Thị Mai"), due=TODAY - timedelta(days=1))
    assert error.value.code == "task_due_in_past" and error.value.params["due"] == "2026-12-02"
    assert _count(session) == 0


def test_a_member_notes_their_own_task_but_gives_none_to_another(session: Session):
    member = person(session, "member")
    other = _user(session, "Hoàng Văn Nam")
    _task(session, member["user_id"], who=member)
    with pytest.raises(ServiceError) as error:
        _task(session, other, who=member)
    assert error.value.code == "task_not_yours" and _count(session) == 1


def test_my_tasks_put_late_and_due_first_and_the_status_bar_counts_them(session: Session):
    lan = _user(session, "Nguyễn Thị Lan")
    later = _task(session, lan, due=TODAY + timedelta(days=20), title="Sau")
    undated = _task(session, lan, due=None, title="Không hạn")
    soon = _task(session, lan, due=TODAY + timedelta(days=1), title="Sắp đến hạn")
    late = _task(session, lan, due=TODAY, title="Quá hạn")
    _task(session, _user(session, "Người khác"))
    session.get(Task, late).due_on = TODAY - timedelta(days=2)  # it was due two days ago
    rows = tasks.my_tasks(session, user_id=lan)
    assert [r.id for r in rows] == [late, soon, later, undated]
    assert rows[0].overdue(TODAY) and not rows[1].overdue(TODAY)
    assert tasks.due_count(session, user_id=lan, today=TODAY) == (2, 1)


def test_the_board_counts_each_persons_tasks_by_status(session: Session):
    lan, binh = _user(session, "Nguyễn Thị Lan"), _user(session, "Trần Văn Bình")
    _task(session, lan)
    done = _task(session, lan)
    _task(session, binh)
    tasks.change_status(session, **AS_ADMIN, task_id=done, status="done", comment="Xong", today=TODAY)
    board = {row.assignee: (row.counts, row.overdue) for row in tasks.board(session, today=TODAY)}
    assert board["Nguyễn Thị Lan"] == ({"open": 1, "in_progress": 0, "done": 1, "cancelled": 0}, 0)
    assert board["Trần Văn Bình"][0]["open"] == 1


def test_a_forwarded_dossier_before_a_council_gives_each_scoring_member_one_task(
        session: Session, council: SimpleNamespace, dossier_id: str):
    """Running again (as at every start and sync) makes nothing new; a member who does not score gets none."""
    users = [_user(session, f"Thành viên số {i}") for i in range(5)]
    for member_id, user_id in zip(council.members, users, strict=True):
        session.get(CouncilMember, member_id).user_id = user_id
    session.get(CouncilMember, council.members[4]).scores = False
    bring_to(session, council, dossier_id, "forwarded", approved=False)
    assignments.assign_dossier(session, council_id=council.id, dossier_id=dossier_id)
    made = tasks_auto.ensure_auto_tasks(session, **AS_ADMIN, today=TODAY)
    rows = session.scalars(select(Task)).all()
    assert len(made.ids) == 4 and {t.kind for t in rows} == {"score_for_council"}
    assert {t.assignee_id for t in rows} == set(users[:4]) and {t.dossier_id for t in rows} == {dossier_id}
    assert tasks_auto.ensure_auto_tasks(session, **AS_ADMIN, today=TODAY).ids == frozenset()
    assert _count(session) == 4


def test_a_members_laptop_makes_no_automatic_task(session: Session, council: SimpleNamespace, dossier_id: str):
    bring_to(session, council, dossier_id, "forwarded", approved=False)
    assignments.assign_dossier(session, council_id=council.id, dossier_id=dossier_id)
    assert tasks_auto.ensure_auto_tasks(session, **person(session, "member"), today=TODAY).ids == frozenset()


def test_a_recognition_six_months_from_its_end_gives_one_renewal_task(
        session: Session, council: SimpleNamespace, dossier_id: str):
    """Given to the commune's officer, due a month before the end; not before six months, once only."""
    approved_dossier(session, council, dossier_id)
    recognition = session.get(Recognition, recognise(session, dossier_id))
    officer = person(session, "commune_officer")["user_id"]
    far = recognition.valid_until - timedelta(days=200)
    assert tasks_auto.ensure_auto_tasks(session, **AS_ADMIN, today=far).ids == frozenset()
    near = recognition.valid_until - timedelta(days=150)
    tasks_auto.ensure_auto_tasks(session, **AS_ADMIN, today=near)
    tasks_auto.ensure_auto_tasks(session, **AS_ADMIN, today=near + timedelta(days=1))
    [task] = session.scalars(select(Task)).all()
    assert (task.kind, task.assignee_id, task.due_on) == (
        "renew_recognition", officer, recognition.valid_until - timedelta(days=30))
