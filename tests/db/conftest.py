"""Fixtures for the database tests: a migrated template database copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy.orm import Session

from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.services import dossiers, registry

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_148 = Path(__file__).resolve().parents[3] / "shared" / "domain" / "sample-criteria-set.json"
if not SAMPLE_148.exists():  # a clone without ../shared: the bundled copy, checked equal in test_resources
    SAMPLE_148 = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"
SAMPLE_2019 = REPO_ROOT / "resources" / "criteria" / "sample-qd1048-2019.json"
COMMUNE = "18073"  # Phường Thành Sen, Hà Tĩnh


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated database file; tests copy it instead of migrating again."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
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


@pytest.fixture
def world(session: Session) -> SimpleNamespace:
    """A committed producer, its product and a dossier, with Vietnamese names."""
    producer_id = registry.create_producer(session, name="HTX Đồng Tâm", kind="cooperative",
                                           commune_code=COMMUNE).id
    product_id = registry.create_product(session, producer_id=producer_id, name="Nước mắm Phú Khương",
                                         subgroup_code="I.1.a").id
    dossier_id = dossiers.create_dossier(session, product_id=product_id).id
    session.commit()
    return SimpleNamespace(producer_id=producer_id, product_id=product_id, dossier_id=dossier_id)
