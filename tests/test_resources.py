"""Bundled resources: the shipped criteria sets are valid and the 2023 one is the shared sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocop_core.domain.canonical import content_hash
from ocop_core.domain.criteria_loader import load_criteria_set
from ocop_desktop.paths import resources_dir

SHARED = Path(__file__).resolve().parents[2] / "shared/domain/sample-criteria-set.json"
CRITERIA = sorted((resources_dir() / "criteria").glob("*.json"))


@pytest.mark.parametrize("path", CRITERIA, ids=lambda p: p.name)
def test_shipped_criteria_sets_load(path: Path):
    """Each bundled criteria set loads without a problem."""
    assert load_criteria_set(path.read_bytes()).code


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ is not beside this checkout")
def test_bundled_2023_set_is_the_shared_sample():
    """The app ships the same content as shared/domain/sample-criteria-set.json."""
    bundled = resources_dir() / "criteria" / "sample-qd148-2023.json"
    assert content_hash(json.loads(bundled.read_text(encoding="utf-8"))) == \
        content_hash(json.loads(SHARED.read_text(encoding="utf-8")))


def test_the_two_versions_differ():
    """The 2019- and 2023-shaped sets have different part maxima (35/25/40 against 40/25/35)."""
    sets = {p.name: load_criteria_set(p.read_bytes()) for p in CRITERIA}
    old = sets["sample-qd1048-2019.json"].product_sets[0]
    new = sets["sample-qd148-2023.json"].product_sets[0]
    assert [int(p.max_points) for p in old.parts] == [35, 25, 40]
    assert [int(p.max_points) for p in new.parts] == [40, 25, 35]
