"""The loader refuses criteria sets that are well-typed but mean nothing (issue 10, item 5.4), each problem at
its JSON path (docs/domain-decisions.md D4)."""

from __future__ import annotations

from typing import Any

from ocop_core.domain.criteria_loader import read_criteria_set

PS = "$.product_sets[0]"
A22 = f"{PS}.parts[0].criterion_groups[1].criteria[1]"  # A.2.2: options 0/1/2..., mandatory from 3★


def problems_of(doc: dict) -> set[tuple[str, str]]:
    result, problems = read_criteria_set(doc)
    assert result is None
    return {(p.path, p.code) for p in problems}


def a22(doc: dict) -> dict[str, Any]:
    crit = doc["product_sets"][0]["parts"][0]["criterion_groups"][1]["criteria"][1]
    assert crit["code"] == "A.2.2"
    return crit  # type: ignore[no-any-return]


def find_subitem_criterion(doc: dict) -> tuple[str, dict[str, Any]]:
    for pi, part in enumerate(doc["product_sets"][0]["parts"]):
        for gi, group in enumerate(part["criterion_groups"]):
            for ci, crit in enumerate(group["criteria"]):
                if "subitems" in crit:
                    return f"{PS}.parts[{pi}].criterion_groups[{gi}].criteria[{ci}]", crit
    raise AssertionError("no criterion with sub-items")


def test_unknown_recognizer(sample_doc: dict) -> None:
    """recognized_by "centrel" (a typo of central) is refused at its path."""
    sample_doc["star_bands"][4]["recognized_by"] = "centrel"
    assert problems_of(sample_doc) == {("$.star_bands[4].recognized_by", "invalid_value")}


def test_cap_not_below_its_level(sample_doc: dict) -> None:
    """A cap_stars at or above from_stars caps nothing: refused."""
    a22(sample_doc)["mandatory"].update(from_stars=3, cap_stars=3)
    assert problems_of(sample_doc) == {(f"{A22}.mandatory.cap_stars", "invalid_value")}


def test_min_points_above_best_option(sample_doc: dict) -> None:
    """A min_points no option can reach makes every product fail: refused."""
    crit = a22(sample_doc)
    best = max(o["points"] for o in crit["options"])
    crit["mandatory"]["min_points"] = best + 1
    assert problems_of(sample_doc) == {(f"{A22}.mandatory.min_points", "invalid_value")}


def test_min_points_equal_to_best_is_fine(sample_doc: dict) -> None:
    """Requiring the best option is a real condition."""
    crit = a22(sample_doc)
    crit["mandatory"]["min_points"] = max(o["points"] for o in crit["options"])
    result, problems = read_criteria_set(sample_doc)
    assert problems == [] and result is not None


def test_forbidden_option_shared_by_two_subitems(doc_2019: dict) -> None:
    """Forbidding "a" where two sub-items both have an option "a" is ambiguous: refused at the entry."""
    path, crit = find_subitem_criterion(doc_2019)
    crit["mandatory"] = {"from_stars": 3, "forbidden_options": ["a"]}
    assert problems_of(doc_2019) == {(f"{path}.mandatory.forbidden_options[0]", "duplicate_code")}


def test_negative_member_spread(sample_doc: dict) -> None:
    """A negative max_member_spread would send every council back to rescore: refused."""
    sample_doc["aggregation"]["max_member_spread"] = -1
    assert problems_of(sample_doc) == {("$.aggregation.max_member_spread", "invalid_value")}


def test_evidence_item_not_text(sample_doc: dict) -> None:
    """A non-text evidence item is refused at its index, no longer silently dropped."""
    sample_doc["product_sets"][0]["parts"][0]["criterion_groups"][0]["criteria"][0]["evidence"] = ["photo", 7]
    assert problems_of(sample_doc) == {(f"{PS}.parts[0].criterion_groups[0].criteria[0].evidence[1]", "wrong_type")}
