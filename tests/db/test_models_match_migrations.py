"""The ORM models and the migrations describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ocop_desktop.db import models  # noqa: F401  (registers every table on Base.metadata)
from ocop_desktop.db.base import Base
from ocop_desktop.db.schema import Database
from ocop_desktop.db.search import FTS_TABLE


def _not_fts(name, type_, parent_names) -> bool:
    # The FTS5 virtual table and its shadow tables are made by raw SQL in the migration, not by models.
    return not (type_ == "table" and name is not None and (name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_")))


def test_migrated_database_matches_models(db: Database) -> None:
    """Autogenerate finds no difference (tables, columns, types, indexes, constraints) after migrating."""
    with db.engine.connect() as conn:
        # compare_type stays on (the default): the TypeDecorators render their String impl, so no false positives.
        context = MigrationContext.configure(conn, opts={"include_name": _not_fts, "compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_fts_filter_leaves_real_tables_compared(db: Database) -> None:
    """The FTS filter only hides search_fts tables, so a dropped real table would still be reported."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE production_lots")
        context = MigrationContext.configure(conn, opts={"include_name": _not_fts})
        diffs = compare_metadata(context, Base.metadata)
    assert [(d[0], d[1].name) for d in diffs if d[0] == "add_table"] == [("add_table", "production_lots")]
