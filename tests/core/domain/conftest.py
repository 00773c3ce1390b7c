"""Fixtures for the domain tests: the two sample criteria sets, parsed exactly and loaded."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.criteria_loader import parse_json, read_criteria_set

REPO_ROOT = Path(__file__).resolve().parents[3]
SAMPLE_148 = REPO_ROOT.parent / "shared" / "domain" / "sample-criteria-set.json"
if not SAMPLE_148.exists():  # a clone without ../shared: the bundled copy, checked equal in test_resources
    SAMPLE_148 = REPO_ROOT / "resources" / "criteria" / "sample-qd148-2023.json"
SAMPLE_2019 = REPO_ROOT / "resources" / "criteria" / "sample-qd1048-2019.json"


def _parse(path: Path) -> dict:
    document, problems = parse_json(path.read_bytes())
    assert problems == [], problems
    return document


def _build(document: dict) -> CriteriaSet:
    criteria_set, problems = read_criteria_set(copy.deepcopy(document))
    assert problems == [], problems
    assert criteria_set is not None
    return criteria_set


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE_148


@pytest.fixture(scope="session")
def sample_2019_path() -> Path:
    return SAMPLE_2019


@pytest.fixture(scope="session")
def sample_master() -> dict:
    """The parsed 148 sample; never mutate it, take ``sample_doc`` for a private copy."""
    return _parse(SAMPLE_148)


@pytest.fixture
def sample_doc(sample_master: dict) -> dict:
    return copy.deepcopy(sample_master)


@pytest.fixture(scope="session")
def sample_set(sample_master: dict) -> CriteriaSet:
    return _build(sample_master)


@pytest.fixture(scope="session")
def master_2019() -> dict:
    """The parsed 2019 sample; never mutate it, take ``doc_2019`` for a private copy."""
    return _parse(SAMPLE_2019)


@pytest.fixture
def doc_2019(master_2019: dict) -> dict:
    return copy.deepcopy(master_2019)


@pytest.fixture(scope="session")
def set_2019(master_2019: dict) -> CriteriaSet:
    return _build(master_2019)


@pytest.fixture(scope="session")
def sets_by_name(sample_set: CriteriaSet, set_2019: CriteriaSet) -> dict[str, CriteriaSet]:
    return {"sample-148": sample_set, "sample-1048-2019": set_2019}
