"""The dossier list saved on disk: shown at the next start, trusted only while the database has not changed,
and ignored whole when the file is damaged, foreign or from another database."""

from __future__ import annotations

import marshal
import shutil
import sqlite3
import zlib
from contextlib import closing
from pathlib import Path

import pytest

from ocop_desktop.db.schema import Database
from ocop_desktop.services import dossier_list, registry
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers import list_cache
from ocop_desktop.ui.dossiers import list_model as m
from ocop_desktop.ui.dossiers.list_page import DossierListPage


def _cache(context: AppContext) -> Path:
    return context.paths.cache / list_cache.FILE_NAME


def _columns(prepared: m.Prepared) -> list[list]:
    return [getattr(prepared.columns, name) for name in m.DossierColumns.__slots__]


@pytest.fixture
def saved(qtbot, context: AppContext) -> m.Prepared:
    """The copy a first start leaves behind: its page loaded the list from the database and saved it."""
    page = DossierListPage(context)
    qtbot.addWidget(page)
    saved = list_cache.load(_cache(context), context.paths.database)
    assert saved is not None and len(saved.columns) == page.model.total_count() == 60
    return saved


def test_the_copy_is_what_the_database_gave(saved: m.Prepared, demo_db: Database) -> None:
    with demo_db.session() as session:
        fresh = m.prepare(dossier_list.load_dossier_rows(session), dossier_list.subgroup_names(session),
                          [m.PRODUCT], dossier_list.list_version(session))
    assert _columns(saved) == _columns(fresh)
    assert saved.haystacks == fresh.haystacks and saved.ranks == fresh.ranks
    assert saved.group_names == fresh.group_names and saved.version == fresh.version
    assert saved.orders == fresh.orders and saved.communes == fresh.communes and saved.groups == fresh.groups
    assert list(saved.orders) == [m.PRODUCT] and len(saved.communes) > 1


def test_any_text_survives_the_copy(context: AppContext, demo_db: Database, tmp_path: Path) -> None:
    """Names with the character the copy cuts its long columns at, line breaks, emoji and combining
    marks come back exactly as they went in."""
    with demo_db.session() as session:
        rows = dossier_list.load_dossier_rows(session)
        version = dossier_list.list_version(session)
    odd = ["a\x1fb", "dòng\nmới", "🍊 Cam Vũ Quang", "Nươ\u0301c", ""]
    rows = [row._replace(product_name=odd[i % len(odd)], code=f"{row.code}\x1f" if i == 0 else row.code)
            for i, row in enumerate(rows)]
    prepared = m.prepare(rows, {}, [m.PRODUCT], version)
    path = tmp_path / "copy.bin"
    list_cache.save(path, demo_db.path, prepared)
    back = list_cache.load(path, demo_db.path)
    assert back is not None and _columns(back) == _columns(prepared) and back.haystacks == prepared.haystacks


def test_an_unchanged_database_is_not_read_again(qtbot, context: AppContext, saved: m.Prepared, monkeypatch) -> None:
    """The next start shows the copy, asks for the version only, and keeps what it shows."""
    reads = []
    monkeypatch.setattr(dossier_list, "load_dossier_rows", lambda *a: reads.append(a) or [])
    page = DossierListPage(context)
    qtbot.addWidget(page)
    assert reads == [] and page.model.total_count() == 60 and page.model.version == saved.version
    assert page.count_label.text() == "60 / 60 hồ sơ" and page.commune_box.count() > 1


def test_a_change_since_the_copy_replaces_it(qtbot, context: AppContext, demo_db: Database,
                                             saved: m.Prepared) -> None:
    """A product renamed after the copy was saved (here by raw SQL, as a sync or another tool would) is
    shown renamed: the triggers moved the version, so the page loads the list again and saves it."""
    with closing(sqlite3.connect(demo_db.path)) as con, con:
        con.execute("UPDATE products SET name = 'Mật ong bạc hà Đồng Văn' WHERE id = "
                    "(SELECT product_id FROM dossiers ORDER BY code LIMIT 1)")
    page = DossierListPage(context)
    qtbot.addWidget(page)
    assert page.model.version != saved.version
    assert "Mật ong bạc hà Đồng Văn" in page.model.columns.products
    again = list_cache.load(_cache(context), context.paths.database)
    assert again is not None and again.version == page.model.version


def test_a_write_through_a_service_moves_the_version(qtbot, context: AppContext, demo_db: Database,
                                                            saved: m.Prepared) -> None:
    with demo_db.session() as session:
        registry.create_producer(session, name="HTX Cam Vũ Quang", kind="cooperative", commune_code="18073")
        session.commit()
        assert dossier_list.list_version(session) != saved.version


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage", "code", "other_python", "other_code",
                                    "shape"])
def test_a_damaged_or_foreign_copy_is_ignored(qtbot, context: AppContext, saved: m.Prepared, damage: str) -> None:
    """Whatever is wrong with the file, the page shows the database's list, and the file is replaced by a
    good copy; nothing is executed from it (marshal reads plain values only)."""
    path = _cache(context)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x40
    elif damage == "truncate":
        data = data[: len(data) // 3]
    elif damage == "empty":
        data = bytearray()
    elif damage == "garbage":
        data = bytearray(b"\x00\xff" * 999)
    else:
        payload = list(marshal.loads(bytes(data[4:])))
        if damage == "code":
            payload = compile("open('/tmp/owned', 'w')", "x", "exec")
        elif damage == "other_python":
            payload[1] = (2, 7)
        elif damage == "other_code":  # saved by another version of the list's code
            payload[2] = "0.0.9:00000000"
        else:
            payload[5] += 1  # says one row more than its columns hold
        body = marshal.dumps(payload)
        data = bytearray(zlib.crc32(body).to_bytes(4, "big") + body)
    path.write_bytes(bytes(data))
    assert list_cache.load(path, context.paths.database) is None
    page = DossierListPage(context)
    qtbot.addWidget(page)
    assert page.model.total_count() == 60 and page.count_label.text() == "60 / 60 hồ sơ"
    assert list_cache.load(path, context.paths.database) is not None


def test_a_copy_of_another_database_file_is_not_used(context: AppContext, saved: m.Prepared, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    other.write_bytes(context.paths.database.read_bytes())
    assert list_cache.load(_cache(context), other) is None
    assert list_cache.load(_cache(context), tmp_path / "missing.sqlite3") is None


def test_an_unwritable_cache_folder_costs_nothing_but_the_copy(qtbot, context: AppContext) -> None:
    """A cache folder that cannot be written (here a file stands where it should be) leaves the list
    working; the next start simply loads from the database again."""
    shutil.rmtree(context.paths.cache)
    context.paths.cache.write_text("not a folder")
    page = DossierListPage(context)
    qtbot.addWidget(page)
    assert page.model.total_count() == 60 and not page.loading
    assert page.count_label.text() == "60 / 60 hồ sơ"


def _tables_the_list_reads() -> set[str]:
    # From the list's own queries, so a table joined in later without a trigger fails this test.
    from sqlalchemy.sql.util import find_tables

    from ocop_desktop.db.models import CriteriaSetVersion, Recognition

    joined = {t.name for t in find_tables(dossier_list._rows_query(), include_joins=True) if hasattr(t, "name")}
    return joined | {Recognition.__tablename__, CriteriaSetVersion.__tablename__}  # stars; subgroup names


def _counter(con: sqlite3.Connection) -> int:
    return con.execute("SELECT counter FROM data_versions WHERE name = 'dossier_list'").fetchone()[0]


def test_every_table_the_list_reads_moves_the_version_and_no_other(demo_db: Database) -> None:
    """Inserts, updates and deletes on the list's tables move the counter, whoever makes them; a score
    sheet or a journal entry does not (the list would be reloaded for nothing)."""
    tables = _tables_the_list_reads()
    assert {"dossiers", "products", "producers", "admin_units"} <= tables
    with closing(sqlite3.connect(demo_db.path)) as con, con:
        for table in sorted(tables):
            before = _counter(con)
            con.execute(f"UPDATE {table} SET rowid = rowid WHERE rowid = (SELECT min(rowid) FROM {table})")
            assert _counter(con) == before + 1, table
        before = _counter(con)
        con.execute("CREATE TEMP TABLE kept AS SELECT * FROM recognitions LIMIT 1")
        con.execute("DELETE FROM recognitions WHERE id = (SELECT id FROM kept)")
        con.execute("INSERT INTO recognitions SELECT * FROM kept")
        assert _counter(con) == before + 2
        before = _counter(con)
        assert con.execute("SELECT count(*) FROM score_sheets").fetchone()[0] > 0  # the demo has scored sheets
        con.execute("UPDATE score_sheets SET rowid = rowid")
        con.execute("UPDATE change_journal SET rowid = rowid")
        con.execute("UPDATE local_meta SET rowid = rowid")
        assert _counter(con) == before
        triggers = {row[0] for row in con.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                                                   "AND name LIKE 'dossier_list_version_%'")}
        assert triggers == tables


def test_every_source_that_builds_the_list_exists():
    """The list's code version reads each source it names: a moved file would silently stop counting
    (ocop_desktop/domain/text.py moved to ocop_core once, and a new fold would have reused old copies)."""
    from ocop_desktop.ui.dossiers import list_cache

    root = Path(list_cache.__file__).resolve().parents[3]
    assert [name for name in list_cache._BUILT_BY if not (root / name).is_file()] == []
