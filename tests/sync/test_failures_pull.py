"""Pull under failure: pending local edits (c7), crashes between a page and its cursor (c9), long absences."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select, update

from ocop_core.protocol import scope_digest
from ocop_desktop.db import sync_store
from ocop_desktop.db.models import ChangeJournal, Conflict, Dossier, Producer
from ocop_desktop.services import dossiers, registry
from ocop_desktop.sync import engine as engine_module
from ocop_desktop.sync.client import SyncError
from ocop_desktop.sync.engine import SyncReport
from ocop_server import store
from ocop_server.models import Counter, Record, RecordScope


def _new_dossier(laptop, name: str = "HTX Nước mắm Phú Khương") -> str:
    with laptop.session() as s:
        producer = registry.create_producer(s, name=name, kind="cooperative", commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name=f"Sản phẩm {name}", subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(s, product_id=product, notes="ban đầu").id
        s.commit()
    return dossier


def _edit_notes(laptop, dossier: str, notes: str) -> None:
    with laptop.session() as s:
        dossiers.update_dossier(s, dossier, notes=notes)
        s.commit()


def _server_row(server, entity: str, row_id: str) -> dict:
    with server.app.state.sessions() as s:
        return json.loads(s.get(Record, (entity, row_id)).data)


def _server_lines(server, entity: str | None = None) -> dict[str, list[str]]:
    with server.app.state.sessions() as s:
        query = select(Record.entity, Record.id, Record.version)
        if entity:
            query = query.where(Record.entity == entity)
        lines: dict[str, list[str]] = {}
        for e, i, v in s.execute(query):
            lines.setdefault(e, []).append(f"{i}:{v}")
        return lines


def _server_seq(server) -> int:
    with server.app.state.sessions() as s:
        return store.current_seq(s)


def _local_lines(laptop) -> dict[str, list[str]]:
    with laptop.session() as s:
        return sync_store.local_lines(s)


def _cursor(laptop) -> int:
    with laptop.session() as s:
        return sync_store.cursor(s)


@pytest.mark.slow
def test_pull_never_overwrites_an_unsent_local_edit(server, make_laptop):
    """c7: laptop A edits a dossier's notes offline; B edits the same notes and syncs; A pulls without
    pushing: A's unsent value stays, its journal entry stays pending. A then syncs: the server records a
    conflict that keeps both values, and A receives that conflict row."""
    a, b = make_laptop("a"), make_laptop("b")
    dossier = _new_dossier(a)
    a.sync()
    b.sync()
    _edit_notes(a, dossier, "A: bổ sung phiếu kiểm nghiệm")
    _edit_notes(b, dossier, "B: thiếu giấy đăng ký kinh doanh")
    b.sync()

    report = SyncReport()
    a.engine().pull(report)

    assert report.pulled >= 1
    with a.session() as s:
        assert s.get(Dossier, dossier).notes == "A: bổ sung phiếu kiểm nghiệm"
        (entry,) = s.scalars(select(ChangeJournal).where(ChangeJournal.status != "sent")).all()
        assert (entry.entity_id, entry.status) == (dossier, "pending")

    report = a.sync()

    assert report.conflicts == 1
    with a.session() as s:
        (conflict,) = s.scalars(select(Conflict)).all()
    assert (conflict.entity, conflict.entity_id, conflict.field) == ("dossiers", dossier, "notes")
    assert json.loads(conflict.server_value) == "B: thiếu giấy đăng ký kinh doanh"
    assert json.loads(conflict.device_value) == "A: bổ sung phiếu kiểm nghiệm"
    assert conflict.device_id == a.device_id and conflict.status == "open"
    assert _server_row(server, "conflicts", conflict.id)["device_value"] == conflict.device_value


@pytest.mark.parametrize("where", ["fetching page 2", "storing the cursor of page 2"])
def test_a_crash_inside_the_pull_leaves_no_gap(server, make_laptop, monkeypatch, where):
    """c9: the pull dies on its second page, either fetching it or between applying it and storing its
    cursor. The laptop then holds exactly the rows of page 1 and the cursor of page 1 (data and cursor in
    one transaction: no row beyond the cursor, none missing before it), and the next sync completes with
    every row, equal to the server."""
    monkeypatch.setattr(engine_module, "PULL_PAGE", 5)
    a = make_laptop("a")
    with a.session() as s:
        for i in range(12):
            registry.create_producer(s, name=f"Cơ sở số {i}", kind="household", commune_code="18073")
        s.commit()
    a.sync()
    b = make_laptop("b", retries=0)
    pages = []
    real_pull = b.client.pull

    def recording_pull(*args, **kw):
        if where == "fetching page 2" and len(pages) == 1:
            raise SyncError("network", "mất kết nối", retryable=True)
        page = real_pull(*args, **kw)
        pages.append(page)
        return page

    real_set_meta = sync_store.set_meta
    cursor_writes = []

    def set_meta(session, key, value):
        # Counted by cursor writes, not by pages fetched: the engine fetches the next page while it
        # writes this one.
        if key == sync_store.CURSOR_KEY:
            cursor_writes.append(value)
            if where == "storing the cursor of page 2" and len(cursor_writes) == 2:
                raise SyncError("network", "máy tắt giữa chừng")
        real_set_meta(session, key, value)

    b.client.pull = recording_pull
    monkeypatch.setattr(sync_store, "set_meta", set_meta)

    with pytest.raises(SyncError):
        b.sync()

    page1 = pages[0]
    assert page1.more and len(page1.rows) == 5
    assert _cursor(b) == page1.cursor
    with b.session() as s:
        held = {i: v for i, v in s.execute(select(Producer.id, Producer.server_version))}
    expected = {r.id: r.version for r in page1.rows if r.entity == "producers"}
    assert held == expected, "the laptop holds exactly page 1: nothing after the cursor, nothing lost before"
    assert all(v <= page1.cursor for v in held.values())

    monkeypatch.setattr(sync_store, "set_meta", real_set_meta)
    b.client.pull = real_pull
    report = b.sync()

    assert report.mismatched == [] and report.redownloaded == []
    assert _cursor(b) == _server_seq(server)
    assert {e: scope_digest(v) for e, v in _local_lines(b).items()} == \
        {e: scope_digest(v) for e, v in _server_lines(server).items()}
    with b.session() as s:
        assert len(s.scalars(select(Producer.id)).all()) == 12


def _seed_producers(server, n: int) -> list[str]:
    """n producers written in one transaction straight into the server's store, with the sequence numbers,
    scope keys and JSON a push would give them (pushing 1200 changes through the API takes ~8 s on the test
    server; the pull side is what is tested here)."""
    now = datetime.now(UTC).isoformat()
    ids = [str(uuid.uuid4()) for _ in range(n)]
    with server.app.state.write_sessions() as s:
        first = store.next_seq(s)
        s.execute(update(Counter).where(Counter.name == store.SEQ).values(value=first + n - 1))
        records, scopes = [], []
        for i, row_id in enumerate(ids):
            data = {"id": row_id, "name": f"Hộ kinh doanh {i:04d}", "kind": "household", "commune_code": "18073",
                    "created_at": now, "updated_at": now, "deleted": False}
            records.append({"entity": "producers", "id": row_id, "data": json.dumps(data, ensure_ascii=False),
                            "field_seq": json.dumps({k: first + i for k in data}), "version": first + i,
                            "deleted": False})
            scopes.append({"entity": "producers", "id": row_id, "key": "commune:18073"})
        s.execute(insert(Record), records)
        s.execute(insert(RecordScope), scopes)
        s.commit()
    return ids


def test_a_laptop_offline_for_long_catches_up_in_pages(server, make_laptop, monkeypatch):
    """A laptop that synced once and then stayed away while 1200 producers were added and another laptop
    edited its dossier catches up through many pull pages and ends equal to the server (rows, versions,
    values, cursor), its own earlier rows included."""
    stale = make_laptop("stale")
    dossier = _new_dossier(stale)
    stale.sync()
    busy = make_laptop("busy")
    busy.sync()
    seeded = _seed_producers(server, 1200)
    _edit_notes(busy, dossier, "đã thẩm định")
    busy.sync()
    monkeypatch.setattr(engine_module, "PULL_PAGE", 250)
    pulls = []
    real_pull = stale.client.pull
    stale.client.pull = lambda *a, **kw: pulls.append(a) or real_pull(*a, **kw)

    report = stale.sync()

    assert len(pulls) >= 5, "the catch-up came in pages"
    assert report.pulled >= 1201 and report.mismatched == []
    assert _cursor(stale) == _server_seq(server)
    assert {e: sorted(v) for e, v in _local_lines(stale).items()} == \
        {e: sorted(v) for e, v in _server_lines(server).items()}
    with stale.session() as s:
        assert s.get(Dossier, dossier).notes == "đã thẩm định"
        held = set(s.scalars(select(Producer.id)))
    assert set(seeded) <= held and len(held) == 1201


def test_after_a_pull_then_a_conflict_the_laptop_shows_the_server_value(server, make_laptop):
    """c7 continued: after A's pull (which rightly kept A's unsent notes) and A's push (a conflict that
    keeps A's value in the conflict row), A's dossier shows the same notes as the server."""
    a, b = make_laptop("a"), make_laptop("b")
    dossier = _new_dossier(a)
    a.sync()
    b.sync()
    _edit_notes(a, dossier, "A: bổ sung phiếu kiểm nghiệm")
    _edit_notes(b, dossier, "B: thiếu giấy đăng ký kinh doanh")
    b.sync()
    a.engine().pull(SyncReport())

    a.sync()

    with a.session() as s:
        assert s.get(Dossier, dossier).notes == _server_row(server, "dossiers", dossier)["notes"]
