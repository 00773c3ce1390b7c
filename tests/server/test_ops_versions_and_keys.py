"""A change's op means what it says, its base version must be one the row really had, the server's own rows
are not a device's to write, and unique values (usernames, criteria codes, answer slots) stay unique."""

from __future__ import annotations

import json

import pytest
from server_world import CRITERIA_TEXT, PASSWORD, change, new_id, row

from ocop_desktop.sync.client import SyncError
from ocop_server import accounts, cli


def _producer(world, username: str = "admin") -> str:
    producer = new_id()
    fields = row(name="HTX Bưởi Phúc Trạch", kind="cooperative", commune_code="18073")
    assert world.push_one(username, change("producers", producer, fields)).status == "applied"
    return producer


def _version(world, entity: str, row_id: str) -> int:
    return next(r.version for r in world.client("admin").pull(0, limit=1000, entity=entity).rows if r.id == row_id)


def test_op_delete_tombstones_the_row(world):
    """op delete with no fields at all is applied as a tombstone: the row comes back deleted."""
    producer = _producer(world)
    base = _version(world, "producers", producer)
    result = world.push_one("admin", change("producers", producer, {}, "delete", base))
    assert result.status == "applied"
    assert world.current("producers", producer)["deleted"] is True


def test_an_update_that_deletes_is_rejected(world):
    """Deleting is op delete's job: an update setting deleted=true is refused and the row stays."""
    producer = _producer(world)
    result = world.push_one("admin", change("producers", producer, {"deleted": (False, True)}, "update"))
    assert result.status == "rejected" and "send op delete" in result.reason
    assert world.current("producers", producer)["deleted"] is False


def test_a_base_version_beyond_the_row_is_rejected_and_the_other_edit_survives(world):
    """Officer A renames a producer; officer B's laptop, which never saw that, claims base 2^62: without the
    check B's value would silently replace A's. It is rejected, and A's name stays."""
    producer = _producer(world, "officer1")
    base = _version(world, "producers", producer)
    renamed = change("producers", producer, {"name": ("HTX Bưởi Phúc Trạch", "HTX Bưởi Phúc Trạch (A)")}, "update",
                     base)
    assert world.push_one("officer1", renamed).status == "applied"
    forged = change("producers", producer, {"name": ("HTX Bưởi Phúc Trạch", "Tên của B")}, "update", 2**62)
    result = world.push_one("admin", forged)
    assert result.status == "rejected" and result.reason.startswith("base_version_ahead")
    assert world.current("producers", producer)["name"] == "HTX Bưởi Phúc Trạch (A)"
    honest = change("producers", producer, {"name": ("HTX Bưởi Phúc Trạch", "Tên của B")}, "update", base)
    clash = world.push_one("admin", honest)
    assert clash.status == "conflict" and world.current("producers", producer)["name"] == "HTX Bưởi Phúc Trạch (A)"


@pytest.mark.parametrize("entity", ["conflicts", "devices"])
def test_no_device_makes_the_servers_own_rows(world, entity):
    """Not even an admin's laptop inserts a conflict row or a device row."""
    fields = {"conflicts": row(entity="producers", entity_id=world.ids["P1"], field="name", server_value='"a"',
                               device_value='"b"'),
              "devices": row(name="máy lạ")}[entity]
    result = world.push_one("admin", change(entity, new_id(), fields))
    assert result.status == "forbidden" and result.reason.startswith("server_only")


def test_a_conflict_is_resolved_but_never_rewritten(world):
    """A person resolves a conflict (status, resolution); its recorded values are the server's to keep."""
    producer = _producer(world, "officer1")
    base = _version(world, "producers", producer)
    for username, name in (("officer1", "Tên một"), ("admin", "Tên hai")):
        result = world.push_one(username, change("producers", producer, {"name": ("HTX Bưởi Phúc Trạch", name)},
                                                 "update", base))
    conflict = result.conflicts[0].conflict_id
    rewrite = change("conflicts", conflict, {"device_value": ('"Tên hai"', '"giả"')}, "update")
    assert world.push_one("admin", rewrite).status == "forbidden"
    resolve = change("conflicts", conflict, {"status": ("open", "resolved"), "resolution": (None, '"Tên một"')},
                     "update")
    assert world.push_one("officer1", resolve).status == "applied"
    assert world.push_one("admin", change("conflicts", conflict, {}, "delete")).status == "forbidden"


def _user_row(username: str) -> dict:
    return row(username=username, full_name="Thư ký hội đồng", role="secretary")


def test_a_pushed_username_taken_in_another_case_is_rejected(world):
    """The server's `admin` exists: a laptop's users row named `ADMIN` (or `admin`) is refused."""
    for name in ("admin", "ADMIN", "Admin"):
        result = world.push_one("admin", change("users", new_id(), _user_row(name)))
        assert result.status == "rejected" and result.reason.startswith("duplicate: another users row"), name


def test_only_an_admin_pushes_users_and_never_over_an_account(world):
    """A directory entry (no password) comes from an admin's push only; an account's own row changes on the
    server, not from a laptop."""
    assert world.push_one("chair1", change("users", new_id(), _user_row(f"u{new_id()[:6]}"))).status == "forbidden"
    entry = new_id()
    assert world.push_one("admin", change("users", entry, _user_row(f"tk{new_id()[:6]}"))).status == "applied"
    assert world.push_one("admin", change("users", entry, {"full_name": ("Thư ký hội đồng", "Thư ký")}, "update")
                          ).status == "applied"
    account = change("users", world.users["member1"], {"role": ("member", "admin")}, "update")
    assert world.push_one("admin", account).status == "forbidden"


def test_an_account_cannot_take_a_pushed_username(world):
    """create-admin (create_user) after a laptop pushed `Thu.Ky` refuses `thu.ky`: the two would collide on
    every laptop. The pushed row stays the only one."""
    name = f"Thu.Ky{new_id()[:4]}"
    assert world.push_one("admin", change("users", new_id(), _user_row(name))).status == "applied"
    with world.server.app.state.write_sessions() as session, pytest.raises(ValueError, match="exists"):
        accounts.create_user(session, username=name.lower(), password=PASSWORD, role="admin")
    named = [r for r in world.pull_all("admin") if r.entity == "users" and r.data["username"].lower() == name.lower()]
    assert len(named) == 1


def test_create_admin_refuses_a_pushed_username(world, monkeypatch, capsys):
    """`ocop server create-admin --username quan.tri` after a laptop pushed `Quan.Tri`: refused with a
    message, exit 1, and still one such user."""
    name = f"Quan.Tri{new_id()[:4]}"
    assert world.push_one("admin", change("users", new_id(), _user_row(name))).status == "applied"
    monkeypatch.setenv("OCOP_ADMIN_PASSWORD", PASSWORD)
    assert cli.create_admin(world.server.settings, name.lower(), "Quản trị") == 1
    assert "exists" in capsys.readouterr().err


def test_a_criteria_code_is_published_once(world):
    """Another criteria version under an existing code would break every laptop's unique index: 409."""
    document = json.loads(CRITERIA_TEXT)
    document["criteria_set"]["id"] = new_id()
    with pytest.raises(SyncError) as refused:
        world.client("admin").publish(json.dumps(document, ensure_ascii=False))
    assert (refused.value.status, refused.value.code) == (409, "criteria_immutable")


def test_a_second_line_for_one_answer_slot_is_rejected(world):
    """A sheet holds one line per criterion and sub-item (the laptop's unique index): another row id for the
    same slot is refused, while the same id born on two laptops merges as before."""
    line = row(sheet_id=world.ids["S2"], criterion_code="A.1.1", subitem_code="x1", option_code="a", points="0")
    assert world.push_one("member2", change("score_lines", new_id(), line)).status == "applied"
    result = world.push_one("member2", change("score_lines", new_id(), line))
    assert result.status == "rejected" and result.reason.startswith("duplicate: another score_lines row")
