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
os.environ.setdefault("OCOP_DATA_DIR", os.path.join(os.environ.get("TMPDIR", "/tmp"), "ocop-test-data-unused"))
# Token keys of the many test databases never land in the real config folder, nor in a real keyring.
os.environ.setdefault("OCOP_CONFIG_DIR", os.path.join(os.environ.get("TMPDIR", "/tmp"), "ocop-test-config"))
os.environ.setdefault("OCOP_KEYRING", "off")

from ocop_desktop.db.schema import Database, open_database

REPO_ROOT = Path(__file__).resolve().parents[1]
BUNDLED_148 = REPO_ROOT / "resources" / "criteria" / "sample-qd148-2023.json"
SHARED_148 = REPO_ROOT.parent / "shared" / "domain" / "sample-criteria-set.json"
SAMPLE_2019 = REPO_ROOT / "resources" / "criteria" / "sample-qd1048-2019.json"


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
