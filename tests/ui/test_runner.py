"""The background runner: work off the UI thread, results and failures back on it, Changes broadcast."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.db.models import Producer
from ocop_desktop.services import registry
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.ui.runner import Runner


def _create(session):
    return registry.create_producer(session, name="HTX Chè Hương Sơn", kind="cooperative", commune_code="18073")


def test_a_write_is_committed_and_its_changes_reach_every_screen(runner, demo_db, qtbot):
    seen = []
    runner.changed.connect(seen.append)
    done = []
    runner.write(_create, done=done.append)
    assert done and done[0].entities == {"producers"} and seen == done
    with demo_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Producer).where(Producer.id == done[0].id)) == 1


def test_a_failing_write_is_rolled_back_whole_and_reported(runner, demo_db):
    failures = []

    def half_then_fail(session):
        _create(session)
        raise ServiceError("required", "name")

    with demo_db.session() as session:
        before = session.scalar(select(func.count()).select_from(Producer))
    runner.write(half_then_fail, failed=failures.append)
    assert isinstance(failures[0], ServiceError) and failures[0].code == "required"
    with demo_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Producer)) == before


def test_an_unhandled_failure_is_announced_instead_of_lost(runner):
    announced = []
    runner.failed.connect(announced.append)
    runner.read(lambda session: 1 / 0)
    assert isinstance(announced[0], ZeroDivisionError)


def test_threaded_work_runs_off_the_ui_thread_and_answers_on_it(demo_db, qtbot):
    runner = Runner(demo_db)
    try:
        where = {}

        def work(session):
            where["work"] = threading.current_thread().name
            return session.scalar(select(func.count()).select_from(Producer))

        with qtbot.waitSignal(runner.busy, timeout=5000, check_params_cb=lambda busy: busy is False):
            runner.read(work, done=lambda n: where.update(done=threading.current_thread().name, n=n))
        qtbot.waitUntil(lambda: "done" in where, timeout=5000)
        assert where["work"].startswith("ocop-db")
        assert where["done"] == threading.main_thread().name and where["n"] > 0
    finally:
        runner.shutdown()


def test_a_screen_closed_while_its_work_runs_does_not_break_the_answer(demo_db, qtbot):
    """The save is committed; the callback into the closed screen's deleted widget is dropped quietly."""
    from PySide6.QtWidgets import QLabel

    runner = Runner(demo_db)
    try:
        label = QLabel()
        gate = threading.Event()

        def work(session):
            gate.wait(5)
            return _create(session)

        runner.write(work, done=lambda changes: label.setText(changes.id))
        label.deleteLater()
        qtbot.waitUntil(lambda: not _alive(label), timeout=5000)
        with qtbot.waitSignal(runner.busy, timeout=5000, check_params_cb=lambda busy: busy is False):
            gate.set()
        with demo_db.session() as session:
            assert session.scalar(select(func.count()).select_from(Producer)
                                  .where(Producer.name == "HTX Chè Hương Sơn")) == 1
    finally:
        runner.shutdown()


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def test_a_database_opened_later_runs_the_work_asked_for_meanwhile_in_order(demo_paths, qtbot):
    """Work asked for before start() waits behind the opening, on the database thread, in order; nothing
    is opened before start() (the first window paints first)."""
    from ocop_desktop.app import database_opener

    opened, order = [], []
    opener = database_opener(demo_paths)
    runner = Runner(open_database=lambda: opened.append(threading.current_thread().name) or opener())
    try:
        runner.read(lambda session: order.append("first"))
        runner.write(lambda session: order.append("second") or _create(session))
        runner.when_open(done=lambda db: order.append(("open", db.path)))
        qtbot.wait(50)
        assert opened == [] and order == []
        runner.start()
        runner.start()  # idempotent
        qtbot.waitUntil(lambda: len(order) == 3, timeout=10_000)
        assert opened[0].startswith("ocop-db") and len(opened) == 1
        assert order == ["first", "second", ("open", demo_paths.database)]
        assert runner.db.device_id
    finally:
        runner.close()


def test_a_database_that_cannot_be_opened_fails_every_waiting_job_with_the_reason(tmp_path, qtbot):
    from ocop_desktop.app import database_opener
    from ocop_desktop.db.problems import DatabaseProblem
    from ocop_desktop.paths import AppPaths

    paths = AppPaths(tmp_path / "data").ensure()
    paths.database.write_bytes(b"not a database, just bytes" * 100)
    runner = Runner(open_database=database_opener(paths))
    failures = []
    try:
        runner.when_open(failed=failures.append)
        runner.read(lambda session: 1, failed=failures.append)
        runner.start()
        qtbot.waitUntil(lambda: len(failures) == 2, timeout=10_000)
        assert [f.code for f in failures] == ["not_a_database", "not_a_database"]
        assert isinstance(failures[0], DatabaseProblem)
        with pytest.raises(DatabaseProblem):
            runner.db  # noqa: B018
    finally:
        runner.close()
    assert paths.database.read_bytes() == b"not a database, just bytes" * 100


def test_a_runner_needs_exactly_one_way_to_its_database(demo_db):
    with pytest.raises(TypeError):
        Runner()
    with pytest.raises(TypeError):
        Runner(demo_db, open_database=lambda: demo_db)


def test_start_from_two_threads_opens_the_database_once(demo_paths, qtbot):
    """A login on a network thread may ask for the database while the UI thread's timer starts it."""
    from ocop_desktop.app import database_opener

    opened, gate = [], threading.Event()
    opener = database_opener(demo_paths)

    def slow_open():
        opened.append(1)
        gate.wait(5)
        return opener()

    runner = Runner(open_database=slow_open)
    try:
        runner.read(lambda session: "held", done=opened.append)
        threads = [threading.Thread(target=runner.start) for _ in range(4)]
        for t in threads:
            t.start()
        runner.start()
        for t in threads:
            t.join(5)
        gate.set()
        qtbot.waitUntil(lambda: "held" in opened, timeout=10_000)
        assert opened == [1, "held"]
    finally:
        runner.close()


def test_when_open_on_an_open_database_does_not_wait_behind_queued_work(demo_db, qtbot):
    """After a login the database is open; the editor that waits for it must not wait for a long list load."""
    runner = Runner(demo_db)
    gate, seen = threading.Event(), []
    try:
        runner.read(lambda session: gate.wait(5), done=lambda _: seen.append("load"))
        runner.when_open(done=lambda db: seen.append("open"))
        qtbot.waitUntil(lambda: seen == ["open"], timeout=5000)
        gate.set()
        qtbot.waitUntil(lambda: seen == ["open", "load"], timeout=5000)
    finally:
        gate.set()
        runner.close()


def test_a_runner_closed_before_starting_tells_whoever_waits(demo_paths):
    from ocop_desktop.app import database_opener

    runner = Runner(open_database=database_opener(demo_paths))
    runner.close()
    runner.start()  # too late: nothing is opened
    with pytest.raises(RuntimeError):
        runner.db  # noqa: B018
    assert runner.open_error is not None
    assert not Path(f"{demo_paths.database}-wal").exists()  # the file was never opened
