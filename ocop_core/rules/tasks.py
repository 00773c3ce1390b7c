"""Tasks assigned to people: their kinds, the way their status moves, and what makes a task impossible."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ocop_core.rules.actor import Actor
from ocop_core.rules.refusal import Refusal, refused

KINDS = ("check_dossier", "score_for_council", "inspect_producer", "renew_recognition", "fix_sync_refusal")
STATUSES = ("open", "in_progress", "done", "cancelled")
# A finished or cancelled task stays as it ended: new work is a new task, so the history says what happened.
MOVES: dict[str, frozenset[str]] = {
    "open": frozenset({"in_progress", "done", "cancelled"}),
    "in_progress": frozenset({"open", "done", "cancelled"}),
    "done": frozenset(),
    "cancelled": frozenset(),
}
# Who gives work to someone else; anyone may note a task for themselves.
ASSIGNERS = frozenset({"admin", "secretary", "chair"})
COMMENT_MAX = 2000


def history(comments_json: str | None) -> list[dict[str, Any]]:
    """The status changes a task went through, oldest first; a damaged history reads as empty."""
    try:
        entries = json.loads(comments_json or "[]")
    except ValueError:
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def check_task_actor(actor: Actor, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> Refusal | None:
    """A task is given by an assigner (or by a person to themselves) and moved on by its assignee or an
    assigner."""
    if actor.role in ASSIGNERS:
        return None
    mine = {after.get("assignee_id")} | ({before.get("assignee_id")} if before else set())
    if mine != {actor.user_id}:
        return refused("task_not_yours", forbidden=True, role=actor.role)
    return None


def check_task_change(before: Mapping[str, Any] | None, after: Mapping[str, Any], changed: Iterable[str], *,
                      today: date, assignee_active: bool) -> Refusal | None:
    """A task row as a change leaves it (``before`` None for a new task). ``assignee_active``: the person it
    is given to still has a live account."""
    changed = set(changed)
    if after.get("kind") not in KINDS:
        return refused("task_kind_unknown", kind=str(after.get("kind")))
    status = after.get("status") or "open"
    if status not in STATUSES:
        return refused("task_status_unknown", status=str(status))
    if (before is None or "assignee_id" in changed) and not assignee_active:
        return refused("task_assignee_gone", assignee=str(after.get("assignee_id") or ""))
    due = after.get("due_on")
    if (before is None or "due_on" in changed) and due is not None and _as_date(due) < today:
        return refused("task_due_in_past", due=str(due), today=today.isoformat())
    was = (before or {}).get("status") or "open"
    if before is not None and was != status:
        return _check_move(was, status, before, after)
    if before is not None and "comments_json" in changed:
        return _check_appended(before, after)
    return None


def _check_move(was: str, status: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> Refusal | None:
    if status not in MOVES[was]:
        return refused("task_move_refused", was=was, status=status)
    appended = _check_appended(before, after, required=True)
    if appended is not None:
        return appended
    last = history(after.get("comments_json"))[-1]
    if last.get("to") != status or not str(last.get("text") or "").strip():
        return refused("task_comment_required", status=status)
    return None


def _check_appended(before: Mapping[str, Any], after: Mapping[str, Any], required: bool = False) -> Refusal | None:
    """The history only grows: what was written stays as it was."""
    old, new = history(before.get("comments_json")), history(after.get("comments_json"))
    if new[:len(old)] != old or (required and len(new) <= len(old)):
        return refused("task_comment_required", status=str(after.get("status") or ""))
    return None


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
