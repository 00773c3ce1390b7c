"""Dates as Vietnamese law counts them: periods in months under the Civil Code 2015, and "today" in Vietnam.

One module for every period the software counts (a recognition's 36 months, a lab report's 12), so a
recognition and a document can never disagree on when a period ends (docs/domain-decisions.md, D2)."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

VIETNAM_ZONE_NAME = "Asia/Ho_Chi_Minh"
# Vietnam keeps UTC+7 all year (no daylight saving since 1975): the fallback when the system has no
# time-zone database (Windows without the tzdata package).
VIETNAM_FIXED_OFFSET = timezone(timedelta(hours=7), "UTC+07")


def add_months(day: date, months: int) -> date:
    """Calendar months; 31 Jan + 1 month is the last day of February, never 3 March."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_last_day(start: date, months: int) -> date:
    """The last day of a period of ``months`` months counted from the event on ``start``, inclusive.

    Civil Code 2015, art. 147(1): the day of the event is not counted, the period starts the next day;
    art. 148(1)(c): a period in months ends at the end of the corresponding day of its last month, or
    of that month's last day when it has no such day. A decision of 15 Mar 2024 valid 36 months holds
    through 15 Mar 2027; one of 29 Feb 2024 through 28 Feb 2027. (Art. 148(5), moving an end on a holiday
    to the next working day, is for acts to be done by a deadline and is not applied to validity.)"""
    return add_months(start, months)


def period_end(start: date, months: int) -> date:
    """The first day on which a period of ``months`` months from ``start`` no longer holds."""
    return period_last_day(start, months) + timedelta(days=1)


def within_period(start: date, months: int, on: date) -> bool:
    """Whether ``on`` is inside the period of ``months`` months counted from the event on ``start``."""
    return on <= period_last_day(start, months)


@lru_cache(maxsize=1)
def vietnam_zone() -> tzinfo:
    """Asia/Ho_Chi_Minh from the time-zone database, or the fixed UTC+7 offset when there is none."""
    try:
        return ZoneInfo(VIETNAM_ZONE_NAME)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return VIETNAM_FIXED_OFFSET


def vietnam_today(now: datetime | None = None) -> date:
    """Today's date in Vietnam, whatever the laptop's own zone: every "today" of the rules (recognition
    status, document age, the criteria version in force) is Vietnam's. ``now`` must be timezone-aware;
    None means the current instant."""
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        raise ValueError("vietnam_today needs an aware datetime")
    return now.astimezone(vietnam_zone()).date()
