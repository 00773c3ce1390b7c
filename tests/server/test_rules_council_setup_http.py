"""A council's make-up on the real server (ocop_core.rules.council_setup): the admin may change or delete a council,
its seats and its sessions until the council's first sheet is submitted, and then not at all, as the laptop's
services.council_setup refuses. A new session stays possible: it is how a scored council rescores."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rules_world import dossier_at, ok, refused_with, update
from server_world import World, change, full_lines, new_id, row, sheet_fields

Fields = Callable[[World, dict[str, str]], dict]

# Each edit an admin's laptop (or any client) might push: the row it touches (a key of _councils' ids) and the
# fields it sets; deleted=True sends op delete.
EDITS: dict[str, tuple[str, str, Fields]] = {
    "seat_made_chair": ("council_members", "member", lambda w, c: {"role": "chair"}),
    "chair_made_member": ("council_members", "chair", lambda w, c: {"role": "member"}),
    "seat_details": ("council_members", "member", lambda w, c: {"organisation": "Sở Công Thương", "scores": False}),
    "seat_removed": ("council_members", "member", lambda w, c: {"deleted": True}),
    "seat_moved_in": ("council_members", "spare_seat", lambda w, c: {"council_id": c["council"]}),
    "seat_moved_out": ("council_members", "member", lambda w, c: {"council_id": c["spare"]}),
    "session_day": ("evaluation_sessions", "session", lambda w, c: {"held_on": "2026-02-01"}),
    "session_removed": ("evaluation_sessions", "session", lambda w, c: {"deleted": True}),
    "session_moved_in": ("evaluation_sessions", "spare_session", lambda w, c: {"council_id": c["council"]}),
    "session_moved_out": ("evaluation_sessions", "session", lambda w, c: {"council_id": c["spare"]}),
    "council_renamed": ("councils", "council", lambda w, c: {"name": "Hội đồng khác", "decision_no": "12/QĐ"}),
    "council_removed": ("councils", "council", lambda w, c: {"deleted": True}),
}
NEW_SEAT: tuple[str, Fields] = ("council_members", lambda w, c: row(
    council_id=c["council"], user_id=w.users["member2"], full_name="member2", role="member"))
# services.council_setup.open_session numbers it the next round and does not ask whether the council has scored.
NEXT_ROUND: tuple[str, Fields] = ("evaluation_sessions", lambda w, c: row(
    council_id=c["council"], round=2, criteria_set_id=w.criteria["id"]))


def _councils(world: World) -> dict[str, str]:
    """A council set up by the admin as the laptop does it (chair1 and member1 seated from their accounts, a
    session, a forwarded dossier assigned) with member1's draft sheet started, and a spare council (a seat
    without an account, a session) nobody scores in."""
    criteria = world.criteria["id"]
    ids = {k: new_id() for k in ("council", "chair", "member", "session", "spare", "spare_seat", "spare_session")}
    ids["dossier"] = dossier_at(world, "forwarded")
    council, spare = ids["council"], ids["spare"]
    changes = [
        change("councils", council, row(name="Hội đồng thử", admin_unit_code="42", criteria_set_id=criteria)),
        change("council_members", ids["chair"], row(council_id=council, user_id=world.users["chair1"],
                                                    full_name="chair1", role="chair")),
        change("council_members", ids["member"], row(council_id=council, user_id=world.users["member1"],
                                                     full_name="member1", role="member")),
        change("evaluation_sessions", ids["session"], row(council_id=council, round=1, criteria_set_id=criteria)),
        change("council_assignments", new_id(), row(council_id=council, dossier_id=ids["dossier"])),
        change("councils", spare, row(name="Hội đồng dự phòng", admin_unit_code="42", criteria_set_id=criteria)),
        change("council_members", ids["spare_seat"], row(council_id=spare, full_name="Chuyên gia", role="member")),
        change("evaluation_sessions", ids["spare_session"], row(council_id=spare, round=1,
                                                                criteria_set_id=criteria)),
    ]
    results = world.client("admin").push(changes).results
    assert {r.status for r in results} == {"applied"}, [r.reason for r in results]
    # A draft sheet never locks the council: member1's starts on it as on a laptop.
    ids["draft"] = new_id()
    ok(world.push_one("member1", change("score_sheets", ids["draft"], {
        **sheet_fields(world, "M1"), "member_id": ids["member"], "dossier_id": ids["dossier"],
        "session_id": ids["session"]})))
    return ids


def _score(world: World, ids: dict[str, str]) -> None:
    """member1 answers every criterion of their draft and submits it: the council's first submitted sheet."""
    lines, total = full_lines(world)
    changes = [change("score_lines", new_id(), row(sheet_id=ids["draft"], **line)) for line in lines]
    changes.append(change("score_sheets", ids["draft"], {"status": ("draft", "submitted"), "total": (None, total),
                                                         "submitted_at": (None, "2026-01-10T09:00:00+07:00")},
                          "update"))
    results = world.client("member1").push(changes).results
    assert {r.status for r in results} == {"applied"}, [r.reason for r in results if r.status != "applied"]


def _present(world: World, entity: str, row_id: str) -> bool:
    try:
        world.current(entity, row_id)
    except KeyError:
        return False
    return True


@pytest.mark.parametrize("edit", EDITS)
def test_until_a_sheet_is_submitted_the_admin_changes_the_council(world, edit: str) -> None:
    """With only a draft sheet in, each change or delete of the council, a seat or a session is applied."""
    ids = _councils(world)
    entity, key, fields = EDITS[edit]
    new = fields(world, ids)
    ok(update(world, "admin", entity, ids[key], **new))
    assert {k: world.current(entity, ids[key])[k] for k in new} == new


@pytest.mark.parametrize("insert", [NEW_SEAT, NEXT_ROUND], ids=["new_seat", "next_round"])
def test_until_a_sheet_is_submitted_seats_and_sessions_are_added(world, insert: tuple[str, Fields]) -> None:
    """A new seat and a new session of a council with only a draft sheet are applied."""
    ids = _councils(world)
    entity, fields = insert
    row_id = new_id()
    ok(world.push_one("admin", change(entity, row_id, fields(world, ids))))
    assert world.current(entity, row_id)["council_id"] == ids["council"]


@pytest.mark.parametrize("edit", EDITS)
def test_after_the_first_submitted_sheet_the_council_stays(world, edit: str) -> None:
    """Once member1's sheet is submitted, each change or delete of the council, a seat of it (a role included) or
    a session of it, and each move of a seat or session into or out of it, is rejected council_scored with the
    count, and the row stays as it was."""
    ids = _councils(world)
    _score(world, ids)
    entity, key, fields = EDITS[edit]
    stored = world.current(entity, ids[key])
    result = update(world, "admin", entity, ids[key], **fields(world, ids))
    assert refused_with(result, "rejected", "council_scored"), result.reason
    assert result.reason == "council_scored: sheets=1"
    assert world.current(entity, ids[key]) == stored


def test_after_the_first_submitted_sheet_no_seat_is_added(world) -> None:
    """A new seat in a scored council is rejected council_scored and never reaches the server."""
    ids = _councils(world)
    _score(world, ids)
    entity, fields = NEW_SEAT
    row_id = new_id()
    result = world.push_one("admin", change(entity, row_id, fields(world, ids)))
    assert refused_with(result, "rejected", "council_scored"), result.reason
    assert not _present(world, entity, row_id)


def test_a_scored_council_still_opens_its_next_round(world) -> None:
    """A new session of a scored council is applied: the laptop opens one (council_scored's wording says to, for a
    rescore), and refusing it would strand that change on the laptop."""
    ids = _councils(world)
    _score(world, ids)
    entity, fields = NEXT_ROUND
    row_id = new_id()
    ok(world.push_one("admin", change(entity, row_id, fields(world, ids))))
    assert world.current(entity, row_id)["round"] == 2


def test_the_laptops_delete_of_an_unscored_council_is_applied(world) -> None:
    """delete_council's journal (seats with their drafts, the session, the council) goes through in one push while
    only drafts are in; the other council's submitted sheet does not lock this one."""
    scored = _councils(world)
    _score(world, scored)
    ids = _councils(world)
    removed = [("score_sheets", ids["draft"]), ("council_members", ids["chair"]), ("council_members", ids["member"]),
               ("evaluation_sessions", ids["session"]), ("councils", ids["council"])]
    changes = [change(entity, row_id, {"deleted": (False, True)}, "delete") for entity, row_id in removed]
    results = world.client("admin").push(changes).results
    assert [r.status for r in results] == ["applied"] * len(removed), [r.reason for r in results]
    assert all(world.current(entity, row_id)["deleted"] for entity, row_id in removed)
