"""Unique keys of rows (usernames, criteria codes, a sheet's answer slots) and the server's epochs.

Existing rows get their keys here; where two rows already share one (the duplicate `admin` a demo laptop
could push), an account's row keeps it, else the row changed least recently, and the other is left without, so the migration never fails on the
data it was written to repair. The unique rules are copied here, not imported: a migration stays what it
was when written.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-03
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

# entity -> (fields, case-insensitive), as ocop_core.entities declared them on 2026-12-03
UNIQUE = {"users": (("username",), True), "criteria_set_versions": (("code",), False),
          "score_lines": (("sheet_id", "criterion_code", "subitem_code"), False)}


def upgrade() -> None:
    op.create_table(
        "record_keys",
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=800), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "key", name=op.f("pk_record_keys")),
    )
    op.create_index("ix_record_keys_row", "record_keys", ["entity", "id"], unique=False)
    op.create_table(
        "epochs",
        sa.Column("n", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("epoch", sa.String(length=32), nullable=False),
        sa.Column("started_seq", sa.BigInteger(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("n", name=op.f("pk_epochs")),
        sa.UniqueConstraint("epoch", name=op.f("uq_epochs_epoch")),
    )
    _backfill_keys(op.get_bind())


def _backfill_keys(conn) -> None:
    records = sa.table("records", sa.column("entity"), sa.column("id"), sa.column("data"), sa.column("version"))
    keys = sa.table("record_keys", sa.column("entity"), sa.column("key"), sa.column("id"))
    accounts = set(conn.scalars(sa.select(sa.table("users", sa.column("id")).c.id)))
    for entity, (fields, fold) in UNIQUE.items():
        taken: dict[str, str] = {}
        query = sa.select(records.c.id, records.c.data, records.c.version).where(records.c.entity == entity)
        for row_id, data, _ in sorted(conn.execute(query), key=lambda r: (r.id not in accounts, r.version)):
            values = json.loads(data)
            parts = [values.get(name) for name in fields]
            if any(part is None for part in parts):
                continue
            key = "\x1f".join(str(part) for part in parts)
            taken.setdefault(key.casefold() if fold else key, row_id)
        if taken:
            conn.execute(keys.insert(), [{"entity": entity, "key": k, "id": i} for k, i in taken.items()])


def downgrade() -> None:
    op.drop_table("epochs")
    op.drop_index("ix_record_keys_row", table_name="record_keys")
    op.drop_table("record_keys")
