"""Fixtures for the service tests: ready-made rows (the template database is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.db.models import CouncilAssignment, ScoreSheet
from ocop_desktop.services import councils, criteria, demo_documents, dossiers, registry, sheets

COMMUNE = "18073"  # Phường Thành Sen, Hà Tĩnh
PROVINCE = "42"


@pytest.fixture
def count(session: Session) -> Callable[[type], int]:
    """Rows of a model, tombstones included: for "nothing was written" checks."""
    return lambda model: session.scalar(select(func.count()).select_from(model))


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
def complete_dossier(session: Session, dossier_id: str) -> str:
    """The dossier with every document its criteria require, recent enough: its stars are then its score's alone
    (a missing or expired required document caps them, docs/domain-decisions.md D7)."""
    demo_documents.file_documents(session, [dossier_id])
    return dossier_id


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
def assigned(session: Session, council: SimpleNamespace, dossier_id: str) -> str:
    """The dossier put before the council, as the admin's assignment reaches a council's laptop (a council
    records results only for the dossiers put before it): the assignment's id."""
    session.flush()  # the dossier first: its row must exist before a row points to it
    assignment = CouncilAssignment(council_id=council.id, dossier_id=dossier_id)
    session.add(assignment)
    session.flush()
    return assignment.id


@pytest.fixture
def answer_sheet(session: Session) -> Callable[..., None]:
    """Answers every criterion of a sheet with its best option, except the given {criterion: option}."""

    def answer(sheet_id: str, overrides: dict[str, str] | None = None, best: bool = True) -> None:
        _, product_set = sheets.sheet_context(session, session.get(ScoreSheet, sheet_id))
        for a in extreme_answers(product_set, best=best):
            option = (overrides or {}).get(a.criterion, a.option)
            sheets.record_answer(session, sheet_id=sheet_id, criterion=a.criterion, option=option, subitem=a.subitem)

    return answer
