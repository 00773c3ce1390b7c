"""Production lots gain what a label and a recall need, and lots gain photos.

A lot now says when it expires (a use-by date or a best-before date), where its raw material came from,
whether and why it was withdrawn, and when its label was first printed; its code is unique within its
product (tombstones included, so a printed code never comes to mean another lot). ``lot_photos`` holds its
photos by content hash, as ``dossier_documents`` holds a dossier's files.

Lots stored before get the column defaults: none was ever withdrawn or printed (no screen made lots yet).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, not a batch rebuild: a rebuilt table would lose its triggers (see 0003).
    op.add_column("production_lots", sa.Column("expires_on", sa.Date(), nullable=True))
    op.add_column("production_lots", sa.Column("expiry_kind", sa.String(length=16), nullable=False,
                                               server_default="expiry"))
    op.add_column("production_lots", sa.Column("origin", sa.String(length=500), nullable=False, server_default=""))
    op.add_column("production_lots", sa.Column("withdrawn_on", sa.Date(), nullable=True))
    op.add_column("production_lots", sa.Column("withdrawal_reason", sa.Text(), nullable=False, server_default=""))
    op.add_column("production_lots", sa.Column("label_printed_at", sa.String(length=32), nullable=True))
    op.create_index(op.f("ix_production_lots_product_id_lot_code"), "production_lots", ["product_id", "lot_code"],
                    unique=True)
    op.create_table(
        "lot_photos",
        sa.Column("lot_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["lot_id"], ["production_lots.id"], name=op.f("fk_lot_photos_lot_id_production_lots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lot_photos")),
    )
    op.create_index(op.f("ix_lot_photos_lot_id"), "lot_photos", ["lot_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_lot_photos_lot_id"), table_name="lot_photos")
    op.drop_table("lot_photos")
    op.drop_index(op.f("ix_production_lots_product_id_lot_code"), table_name="production_lots")
    with op.batch_alter_table("production_lots") as batch:
        for column in ("label_printed_at", "withdrawal_reason", "withdrawn_on", "origin", "expiry_kind",
                       "expires_on"):
            batch.drop_column(column)
