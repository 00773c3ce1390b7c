"""The task rules as the laptop and the server both apply them: moves, comments that only grow, gone accounts,
past due dates, and who may give a task."""

from __future__ import annotations

import json
from datetime import date

from ocop_core.rules.actor import Actor
from ocop_core.rules.tasks import check_task_actor, check_task_change

TODAY = date(2026, 12, 3)
ENTRY = {"at": "2026-12-03T01:00:00+00:00", "by": "u1", "from": "open", "to": "in_progress", "text": "Bắt đầu"}


def _task(**more) -> dict:
    return {"kind": "check_dossier", "status": "open", "assignee_id": "u1", "due_on": "2026-12-10",
            "comments_json": "[]", **more}


def _code(refusal) -> str | None:
    return refusal.code if refusal is not None else None


def test_a_move_with_its_comment_goes_and_a_rewritten_history_does_not():
    moved = _task(status="in_progress", comments_json=json.dumps([ENTRY]))
    assert check_task_change(_task(), moved, {"status", "comments_json"}, today=TODAY, assignee_active=True) is None
    rewritten = _task(status="in_progress", comments_json=json.dumps([dict(ENTRY, text="Khác")]))
    assert _code(check_task_change(moved, rewritten, {"comments_json"}, today=TODAY,
                                   assignee_active=True)) == "task_comment_required"


def test_a_finished_task_stays_finished_and_an_unknown_kind_is_refused():
    done = _task(status="done")
    assert _code(check_task_change(done, _task(comments_json=json.dumps([ENTRY])), {"status"}, today=TODAY,
                                   assignee_active=True)) == "task_move_refused"
    assert _code(check_task_change(None, _task(kind="visit"), {"kind"}, today=TODAY,
                                   assignee_active=True)) == "task_kind_unknown"


def test_an_old_due_date_blocks_only_a_new_or_redated_task():
    """A task that went late is still moved on; a new one, or a new date, may not be in the past."""
    late = _task(due_on="2026-11-01")
    assert _code(check_task_change(None, late, late.keys(), today=TODAY,
                                   assignee_active=True)) == "task_due_in_past"
    moved = dict(late, status="in_progress", comments_json=json.dumps([ENTRY]))
    assert check_task_change(late, moved, {"status", "comments_json"}, today=TODAY, assignee_active=True) is None
    assert _code(check_task_change(None, _task(), {"assignee_id"}, today=TODAY,
                                   assignee_active=False)) == "task_assignee_gone"


def test_who_gives_and_moves_a_task():
    member, secretary = Actor("u2", "member"), Actor("u9", "secretary")
    assert check_task_actor(secretary, None, _task()) is None
    assert check_task_actor(Actor("u1", "member"), None, _task()) is None  # a note to oneself
    refusal = check_task_actor(member, None, _task())
    assert refusal is not None and refusal.forbidden and refusal.code == "task_not_yours"
