"""Tasks gain the producer a field inspection is about and the history of their status changes.

``comments_json`` is a JSON list of ``{"at", "by", "from", "to", "text"}``: every status change carries a
comment (ocop_core.rules.tasks), appended, never rewritten. ``producer_id`` names the producer of an
"inspect_producer" task. Tasks stored before keep an empty history: filling one here would change synced
rows behind the journal's back.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, not a batch rebuild: a rebuilt table would lose its data-version triggers (see 0003).
    # Raw DDL: Alembic's SQLite add_column refuses a foreign key, and SQLite takes one on a new nullable column.
    op.execute("ALTER TABLE tasks ADD COLUMN producer_id VARCHAR(36) "
               "CONSTRAINT fk_tasks_producer_id_producers REFERENCES producers (id)")
    op.add_column("tasks", sa.Column("comments_json", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.drop_column("comments_json")
        batch.drop_column("producer_id")
