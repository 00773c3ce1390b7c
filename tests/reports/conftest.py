"""Report fixtures: a small demo session read once into frozen views, and PDF text for assertions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from ocop_desktop.db.schema import open_database
from ocop_desktop.services import demo_data
from ocop_desktop.services.council_view import list_evaluations, load_council_view
from ocop_desktop.services.sheet_view import sheet_view


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """The demo council's session (a few dossiers scored by five members) and its chair's first sheet."""
    path = tmp_path_factory.mktemp("reports") / "demo.sqlite3"
    database = open_database(path)
    try:
        demo_data.build(database.session_factory, scale=30, scored_limit=6)
        with database.session() as session:
            [choice] = list_evaluations(session)
            view = load_council_view(session, evaluation_id=choice.id)
            sheet = sheet_view(session, view.rows[0].cells[0].sheet_id)
    finally:
        database.close()
    assert len(view.rows) >= 2, "the demo data must score some dossiers"
    return SimpleNamespace(view=view, sheet=sheet)


@pytest.fixture
def pdf_text() -> Callable[[bytes | Path], str]:
    """All pages' text, NFC, whitespace collapsed to single spaces (table cells wrap their words)."""

    def extract(source: bytes | Path) -> str:
        data = source.read_bytes() if isinstance(source, Path) else source
        text = " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))

    return extract

