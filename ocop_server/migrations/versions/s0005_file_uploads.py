"""Uploads belong to their uploader: one row per device sending a file, its progress, then the proof
that the device holds those bytes (issue 12, files).

Revision ID: s0005
Revises: s0004
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_uploads",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "user_id", "device_id", name=op.f("pk_file_uploads")),
    )


def downgrade() -> None:
    op.drop_table("file_uploads")
