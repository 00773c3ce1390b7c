"""Restarts in the middle of a sync: the server between push and pull, the laptop between push and receipt."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import select

from ocop_desktop.db import sync_store
from ocop_desktop.db.models import ChangeJournal, Dossier, Producer
from ocop_desktop.services import dossiers, registry
from ocop_desktop.sync.client import SyncError
from ocop_server import store
from ocop_server.models import ChangeLog, Record


def _new_dossier(laptop, name: str) -> dict[str, str]:
    with laptop.session() as s:
        producer = registry.create_producer(s, name=name, kind="cooperative", commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name=f"Sản phẩm {name}", subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(s, product_id=product, notes=f"ghi chú {name}").id
        s.commit()
    return {"producers": producer, "products": product, "dossiers": dossier}


def _journal(laptop) -> list[ChangeJournal]:
    with laptop.session() as s:
        return list(s.scalars(select(ChangeJournal).order_by(ChangeJournal.seq)))


def _server_state(server) -> tuple[dict[tuple[str, str], int], dict[str, int | None], int]:
    """(entity, id) -> version of every server row; change id -> seq; the global sequence."""
    with server.app.state.sessions() as s:
        rows = {(r.entity, r.id): r.version for r in s.scalars(select(Record))}
        log = {c.change_id: c.seq for c in s.scalars(select(ChangeLog))}
        return rows, log, store.current_seq(s)


def _local_versions(laptop) -> dict[tuple[str, str], int]:
    with laptop.session() as s:
        return {(entity, i): v for entity, lines in sync_store.local_lines(s).items()
                for i, v in (line.split(":") for line in lines) for v in [int(v)]}


def _cursor(laptop) -> int:
    with laptop.session() as s:
        return sync_store.cursor(s)


def test_server_restart_between_push_and_pull(server, make_laptop):
    """The server stops after accepting a push and before the pull: the sync fails with a network error,
    the pushed entries are already sent (their receipts were read), the cursor has not moved; after a
    restart on the same port and database the next sync completes, and the laptop's rows, versions and
    cursor equal the server's."""
    b = make_laptop("b")
    _new_dossier(b, "HTX Cam Khe")
    b.sync()
    a = make_laptop("a", retries=1)
    ids = _new_dossier(a, "HTX Bưởi Phúc Trạch")
    real_pull = a.client.pull
    stopped = []

    def stop_then_pull(*args, **kw):
        if not stopped:
            stopped.append(True)
            server.stop()
        return real_pull(*args, **kw)

    a.client.pull = stop_then_pull
    with pytest.raises(SyncError) as failed:
        a.sync()
    assert failed.value.code == "network"
    assert {e.status for e in _journal(a)} == {"sent"}
    assert _cursor(a) == 0
    with a.session() as s:
        assert s.scalar(select(Producer.name).where(Producer.name == "HTX Cam Khe")) is None

    server.start()
    a.client.pull = real_pull
    report = a.sync()

    rows, log, seq = _server_state(server)
    assert report.pulled >= 3 and report.mismatched == []
    assert _cursor(a) == seq
    assert len(log) == 6  # three changes from each laptop, once each
    assert rows == _local_versions(a)
    with a.session() as s:
        assert s.scalar(select(Producer.name).where(Producer.name == "HTX Cam Khe")) == "HTX Cam Khe"
        assert s.get(Dossier, ids["dossiers"]).notes == "ghi chú HTX Bưởi Phúc Trạch"


_KILLED_SYNC = textwrap.dedent("""
    import os, sys
    from ocop_desktop.db import sync_store
    from ocop_desktop.db.blobstore import BlobStore
    from ocop_desktop.db.schema import open_database
    from ocop_desktop.sync.client import ServerClient
    from ocop_desktop.sync.engine import SyncEngine

    path, blobs, url, device, token = sys.argv[1:6]

    def die(*args, **kw):
        os._exit(9)  # the process is killed after the server's receipt arrived, before it is stored

    sync_store.acknowledge = die
    db = open_database(path)
    client = ServerClient(url, device, token, retries=0)
    SyncEngine(db, client, BlobStore(blobs)).sync()
    os._exit(0)
""")


@pytest.mark.slow
def test_laptop_killed_between_push_and_receipt(server, make_laptop, tmp_path):
    """A laptop process dies after the server applied its push but before the receipts were written. The
    restarted app (here: this process, same database file) replays the pending entries; the server keeps
    one change-log entry per change and one row per id, and every journal entry ends sent with the
    sequence number of the first apply."""
    laptop = make_laptop("a")
    ids = [_new_dossier(laptop, f"HTX số {i}") for i in range(3)]
    with laptop.session() as s:
        dossiers.update_dossier(s, ids[0]["dossiers"], notes="sửa lần hai")
        s.commit()
    changes = [e.change_id for e in _journal(laptop)]

    child = subprocess.run(
        [sys.executable, "-c", _KILLED_SYNC, str(laptop.db.path), str(laptop.blobs.root), server.url,
         laptop.device_id, laptop.client.token],
        capture_output=True, text=True, timeout=60)
    assert child.returncode == 9, child.stderr[-2000:]

    rows, log, seq = _server_state(server)
    assert sorted(log) == sorted(changes), "the server applied the whole batch before the kill"
    assert {e.status for e in _journal(laptop)} == {"pending"}, "no receipt was stored"

    report = laptop.sync()

    assert report.pushed == len(changes) and report.rejected == 0
    rows_after, log_after, seq_after = _server_state(server)
    assert log_after == log and seq_after == seq, "the replay applied nothing a second time"
    assert rows_after == rows
    for made in ids:
        for entity, row_id in made.items():
            assert (entity, row_id) in rows_after
    assert len([k for k in rows_after if k[0] == "dossiers"]) == 3
    entries = _journal(laptop)
    assert {e.status for e in entries} == {"sent"}
    assert {e.change_id: e.server_seq for e in entries} == log
    with laptop.session() as s:
        assert s.get(Dossier, ids[0]["dossiers"]).notes == "sửa lần hai"
        assert s.scalar(select(Dossier.server_version).where(Dossier.id == ids[0]["dossiers"])) == \
            rows[("dossiers", ids[0]["dossiers"])]
    assert report.mismatched == []
