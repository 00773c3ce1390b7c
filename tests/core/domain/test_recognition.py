"""Recognition validity: 36 months from the decision, a notice 30 days before the end."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.dates import within_period
from ocop_core.domain.documents import DocumentFailure, document_failures
from ocop_core.domain.recognition import RecognitionStatus, add_months, validity


@pytest.mark.parametrize(
    ("decision", "until"),
    [(date(2024, 3, 15), date(2027, 3, 15)), (date(2024, 2, 29), date(2027, 2, 28)),
     (date(2023, 12, 31), date(2026, 12, 31))],
)
def test_valid_through_the_corresponding_day_36_months_on(decision: date, until: date) -> None:
    """Civil Code 2015 art. 147-148: a decision of 15 Mar 2024 holds through 15 Mar 2027 (the corresponding
    day, clamped to month end); valid_until, the first day it no longer holds, is the day after."""
    v = validity(decision)
    assert v.last_day == until
    assert v.valid_until == until + timedelta(days=1)
    assert v.status_on(until) is RecognitionStatus.EXPIRING
    assert v.status_on(until + timedelta(days=1)) is RecognitionStatus.EXPIRED


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 12, 31), 2, date(2025, 2, 28)),
        (date(2024, 1, 31), -2, date(2023, 11, 30)),
        (date(2024, 5, 10), 0, date(2024, 5, 10)),
    ],
)
def test_add_months_clamps_to_month_end(day: date, months: int, expected: date) -> None:
    """Adding months lands on the same day or the month's last day, never spilling over."""
    assert add_months(day, months) == expected


def test_notice_date_30_days_before_end() -> None:
    """The renewal notice date is exactly 30 days before valid_until."""
    v = validity(date(2024, 3, 15))
    assert (v.valid_until - v.notice_date).days == 30
    assert v.notice_date == date(2027, 2, 14)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2024, 3, 15), RecognitionStatus.VALID),
        (date(2027, 2, 13), RecognitionStatus.VALID),
        (date(2027, 2, 14), RecognitionStatus.EXPIRING),
        (date(2027, 3, 15), RecognitionStatus.EXPIRING),
        (date(2027, 3, 16), RecognitionStatus.EXPIRED),
        (date(2030, 1, 1), RecognitionStatus.EXPIRED),
    ],
)
def test_status_on_date(day: date, status: RecognitionStatus) -> None:
    """A 15 Mar 2024 recognition is valid, expiring from 14 Feb 2027 (30 days left), expired from 16 Mar 2027."""
    assert validity(date(2024, 3, 15)).status_on(day) is status


@pytest.mark.parametrize(
    ("day", "status"),
    [(date(2025, 5, 31), RecognitionStatus.VALID), (date(2025, 6, 1), RecognitionStatus.REVOKED),
     (date(2027, 3, 1), RecognitionStatus.REVOKED), (date(2028, 1, 1), RecognitionStatus.REVOKED)],
)
def test_revoked_status(day: date, status: RecognitionStatus) -> None:
    """A recognition revoked on 1 Jun 2025 is revoked from that day on, even past its expiry."""
    assert validity(date(2024, 3, 15), revoked_on=date(2025, 6, 1)).status_on(day) is status


@pytest.mark.parametrize("months", [12, 36])
def test_recognition_and_documents_count_periods_alike(sample_set: CriteriaSet, months: int) -> None:
    """One date module: the last day a recognition holds is the last day a document of the same age passes."""
    start = date(2024, 3, 15)
    last = validity(start, months).last_day
    assert within_period(start, months, last) and not within_period(start, months, last + timedelta(days=1))
    if months == 12:
        full = {"registration_form": start, "business_registration": start, "quality_declaration": start}
        assert document_failures(sample_set, {**full, "lab_test_report": start}, last) == []
        assert document_failures(sample_set, {**full, "lab_test_report": start}, last + timedelta(days=1)) == [
            DocumentFailure("lab_test_report", 3, "expired")]
