"""Rows sync keeps to this laptop: pulled rows it cannot store, and rows that never leave it.

A pulled row the tables would refuse used to stop every later sync at the same page; it is now kept in
quarantined_rows with the reason. Demo accounts are local_only_rows: a laptop made with demo data had
been sending its demo `admin` to the server, where it collided with the real one. Accounts the demo
made are recognised as the demo makes them (an offline-login verifier with no token and no server), and
their unsent journal entries are set aside ('local') so they are never sent.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quarantined_rows",
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_quarantined_rows")),
    )
    op.create_table(
        "local_only_rows",
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_local_only_rows")),
    )
    op.execute("INSERT INTO local_only_rows (entity, entity_id, reason) "
               "SELECT 'users', user_id, 'demo' FROM credentials "
               "WHERE server_url = '' AND token IS NULL AND user_id IN (SELECT id FROM users)")
    op.execute("UPDATE change_journal SET status = 'local' WHERE status = 'pending' AND entity = 'users' "
               "AND entity_id IN (SELECT entity_id FROM local_only_rows WHERE entity = 'users')")


def downgrade() -> None:
    op.execute("UPDATE change_journal SET status = 'pending' WHERE status = 'local'")
    op.drop_table("local_only_rows")
    op.drop_table("quarantined_rows")
