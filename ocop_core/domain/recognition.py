"""Recognition validity: 36 months from the decision, a renewal notice 30 days before the end."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

VALIDITY_MONTHS = 36
NOTICE_DAYS = 30


class RecognitionStatus(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # inside the notice window: the producer must be warned
    EXPIRED = "expired"
    REVOKED = "revoked"


def add_months(day: date, months: int) -> date:
    """Calendar months; 31 Jan + 1 month is the last day of February, never 3 March."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class Validity:
    decision_date: date
    valid_until: date  # first day on which the recognition no longer holds
    notice_date: date
    revoked_on: date | None = None

    def status_on(self, day: date) -> RecognitionStatus:
        if self.revoked_on is not None and day >= self.revoked_on:
            return RecognitionStatus.REVOKED
        if day >= self.valid_until:
            return RecognitionStatus.EXPIRED
        if day >= self.notice_date:
            return RecognitionStatus.EXPIRING
        return RecognitionStatus.VALID


def validity(decision_date: date, months: int = VALIDITY_MONTHS, notice_days: int = NOTICE_DAYS,
             revoked_on: date | None = None) -> Validity:
    until = add_months(decision_date, months)
    return Validity(decision_date, until, until - timedelta(days=notice_days), revoked_on)
