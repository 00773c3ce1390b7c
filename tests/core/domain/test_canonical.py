"""Content hash of a criteria set: stable under key order, Unicode form and number spelling."""

from __future__ import annotations

import copy
import json
import random
import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_core.domain.canonical import canonical_json, content_hash


def shuffled(value: Any, rng: random.Random) -> Any:
    """The same document with every object's keys in a random order."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [shuffled(v, rng) for v in value]
    return value


def nfd(value: Any) -> Any:
    """The same document with every string and key decomposed (NFD)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFD", value)
    if isinstance(value, dict):
        return {unicodedata.normalize("NFD", k): nfd(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfd(v) for v in value]
    return value


@settings(deadline=None, max_examples=30)
@given(rng=st.randoms(use_true_random=False))
def test_hash_stable_under_key_order(sample_master: dict, rng: random.Random) -> None:
    """Reordering the keys of every object leaves the content hash unchanged."""
    assert content_hash(shuffled(sample_master, rng)) == content_hash(sample_master)


def test_hash_stable_under_nfd(sample_master: dict) -> None:
    """Decomposing every string and key (NFD) leaves the content hash unchanged."""
    decomposed = nfd(sample_master)
    assert json.dumps(decomposed, default=str) != json.dumps(sample_master, default=str)
    assert content_hash(decomposed) == content_hash(sample_master)


@pytest.mark.parametrize("key", ["_notice", "_test_cases"])
def test_hash_ignores_note_keys_removed(sample_master: dict, key: str) -> None:
    """Dropping a top-level "_" note key leaves the content hash unchanged."""
    doc = copy.deepcopy(sample_master)
    del doc[key]
    assert content_hash(doc) == content_hash(sample_master)


@pytest.mark.parametrize("key", ["_notice", "_test_cases"])
def test_hash_ignores_note_keys_changed(sample_master: dict, key: str) -> None:
    """Changing a top-level "_" note key leaves the content hash unchanged."""
    doc = copy.deepcopy(sample_master)
    doc[key] = "something else"
    assert content_hash(doc) == content_hash(sample_master)


def test_hash_changes_with_one_option_points(sample_master: dict) -> None:
    """Raising one option's points by one changes the content hash."""
    doc = copy.deepcopy(sample_master)
    option = doc["product_sets"][0]["parts"][2]["criterion_groups"][1]["criteria"][1]["options"][2]
    option["points"] += 1
    assert content_hash(doc) != content_hash(sample_master)


def test_hash_changes_with_one_label(sample_master: dict) -> None:
    """Changing one option's wording changes the content hash."""
    doc = copy.deepcopy(sample_master)
    doc["product_sets"][0]["parts"][0]["criterion_groups"][0]["criteria"][0]["options"][0]["label"] += "."
    assert content_hash(doc) != content_hash(sample_master)


@pytest.mark.parametrize("one", [1.0, Decimal("1.0"), Decimal("1.00"), Decimal("1E+0"), Decimal("1")])
def test_integer_valued_numbers_hash_as_integer(one: float | Decimal) -> None:
    """1, 1.0, Decimal("1.00") and Decimal("1E+0") give one canonical form and hash."""
    assert canonical_json({"points": one}) == '{"points":1}'
    assert content_hash({"points": one}) == content_hash({"points": 1})


def test_fraction_spelling_does_not_matter() -> None:
    """2.5 as float, Decimal("2.50") and Decimal("2.5") hash the same."""
    assert {content_hash({"p": v}) for v in (2.5, Decimal("2.50"), Decimal("2.5"))} == {content_hash({"p": 2.5})}


def test_part_max_written_as_decimal(sample_master: dict) -> None:
    """A part maximum of 40 written as 40.0 does not change the sample's hash."""
    doc = copy.deepcopy(sample_master)
    doc["product_sets"][0]["parts"][0]["max_points"] = Decimal("40.0")
    assert content_hash(doc) == content_hash(sample_master)


def test_canonical_json_sorted_and_compact() -> None:
    """Canonical JSON sorts keys and has no spaces."""
    assert canonical_json({"b": [1, "x"], "a": {"d": None, "c": True}}) == '{"a":{"c":true,"d":null},"b":[1,"x"]}'
