"""Migration 0005: rows kept to the laptop (demo accounts) and pulled rows kept aside survive, and a database
made before it has its demo accounts recognised and their unsent changes set aside."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import select

from ocop_desktop.db import sync_store
from ocop_desktop.db.models import ChangeJournal, LocalOnlyRow, QuarantinedRow, User
from ocop_desktop.db.schema import open_database

DATA = Path(__file__).resolve().parent / "data"


def _upgraded(revision: str, tmp_path: Path, prepare=None):
    path = tmp_path / "ocop.sqlite3"
    shutil.copy(DATA / f"schema_{revision}.sqlite3", path)
    if prepare is not None:
        with closing(sqlite3.connect(path)) as con:
            prepare(con)
            con.commit()
    return open_database(path)


def test_saved_quarantine_and_local_rows_are_intact(tmp_path: Path) -> None:
    """The 0005 file's quarantined producer keeps its reason and data and counts at its version in the
    check; its demo account is still local-only, and an edit of it is not journaled."""
    ids = json.loads((DATA / "schema_0005.json").read_text(encoding="utf-8"))
    db = _upgraded("0005", tmp_path)
    try:
        with db.session() as s:
            held = s.get(QuarantinedRow, ("producers", ids["quarantined"]))
            assert (held.version, held.reason) == (41, "invalid: created_at: required")
            assert json.loads(held.data_json)["name"] == "Cơ sở thiếu ngày tạo"
            assert f"{ids['quarantined']}:41" in sync_store.local_lines(s)["producers"]
            assert sync_store.local_only_ids(s) == {ids["local_user"]}
            before = s.scalar(select(ChangeJournal.seq).order_by(ChangeJournal.seq.desc()).limit(1))
            s.get(User, ids["local_user"]).full_name = "Lê Thị Thành Viên (sửa)"
            s.commit()
            assert s.scalar(select(ChangeJournal.seq).order_by(ChangeJournal.seq.desc()).limit(1)) == before
    finally:
        db.close()


def _demo_and_real_accounts(con: sqlite3.Connection) -> None:
    """What a 0004 laptop held after building demo data and one online login: two users, two verifiers,
    and each user's insert still waiting in the journal."""
    stamp = "2026-12-01T08:00:00.000000+00:00"
    for user_id, username, server_url, token in (("d1", "admin", "", None),
                                                 ("r1", "nguyenvana", "https://ocop.example", "t")):
        con.execute("INSERT INTO users (id, username, full_name, role, created_at, updated_at, deleted) "
                    "VALUES (?, ?, ?, 'admin', ?, ?, 0)", (user_id, username, username, stamp, stamp))
        con.execute("INSERT INTO credentials (username, user_id, full_name, role, verifier, token, server_url) "
                    "VALUES (?, ?, ?, 'admin', 'v', ?, ?)", (username, user_id, username, token, server_url))
        con.execute("INSERT INTO change_journal (change_id, device_id, entity, entity_id, op, fields_json, "
                    "created_at, status) VALUES (?, 'dev', 'users', ?, 'insert', '{}', ?, 'pending')",
                    (f"c-{user_id}", user_id, stamp))


def test_upgrade_recognises_demo_accounts(tmp_path: Path) -> None:
    """From 0004: the account the demo made (a verifier with no server and no token) becomes local-only and
    its unsent insert is set aside; the account of a real login still syncs."""
    db = _upgraded("0004", tmp_path, _demo_and_real_accounts)
    try:
        with db.session() as s:
            assert set(s.scalars(select(LocalOnlyRow.entity_id))) == {"d1"}
            status = dict(s.execute(select(ChangeJournal.change_id, ChangeJournal.status).where(
                ChangeJournal.entity == "users")).all())
            assert status == {"c-d1": "local", "c-r1": "pending"}
    finally:
        db.close()
