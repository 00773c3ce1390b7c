"""Push under failure (c1, c17): lost responses, replays, reused change ids, double syncs, failed sends."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator

import pytest
from proxy import Proxy
from sqlalchemy import func, select

from ocop_core.protocol import Change
from ocop_desktop.db import sync_store
from ocop_desktop.db.models import ChangeJournal, Dossier, Producer
from ocop_desktop.services import dossiers, registry
from ocop_desktop.sync.client import SyncError
from ocop_server import store
from ocop_server.models import ChangeLog, Record


@pytest.fixture
def proxy(server) -> Iterator[Proxy]:
    with Proxy("127.0.0.1", server.port) as running:
        yield running


def _new_dossier(laptop, name: str = "HTX Chè Hương Sơn") -> dict[str, str]:
    with laptop.session() as s:
        producer = registry.create_producer(s, name=name, kind="cooperative", commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name=f"Chè - {name}", subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(s, product_id=product).id
        s.commit()
    return {"producers": producer, "products": product, "dossiers": dossier}


def _journal(laptop) -> list[ChangeJournal]:
    with laptop.session() as s:
        return list(s.scalars(select(ChangeJournal).order_by(ChangeJournal.seq)))


def _changes(entries: list[ChangeJournal]) -> list[Change]:
    """The batch exactly as the engine builds it from journal entries."""
    return [Change(change_id=e.change_id, device_seq=e.seq, entity=e.entity, entity_id=e.entity_id, op=e.op,
                   fields={k: tuple(v) for k, v in json.loads(e.fields_json).items()},
                   base_version=e.base_version, created_at=e.created_at) for e in entries]


def _server_log(server) -> dict[str, ChangeLog]:
    with server.app.state.sessions() as s:
        return {c.change_id: c for c in s.scalars(select(ChangeLog))}


def _server_records(server, entity: str) -> list[Record]:
    with server.app.state.sessions() as s:
        return list(s.scalars(select(Record).where(Record.entity == entity)))


def _server_seq(server) -> int:
    with server.app.state.sessions() as s:
        return store.current_seq(s)


def _local_snapshot(laptop) -> dict[str, list[tuple]]:
    """Every synced row and journal entry, column by column: what "local data" means."""
    snapshot = {}
    with laptop.session() as s:
        for entity, model in sorted(sync_store.models().items()):
            columns = [c for c in model.__table__.columns]
            snapshot[entity] = sorted(tuple(str(v) for v in row) for row in s.execute(select(*columns)))
        columns = list(ChangeJournal.__table__.columns)
        snapshot["change_journal"] = sorted(tuple(str(v) for v in row) for row in s.execute(select(*columns)))
    return snapshot


def test_lost_push_response_then_resync_makes_one_row_per_id(server, make_laptop, proxy):
    """c1: the server commits a push whose response is lost; the client (no retries) fails and keeps the
    entries pending; the next sync replays them and the server still holds one row per entity id and one
    change-log entry per change id, with the sequence numbers of the first apply."""
    laptop = make_laptop("a", url=proxy.url, retries=0)
    ids = _new_dossier(laptop)
    proxy.drop_response_once("/sync/push")

    with pytest.raises(SyncError) as failed:
        laptop.sync()
    assert failed.value.code == "network"
    assert [r.path for r in proxy.outcomes("dropped")] == ["/sync/push"]
    first = _server_log(server)
    assert len(first) == 3, "the server committed the batch before the response was lost"
    assert {e.status for e in _journal(laptop)} == {"pending"}, "no receipt, so nothing is marked sent"
    seq_after_first = _server_seq(server)

    proxy.pass_through()
    report = laptop.sync()

    assert report.pushed == 3 and report.rejected == 0
    assert _server_seq(server) == seq_after_first, "a replay takes no new sequence numbers"
    log = _server_log(server)
    assert set(log) == set(first)
    assert {c: r.seq for c, r in log.items()} == {c: r.seq for c, r in first.items()}
    for entity, row_id in ids.items():
        assert [r.id for r in _server_records(server, entity)] == [row_id]
    entries = _journal(laptop)
    assert {e.status for e in entries} == {"sent"}
    assert {e.change_id: e.server_seq for e in entries} == {c: r.seq for c, r in first.items()}


def test_client_retries_after_lost_responses_apply_once(server, make_laptop, proxy):
    """c1: three responses to the same push are lost in a row; the client's own retries re-send the batch
    and the fourth attempt gets the stored results: one change-log entry per change, one row per id."""
    laptop = make_laptop("a", url=proxy.url, retries=3)
    ids = _new_dossier(laptop)
    proxy.drop_response_n(3, "/sync/push")

    report = laptop.sync()

    pushes = [r for r in proxy.log if r.path == "/sync/push"]
    assert [r.outcome for r in pushes] == ["dropped", "dropped", "dropped", "relayed"]
    assert report.pushed == 3 and report.rejected == 0
    assert len(_server_log(server)) == 3
    assert {s for s in (r.status for r in _server_log(server).values())} == {"applied"}
    for entity, row_id in ids.items():
        assert [r.id for r in _server_records(server, entity)] == [row_id]
    assert {e.status for e in _journal(laptop)} == {"sent"}


def test_replaying_the_same_batch_returns_identical_results(server, make_laptop):
    """The very same batch pushed twice gets identical per-change results and takes no new sequence number."""
    laptop = make_laptop("a")
    _new_dossier(laptop)
    with laptop.session() as s:
        registry.update_producer(s, _journal(laptop)[0].entity_id, name="HTX Chè Hương Sơn (mới)")
        s.commit()
    batch = _changes(_journal(laptop))

    first = laptop.client.push(batch)
    seq = _server_seq(server)
    second = laptop.client.push(batch)

    assert [r.status for r in first.results] == ["applied"] * 4
    assert second.results == first.results
    assert second.server_seq == first.server_seq == seq == _server_seq(server)
    assert len(_server_log(server)) == 4


def test_same_change_id_with_other_content_is_rejected(server, make_laptop):
    """A change id sent again with a different payload is refused with change_id_reused; the first content
    stays on the server and in the change log."""
    laptop = make_laptop("a")
    with laptop.session() as s:
        producer = registry.create_producer(s, name="Cơ sở Kẹo cu đơ", kind="household", commune_code="18073").id
        s.commit()
    (change,) = _changes(_journal(laptop))
    assert laptop.client.push([change]).results[0].status == "applied"
    fields = dict(change.fields)
    fields["name"] = (None, "Tên khác")
    forged = change.model_copy(update={"fields": fields})
    seq = _server_seq(server)

    (result,) = laptop.client.push([forged]).results

    assert result.status == "rejected"
    assert result.reason.startswith("change_id_reused")
    assert result.server_seq is None
    assert _server_seq(server) == seq
    (record,) = _server_records(server, "producers")
    assert record.id == producer and json.loads(record.data)["name"] == "Cơ sở Kẹo cu đơ"
    assert json.loads(_server_log(server)[change.change_id].payload)["fields"]["name"][1] == "Cơ sở Kẹo cu đơ"


def test_double_sync_from_two_threads_converges_without_duplicates(server, make_laptop):
    """c1 "double click": two syncs of one laptop at the same moment leave, after a following sync, one
    server row and one change-log entry per id, and every journal entry sent."""
    laptop = make_laptop("a")
    ids = [_new_dossier(laptop, f"HTX số {i}") for i in range(5)]
    with laptop.session() as s:
        for i, made in enumerate(ids):
            dossiers.update_dossier(s, made["dossiers"], notes=f"ghi chú {i}")
        s.commit()
    n_changes = len(_journal(laptop))
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def run() -> None:
        barrier.wait()
        try:
            outcomes.append(laptop.engine().sync())
        except Exception as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(outcomes) == 2
    laptop.sync()

    log = _server_log(server)
    assert len(log) == n_changes
    assert {r.status for r in log.values()} == {"applied"}
    for entity in ("producers", "products", "dossiers"):
        assert sorted(r.id for r in _server_records(server, entity)) == sorted(m[entity] for m in ids)
    assert {e.status for e in _journal(laptop)} == {"sent"}
    with laptop.session() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 5
        assert s.scalar(select(func.count()).select_from(Producer)) == 5


@pytest.mark.parametrize("failure", ["offline", "lost_response"])
def test_failed_push_never_deletes_or_alters_local_data(server, make_laptop, proxy, failure):
    """c17: a sync that fails during the push (server unreachable, or its answer lost) leaves every local
    row and every journal entry exactly as it was: nothing is deleted or marked without a receipt."""
    laptop = make_laptop("a", url=proxy.url, retries=1)
    _new_dossier(laptop)
    laptop.sync()
    made = _new_dossier(laptop, "Cơ sở Mật ong Vũ Quang")
    with laptop.session() as s:
        dossiers.update_dossier(s, made["dossiers"], notes="chưa gửi")
        s.commit()
    before = _local_snapshot(laptop)
    if failure == "offline":
        proxy.offline()
    else:
        proxy.drop_response_n(2, "/sync/push")

    with pytest.raises(SyncError):
        laptop.sync()

    assert _local_snapshot(laptop) == before
    pending = [e for e in _journal(laptop) if e.status == "pending"]
    assert len(pending) == 4 and all(e.sent_at is None and e.server_seq is None for e in pending)


@pytest.mark.slow
def test_a_second_concurrent_sync_waits_or_fails_cleanly(server, make_laptop):
    """Two syncs of one laptop that both get past the push request (forced with a barrier) end either in a
    SyncReport or in a SyncError a person can read; never in a raw database error."""
    laptop = make_laptop("a")
    _new_dossier(laptop)
    barrier = threading.Barrier(2, timeout=2)
    push = laptop.client.push

    def push_then_wait(changes, **position):
        response = push(changes, **position)
        # Both threads now hold a read snapshot and are about to write receipts; a broken barrier means
        # the engine serialized the syncs (the other one is not in its push).
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return response

    laptop.client.push = push_then_wait
    outcomes: list[object] = []

    def run() -> None:
        try:
            outcomes.append(laptop.engine().sync())
        except Exception as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert len(outcomes) == 2
    assert all(not isinstance(o, Exception) or isinstance(o, SyncError) for o in outcomes), outcomes


def test_a_sync_that_dies_of_an_unexpected_error_is_not_recorded_as_ok(server, make_laptop):
    """The sync history must not say "ok" for a run that raised (here: a database error during push)."""
    from sqlalchemy.exc import OperationalError

    from ocop_desktop.db.models import SyncRun

    laptop = make_laptop("a")
    _new_dossier(laptop)

    def broken(changes, **position):
        raise OperationalError("UPDATE change_journal ...", {}, Exception("database is locked"))

    laptop.client.push = broken
    with pytest.raises(OperationalError):
        laptop.sync()
    with laptop.session() as s:
        (run,) = s.scalars(select(SyncRun)).all()
    assert run.outcome == "failed"
    assert "database is locked" in run.detail


def test_a_request_survives_a_concurrent_commit_while_its_token_is_stamped(server, make_laptop, monkeypatch):
    """A push from another device committing between the token lookup and the last-used stamp must not
    turn this device's request into a server error (the client would only hide it behind retries).
    Regression: require_caller used to upgrade its deferred read session to a writer for the stamp, which
    SQLite refuses at once (SQLITE_BUSY_SNAPSHOT) when another writer committed meanwhile: HTTP 500."""
    from ocop_server import accounts

    laptop = make_laptop("a", retries=0)
    original = accounts.user_for_token
    fired = []

    def lookup_then_other_commit(session, token):
        found = original(session, token)
        if not fired:
            fired.append(True)
            with server.app.state.write_sessions() as other:  # another device's push, committed meanwhile
                store.next_seq(other)
                other.commit()
        return found

    monkeypatch.setattr(accounts, "user_for_token", lookup_then_other_commit)
    page = laptop.client.pull(0)
    assert fired and page.cursor >= 1
