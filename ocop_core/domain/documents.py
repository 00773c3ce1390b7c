"""Mandatory dossier documents: which are missing or too old for a star level."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.dates import period_last_day, within_period
from ocop_core.domain.scoring import MandatoryFailure


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    document: str
    from_stars: int
    reason: str  # "missing" or "expired"
    # The last day an expired document held; None when missing, or undated where an age is required.
    until: date | None = field(default=None, compare=False)


def document_failures(criteria_set: CriteriaSet, issued: Mapping[str, date | None], on: date,
                      valid_until: Mapping[str, date | None] | None = None) -> list[DocumentFailure]:
    """``issued`` maps each document type present in the dossier to its issue date (None if unknown);
    ``valid_until`` to the last day the document itself says it holds, when it says one."""
    failures = []
    for rule in criteria_set.mandatory_documents:
        if rule.code not in issued:
            failures.append(DocumentFailure(rule.code, rule.from_stars, "missing"))
            continue
        issued_on = issued[rule.code]
        # An undated lab report cannot prove it is recent enough, so it counts as expired.
        months = rule.max_age_months
        too_old = months is not None and (issued_on is None or not within_period(issued_on, months, on))
        # A document's own end date (a certificate valid until ...) counts too.
        ends = (valid_until or {}).get(rule.code)
        if too_old or (ends is not None and ends < on):
            held = [d for d in (ends, period_last_day(issued_on, months) if months and issued_on else None)
                    if d is not None and d < on]
            failures.append(DocumentFailure(rule.code, rule.from_stars, "expired", min(held, default=None)))
    return failures


DOCUMENT_PREFIX = "document:"


def failure_code(failure: DocumentFailure) -> str:
    """How a stored result lists a document failure beside its failed criteria (council_results.failures_json):
    ``document:<type>:<from stars>:<missing|expired>[:<last day held>]``; criterion codes never start so."""
    code = f"{DOCUMENT_PREFIX}{failure.document}:{failure.from_stars}:{failure.reason}"
    return code + (f":{failure.until.isoformat()}" if failure.until else "")


def read_failure_code(code: str) -> DocumentFailure | None:
    """The document failure a stored code names; None for a criterion's code or one this version cannot read."""
    if not code.startswith(DOCUMENT_PREFIX):
        return None
    parts = code[len(DOCUMENT_PREFIX):].split(":")
    if len(parts) not in (3, 4) or not parts[1].isdigit() or parts[2] not in ("missing", "expired"):
        return None
    try:
        until = date.fromisoformat(parts[3]) if len(parts) == 4 else None
    except ValueError:
        return None
    return DocumentFailure(parts[0], int(parts[1]), parts[2], until)


def latest_documents(documents: Iterable[tuple[str, date | None, date | None]]
                     ) -> tuple[dict[str, date | None], dict[str, date | None]]:
    """From a dossier's (type, issued on, valid until) rows, the most recently issued of each type (an undated
    one only when there is no dated one): the ``issued`` and ``valid_until`` maps of document_failures."""
    issued: dict[str, date | None] = {}
    until: dict[str, date | None] = {}
    for doc_type, issued_on, valid_until in documents:
        if doc_type in issued:
            known = issued[doc_type]
            if issued_on is None or (known is not None and known >= issued_on):
                continue
        issued[doc_type] = issued_on
        until[doc_type] = valid_until
    return issued, until


def document_caps(failures: Iterable[DocumentFailure]) -> list[MandatoryFailure]:
    """A document required from N stars that is missing or expired caps at N - 1, as a failed mandatory
    condition does (docs/domain-decisions.md D7); the failure is named ``document:<type>``."""
    return [MandatoryFailure(f"document:{f.document}", f.from_stars, f.from_stars - 1) for f in failures]
