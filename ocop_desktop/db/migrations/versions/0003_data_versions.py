"""Data versions: a counter per group of tables, moved by triggers on every write to them.

The dossier list keeps a copy of itself on disk and shows it at the next start before the database
is even open; the copy is current exactly while this counter has not moved. Triggers, not the
services, move it, because synced rows and raw SQL never pass through the services.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Everything the dossier list reads: its rows, their names and stars, and the subgroup names.
DOSSIER_LIST_TABLES = ("dossiers", "products", "producers", "admin_units", "recognitions", "criteria_set_versions")
OPERATIONS = ("INSERT", "UPDATE", "DELETE")


def _trigger(table: str, operation: str) -> str:
    return f"dossier_list_version_{table}_{operation.lower()}"


def upgrade() -> None:
    op.create_table(
        "data_versions",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_data_versions")),
    )
    op.execute("INSERT INTO data_versions (name, counter, epoch) VALUES ('dossier_list', 0, lower(hex(randomblob(16))))")
    for table in DOSSIER_LIST_TABLES:
        for operation in OPERATIONS:
            op.execute(f"CREATE TRIGGER {_trigger(table, operation)} AFTER {operation} ON {table} BEGIN "
                       "UPDATE data_versions SET counter = counter + 1 WHERE name = 'dossier_list'; END")


def downgrade() -> None:
    for table in DOSSIER_LIST_TABLES:
        for operation in OPERATIONS:
            op.execute(f"DROP TRIGGER IF EXISTS {_trigger(table, operation)}")
    op.drop_table("data_versions")
