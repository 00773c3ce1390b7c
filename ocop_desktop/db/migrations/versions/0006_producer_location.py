"""Producers record how their position was found: its accuracy in metres and its source.

The source is where the point came from (picked on the map, typed from a GPS device, a photo's EXIF GPS, or
the commune's centroid as a first guess): a reviewer trusts a photo's fix more than a commune's centre.
Both are synced like the position itself. Positions stored before keep both empty (not known): filling them
here would change synced rows behind the journal's back, and the server's copy would disagree.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, not a batch rebuild: a rebuilt table would lose its data-version triggers (see 0003).
    op.add_column("producers", sa.Column("location_accuracy_m", sa.Double(), nullable=True))
    op.add_column("producers", sa.Column("location_source", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("producers") as batch:
        batch.drop_column("location_source")
        batch.drop_column("location_accuracy_m")
