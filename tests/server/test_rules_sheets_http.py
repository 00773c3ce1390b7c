"""A submitted sheet keeps every line, on the real server: a line is neither moved out, removed nor changed."""

from __future__ import annotations

import pytest
from rules_world import draft_sheet, ok, refused_with, submitted_sheet, update
from server_world import ACTOR, ROLES, change, new_id, row

# The member seat each role's account scores in; the admin and the others work on member1's sheets.
SEAT = {"chair": ("chair1", "M_chair"), "secretary": ("secretary1", "M_sec"), "member": ("member1", "M1")}
OWN_SHEETS = {"admin", "chair", "secretary", "member"}


@pytest.fixture(scope="module")
def sheets(world) -> dict[str, tuple[str, list[str], str]]:
    """For each seat: a submitted sheet (its id and lines) and a draft of the same member."""
    made = {}
    for username, member in SEAT.values():
        sheet, lines = submitted_sheet(world, username, member)
        made[member] = (sheet, lines, draft_sheet(world, username, member))
    return made


def _of(role: str, sheets: dict) -> tuple[str, list[str], str]:
    return sheets[SEAT.get(role, ("member1", "M1"))[1]]


def _expect_frozen(result, role: str) -> None:
    if role in OWN_SHEETS:
        assert refused_with(result, "rejected", "sheet_submitted"), result.reason
    else:
        assert result.status == "forbidden", result.reason


@pytest.mark.parametrize("role", ROLES)
def test_a_line_is_not_moved_out_of_a_submitted_sheet(world, sheets, role: str) -> None:
    """Re-pointing a submitted sheet's line at the member's own draft is refused; the line stays where it was."""
    sheet, lines, draft = _of(role, sheets)
    _expect_frozen(update(world, ACTOR[role], "score_lines", lines[0], sheet_id=draft), role)
    assert world.current("score_lines", lines[0])["sheet_id"] == sheet


@pytest.mark.parametrize("role", ROLES)
def test_a_line_of_a_submitted_sheet_is_not_removed(world, sheets, role: str) -> None:
    """Deleting a submitted sheet's line is refused and the line stays."""
    _, lines, _ = _of(role, sheets)
    _expect_frozen(update(world, ACTOR[role], "score_lines", lines[1], deleted=True), role)
    assert world.current("score_lines", lines[1])["deleted"] is False


@pytest.mark.parametrize("role", ROLES)
def test_a_line_of_a_submitted_sheet_keeps_its_answer(world, sheets, role: str) -> None:
    """Changing the chosen option of a submitted sheet's line is refused."""
    _, lines, _ = _of(role, sheets)
    before = world.current("score_lines", lines[2])
    _expect_frozen(update(world, ACTOR[role], "score_lines", lines[2], option_code="zz", points="0"), role)
    assert world.current("score_lines", lines[2])["option_code"] == before["option_code"]


def test_a_line_still_moves_between_drafts_of_its_owner(world) -> None:
    """Only submitted sheets are frozen: member1 moving a line between two of their drafts is applied."""
    first, second = draft_sheet(world, "member1", "M1"), draft_sheet(world, "member1", "M1")
    line = new_id()
    ok(world.push_one("member1", change("score_lines", line, row(sheet_id=first, criterion_code="A.1.1",
                                                                   subitem_code="", option_code="a", points="0"))))
    ok(update(world, "member1", "score_lines", line, sheet_id=second))
    assert world.current("score_lines", line)["sheet_id"] == second
