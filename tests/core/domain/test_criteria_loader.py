"""Criteria-set loader: every defect reported with its code at its JSON path, in one pass."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ocop_core.domain.criteria import CriteriaSet, LegalBasis
from ocop_core.domain.criteria_loader import CriteriaSetError, load_criteria_set, parse_json, read_criteria_set
from ocop_core.domain.scoring import Answer, score_sheet

PS = "$.product_sets[0]"
PART_A = f"{PS}.parts[0]"
CRIT_0 = f"{PART_A}.criterion_groups[0].criteria[0]"  # A.1.1, options a0 b1 c3 d5
CRIT_1 = f"{PART_A}.criterion_groups[0].criteria[1]"  # A.1.2
CRIT_A22 = f"{PART_A}.criterion_groups[1].criteria[1]"  # A.2.2, mandatory from 3 stars
# JsonReader.problem(path, code, **params) collides with the code=... keyword its callers pass.


def criterion(doc: dict, part: int = 0, group: int = 0, index: int = 0) -> dict:
    return doc["product_sets"][0]["parts"][part]["criterion_groups"][group]["criteria"][index]


def found(problems: list) -> set[tuple[str, str]]:
    return {(p.path, p.code) for p in problems}


def read_problems(doc: object) -> set[tuple[str, str]]:
    result, problems = read_criteria_set(doc)
    assert result is None
    return found(problems)


@pytest.mark.parametrize("which", ["sample_path", "sample_2019_path"])
def test_sample_files_load_without_problems(which: str, request: pytest.FixtureRequest) -> None:
    """Both sample files load from their bytes into a criteria set with no problem."""
    path: Path = request.getfixturevalue(which)
    criteria_set = load_criteria_set(path.read_bytes())
    assert isinstance(criteria_set, CriteriaSet)
    assert criteria_set.product_sets


def test_sample_document_reads_without_problems(sample_doc: dict) -> None:
    """The parsed sample document reads with an empty problem list."""
    result, problems = read_criteria_set(sample_doc)
    assert problems == []
    assert result is not None and result.code == "SAMPLE-QD148-2023"


def test_duplicate_criterion_code(sample_doc: dict) -> None:
    """A second criterion with an existing code is a duplicate_code at the second one's code."""
    criterion(sample_doc, index=1)["code"] = "A.1.1"
    result, problems = read_criteria_set(sample_doc)
    assert result is None
    dup = [p for p in problems if p.code == "duplicate_code"]
    assert [(p.path, p.params["kind"]) for p in dup] == [(f"{CRIT_1}.code", "criterion")]


def test_duplicate_option_code(sample_doc: dict) -> None:
    """Two options of one criterion with the same code are a duplicate_code at the second option."""
    criterion(sample_doc)["options"][1]["code"] = "a"
    result, problems = read_criteria_set(sample_doc)
    assert result is None
    dup = [p for p in problems if p.code == "duplicate_code"]
    assert [(p.path, p.params["kind"]) for p in dup] == [(f"{CRIT_0}.options[1].code", "option")]


def test_part_maxima_not_summing_to_total(sample_doc: dict) -> None:
    """Part maxima adding to 101 (each part consistent with its criteria) is parts_sum_mismatch only."""
    sample_doc["product_sets"][0]["parts"][0]["max_points"] = 41
    criterion(sample_doc)["options"][3]["points"] = 6
    assert read_problems(sample_doc) == {(f"{PS}.parts", "parts_sum_mismatch")}


def test_part_criteria_best_options_not_summing_to_part_max(sample_doc: dict) -> None:
    """A part whose criteria's best options add to 41 against a declared 40 is criteria_sum_mismatch."""
    criterion(sample_doc)["options"][3]["points"] = 6
    assert read_problems(sample_doc) == {(f"{PART_A}.max_points", "criteria_sum_mismatch")}


def test_negative_points(sample_doc: dict) -> None:
    """An option worth -1 point is negative_points at that option's points."""
    criterion(sample_doc)["options"][0]["points"] = Decimal("-1")
    assert read_problems(sample_doc) == {(f"{CRIT_0}.options[0].points", "negative_points")}


def test_criterion_with_empty_options(sample_doc: dict) -> None:
    """A criterion with an empty options list is no_options at its options."""
    criterion(sample_doc)["options"] = []
    assert (f"{CRIT_0}.options", "no_options") in read_problems(sample_doc)


def test_star_bands_with_gap(sample_doc: dict) -> None:
    """2★ starting at 31 while 1★ ends at 30 is a band_gap at 2★'s lower bound."""
    sample_doc["star_bands"][1]["min_inclusive"] = 31
    assert read_problems(sample_doc) == {("$.star_bands[1].min_inclusive", "band_gap")}


def test_star_bands_overlapping(sample_doc: dict) -> None:
    """2★ starting at 29 while 1★ ends at 30 is a band_overlap at 2★'s lower bound."""
    sample_doc["star_bands"][1]["min_inclusive"] = 29
    assert read_problems(sample_doc) == {("$.star_bands[1].min_inclusive", "band_overlap")}


def test_subgroup_pointing_to_unknown_product_set(sample_doc: dict) -> None:
    """A subgroup naming a product set that does not exist is unknown_reference at its product_set."""
    sample_doc["product_groups"][0]["categories"][0]["subgroups"][0]["product_set"] = "PS-NOPE"
    assert read_problems(sample_doc) == {
        ("$.product_groups[0].categories[0].subgroups[0].product_set", "unknown_reference")
    }


def test_points_as_string(sample_doc: dict) -> None:
    """Points written as the string "0" are wrong_type at that option's points."""
    criterion(sample_doc)["options"][0]["points"] = "0"
    result, problems = read_criteria_set(sample_doc)
    assert result is None
    assert [(p.path, p.code, p.params["expected"]) for p in problems] == [
        (f"{CRIT_0}.options[0].points", "wrong_type", "number")
    ]


def test_unknown_key(sample_doc: dict) -> None:
    """An unexpected key on a criterion is unknown_key at that key's path."""
    criterion(sample_doc)["colour"] = "red"
    assert read_problems(sample_doc) == {(f"{CRIT_0}.colour", "unknown_key")}


def test_underscore_keys_are_notes(sample_doc: dict) -> None:
    """A key starting with "_" anywhere is a note, not an unknown_key."""
    criterion(sample_doc)["_comment"] = "checked by hand"
    _, problems = read_criteria_set(sample_doc)
    assert problems == []


@pytest.mark.parametrize(("text", "line", "column"), [
    ('{\n  "a": 1,\n}', 2, 9), ('[1, 2 ,  ]', 1, 7), ('{"a": [1,\n\n  ]}', 1, 9), ('{"a" 1}', 1, 6)])
def test_text_that_is_not_json_reports_line_and_column(text: str, line: int, column: int) -> None:
    """Bad JSON is invalid_json at "$" with where to look; a trailing comma at the comma itself, on every
    Python (3.13's parser points at the comma, 3.11's at the bracket after it)."""
    document, problems = parse_json(text)
    assert document is None
    assert [(p.path, p.code, p.params["line"], p.params["column"]) for p in problems] == [
        ("$", "invalid_json", line, column)
    ]


@pytest.mark.parametrize("text", ["", "{", '{"a": NaN}', "[" * 100_000], ids=["empty", "open", "nan", "deep"])
def test_malformed_json_is_a_problem_not_a_crash(text: str) -> None:
    """Empty, truncated, NaN-bearing or absurdly nested text is one invalid_json problem."""
    document, problems = parse_json(text)
    assert document is None
    assert found(problems) == {("$", "invalid_json")}


def test_bytes_not_utf8() -> None:
    """Bytes that are not UTF-8 are a not_utf8 problem at "$"."""
    document, problems = parse_json(b'{"a": "\xff"}')
    assert document is None
    assert found(problems) == {("$", "not_utf8")}


def test_parse_keeps_decimals_exact() -> None:
    """parse_json reads 2.5 as Decimal("2.5"), not a float."""
    document, _ = parse_json('{"points": 2.5}')
    assert type(document["points"]) is Decimal and document["points"] == Decimal("2.5")


def test_load_raises_with_all_problems(sample_doc: dict) -> None:
    """load_criteria_set raises CriteriaSetError whose .problems lists what read_criteria_set found."""
    with pytest.raises(CriteriaSetError) as info:
        load_criteria_set("not json")
    assert found(info.value.problems) == {("$", "invalid_json")}


def test_several_defects_all_reported_in_one_pass(sample_doc: dict) -> None:
    """Six unrelated defects in one document are all reported together."""
    criterion(sample_doc, index=1)["options"] = []
    criterion(sample_doc, part=1)["options"][0]["points"] = Decimal("-1")
    sample_doc["star_bands"][1]["min_inclusive"] = 31
    sample_doc["criteria_set"]["colour"] = "red"
    sample_doc["certificate_validity_months"] = "36"
    sample_doc["product_groups"][0]["name"] = "y" * 3000
    _, problems = read_criteria_set(sample_doc)
    b11 = "$.product_sets[0].parts[1].criterion_groups[0].criteria[0]"
    assert found(problems) == {
        (f"{CRIT_1}.options", "no_options"),
        (f"{PART_A}.max_points", "criteria_sum_mismatch"),
        (f"{b11}.options[0].points", "negative_points"),
        ("$.star_bands[1].min_inclusive", "band_gap"),
        ("$.criteria_set.colour", "unknown_key"),
        ("$.certificate_validity_months", "wrong_type"),
        ("$.product_groups[0].name", "too_long"),
    }


def test_duplicate_star_band(sample_doc: dict) -> None:
    """Two bands both labelled 2★ are a duplicate_code at the second band's stars."""
    sample_doc["star_bands"][2]["stars"] = 2
    assert ("$.star_bands[2].stars", "duplicate_code") in read_problems(sample_doc)


def test_forbidden_option_not_among_options(doc_2019: dict) -> None:
    """A mandatory rule forbidding an option the criterion lacks is unknown_reference at that entry."""
    a31 = doc_2019["product_sets"][0]["parts"][0]["criterion_groups"][2]["criteria"][0]
    assert a31["code"] == "A.3.1"
    a31["mandatory"]["forbidden_options"] = ["z"]
    assert read_problems(doc_2019) == {
        ("$.product_sets[0].parts[0].criterion_groups[2].criteria[0].mandatory.forbidden_options[0]",
         "unknown_reference")
    }


def test_criterion_with_subitems_scores_sum_of_subitems(set_2019: CriteriaSet) -> None:
    """C.1.1 of the 2019 set scores the sum of its sub-items' chosen options (3 + 2)."""
    product_set = set_2019.product_sets[0]
    assert product_set.criterion("C.1.1").max_points == Decimal(10)
    score = score_sheet(set_2019, product_set, [Answer("C.1.1", "c", "a"), Answer("C.1.1", "b", "b")])
    assert score.problems == ()
    assert score.part_totals["C"] == Decimal(5)
    assert "C.1.1" not in score.unanswered


def test_subitem_criterion_answer_without_subitem(set_2019: CriteriaSet) -> None:
    """Answering a sub-item criterion without naming the sub-item is subitem_required."""
    score = score_sheet(set_2019, set_2019.product_sets[0], [Answer("C.1.1", "a")])
    assert found(score.problems) == {("answers[0]", "subitem_required")}


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, LegalBasis("148/QĐ-TTg", date(2023, 2, 24))), (1, LegalBasis("1489/QĐ-TTg", date(2025, 7, 6)))],
)
def test_legal_basis_string_parsed(sample_set: CriteriaSet, index: int, expected: LegalBasis) -> None:
    """A legal basis written "148/QĐ-TTg 24/02/2023" becomes a number and a date."""
    assert sample_set.legal_basis[index] == expected


def test_very_long_label_is_too_long(sample_doc: dict) -> None:
    """A 100,000-character label is a too_long problem, not a crash."""
    criterion(sample_doc)["options"][0]["label"] = "x" * 100_000
    assert read_problems(sample_doc) == {(f"{CRIT_0}.options[0].label", "too_long")}


def test_top_level_list_is_wrong_type() -> None:
    """A JSON array at the top level is wrong_type at "$"."""
    assert read_problems([]) == {("$", "wrong_type")}


def test_unknown_star_level_reported(sample_doc: dict) -> None:
    """A mandatory document required from 7★, a level no band defines, is unknown_star_level at its path."""
    sample_doc["mandatory_documents"][3]["from_stars"] = 7
    assert read_problems(sample_doc) == {("$.mandatory_documents[3].from_stars", "unknown_star_level")}


def test_unknown_star_level_path_after_skipped_document(sample_doc: dict) -> None:
    """With an earlier malformed document, unknown_star_level still points at the right array index."""
    sample_doc["mandatory_documents"][0]["from_stars"] = "1"
    sample_doc["mandatory_documents"][3]["from_stars"] = 7
    assert read_problems(sample_doc) == {
        ("$.mandatory_documents[0].from_stars", "wrong_type"),
        ("$.mandatory_documents[3].from_stars", "unknown_star_level"),
    }


def test_unknown_star_level_of_criterion_at_json_path(sample_doc: dict) -> None:
    """A criterion's mandatory rule from 6★ is unknown_star_level at that rule's JSON path."""
    criterion(sample_doc, group=1, index=1)["mandatory"]["from_stars"] = 6
    assert read_problems(sample_doc) == {(f"{CRIT_A22}.mandatory.from_stars", "unknown_star_level")}
