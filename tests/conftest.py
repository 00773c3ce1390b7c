"""Suite-wide setup: Qt offscreen, user data kept out of the real home folder, a template database."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One folder per pytest-xdist worker ("gw0", "gw1"; "" without xdist): two workers never share a key file.
os.environ.setdefault("OCOP_DATA_DIR", os.path.join(os.environ.get("TMPDIR", "/tmp"), "ocop-test-data-unused"
                                                    + os.environ.get("PYTEST_XDIST_WORKER", "")))
# Token keys of the many test databases never land in the real config folder, nor in a real keyring.
os.environ.setdefault("OCOP_CONFIG_DIR", os.path.join(os.environ.get("TMPDIR", "/tmp"), "ocop-test-config"
                                                      + os.environ.get("PYTEST_XDIST_WORKER", "")))
os.environ.setdefault("OCOP_KEYRING", "off")

from ocop_desktop.db.schema import Database, open_database

REPO_ROOT = Path(__file__).resolve().parents[1]
BUNDLED_148 = REPO_ROOT / "resources" / "criteria" / "sample-qd148-2023.json"
SHARED_148 = REPO_ROOT.parent / "shared" / "domain" / "sample-criteria-set.json"
SAMPLE_2019 = REPO_ROOT / "resources" / "criteria" / "sample-qd1048-2019.json"


# Tests run on two workers (make test: pytest -n 2 --dist loadgroup). Those that use a real X display start
# Xvfb on the first free display number and time what a person does: on one worker, one after another, two
# never race for a display number nor slow each other's typing. The benchmarks' smoke run uses both cores
# itself.
_ONE_AFTER_ANOTHER = {"desktop_linux": "x11", "test_benchmarks.py": "bench"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.path)).relative_to(REPO_ROOT / "tests").parts
        group = next((g for part, g in _ONE_AFTER_ANOTHER.items() if part in parts), None)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids: list[str]) -> None:
    """xdist's group scheduling keys tests by id: of several tests with one id (schemathesis's operations) only
    one would run, silently. Such a module runs without xdist instead (the Makefile's second pytest)."""
    seen: set[str] = set()
    shared = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    if shared:
        pytest.exit(f"tests sharing an id would not all run under pytest-xdist: {shared[0]}\n"
                    f"run {shared[0].split('::')[0]} without -n, as the Makefile's test target does",
                    returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(scope="session")
def sample_148_bytes() -> bytes:
    """The shared sample when ../shared is beside the clone, else the bundled copy (test_resources: equal)."""
    return (SHARED_148 if SHARED_148.exists() else BUNDLED_148).read_bytes()


@pytest.fixture(scope="session")
def sample_2019_bytes() -> bytes:
    return SAMPLE_2019.read_bytes()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated database file; tests copy it instead of migrating again."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    # Each copy is a different laptop: it makes its own device id when it is opened.
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM local_meta WHERE key = 'device_id'")
    con.close()
    assert not Path(f"{path}-wal").exists(), "the WAL must be checkpointed before the file is copied"
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "ocop.sqlite3"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    s = db.session()
    yield s
    s.close()
