"""Reads the canonical criteria-set JSON and reports every problem, with its JSON path, in one pass.

The parts of the document are read by criteria_catalogue (header, product groups), criteria_sheets (the
scoring sheets) and criteria_rating (star bands, documents, aggregation), all through one json_reader."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ocop_core.domain.canonical import normalize_document
from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.criteria_catalogue import read_header, read_product_groups
from ocop_core.domain.criteria_rating import read_aggregation, read_bands, read_documents
from ocop_core.domain.criteria_sheets import read_product_sets
from ocop_core.domain.json_reader import JsonReader
from ocop_core.domain.problems import Problem
from ocop_core.errors import OcopError

SCHEMA_VERSIONS = frozenset({1})


class CriteriaSetError(OcopError, ValueError):
    """Raised by :func:`load_criteria_set` with every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("criteria_invalid", "; ".join(str(p) for p in problems[:5]), problems=problems)


def parse_json(text: str | bytes) -> tuple[Any, list[Problem]]:
    """Parses JSON text keeping decimals exact; a syntax error becomes one problem with its place."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, [Problem("$", "not_utf8", {"offset": exc.start})]
    text = text.lstrip("\ufeff")
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant), []
    except json.JSONDecodeError as exc:
        line, column, msg = _json_error_place(text, exc)
        return None, [Problem("$", "invalid_json", {"line": line, "column": column, "msg": msg})]
    except (ValueError, RecursionError) as exc:
        return None, [Problem("$", "invalid_json", {"msg": str(exc)[:120]})]


def _json_error_place(text: str, exc: json.JSONDecodeError) -> tuple[int, int, str]:
    """Where a person should look. A trailing comma is the commonest mistake in a hand-edited file, and Python
    3.13 points at the comma while 3.11 points at the bracket after it: both are reported at the comma."""
    before = text[:exc.pos].rstrip()
    after = text[exc.pos:].lstrip()
    comma = None
    if before.endswith(",") and after[:1] in ("}", "]"):
        comma = len(before) - 1
    elif after[:1] == "," and after[1:].lstrip()[:1] in ("}", "]"):
        comma = exc.pos + (len(text[exc.pos:]) - len(after))
    if comma is None:
        return exc.lineno, exc.colno, exc.msg
    line = text.count("\n", 0, comma) + 1
    return line, comma - (text.rfind("\n", 0, comma) + 1) + 1, "trailing comma"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def read_criteria_set(document: Any) -> tuple[CriteriaSet | None, list[Problem]]:
    """Builds the model from parsed JSON; returns the set only when there is no problem at all."""
    if isinstance(document, dict):
        document = normalize_document(document)
    r = JsonReader()
    root = r.obj(
        document,
        "$",
        known={"schema_version", "criteria_set", "total_points", "product_groups", "product_sets",
               "star_bands", "mandatory_documents", "aggregation", "certificate_validity_months"},
        required={"schema_version", "criteria_set", "product_groups", "product_sets", "star_bands"},
    )
    if root is None:
        return None, r.problems
    schema = r.integer(root, "schema_version", "$")
    if schema is not None and schema not in SCHEMA_VERSIONS:
        r.problem("$.schema_version", "unsupported_schema_version", value=schema)

    header = read_header(r, root.get("criteria_set"), "$.criteria_set")
    total = r.number(root, "total_points", "$", default=Decimal(100))
    bands = read_bands(r, root.get("star_bands", []), "$.star_bands", total)
    r.star_levels = {b.stars for b in bands}
    sets = read_product_sets(r, root.get("product_sets", []), "$.product_sets", total)
    groups = read_product_groups(r, root.get("product_groups", []), "$.product_groups", {s.code for s in sets})
    docs = read_documents(r, root.get("mandatory_documents", []), "$.mandatory_documents")
    aggregation = read_aggregation(r, root.get("aggregation", {}), "$.aggregation")
    validity = r.integer(root, "certificate_validity_months", "$", default=36)
    if validity is not None and validity <= 0:
        r.problem("$.certificate_validity_months", "invalid_value", value=validity)

    if r.problems or header is None or total is None:
        return None, r.problems
    return (
        CriteriaSet(
            product_groups=tuple(groups),
            product_sets=tuple(sets),
            star_bands=tuple(bands),
            mandatory_documents=tuple(docs),
            aggregation=aggregation,
            certificate_validity_months=validity or 36,
            total_points=total,
            schema_version=schema or 1,
            **header,
        ),
        [],
    )


def load_document(text: str | bytes) -> tuple[CriteriaSet, dict[str, Any]]:
    """The set and its parsed document (for hashing), raising :class:`CriteriaSetError` on any problem."""
    document, problems = parse_json(text)
    if problems:
        raise CriteriaSetError(problems)
    result, problems = read_criteria_set(document)
    if result is None:
        raise CriteriaSetError(problems)
    return result, document


def load_criteria_set(text: str | bytes) -> CriteriaSet:
    """Parses and validates criteria-set JSON text, raising :class:`CriteriaSetError` on any problem."""
    return load_document(text)[0]
