"""Initial schema: registry, dossiers, criteria versions, councils, sheets, journal, search.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Kept here rather than imported: a migration must not change when the live code does.
CREATE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)


def upgrade() -> None:
    op.create_table(
        "admin_units",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=200), nullable=False),
        sa.Column("division_type", sa.String(length=32), nullable=False),
        sa.Column("parent_code", sa.String(length=10), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("area_km2", sa.Double(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_admin_units")),
    )
    op.create_index(op.f("ix_admin_units_parent_code"), "admin_units", ["parent_code"], unique=False)
    op.create_table(
        "change_journal",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("fields_json", sa.Text(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("sent_at", sa.String(length=32), nullable=True),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_journal")),
        sa.UniqueConstraint("change_id", name=op.f("uq_change_journal_change_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_change_journal_entity_id"), "change_journal", ["entity_id"], unique=False)
    op.create_index("ix_change_journal_unsent", "change_journal", ["sent_at", "seq"], unique=False)
    op.create_table(
        "criteria_set_versions",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("canonical_json", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criteria_set_versions")),
        sa.UniqueConstraint("code", name=op.f("uq_criteria_set_versions_code")),
    )
    op.create_table(
        "devices",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("platform", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    op.create_table(
        "local_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_meta")),
    )
    op.create_table(
        "producers",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("registration_no", sa.String(length=64), nullable=False),
        sa.Column("tax_code", sa.String(length=32), nullable=False),
        sa.Column("commune_code", sa.String(length=10), nullable=False),
        sa.Column("legacy_commune_code", sa.String(length=10), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("representative", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_producers")),
    )
    op.create_index(op.f("ix_producers_commune_code"), "producers", ["commune_code"], unique=False)
    op.create_table(
        "search_docs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_docs")),
        sa.UniqueConstraint("kind", "ref_id", name=op.f("uq_search_docs_kind_ref_id")),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("commune_code", sa.String(length=10), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "councils",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("admin_unit_code", sa.String(length=10), nullable=False),
        sa.Column("decision_no", sa.String(length=64), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("criteria_set_id", sa.String(length=36), nullable=True),
        sa.Column("rules_json", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["criteria_set_id"],
            ["criteria_set_versions.id"],
            name=op.f("fk_councils_criteria_set_id_criteria_set_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_councils")),
    )
    op.create_table(
        "legacy_units",
        sa.Column("legacy_code", sa.String(length=10), nullable=False),
        sa.Column("unit_code", sa.String(length=10), nullable=False),
        sa.Column("legacy_name", sa.String(length=200), nullable=False),
        sa.Column("district_code", sa.String(length=10), nullable=False),
        sa.Column("district_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["admin_units.code"], name=op.f("fk_legacy_units_unit_code_admin_units")
        ),
        sa.PrimaryKeyConstraint("legacy_code", "unit_code", name=op.f("pk_legacy_units")),
    )
    op.create_table(
        "products",
        sa.Column("producer_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("subgroup_code", sa.String(length=32), nullable=False),
        sa.Column("commune_code", sa.String(length=10), nullable=False),
        sa.Column("external_code", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["producer_id"], ["producers.id"], name=op.f("fk_products_producer_id_producers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    op.create_index(op.f("ix_products_commune_code"), "products", ["commune_code"], unique=False)
    op.create_index(op.f("ix_products_producer_id"), "products", ["producer_id"], unique=False)
    op.create_table(
        "council_members",
        sa.Column("council_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("scores", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["council_id"], ["councils.id"], name=op.f("fk_council_members_council_id_councils")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_council_members_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_members")),
    )
    op.create_index(op.f("ix_council_members_council_id"), "council_members", ["council_id"], unique=False)
    op.create_table(
        "dossiers",
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("commune_code", sa.String(length=10), nullable=False),
        sa.Column("criteria_set_id", sa.String(length=36), nullable=True),
        sa.Column("submitted_at", sa.String(length=32), nullable=True),
        sa.Column("result_stars", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["criteria_set_id"],
            ["criteria_set_versions.id"],
            name=op.f("fk_dossiers_criteria_set_id_criteria_set_versions"),
        ),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_dossiers_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
    )
    op.create_index(op.f("ix_dossiers_code"), "dossiers", ["code"], unique=False)
    op.create_index(op.f("ix_dossiers_commune_code"), "dossiers", ["commune_code"], unique=False)
    op.create_index(op.f("ix_dossiers_product_id"), "dossiers", ["product_id"], unique=False)
    op.create_index(op.f("ix_dossiers_status"), "dossiers", ["status"], unique=False)
    op.create_table(
        "evaluation_sessions",
        sa.Column("council_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("criteria_set_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["council_id"], ["councils.id"], name=op.f("fk_evaluation_sessions_council_id_councils")
        ),
        sa.ForeignKeyConstraint(
            ["criteria_set_id"],
            ["criteria_set_versions.id"],
            name=op.f("fk_evaluation_sessions_criteria_set_id_criteria_set_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_sessions")),
    )
    op.create_index(op.f("ix_evaluation_sessions_council_id"), "evaluation_sessions", ["council_id"], unique=False)
    op.create_table(
        "production_lots",
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("lot_code", sa.String(length=64), nullable=False),
        sa.Column("produced_on", sa.Date(), nullable=True),
        sa.Column("quantity", sa.String(length=40), nullable=True),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_production_lots_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_production_lots")),
    )
    op.create_index(op.f("ix_production_lots_product_id"), "production_lots", ["product_id"], unique=False)
    op.create_table(
        "council_results",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("n_sheets", sa.Integer(), nullable=False),
        sa.Column("member_totals_json", sa.Text(), nullable=False),
        sa.Column("mean_total", sa.String(length=40), nullable=True),
        sa.Column("spread", sa.String(length=40), nullable=True),
        sa.Column("spread_exceeded", sa.Boolean(), nullable=False),
        sa.Column("quorum_met", sa.Boolean(), nullable=False),
        sa.Column("failures_json", sa.Text(), nullable=False),
        sa.Column("flags_json", sa.Text(), nullable=False),
        sa.Column("band_stars", sa.Integer(), nullable=False),
        sa.Column("final_stars", sa.Integer(), nullable=False),
        sa.Column("recommendation", sa.String(length=32), nullable=False),
        sa.Column("approved_at", sa.String(length=32), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_council_results_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(
            ["session_id"], ["evaluation_sessions.id"], name=op.f("fk_council_results_session_id_evaluation_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_results")),
    )
    op.create_index(op.f("ix_council_results_dossier_id"), "council_results", ["dossier_id"], unique=False)
    op.create_index(op.f("ix_council_results_session_id"), "council_results", ["session_id"], unique=False)
    op.create_table(
        "dossier_documents",
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("doc_type", sa.String(length=48), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("issuer", sa.String(length=300), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_documents_dossier_id_dossiers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_documents")),
    )
    op.create_index(op.f("ix_dossier_documents_dossier_id"), "dossier_documents", ["dossier_id"], unique=False)
    op.create_index(op.f("ix_dossier_documents_sha256"), "dossier_documents", ["sha256"], unique=False)
    op.create_table(
        "recognitions",
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("issuing_body", sa.String(length=300), nullable=False),
        sa.Column("decision_no", sa.String(length=64), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("notice_date", sa.Date(), nullable=False),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("revocation_reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_recognitions_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_recognitions_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recognitions")),
    )
    op.create_index(op.f("ix_recognitions_product_id"), "recognitions", ["product_id"], unique=False)
    op.create_index(op.f("ix_recognitions_valid_until"), "recognitions", ["valid_until"], unique=False)
    op.create_table(
        "score_sheets",
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("criteria_set_id", sa.String(length=36), nullable=False),
        sa.Column("criteria_hash", sa.String(length=64), nullable=False),
        sa.Column("product_set_code", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", sa.String(length=32), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("total", sa.String(length=40), nullable=True),
        sa.Column("stars", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["criteria_set_id"],
            ["criteria_set_versions.id"],
            name=op.f("fk_score_sheets_criteria_set_id_criteria_set_versions"),
        ),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_score_sheets_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["council_members.id"], name=op.f("fk_score_sheets_member_id_council_members")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["evaluation_sessions.id"], name=op.f("fk_score_sheets_session_id_evaluation_sessions")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["score_sheets.id"], name=op.f("fk_score_sheets_supersedes_id_score_sheets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_sheets")),
    )
    op.create_index(op.f("ix_score_sheets_dossier_id"), "score_sheets", ["dossier_id"], unique=False)
    op.create_index(op.f("ix_score_sheets_member_id"), "score_sheets", ["member_id"], unique=False)
    op.create_index(op.f("ix_score_sheets_session_id"), "score_sheets", ["session_id"], unique=False)
    op.create_table(
        "tasks",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("assignee_id", sa.String(length=36), nullable=True),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["assignee_id"], ["users.id"], name=op.f("fk_tasks_assignee_id_users")),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_tasks_dossier_id_dossiers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    op.create_index(op.f("ix_tasks_assignee_id"), "tasks", ["assignee_id"], unique=False)
    op.create_table(
        "score_lines",
        sa.Column("sheet_id", sa.String(length=36), nullable=False),
        sa.Column("criterion_code", sa.String(length=64), nullable=False),
        sa.Column("subitem_code", sa.String(length=64), nullable=False),
        sa.Column("option_code", sa.String(length=64), nullable=False),
        sa.Column("points", sa.String(length=40), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["sheet_id"], ["score_sheets.id"], name=op.f("fk_score_lines_sheet_id_score_sheets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_lines")),
        sa.UniqueConstraint(
            "sheet_id",
            "criterion_code",
            "subitem_code",
            name=op.f("uq_score_lines_sheet_id_criterion_code_subitem_code"),
        ),
    )
    op.create_index(op.f("ix_score_lines_sheet_id"), "score_lines", ["sheet_id"], unique=False)
    op.execute(CREATE_FTS)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_index(op.f("ix_score_lines_sheet_id"), table_name="score_lines")
    op.drop_table("score_lines")
    op.drop_index(op.f("ix_tasks_assignee_id"), table_name="tasks")
    op.drop_table("tasks")
    op.drop_index(op.f("ix_score_sheets_session_id"), table_name="score_sheets")
    op.drop_index(op.f("ix_score_sheets_member_id"), table_name="score_sheets")
    op.drop_index(op.f("ix_score_sheets_dossier_id"), table_name="score_sheets")
    op.drop_table("score_sheets")
    op.drop_index(op.f("ix_recognitions_valid_until"), table_name="recognitions")
    op.drop_index(op.f("ix_recognitions_product_id"), table_name="recognitions")
    op.drop_table("recognitions")
    op.drop_index(op.f("ix_dossier_documents_sha256"), table_name="dossier_documents")
    op.drop_index(op.f("ix_dossier_documents_dossier_id"), table_name="dossier_documents")
    op.drop_table("dossier_documents")
    op.drop_index(op.f("ix_council_results_session_id"), table_name="council_results")
    op.drop_index(op.f("ix_council_results_dossier_id"), table_name="council_results")
    op.drop_table("council_results")
    op.drop_index(op.f("ix_production_lots_product_id"), table_name="production_lots")
    op.drop_table("production_lots")
    op.drop_index(op.f("ix_evaluation_sessions_council_id"), table_name="evaluation_sessions")
    op.drop_table("evaluation_sessions")
    op.drop_index(op.f("ix_dossiers_status"), table_name="dossiers")
    op.drop_index(op.f("ix_dossiers_product_id"), table_name="dossiers")
    op.drop_index(op.f("ix_dossiers_commune_code"), table_name="dossiers")
    op.drop_index(op.f("ix_dossiers_code"), table_name="dossiers")
    op.drop_table("dossiers")
    op.drop_index(op.f("ix_council_members_council_id"), table_name="council_members")
    op.drop_table("council_members")
    op.drop_index(op.f("ix_products_producer_id"), table_name="products")
    op.drop_index(op.f("ix_products_commune_code"), table_name="products")
    op.drop_table("products")
    op.drop_table("legacy_units")
    op.drop_table("councils")
    op.drop_table("users")
    op.drop_table("search_docs")
    op.drop_index(op.f("ix_producers_commune_code"), table_name="producers")
    op.drop_table("producers")
    op.drop_table("local_meta")
    op.drop_table("devices")
    op.drop_table("criteria_set_versions")
    op.drop_index("ix_change_journal_unsent", table_name="change_journal")
    op.drop_index(op.f("ix_change_journal_entity_id"), table_name="change_journal")
    op.drop_table("change_journal")
    op.drop_index(op.f("ix_admin_units_parent_code"), table_name="admin_units")
    op.drop_table("admin_units")
