"""Recognition validity: 36 months from the decision (counted under the Civil Code 2015), a renewal notice
30 days before the end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ocop_core.domain.dates import add_months, period_end

__all__ = ["NOTICE_DAYS", "VALIDITY_MONTHS", "RecognitionStatus", "Validity", "add_months", "validity"]

VALIDITY_MONTHS = 36
NOTICE_DAYS = 30


class RecognitionStatus(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # inside the notice window: the producer must be warned
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class Validity:
    decision_date: date
    valid_until: date  # first day on which the recognition no longer holds (the day after its last day)
    notice_date: date
    revoked_on: date | None = None

    @property
    def last_day(self) -> date:
        """The last day the recognition holds: 15 Mar 2027 for a decision of 15 Mar 2024."""
        return self.valid_until - timedelta(days=1)

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
    until = period_end(decision_date, months)
    return Validity(decision_date, until, until - timedelta(days=notice_days), revoked_on)
