"""Cursors belong to the server's epochs: a position this database never reached is refused with 409
cursor_reset (what to start again from), never answered with an empty page."""

from __future__ import annotations

import pytest
import requests
from server_world import assert_problem, change, headers, new_id, row

from ocop_desktop.sync.client import SyncError

FAR_AHEAD = 2**40


def _pull(world, body: dict) -> requests.Response:
    return requests.post(world.url + "/sync/pull", json={"limit": 10, **body}, headers=headers(world.token("admin")),
                         timeout=30)


def test_info_and_pages_name_the_same_epoch(world):
    """/info advertises the epoch every page carries."""
    info = requests.get(world.url + "/info", timeout=10).json()
    page = world.client("admin").pull(0, limit=1)
    assert info["epoch"] == page.epoch and len(page.epoch) == 32


def test_a_cursor_ahead_of_the_server_is_refused_not_answered_empty(world):
    """A laptop whose cursor is beyond the newest sequence (the server went back in time) is told to start
    again: 409 cursor_reset with the epoch to start in."""
    epoch = world.client("admin").pull(0, limit=1).epoch
    for body in ({"cursor": FAR_AHEAD}, {"cursor": FAR_AHEAD, "epoch": epoch}):
        problem = assert_problem(_pull(world, body), 409)
        assert problem["code"] == "cursor_reset" and problem["detail"]["epoch"] == epoch


def test_a_cursor_of_an_unknown_epoch_is_refused_without_a_loss_point(world):
    """An epoch this database never had (another server): start again, nothing known to have been lost."""
    problem = assert_problem(_pull(world, {"cursor": 5, "epoch": "f" * 32}), 409)
    assert problem["code"] == "cursor_reset" and problem["detail"]["lost_after"] is None
    assert _pull(world, {"cursor": 0, "epoch": "f" * 32}).status_code == 200  # from zero, any epoch will do


def test_a_push_from_a_position_the_server_never_had_applies_nothing(world):
    """The whole push is refused before any change applies: its base versions may name lost rows."""
    producer = new_id()
    ch = change("producers", producer, row(name="HTX Nhung hươu", kind="cooperative", commune_code="18073"))
    with pytest.raises(SyncError) as refused:
        world.client("admin").push([ch], cursor=FAR_AHEAD)
    assert (refused.value.status, refused.value.code) == (409, "cursor_reset")
    assert producer not in {r.id for r in world.client("admin").pull(0, limit=1000, entity="producers").rows}


def test_after_a_restart_an_earlier_epochs_cursor_still_holds(world):
    """A restart begins a new epoch; a cursor of the previous one, up to where it ended, is honoured and the
    page names the new epoch. The check answers at the server's own cursor, which it names."""
    admin = world.client("admin")
    before = admin.pull(0, limit=1000)
    while before.more:
        before = admin.pull(before.cursor, limit=1000)
    world.server.restart()
    page = admin.pull(before.cursor, limit=1000, epoch=before.epoch)
    assert page.epoch != before.epoch and page.rows == [] and page.cursor == before.cursor
    check = admin.check(before.cursor, epoch=before.epoch)
    assert check.cursor == before.cursor and check.entities
    problem = assert_problem(_pull(world, {"cursor": before.cursor + 1, "epoch": before.epoch}), 409)
    assert problem["detail"]["lost_after"] == before.cursor
