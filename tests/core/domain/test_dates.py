"""Vietnam's today: Asia/Ho_Chi_Minh, or a fixed UTC+7 where the system has no time-zone database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfoNotFoundError

import pytest

from ocop_core.domain import dates


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (datetime(2026, 12, 3, 16, 59, tzinfo=UTC), date(2026, 12, 3)),
        (datetime(2026, 12, 3, 17, 0, tzinfo=UTC), date(2026, 12, 4)),  # midnight in Hà Nội
        # A laptop left on Paris time at 23:30 on 3 Dec: already 4 Dec in Vietnam.
        (datetime(2026, 12, 3, 23, 30, tzinfo=timezone(timedelta(hours=1))), date(2026, 12, 4)),
        (datetime(2026, 7, 1, 6, 0, tzinfo=timezone(timedelta(hours=-5))), date(2026, 7, 1)),
    ],
)
def test_today_is_vietnams_date(instant: datetime, expected: date) -> None:
    """The date is Vietnam's for the instant, not the clock's own zone."""
    assert dates.vietnam_today(instant) == expected


def test_without_tz_database_falls_back_to_utc_plus_7(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows without tzdata: ZoneInfo raises, the fixed +07:00 offset gives the same dates."""
    def missing(name: str) -> None:
        raise ZoneInfoNotFoundError(name)

    dates.vietnam_zone.cache_clear()
    monkeypatch.setattr(dates, "ZoneInfo", missing)
    try:
        assert dates.vietnam_zone() is dates.VIETNAM_FIXED_OFFSET
        assert dates.vietnam_today(datetime(2026, 12, 3, 17, 0, tzinfo=UTC)) == date(2026, 12, 4)
    finally:
        dates.vietnam_zone.cache_clear()


def test_naive_instant_refused() -> None:
    """A naive datetime has no zone to convert from: refused rather than guessed."""
    with pytest.raises(ValueError):
        dates.vietnam_today(datetime(2026, 12, 3, 23, 0))


def test_current_day_is_vietnams() -> None:
    """Without an argument: the current instant's date in UTC+7."""
    before = (datetime.now(UTC) + timedelta(hours=7)).date()
    assert dates.vietnam_today() in (before, before + timedelta(days=1))
