"""Mandatory dossier documents: which are missing or too old for a star level."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.dates import within_period


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    document: str
    from_stars: int
    reason: str  # "missing" or "expired"


def document_failures(criteria_set: CriteriaSet, issued: Mapping[str, date | None], on: date) -> list[DocumentFailure]:
    """``issued`` maps each document type present in the dossier to its issue date (None if unknown)."""
    failures = []
    for rule in criteria_set.mandatory_documents:
        if rule.code not in issued:
            failures.append(DocumentFailure(rule.code, rule.from_stars, "missing"))
            continue
        issued_on = issued[rule.code]
        # An undated lab report cannot prove it is recent enough, so it counts as expired.
        months = rule.max_age_months
        if months is not None and (issued_on is None or not within_period(issued_on, months, on)):
            failures.append(DocumentFailure(rule.code, rule.from_stars, "expired"))
    return failures
