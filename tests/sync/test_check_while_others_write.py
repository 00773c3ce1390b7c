"""The consistency check compares like with like while others write: the server's digests describe exactly
the state the laptop pulled, so a busy province causes no false mismatch and no needless re-download."""

from __future__ import annotations

import threading
import uuid

from ocop_core.protocol import Change
from ocop_desktop.db.types import utcnow
from ocop_desktop.db.wire import to_wire
from ocop_desktop.services import registry
from ocop_desktop.sync.client import ServerClient

PASSWORD = "mat-khau-123"  # every account the sync fixtures make (tests/sync/conftest.py)


class Writer(threading.Thread):
    """Another laptop's user editing the given producers as fast as the server takes it."""

    def __init__(self, url: str, producers: list[str]):
        super().__init__(daemon=True)
        self.client = ServerClient(url, str(uuid.uuid4()), retries=0)
        self.client.login("admin", PASSWORD, "máy đang ghi")
        self.producers, self.stop, self.pushed, self.errors = producers, threading.Event(), 0, []

    def run(self) -> None:
        address = {p: "" for p in self.producers}
        seq = 0
        while not self.stop.is_set():
            seq += 1
            producer = self.producers[seq % len(self.producers)]
            new = f"Thôn {seq}, xã Cẩm Xuyên"
            change = Change(change_id=str(uuid.uuid4()), device_seq=seq, entity="producers", entity_id=producer,
                            op="update", fields={"address": (address[producer], new)}, created_at=to_wire(utcnow()))
            try:
                result = self.client.push([change]).results[0]
            except Exception as exc:  # reported by the test, which must not hang on a dead writer
                self.errors.append(exc)
                return
            if result.status == "applied":
                address[producer] = new
                self.pushed += 1


def test_a_laptop_syncing_while_another_writes_finds_no_false_mismatch(server, make_laptop):
    """Six syncs of one laptop while another keeps editing rows that laptop holds: every check matches at
    once, nothing is re-downloaded, and the writer really wrote in between."""
    seeder = make_laptop("seeder")
    with seeder.session() as s:
        producers = [registry.create_producer(s, name=f"Cơ sở số {i}", kind="household", commune_code="18073").id
                     for i in range(20)]
        s.commit()
    seeder.sync()
    reader = make_laptop("reader")
    reader.sync()

    writer = Writer(server.url, producers)
    writer.start()
    try:
        reports = []
        for _ in range(6):
            before = writer.pushed
            reports.append((reader.sync(), writer.pushed - before))
    finally:
        writer.stop.set()
        writer.join(timeout=30)
    assert writer.errors == []
    assert [(r.mismatched, r.redownloaded) for r, _ in reports] == [([], [])] * 6
    assert all(written > 0 for _, written in reports[1:]), [w for _, w in reports]
