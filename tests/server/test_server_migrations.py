"""The server's Alembic chain: a database of the previous revision upgrades with its accounts intact, and the
migrated schema is the models' (the audit log of s0003 included)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from ocop_server.database import MIGRATIONS, make_engine, migrate
from ocop_server.models import Base


def _upgrade(engine: sa.Engine, revision: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def test_a_s0002_database_upgrades_with_its_accounts(tmp_path):
    """An account made before the audit log keeps its row and logs in data; the audit log starts empty."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    _upgrade(engine, "s0002")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO users (id, username, full_name, role, commune_codes, password_hash, active, "
                             "created_at) VALUES ('u1', 'lan', 'Lan', 'member', :c, 'h', 1, :t)"),
                     {"c": json.dumps(["18073"]), "t": datetime.now(UTC).isoformat()})
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT username, role, active FROM users")).one() == ("lan", "member", 1)
        assert conn.execute(sa.text("SELECT count(*) FROM audit_log")).scalar_one() == 0
    engine.dispose()


ACCOUNT_TABLES = {"users", "tokens", "audit_log"}


def _table_of(difference) -> str | None:
    first = difference[0] if isinstance(difference, list) else difference
    for part in first[1:]:
        name = getattr(part, "name", None) if not isinstance(part, str) else part
        table = getattr(part, "table", None)
        if table is not None:
            return table.name
        if isinstance(name, str) and name in ACCOUNT_TABLES:
            return name
    return None


def test_the_migrated_account_tables_are_the_models(tmp_path):
    """Users, tokens and the audit log as migrated are as the models declare them (other areas' tables are
    their own tests' business)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    migrate(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert [d for d in differences if _table_of(d) in ACCOUNT_TABLES] == []
