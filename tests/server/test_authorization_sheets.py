"""A member's sheet: the server re-scores it on submission, and a submitted sheet never changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from server_world import change, full_lines, new_id, row, sheet_fields


def _fill(world, username: str, member: str) -> tuple[str, list[str], str]:
    """A draft sheet of ``member`` with every criterion answered; its id, line ids and the true total."""
    sheet = new_id()
    lines, total = full_lines(world)
    changes = [change("score_sheets", sheet, sheet_fields(world, member))]
    line_ids = [new_id() for _ in lines]
    changes += [change("score_lines", i, row(sheet_id=sheet, **line)) for i, line in zip(line_ids, lines, strict=True)]
    results = world.client(username).push(changes).results
    assert {r.status for r in results} == {"applied"}, [r.reason for r in results if r.status != "applied"]
    return sheet, line_ids, total


def _submit(world, username: str, sheet: str, total: str):
    ch = change("score_sheets", sheet, {"status": ("draft", "submitted"), "total": (None, total),
                                        "submitted_at": (None, "2026-01-10T09:00:00+07:00")}, "update")
    return world.push_one(username, ch)


@pytest.fixture(scope="module")
def submitted(world) -> tuple[str, list[str], str]:
    """member1's complete sheet, submitted."""
    sheet, line_ids, total = _fill(world, "member1", "M1")
    result = _submit(world, "member1", sheet, total)
    assert result.status == "applied", result.reason
    return sheet, line_ids, total


def test_a_submission_with_a_wrong_total_is_rejected(world):
    """The server recomputes the total; a sheet claiming another total is rejected total_mismatch."""
    sheet, _, total = _fill(world, "member2", "M2")
    result = _submit(world, "member2", sheet, str(Decimal(total) + 1))
    assert result.status == "rejected" and result.reason.startswith("total_mismatch")


def test_an_incomplete_sheet_cannot_be_submitted(world):
    """member2's sheet S2 has no lines: submitting it is rejected sheet_incomplete."""
    result = _submit(world, "member2", world.ids["S2"], "0")
    assert result.status == "rejected" and result.reason.startswith("sheet_incomplete")


def test_the_owner_cannot_change_a_submitted_sheets_total(world, submitted):
    """Changing the total of a submitted sheet is rejected sheet_submitted."""
    sheet, _, total = submitted
    result = world.push_one("member1", change("score_sheets", sheet, {"total": (total, "1")}, "update"))
    assert result.status == "rejected" and result.reason.startswith("sheet_submitted")


def test_the_owner_cannot_reopen_a_submitted_sheet(world, submitted):
    """Setting a submitted sheet back to draft is rejected sheet_submitted."""
    result = world.push_one("member1", change("score_sheets", submitted[0], {"status": ("submitted", "draft")},
                                              "update"))
    assert result.status == "rejected" and result.reason.startswith("sheet_submitted")


def test_the_owner_cannot_change_a_line_of_a_submitted_sheet(world, submitted):
    """Editing a line of a submitted sheet is rejected sheet_submitted."""
    line = submitted[1][0]
    result = world.push_one("member1", change("score_lines", line, {"comment": (None, "sửa sau khi nộp")}, "update"))
    assert result.status == "rejected" and result.reason.startswith("sheet_submitted")


def test_the_owner_cannot_add_a_line_to_a_submitted_sheet(world, submitted):
    """A new line on a submitted sheet is rejected sheet_submitted."""
    ch = change("score_lines", new_id(), row(sheet_id=submitted[0], criterion_code="A.9.9", option_code="a",
                                             points="0"))
    result = world.push_one("member1", ch)
    assert result.status == "rejected" and result.reason.startswith("sheet_submitted")


def test_the_admin_cannot_change_a_submitted_sheet_either(world, submitted):
    """The frozen-sheet rule binds everybody, admins included."""
    sheet, _, total = submitted
    result = world.push_one("admin", change("score_sheets", sheet, {"total": (total, "0")}, "update"))
    assert result.status == "rejected" and result.reason.startswith("sheet_submitted")


def test_a_submitted_sheet_can_be_superseded_by_its_owner(world):
    """The one allowed change of a submitted sheet is submitted -> superseded (a rescore)."""
    sheet, _, total = _fill(world, "member1", "M1")
    assert _submit(world, "member1", sheet, total).status == "applied"
    result = world.push_one("member1", change("score_sheets", sheet, {"status": ("submitted", "superseded")},
                                              "update"))
    assert result.status == "applied", result.reason
