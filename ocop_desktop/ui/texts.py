"""Kept only for the screens that still import it (dossiers/documents_panel.py, admin/council_form.py,
admin/councils_tab.py): codes are worded by ocop_desktop.words and figures formatted by ocop_desktop.formats,
which this re-exports under the old names. New code imports those two modules."""

from __future__ import annotations

from ocop_desktop.formats import stars
from ocop_desktop.words import (
    document_types,
    dossier_kinds,
    dossier_statuses,
    error_text,
    member_roles,
    producer_kinds,
    sheet_statuses,
    user_roles,
)

__all__ = ["document_types", "dossier_kinds", "dossier_statuses", "error_text", "member_roles", "producer_kinds",
           "sheet_statuses", "stars", "user_roles"]
