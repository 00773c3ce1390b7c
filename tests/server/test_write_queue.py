"""Group commit: batches applied back to back by one writer thread, isolated from each other, answered
only after the commit that makes them durable."""

from __future__ import annotations

import asyncio
import threading

import pytest
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from ocop_server.database import Writers, make_engine
from ocop_server.write_queue import WriteQueue

metadata = MetaData()
notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("text", String))
# Checked only at COMMIT: a way to make a real commit fail.
links = Table("links", metadata, Column("id", Integer, primary_key=True),
              Column("note_id", Integer, ForeignKey("notes.id", deferrable=True, initially="DEFERRED")))


@pytest.fixture
def setup(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'q.sqlite3'}")  # the server's: explicit BEGIN, savepoints work
    metadata.create_all(engine)
    commits = []
    event.listen(engine, "commit", lambda conn: commits.append(1))
    queue = WriteQueue(Writers(sessionmaker(engine), serialize=True))
    yield engine, queue, commits
    queue.stop()
    engine.dispose()


def _insert(i: int, text: str = "x"):
    def work(session):
        session.execute(notes.insert().values(id=i, text=text))
        return i
    return work


def _texts(engine) -> dict[int, str]:
    with engine.connect() as conn:
        return dict(conn.execute(select(notes.c.id, notes.c.text)).all())


def test_batches_waiting_together_share_one_commit_and_each_gets_its_own_result(setup):
    engine, queue, commits = setup
    gate = threading.Event()

    def hold(session):  # keeps the writer busy while the next batches queue up behind it
        session.execute(notes.insert().values(id=1000, text="first"))
        gate.wait(10)
        return "held"

    async def main():
        first = asyncio.ensure_future(queue.run(hold))
        await asyncio.sleep(0.05)
        rest = [asyncio.ensure_future(queue.run(_insert(i))) for i in range(10)]
        await asyncio.sleep(0.05)
        gate.set()
        return await first, await asyncio.gather(*rest)

    held, results = asyncio.run(main())
    assert held == "held" and results == list(range(10))
    assert len(commits) == 2  # the held batch alone, then the ten that waited behind it
    assert sorted(_texts(engine)) == [*range(10), 1000]


def test_a_failing_batch_gets_its_error_and_leaves_the_others_of_its_group_committed(setup):
    engine, queue, _ = setup

    def broken(session):
        session.execute(notes.insert().values(id=100, text="half-done"))
        raise ValueError("refused")

    async def main():
        return await asyncio.gather(queue.run(_insert(1)), queue.run(broken), queue.run(_insert(2)),
                                    return_exceptions=True)

    one, error, two = asyncio.run(main())
    assert (one, two) == (1, 2)
    assert isinstance(error, ValueError) and str(error) == "refused"
    assert _texts(engine) == {1: "x", 2: "x"}  # the broken batch's own write was rolled back


def test_a_failed_commit_is_answered_as_a_failure_to_every_batch_and_stores_nothing(setup):
    engine, queue, _ = setup

    def poison(session):
        session.execute(links.insert().values(id=1, note_id=404))  # fails only when the group commits

    async def main():
        return await asyncio.gather(queue.run(_insert(6)), queue.run(poison), return_exceptions=True)

    gate = threading.Event()

    async def blocked():
        # The writer holds here so both batches land in one group.
        task = asyncio.ensure_future(queue.run(lambda s: gate.wait(10)))
        await asyncio.sleep(0.05)
        batch = asyncio.ensure_future(main())
        await asyncio.sleep(0.05)
        gate.set()
        await task
        return await batch

    outcomes = asyncio.run(blocked())
    assert all(isinstance(o, IntegrityError) for o in outcomes), outcomes
    assert _texts(engine) == {}
    # The failed COMMIT left no transaction open on a pooled connection: the next groups still write.
    for i in (8, 9):
        assert asyncio.run(queue.run(_insert(i))) == i
    assert _texts(engine) == {8: "x", 9: "x"}


def test_posted_bookkeeping_lands_without_anyone_waiting_and_its_failure_harms_nothing(setup):
    engine, queue, _ = setup
    queue.post(_insert(1, "touched"))
    queue.post(lambda session: 1 / 0)

    async def main():
        return await queue.run(_insert(2))

    assert asyncio.run(main()) == 2
    assert _texts(engine) == {1: "touched", 2: "x"}


def test_a_stopped_queue_starts_again_on_the_next_batch(setup):
    engine, queue, _ = setup
    assert asyncio.run(queue.run(_insert(1))) == 1
    queue.stop()
    assert asyncio.run(queue.run(_insert(2))) == 2
    assert sorted(_texts(engine)) == [1, 2]
