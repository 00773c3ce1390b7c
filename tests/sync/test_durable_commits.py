"""Acknowledged means durable: the server's and the laptop's SQLite commit with synchronous = FULL, so a power
cut after an answer (an applied push, a saved answer) cannot roll the commit back."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from ocop_server.testing import POSTGRES_ENV

FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA


@pytest.mark.skipif(bool(os.environ.get(POSTGRES_ENV)),
                    reason="SQLite's own pragma and backup file; PostgreSQL is durable by default")
def test_the_server_commits_with_synchronous_full(server):
    """Both of the server's engines (the writer that answers pushes, and the readers) use FULL."""
    for engine in server.app.state.engines:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA synchronous")).scalar_one() == FULL


def test_the_laptop_commits_with_synchronous_full(make_laptop):
    """The laptop's database too: what a person typed survives a power cut once the screen says saved."""
    laptop = make_laptop("a")
    with laptop.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar_one() == FULL
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
