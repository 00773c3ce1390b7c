"""Sync: council assignments, conflicts, credentials for offline login, sync runs, journal status.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflicts",
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("server_value", sa.Text(), nullable=False),
        sa.Column("device_value", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflicts_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "credentials",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("verifier", sa.Text(), nullable=False),
        sa.Column("token", sa.Text(), nullable=True),
        sa.Column("server_url", sa.String(length=500), nullable=False),
        sa.Column("last_online_login", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_credentials")),
    )
    op.create_table(
        "sync_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        sa.Column("finished_at", sa.String(length=32), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("pushed", sa.Integer(), nullable=False),
        sa.Column("pulled", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_runs")),
    )
    op.create_table(
        "council_assignments",
        sa.Column("council_id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["council_id"], ["councils.id"], name=op.f("fk_council_assignments_council_id_councils")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_council_assignments_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_assignments")),
    )
    with op.batch_alter_table("council_assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_council_assignments_council_id"), ["council_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_council_assignments_dossier_id"), ["dossier_id"], unique=False)

    with op.batch_alter_table("change_journal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=16), server_default="pending", nullable=False))
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("change_journal", schema=None) as batch_op:
        batch_op.drop_column("reason")
        batch_op.drop_column("status")

    with op.batch_alter_table("council_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_assignments_dossier_id"))
        batch_op.drop_index(batch_op.f("ix_council_assignments_council_id"))

    op.drop_table("council_assignments")
    op.drop_table("sync_runs")
    op.drop_table("credentials")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_entity_id"))

    op.drop_table("conflicts")
