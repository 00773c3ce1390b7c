"""Council results record who approved them, not only when.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, not a batch rebuild: a rebuilt table would lose its triggers (see 0003).
    op.add_column("council_results", sa.Column("approved_by", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("council_results") as batch:
        batch.drop_column("approved_by")
