"""What telling devices about rows that left their scope costs a pull: a council member's pull over the range
where the admin unassigned some of the council's dossiers, with and without ``gone``.

`python -m bench.bench_scope_gone [DOSSIERS] [UNASSIGNED]` (default 2000 and 100). Each dossier has a product, a
producer and two documents; the server runs in-process on 127.0.0.1.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from ocop_desktop.sync.client import ServerClient
from ocop_server import scope, store
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-benchmark-2026"
NOW = "2026-12-03T00:00:00+00:00"


def _add(session, entity: str, **data) -> str:
    row_id = str(uuid.uuid4())
    seq = store.next_seq(session)
    row = store.Row(entity, row_id, {"id": row_id, "created_at": NOW, "updated_at": NOW, **data},
                    {}, seq, False)
    store.save(session, row)
    scope.refresh(session, entity, row_id, lambda: store.next_seq(session), saved=row, new=True)
    return row_id


def _seed(server: LiveServer, member_user: str, dossiers: int) -> tuple[str, list[str]]:
    with server.app.state.write_sessions() as session:
        council = _add(session, "councils", name="Hội đồng tỉnh")
        _add(session, "council_members", council_id=council, user_id=member_user, role="member")
        assignments = []
        for i in range(dossiers):
            producer = _add(session, "producers", name=f"HTX {i}", commune_code="18073")
            product = _add(session, "products", producer_id=producer, commune_code="18073")
            dossier = _add(session, "dossiers", product_id=product, commune_code="18073")
            for _ in range(2):
                _add(session, "dossier_documents", dossier_id=dossier, sha256=uuid.uuid4().hex * 2)
            assignments.append(_add(session, "council_assignments", council_id=council, dossier_id=dossier))
        session.commit()
        return council, assignments


def _unassign(server: LiveServer, assignment_ids: list[str]) -> None:
    with server.app.state.write_sessions() as session:
        for assignment_id in assignment_ids:
            row = store.load(session, "council_assignments", assignment_id)
            assert row is not None
            row.deleted, row.version = True, store.next_seq(session)
            store.save(session, row)
            scope.refresh(session, "council_assignments", assignment_id, lambda: store.next_seq(session), saved=row)
        session.commit()


def dossier_ids(server: LiveServer, assignment_ids: list[str]) -> list[str]:
    with server.app.state.write_sessions() as session:
        return [store.load(session, "council_assignments", a).data["dossier_id"] for a in assignment_ids]


def _touch(server: LiveServer, dossier_ids: list[str]) -> None:
    """An edit of each dossier: a new version, no change of scope."""
    with server.app.state.write_sessions() as session:
        for dossier_id in dossier_ids:
            row = store.load(session, "dossiers", dossier_id)
            assert row is not None
            row.data["notes"], row.version = "đã sửa", store.next_seq(session)
            store.save(session, row)
        session.commit()


def _time_pulls(client: ServerClient, cursor: int, gone: bool, rounds: int) -> tuple[float, int, int]:
    times, rows, named = [], 0, 0
    for i in range(rounds):
        started = time.perf_counter()
        # Another page size each time: the server's snapshot cache would otherwise answer from memory.
        page = client.pull(cursor, 1000 - i, gone=gone)
        times.append(time.perf_counter() - started)
        rows, named = len(page.rows), len(page.gone)
    return statistics.median(times) * 1000, rows, named


def run(dossiers: int = 2000, unassigned: int = 100, rounds: int = 15) -> None:
    with tempfile.TemporaryDirectory() as folder:
        server = LiveServer(Path(folder) / "server").start()
        try:
            member = server.create_user("thanhvien", PASSWORD, "member")
            _, assignments = _seed(server, member, dossiers)
            client = ServerClient(server.url, str(uuid.uuid4()), retries=0)
            client.login("thanhvien", PASSWORD, "bench")
            cursor = client.pull(0, 1).cursor
            while True:  # to the head: the member's laptop is up to date before the admin acts
                page = client.pull(cursor, 1000)
                cursor = page.cursor
                if not page.more:
                    break
            _touch(server, dossier_ids(server, assignments[unassigned:2 * unassigned]))
            plain, rows, _ = _time_pulls(client, cursor, False, rounds)
            told, _, named = _time_pulls(client, cursor, True, rounds)
            print(f"ordinary changes: {dossiers} dossiers assigned, {unassigned} edited; the member's next pull "
                  f"({rows} rows): {plain:.1f} ms without gone, {told:.1f} ms with gone ({named} rows named)")
            cursor = client.pull(cursor, 1000).cursor
            _unassign(server, assignments[:unassigned])
            plain, rows, _ = _time_pulls(client, cursor, False, rounds)
            told, _, named = _time_pulls(client, cursor, True, rounds)
            print(f"scope shrink: {dossiers} dossiers assigned, {unassigned} unassigned; the member's next pull "
                  f"({rows} rows): {plain:.1f} ms without gone, {told:.1f} ms with gone ({named} rows named)")
            client.close()
        finally:
            server.stop()


if __name__ == "__main__":
    run(*(int(a) for a in sys.argv[1:3]))
