"""Recognition validity: 36 months from the decision, a notice 30 days before the end."""

from __future__ import annotations

from datetime import date

import pytest

from ocop_core.domain.recognition import RecognitionStatus, add_months, validity


@pytest.mark.parametrize(
    ("decision", "until"),
    [(date(2024, 3, 15), date(2027, 3, 15)), (date(2024, 2, 29), date(2027, 2, 28)),
     (date(2023, 12, 31), date(2026, 12, 31))],
)
def test_valid_until_is_36_months_after_decision(decision: date, until: date) -> None:
    """valid_until is the decision date plus 36 calendar months (clamped to month end)."""
    assert validity(decision).valid_until == until


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
    assert v.notice_date == date(2027, 2, 13)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2024, 3, 15), RecognitionStatus.VALID),
        (date(2027, 2, 12), RecognitionStatus.VALID),
        (date(2027, 2, 13), RecognitionStatus.EXPIRING),
        (date(2027, 3, 14), RecognitionStatus.EXPIRING),
        (date(2027, 3, 15), RecognitionStatus.EXPIRED),
        (date(2030, 1, 1), RecognitionStatus.EXPIRED),
    ],
)
def test_status_on_date(day: date, status: RecognitionStatus) -> None:
    """A 15 Mar 2024 recognition is valid, expiring from 13 Feb 2027, expired from 15 Mar 2027."""
    assert validity(date(2024, 3, 15)).status_on(day) is status


@pytest.mark.parametrize(
    ("day", "status"),
    [(date(2025, 5, 31), RecognitionStatus.VALID), (date(2025, 6, 1), RecognitionStatus.REVOKED),
     (date(2027, 3, 1), RecognitionStatus.REVOKED), (date(2028, 1, 1), RecognitionStatus.REVOKED)],
)
def test_revoked_status(day: date, status: RecognitionStatus) -> None:
    """A recognition revoked on 1 Jun 2025 is revoked from that day on, even past its expiry."""
    assert validity(date(2024, 3, 15), revoked_on=date(2025, 6, 1)).status_on(day) is status
