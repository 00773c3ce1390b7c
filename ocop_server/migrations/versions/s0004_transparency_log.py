"""The transparency log: entries, perfect-subtree nodes, signed checkpoints, and its size counter.

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "translog_entries",
        sa.Column("idx", BIG, autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("idx", name=op.f("pk_translog_entries")),
    )
    op.create_index("ix_translog_entries_row", "translog_entries", ["entity", "entity_id"], unique=False)
    op.create_table(
        "translog_nodes",
        sa.Column("level", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("idx", BIG, autoincrement=False, nullable=False),
        sa.Column("hash", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("level", "idx", name=op.f("pk_translog_nodes")),
    )
    op.create_table(
        "translog_checkpoints",
        sa.Column("size", BIG, autoincrement=False, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("size", name=op.f("pk_translog_checkpoints")),
    )
    op.execute("INSERT INTO counters (name, value) VALUES ('translog', 0)")


def downgrade() -> None:
    op.execute("DELETE FROM counters WHERE name = 'translog'")
    op.drop_table("translog_checkpoints")
    op.drop_table("translog_nodes")
    op.drop_index("ix_translog_entries_row", table_name="translog_entries")
    op.drop_table("translog_entries")
