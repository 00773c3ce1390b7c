"""Products gain a GTIN and a public code, the two ways a QR label names them for good.

``gtin`` is the GS1 number when the producer has one (14 digits, empty when not). ``public_code`` is the
short code of the ``/p/{code}`` address, derived from the product's id (ocop_core.traceability.public_code),
unique, and never changed once made, so that a printed label keeps working after a rename or a move.

Products stored before get their code here. It is the value every laptop and the server derive from the
same id, so filling it outside the journal cannot make two copies disagree.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def public_code(product_id: str) -> str:
    """ocop_core.traceability.public_code as it was at this revision (a migration imports no project code;
    tests/labels/test_product_address_schema.py checks the two agree)."""
    number = int.from_bytes(hashlib.sha256(product_id.strip().lower().encode("utf-8")).digest()[:5], "big")
    return "".join("0123456789ABCDEFGHJKMNPQRSTVWXYZ"[(number >> shift) & 31] for shift in range(35, -1, -5))


def upgrade() -> None:
    # ADD COLUMN, not a batch rebuild: a rebuilt table would lose its triggers (see 0003).
    op.add_column("products", sa.Column("gtin", sa.String(length=14), nullable=False, server_default=""))
    op.add_column("products", sa.Column("public_code", sa.String(length=16), nullable=True))
    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM products WHERE public_code IS NULL"))]
    for product_id in ids:
        connection.execute(sa.text("UPDATE products SET public_code = :code WHERE id = :id"),
                           {"code": public_code(product_id), "id": product_id})
    op.create_index(op.f("ix_products_public_code"), "products", ["public_code"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_products_public_code"), table_name="products")
    with op.batch_alter_table("products") as batch:
        batch.drop_column("public_code")
        batch.drop_column("gtin")
