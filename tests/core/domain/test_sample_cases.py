"""Every hand-checked `_test_cases` entry of both sample criteria sets, read from the files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ocop_core.domain.council import Flag, aggregate, failures_for
from ocop_core.domain.criteria_loader import load_criteria_set, parse_json
from ocop_core.domain.scoring import extreme_answers, score_sheet

REPO_ROOT = Path(__file__).resolve().parents[3]
SAMPLE_148 = REPO_ROOT.parent / "shared" / "domain" / "sample-criteria-set.json"
if not SAMPLE_148.exists():  # a clone without ../shared: the bundled copy, checked equal in test_resources
    SAMPLE_148 = REPO_ROOT / "resources" / "criteria" / "sample-qd148-2023.json"
CASE_FILES = {
    "sample-148": SAMPLE_148,
    "sample-1048-2019": REPO_ROOT / "resources" / "criteria" / "sample-qd1048-2019.json",
}
SHEET_KEYS = {"name", "select", "expected_total", "expected_stars", "expected_mandatory_failed"}
COUNCIL_KEYS = {"name", "member_totals", "failed_mandatory", "expected_mean", "expected_spread",
                "expected_stars", "expected_flag"}


def _cases() -> list:
    params = []
    for label, path in CASE_FILES.items():
        document, problems = parse_json(path.read_bytes())
        if problems:
            raise RuntimeError(f"{path}: {problems}")
        for i, case in enumerate(document.get("_test_cases") or []):
            params.append(pytest.param(path, case, id=f"{label}:{i}:{case.get('name', '?')}"))
    return params


def _require_known_keys(case: dict, allowed: set[str]) -> None:
    unknown = set(case) - allowed
    if unknown:
        pytest.fail(f"test case {case.get('name')!r} has keys this test does not understand: {sorted(unknown)}")
    if not any(key.startswith("expected_") for key in case):
        pytest.fail(f"test case {case.get('name')!r} expects nothing")


def _check_sheet_case(path: Path, case: dict) -> None:
    _require_known_keys(case, SHEET_KEYS)
    if case["select"] not in ("max", "min"):
        pytest.fail(f"unknown select {case['select']!r}")
    criteria_set = load_criteria_set(path.read_bytes())
    product_set = criteria_set.product_sets[0]
    score = score_sheet(criteria_set, product_set, extreme_answers(product_set, best=case["select"] == "max"))
    assert score.complete
    if "expected_total" in case:
        assert score.total == Decimal(case["expected_total"])
    if "expected_stars" in case:
        assert score.provisional_stars == case["expected_stars"]
    if "expected_mandatory_failed" in case:
        assert set(score.failed_criteria) == set(case["expected_mandatory_failed"])


def _check_council_case(path: Path, case: dict) -> None:
    _require_known_keys(case, COUNCIL_KEYS)
    criteria_set = load_criteria_set(path.read_bytes())
    failures = failures_for(criteria_set, criteria_set.product_sets[0], case.get("failed_mandatory", []))
    outcome = aggregate([Decimal(t) for t in case["member_totals"]], criteria_set.aggregation,
                        criteria_set.star_bands, failures)
    if "expected_mean" in case:
        assert outcome.mean == Decimal(case["expected_mean"])
    if "expected_spread" in case:
        assert outcome.spread == Decimal(case["expected_spread"])
    if "expected_stars" in case:
        assert outcome.final_stars == case["expected_stars"]
    if "expected_flag" in case:
        assert Flag(case["expected_flag"]) in outcome.flags


@pytest.mark.parametrize("path", list(CASE_FILES.values()), ids=list(CASE_FILES))
def test_file_has_test_cases(path: Path) -> None:
    """Each sample criteria file carries a non-empty `_test_cases` list."""
    document, problems = parse_json(path.read_bytes())
    assert problems == []
    assert isinstance(document.get("_test_cases"), list)
    assert document["_test_cases"]


@pytest.mark.parametrize(("path", "case"), _cases())
def test_sample_case(path: Path, case: dict) -> None:
    """The sample case's expected totals, stars, failures, mean, spread and flag all hold."""
    if "select" in case:
        _check_sheet_case(path, case)
    elif "member_totals" in case:
        _check_council_case(path, case)
    else:
        pytest.fail(f"test case {case.get('name')!r} is neither a sheet nor a council case: {sorted(case)}")
