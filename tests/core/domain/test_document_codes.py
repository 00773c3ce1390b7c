"""How a council result stores its document failures (failures_json) and the last day an expired one held."""

from __future__ import annotations

from datetime import date

import pytest

from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.dates import period_last_day
from ocop_core.domain.documents import DocumentFailure, document_failures, failure_code, read_failure_code

ON = date(2025, 6, 15)
FULL = {"registration_form": date(2025, 1, 2), "business_registration": date(2019, 4, 1),
        "quality_declaration": None, "lab_test_report": date(2025, 3, 1)}


@pytest.mark.parametrize("failure", [
    DocumentFailure("quality_declaration", 3, "missing"),
    DocumentFailure("lab_test_report", 3, "expired", date(2025, 2, 28)),
    DocumentFailure("lab_test_report", 3, "expired"),
])
def test_a_failure_reads_back_as_written(failure: DocumentFailure) -> None:
    """The stored code gives back the type, star level, reason and last day (compared, since until is not)."""
    back = read_failure_code(failure_code(failure))
    assert back == failure and back is not None and back.until == failure.until


def test_codes_look_as_documented() -> None:
    """document:<type>:<from stars>:<reason>[:<last day>], the form docs/domain-decisions.md D7 gives."""
    assert failure_code(DocumentFailure("lab_test_report", 3, "expired", date(2025, 2, 28))) == \
        "document:lab_test_report:3:expired:2025-02-28"
    assert failure_code(DocumentFailure("registration_form", 1, "missing")) == "document:registration_form:1:missing"


@pytest.mark.parametrize("code", ["A.2.2", "document:", "document:x:3", "document:x:three:missing",
                                  "document:x:3:lost", "document:x:3:expired:2025-13-01", "document:x:3:missing:a:b"])
def test_criteria_codes_and_unreadable_codes_are_no_document(code: str) -> None:
    """A criterion's code, or a code this version cannot read, is not taken for a document failure."""
    assert read_failure_code(code) is None


def test_an_old_lab_report_carries_the_last_day_of_its_twelve_months(sample_set: CriteriaSet) -> None:
    """Expired by age: until is the last day of the 12 months counted from its issue (Civil Code art. 147-148)."""
    issued = date(2024, 5, 31)
    (failure,) = document_failures(sample_set, {**FULL, "lab_test_report": issued}, ON)
    assert failure.until == period_last_day(issued, 12) == date(2025, 5, 31)


def test_the_earlier_of_its_own_end_and_its_age_is_the_last_day(sample_set: CriteriaSet) -> None:
    """A report whose own valid_until comes before its 12 months end has expired on that earlier day; an undated
    report has no last day to give."""
    ends = {"lab_test_report": date(2025, 4, 30)}
    (failure,) = document_failures(sample_set, FULL, ON, ends)
    assert (failure.reason, failure.until) == ("expired", date(2025, 4, 30))
    (undated,) = document_failures(sample_set, {**FULL, "lab_test_report": None}, ON)
    assert (undated.reason, undated.until) == ("expired", None)
