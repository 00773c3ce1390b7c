"""Accent-insensitive full-text search over producers, products and dossiers."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.orm import Session

from ocop_desktop.db.models import Dossier, Producer
from ocop_desktop.db.schema import open_database
from ocop_desktop.db.search import rebuild, search, search_ids
from ocop_desktop.services import registry

COMMUNE = "18073"


def _kinds(session: Session, query: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for hit in search(session, query):
        found.setdefault(hit.kind, set()).add(hit.ref_id)
    return found


def test_unaccented_query_finds_product_and_dossier(world: SimpleNamespace, session: Session) -> None:
    """"nuoc mam phu khuong" finds the product "Nước mắm Phú Khương" and its dossier."""
    found = _kinds(session, "nuoc mam phu khuong")
    assert found.get("product") == {world.product_id}
    assert found.get("dossier") == {world.dossier_id}


def test_d_matches_d_with_stroke(world: SimpleNamespace, session: Session) -> None:
    """"dong" finds the producer named "HTX Đồng Tâm"."""
    assert search_ids(session, "dong", "producer") == [world.producer_id]


def test_nfd_query_finds_nfc_text(world: SimpleNamespace, session: Session) -> None:
    """A query typed in decomposed form (NFD) finds text stored precomposed (NFC)."""
    query = unicodedata.normalize("NFD", "Nước mắm Phú Khương")
    assert query != "Nước mắm Phú Khương"
    assert search_ids(session, query, "product") == [world.product_id]


def test_nfd_stored_text_is_found(session: Session) -> None:
    """A name that reached the table decomposed (NFD) is still found by a plain query."""
    producer = Producer(name=unicodedata.normalize("NFD", "Cơ sở Đặc sản Hương Khê"), kind="household",
                        commune_code=COMMUNE)
    session.add(producer)
    session.flush()
    assert search_ids(session, "dac san huong khe", "producer") == [producer.id]


def test_prefix_query_matches(world: SimpleNamespace, session: Session) -> None:
    """A query whose last word is unfinished ("nuoc ma") still matches."""
    assert search_ids(session, "nuoc ma", "product") == [world.product_id]


def test_every_word_is_required(world: SimpleNamespace, session: Session) -> None:
    """A query with one word the text lacks finds nothing."""
    assert search_ids(session, "nuoc mam vinh", "product") == []


def test_commune_name_is_searchable(world: SimpleNamespace, session: Session) -> None:
    """A producer is found by its commune's name ("Thành Sen")."""
    assert search_ids(session, "thanh sen", "producer") == [world.producer_id]


def test_kinds_filter_limits_results(world: SimpleNamespace, session: Session) -> None:
    """search(kinds=("dossier",)) returns only dossier hits."""
    hits = search(session, "phu khuong", kinds=("dossier",))
    assert [(h.kind, h.ref_id) for h in hits] == [("dossier", world.dossier_id)]


def test_renamed_producer_is_found_by_new_name_only(world: SimpleNamespace, session: Session) -> None:
    """After a rename the producer matches its new name and no longer its old one."""
    registry.update_producer(session, world.producer_id, name="HTX Sông Lam")
    assert search_ids(session, "song lam", "producer") == [world.producer_id]
    assert search_ids(session, "dong tam", "producer") == []


def test_renamed_producer_reindexes_its_dossiers(world: SimpleNamespace, session: Session) -> None:
    """A dossier is found through its producer's new name and not through the old one."""
    registry.update_producer(session, world.producer_id, name="HTX Sông Lam")
    assert search_ids(session, "song lam", "dossier") == [world.dossier_id]
    assert search_ids(session, "dong tam", "dossier") == []


def test_renamed_product_reindexes_its_dossiers(world: SimpleNamespace, session: Session) -> None:
    """A dossier is found through its product's new name and not through the old one."""
    registry.update_product(session, world.product_id, name="Kẹo cu đơ")
    assert search_ids(session, "keo cu do", "dossier") == [world.dossier_id]
    assert search_ids(session, "nuoc mam", "dossier") == []


def test_tombstoned_dossier_disappears(world: SimpleNamespace, session: Session) -> None:
    """A dossier marked deleted is no longer returned, while its product still is."""
    session.get(Dossier, world.dossier_id).deleted = True
    session.flush()
    assert search_ids(session, "nuoc mam", "dossier") == []
    assert search_ids(session, "nuoc mam", "product") == [world.product_id]


def test_rebuild_restores_the_index(world: SimpleNamespace, session: Session) -> None:
    """rebuild() refills an emptied index from the tables."""
    conn = session.connection()
    conn.execute(text("DELETE FROM search_fts"))
    conn.execute(text("DELETE FROM search_docs"))
    assert search_ids(session, "nuoc mam", "dossier") == []
    rebuild(conn)
    assert search_ids(session, "nuoc mam", "dossier") == [world.dossier_id]


def test_query_without_words_returns_empty(world: SimpleNamespace, session: Session) -> None:
    """A query of punctuation only gives no hits, and search_ids says there were no words (None)."""
    assert search(session, '" * ( ) -') == []
    assert search_ids(session, '" * ( ) -', "product") is None


def test_punctuation_separates_words(world: SimpleNamespace, session: Session) -> None:
    """FTS operators typed inside a query are plain separators: 'nuoc" mam*' finds the product."""
    assert search_ids(session, 'nuoc" mam*', "product") == [world.product_id]


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "' OR 1=1 --", "AND OR NOT", "nuoc NOT mam", "^nuoc",
                                   "body:nuoc", "nuoc + mam", "{body}: x", "\x00", "'; DROP TABLE producers; --"])
def test_fts_syntax_in_query_does_not_raise(world: SimpleNamespace, session: Session, query: str) -> None:
    """Queries with SQL or FTS5 syntax return a list (possibly empty) and leave the data intact."""
    assert isinstance(search(session, query), list)
    assert search_ids(session, query, "producer") in (None, [], [world.producer_id])
    assert search_ids(session, "dong tam", "producer") == [world.producer_id]


@pytest.mark.parametrize("query", ["x" * 10_000, "nước " * 2_000, "đ" * 10_000],
                         ids=["one-long-word", "many-words", "long-d"])
def test_very_long_query_does_not_raise(world: SimpleNamespace, session: Session, query: str) -> None:
    """A 10 000-character query returns a list without raising."""
    assert isinstance(search(session, query), list)


@pytest.fixture(scope="module")
def shared_session(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """A read-only session over a small database, for property tests (which cannot use function fixtures)."""
    path = tmp_path_factory.mktemp("search") / "ocop.sqlite3"
    shutil.copy(template_db, path)
    db = open_database(path)
    s = db.session()
    registry.create_producer(s, name="HTX Đồng Tâm", kind="cooperative", commune_code=COMMUNE)
    s.commit()
    yield s
    s.close()
    db.close()


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=200))
def test_any_text_query_does_not_raise(shared_session: Session, query: str) -> None:
    """Arbitrary text (any code points) as a query returns a list of hits."""
    assert isinstance(search(shared_session, query), list)
