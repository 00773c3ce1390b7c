"""A refused task move names the task's statuses in words, not as codes."""

from __future__ import annotations

from ocop_core.errors import OcopError
from ocop_desktop.words import error_text


def test_a_refused_move_names_the_task_statuses():
    text = error_text(OcopError("task_move_refused", was="done", status="in_progress"))
    assert "“Đã xong”" in text and "“Đang làm”" in text and "in_progress" not in text


def test_dossier_statuses_are_still_worded_as_dossiers():
    assert "in_progress" not in error_text(OcopError("dossier_locked", status="draft"))
