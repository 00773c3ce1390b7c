"""Fixtures for the service tests: a migrated template database copied per test, and ready-made rows."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import ScoreSheet
from ocop_desktop.db.schema import Database, open_database
from ocop_desktop.domain.scoring import extreme_answers
from ocop_desktop.services import councils, criteria, dossiers, registry, sheets

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_148 = Path(__file__).resolve().parents[3] / "shared" / "domain" / "sample-criteria-set.json"
if not SAMPLE_148.exists():  # a clone without ../shared: the bundled copy, checked equal in test_resources
    SAMPLE_148 = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"
SAMPLE_2019 = REPO_ROOT / "resources" / "criteria" / "sample-qd1048-2019.json"
COMMUNE = "18073"  # Phường Thành Sen, Hà Tĩnh
PROVINCE = "42"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated database file; tests copy it instead of migrating again."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    assert not Path(f"{path}-wal").exists(), "the WAL must be checkpointed before the file is copied"
    return path


@pytest.fixture
def db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "ocop.sqlite3"
    shutil.copy(template_db, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    s = db.session()
    yield s
    s.close()


@pytest.fixture
def count(session: Session) -> Callable[[type], int]:
    """Rows of a model, tombstones included: for "nothing was written" checks."""
    return lambda model: session.scalar(select(func.count()).select_from(model))


@pytest.fixture(scope="session")
def sample_148_bytes() -> bytes:
    return SAMPLE_148.read_bytes()


@pytest.fixture(scope="session")
def sample_2019_bytes() -> bytes:
    return SAMPLE_2019.read_bytes()


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "attachments")


@pytest.fixture
def producer_id(session: Session) -> str:
    return registry.create_producer(session, name="HTX Nước mắm Phú Khương", kind="cooperative",
                                    commune_code=COMMUNE).id


@pytest.fixture
def product_id(session: Session, producer_id: str) -> str:
    return registry.create_product(session, producer_id=producer_id, name="Nước mắm cá cơm",
                                   subgroup_code="I.1.a").id


@pytest.fixture
def dossier_id(session: Session, product_id: str) -> str:
    return dossiers.create_dossier(session, product_id=product_id).id


@pytest.fixture
def criteria_148(session: Session, sample_148_bytes: bytes) -> str:
    return criteria.import_criteria_set(session, sample_148_bytes).id


@pytest.fixture
def council(session: Session, criteria_148: str) -> SimpleNamespace:
    """A provincial council of five scoring members (the first is chair) with an open evaluation on 148."""
    council_id = councils.create_council(session, name="Hội đồng OCOP tỉnh Hà Tĩnh", admin_unit_code=PROVINCE).id
    members = [councils.add_member(session, council_id=council_id, full_name=f"Thành viên {i}",
                                   role="chair" if i == 0 else "member").id for i in range(5)]
    evaluation_id = councils.open_evaluation(session, council_id=council_id, criteria_set_id=criteria_148).id
    return SimpleNamespace(id=council_id, members=members, evaluation_id=evaluation_id, criteria_set_id=criteria_148)


@pytest.fixture
def answer_sheet(session: Session) -> Callable[..., None]:
    """Answers every criterion of a sheet with its best option, except the given {criterion: option}."""

    def answer(sheet_id: str, overrides: dict[str, str] | None = None, best: bool = True) -> None:
        _, product_set = sheets.sheet_context(session, session.get(ScoreSheet, sheet_id))
        for a in extreme_answers(product_set, best=best):
            option = (overrides or {}).get(a.criterion, a.option)
            sheets.record_answer(session, sheet_id=sheet_id, criterion=a.criterion, option=option, subitem=a.subitem)

    return answer
