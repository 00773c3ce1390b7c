"""Two devices push, at the same moment, a ``users`` row with one username (unique case-insensitively) to two
server processes sharing one database, as production runs several workers on PostgreSQL: one row is applied,
the other refused ``duplicate`` with a 200 answer, never a 5xx, and no retry ever stores a second holder."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from server_world import PASSWORD, PROTOCOL, change, new_id, row

from ocop_core.protocol import Change, PushRequest
from ocop_desktop.sync.client import ServerClient
from ocop_server.testing import LiveServer, postgres_schema_url

ROUNDS = 6


@pytest.fixture(scope="module")
def two_workers(fast_argon2, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, LiveServer]]:
    folder: Path = tmp_path_factory.mktemp("race")
    url = postgres_schema_url() or f"sqlite:///{folder / 'server.sqlite3'}"
    first = LiveServer(folder / "a", database_url=url).start()
    second = LiveServer(folder / "b", database_url=url).start()
    first.create_user("admin", PASSWORD, "admin", full_name="Quản trị")
    yield first, second
    second.stop()
    first.stop()


def _token(server: LiveServer) -> str:
    client = ServerClient(server.url, new_id(), retries=0)
    client.login("admin", PASSWORD, "máy quản trị")
    return client.token


def _user(username: str) -> Change:
    return change("users", new_id(), row(username=username, full_name=f"Cán bộ {username}", role="viewer"))


def _push(server: LiveServer, token: str, ch: Change) -> tuple[int, dict]:
    body = PushRequest(changes=[ch]).model_dump_json()
    response = requests.post(f"{server.url}/sync/push", data=body, timeout=60,
                             headers={**PROTOCOL, "Authorization": f"Bearer {token}",
                                      "Content-Type": "application/json"})
    return response.status_code, response.json()


def _at_once(calls: list) -> list[tuple[int, dict]]:
    barrier = threading.Barrier(len(calls))
    answers: list = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        answers[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return answers


def _holders(server: LiveServer, token: str, username: str) -> list[str]:
    client = ServerClient(server.url, new_id(), retries=0)
    client.token = token
    rows = client.pull(0, limit=1000, entity="users").rows
    return [r.id for r in rows if str(r.data.get("username", "")).casefold() == username.casefold()]


def test_one_username_pushed_at_once_to_two_workers_is_stored_once(two_workers) -> None:
    """Each round two devices push "Lan<n>" and "lan<n>" together through different workers: both answers are
    200, exactly one change is applied and the other rejected as a duplicate; replaying both, and pushing the
    refused row again under a new change id, changes nothing; one user holds the name at the end."""
    first, second = two_workers
    tokens = (_token(first), _token(second))
    for n in range(ROUNDS):
        changes = (_user(f"Lan{n}"), _user(f"lan{n}"))
        answers = _at_once([lambda c=c, s=s, t=t: _push(s, t, c)
                            for c, s, t in zip(changes, two_workers, tokens, strict=True)])
        assert [code for code, _ in answers] == [200, 200], answers
        results = [body["results"][0] for _, body in answers]
        assert sorted(r["status"] for r in results) == ["applied", "rejected"], results
        refused = next(i for i, r in enumerate(results) if r["status"] == "rejected")
        assert results[refused]["reason"].startswith("duplicate:"), results[refused]
        # The device whose change was refused retries: the replay, then the same row under a new change id.
        assert _push(two_workers[refused], tokens[refused], changes[refused])[1]["results"][0] == results[refused]
        again = changes[refused].model_copy(update={"change_id": new_id()})
        code, body = _push(two_workers[1 - refused], tokens[1 - refused], again)
        assert code == 200 and body["results"][0]["status"] == "rejected", body
        holders = _holders(first, tokens[0], f"lan{n}")
        assert holders == [changes[1 - refused].entity_id], holders
