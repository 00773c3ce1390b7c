"""Tasks given to people: create, move through open → in progress → done or cancelled with a comment, and the
lists "Việc của tôi" and the admin's board read."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.text import collation_key
from ocop_core.rules.tasks import ASSIGNERS, COMMENT_MAX, KINDS, STATUSES, check_task_actor, check_task_change, history
from ocop_desktop.db.models import Dossier, Producer, Task, User
from ocop_desktop.db.types import utcnow
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError, check_choice, clean_text
from ocop_desktop.services.lookup import get_alive
from ocop_desktop.services.rule_facts import actor_for, enforce

ACTIVE = ("open", "in_progress")
# "Due" in the status bar: what is late, or falls due within these days.
DUE_SOON_DAYS = 3


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: str
    kind: str
    title: str
    status: str
    due_on: date | None
    assignee_id: str | None
    assignee: str
    dossier_id: str | None
    producer_id: str | None
    notes: str
    comments: tuple[dict[str, Any], ...]

    def overdue(self, today: date) -> bool:
        return self.status in ACTIVE and self.due_on is not None and self.due_on < today


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One person's tasks by status (STATUSES), and how many active ones are late."""

    assignee_id: str
    assignee: str
    counts: dict[str, int]
    overdue: int


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    full_name: str
    role: str


def _as_dict(task: Task) -> dict[str, Any]:
    return {"kind": task.kind, "status": task.status, "assignee_id": task.assignee_id, "due_on": task.due_on,
            "comments_json": task.comments_json}


def _assignee_active(session: Session, assignee_id: str | None) -> bool:
    user = session.get(User, assignee_id) if assignee_id else None
    return assignee_id is None or (user is not None and not user.deleted)


def create_task(session: Session, *, user_id: str, role: str, kind: str, title: str, assignee_id: str | None,
                due_on: date | None = None, dossier_id: str | None = None, producer_id: str | None = None,
                notes: str = "", today: date | None = None, task_id: str | None = None) -> Changes:
    """``task_id``: a fixed id, for the tasks made by themselves (tasks_auto), so two laptops make the same row."""
    check_choice(kind, "kind", KINDS)
    if dossier_id is not None:
        get_alive(session, Dossier, dossier_id)
    if producer_id is not None:
        get_alive(session, Producer, producer_id)
    task = Task(kind=kind, title=clean_text(title, "title", 300), assignee_id=assignee_id, due_on=due_on,
                dossier_id=dossier_id, producer_id=producer_id, notes=clean_text(notes, "notes", 20000, False),
                status="open", comments_json="[]")
    if task_id is not None:
        task.id = task_id
    after = _as_dict(task)
    enforce(check_task_actor(actor_for(session, user_id=user_id, role=role), None, after), "assignee_id")
    enforce(check_task_change(None, after, after.keys(), today=today or vietnam_today(),
                              assignee_active=_assignee_active(session, assignee_id)), "assignee_id")
    session.add(task)
    session.flush()
    return Changes.of("tasks", task.id)


def change_status(session: Session, *, user_id: str, role: str, task_id: str, status: str, comment: str,
                  today: date | None = None) -> Changes:
    """Moves a task on, with the comment that says why; the history keeps who, when, from and to."""
    task = get_alive(session, Task, task_id)
    check_choice(status, "status", STATUSES)
    text = clean_text(comment, "comment", COMMENT_MAX, required=False)
    if not text:
        raise ServiceError("task_comment_required", "comment", status=status)
    before = _as_dict(task)
    entry = {"at": utcnow().isoformat(timespec="seconds"), "by": user_id, "from": task.status, "to": status,
             "text": text}
    after = dict(before, status=status,
                 comments_json=json.dumps([*history(task.comments_json), entry], ensure_ascii=False))
    enforce(check_task_actor(actor_for(session, user_id=user_id, role=role), before, after), "status")
    enforce(check_task_change(before, after, {"status", "comments_json"}, today=today or vietnam_today(),
                              assignee_active=_assignee_active(session, task.assignee_id)), "status")
    task.status, task.comments_json = status, after["comments_json"]
    session.flush()
    return Changes.of("tasks", task.id)


def _rows(session: Session, *conditions: Any) -> list[TaskRow]:
    query = (select(Task, User.full_name).outerjoin(User, User.id == Task.assignee_id)
             .where(Task.deleted.is_(False), *conditions))
    return [TaskRow(id=t.id, kind=t.kind, title=t.title, status=t.status, due_on=t.due_on,
                    assignee_id=t.assignee_id, assignee=name or "", dossier_id=t.dossier_id,
                    producer_id=t.producer_id, notes=t.notes, comments=tuple(history(t.comments_json)))
            for t, name in session.execute(query)]


def _order(row: TaskRow) -> tuple[int, date, str]:
    """Active tasks first, the earliest due first (overdue ones are the earliest), undated after dated."""
    return (0 if row.status in ACTIVE else 1, row.due_on or date.max, row.title)


def my_tasks(session: Session, *, user_id: str) -> list[TaskRow]:
    return sorted(_rows(session, Task.assignee_id == user_id), key=_order)


def all_tasks(session: Session) -> list[TaskRow]:
    return sorted(_rows(session), key=_order)


def due_count(session: Session, *, user_id: str, today: date | None = None) -> tuple[int, int]:
    """(active tasks due within DUE_SOON_DAYS or late, of which late) for the status bar."""
    today = today or vietnam_today()
    due = [r.due_on for r in _rows(session, Task.assignee_id == user_id, Task.status.in_(ACTIVE))
           if r.due_on is not None and (r.due_on - today).days <= DUE_SOON_DAYS]
    return len(due), sum(1 for d in due if d < today)


def board(session: Session, today: date | None = None) -> list[BoardRow]:
    """Every person with tasks, by name; tasks given to nobody are counted under an empty name."""
    today = today or vietnam_today()
    counts: dict[tuple[str, str], Counter[str]] = {}
    late: Counter[tuple[str, str]] = Counter()
    for row in _rows(session):
        key = (row.assignee_id or "", row.assignee)
        counts.setdefault(key, Counter())[row.status] += 1
        late[key] += row.overdue(today)
    return sorted((BoardRow(assignee_id=k[0], assignee=k[1], counts={s: c[s] for s in STATUSES}, overdue=late[k])
                   for k, c in counts.items()), key=lambda b: (collation_key(b.assignee), b.assignee_id))


def people(session: Session) -> list[Person]:
    """The accounts a task can be given to."""
    users = session.scalars(select(User).where(User.deleted.is_(False)))
    return sorted((Person(id=u.id, full_name=u.full_name, role=u.role) for u in users),
                  key=lambda p: collation_key(p.full_name))


@dataclass(frozen=True, slots=True)
class TasksView:
    """What "Việc của tôi" shows: the person's tasks, and for an assigner the people and, for an admin, the
    board with every task."""

    mine: tuple[TaskRow, ...]
    people: tuple[Person, ...]
    board: tuple[BoardRow, ...]
    today: date


def load_tasks_view(session: Session, *, user_id: str, role: str, today: date | None = None) -> TasksView:
    today = today or vietnam_today()
    return TasksView(mine=tuple(my_tasks(session, user_id=user_id)),
                     people=tuple(people(session)) if role in ASSIGNERS else (),
                     board=tuple(board(session, today)) if role == "admin" else (), today=today)
