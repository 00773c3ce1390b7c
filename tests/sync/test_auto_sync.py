"""Automatic sync when the server answers again."""

from __future__ import annotations

import time

from ocop_desktop.services import registry
from ocop_desktop.sync.auto import AutoSync


def test_sync_starts_when_the_server_comes_back(server, make_laptop):
    """Offline edits wait; once the server is up again the watcher syncs them without being asked."""
    laptop = make_laptop("a")
    with laptop.session() as s:
        registry.create_producer(s, name="HTX Cam Thượng Lộc", kind="cooperative", commune_code="18073")
        s.commit()
    server.stop()
    watcher = AutoSync(laptop.client.healthy, laptop.sync, interval=0.05, sync_every=1000).start()
    try:
        time.sleep(0.3)
        assert watcher.syncs == 0 and not watcher.online
        server.start()
        deadline = time.monotonic() + 10
        while watcher.syncs == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        watcher.stop()
    assert watcher.syncs >= 1 and watcher.errors == []
    from ocop_server.models import Record

    with server.app.state.sessions() as s:
        assert s.query(Record).filter(Record.entity == "producers").count() == 1


def test_a_failing_sync_does_not_stop_the_watcher():
    """An exception from one sync is recorded and the next tick tries again."""
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("mất kết nối")

    watcher = AutoSync(lambda: True, flaky, interval=0, sync_every=1)
    watcher.tick(0)
    watcher.tick(1)
    assert len(calls) == 2 and len(watcher.errors) == 1
