"""UI fixtures: a demo-data database copied per test, a synchronous runner, the screens' context."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.paths import AppPaths
from ocop_desktop.services import demo_data
from ocop_desktop.ui.context import AppContext, CurrentUser
from ocop_desktop.ui.runner import Runner


@pytest.fixture(scope="session", autouse=True)
def vietnamese(qapp):
    """Screens are tested as a Vietnamese user sees them, Qt's own words (OK, Huỷ) included."""
    from ocop_desktop.ui import translations

    return translations.install(qapp, "vi")


@pytest.fixture(autouse=True)
def unsaved_questions_are_answered_by_the_test(monkeypatch):
    """Closing a window or leaving a dossier with unsaved edits asks in a modal box, which nobody answers
    offscreen: the run would hang. A test that closes over edits says what the person answers (it replaces
    ``window.ask_unsaved`` or ``editor.ask_unsaved``); one that does not fails here instead of hanging."""
    from ocop_desktop.ui import session_actions
    from ocop_desktop.ui.dossiers import dialogs

    def unanswered(*_args: object) -> str:
        raise AssertionError("an unsaved-edits question would have opened a modal box: replace ask_unsaved in "
                             "this test with the answer the person gives")

    monkeypatch.setattr(session_actions, "ask_unsaved", unanswered)
    monkeypatch.setattr(dialogs, "ask_unsaved", unanswered)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Demo data (60 dossiers, every status, 12 scored by a 5-member council) built once per run."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path)
    demo_data.build(database.session_factory, scale=60, scored_limit=12)
    database.close()
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM local_meta WHERE key = 'device_id'")
    con.close()
    return path


@pytest.fixture
def demo_paths(demo_template: Path, tmp_path: Path) -> AppPaths:
    paths = AppPaths(tmp_path / "data").ensure()
    shutil.copy(demo_template, paths.database)
    return paths


@pytest.fixture
def demo_db(demo_paths: AppPaths) -> Iterator[Database]:
    database = open_database(demo_paths.database)
    yield database
    database.close()


@pytest.fixture
def runner(demo_db: Database, qapp) -> Iterator[Runner]:
    """Work runs at once on the test's thread (callbacks too), so tests need no waiting."""
    r = Runner(demo_db, synchronous=True)
    yield r
    r.shutdown()


@pytest.fixture
def admin_user() -> CurrentUser:
    return CurrentUser(user_id="00000000-0000-4000-8000-000000000001", username="admin",
                       full_name="Quản trị viên", role="admin")


@pytest.fixture
def context(runner: Runner, demo_paths: AppPaths, admin_user: CurrentUser) -> AppContext:
    return AppContext(runner=runner, paths=demo_paths, blobs=BlobStore(demo_paths.blobs), user=admin_user)


@pytest.fixture
def screenshots() -> Path:
    """Where tests save what a person would see (build/screenshots, kept after the run)."""
    folder = Path(__file__).resolve().parents[2] / "build" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
