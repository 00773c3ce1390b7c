"""Figures read the same on every screen and report, in the interface's language."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from ocop_desktop import formats, i18n


@pytest.mark.parametrize(("value", "vi", "en"), [
    (Decimal("96.20"), "96,20", "96.20"),  # a mean rounded to two places keeps them
    (Decimal("2.5"), "2,5", "2.5"),
    (Decimal("1E+2"), "100", "100"),  # never scientific notation
    (Decimal("-0.75"), "-0,75", "-0.75"),
    (30, "30", "30"),
    (None, "", ""),
])
def test_a_decimal_keeps_its_places_and_takes_the_languages_mark(value, vi, en):
    """Vietnamese writes a decimal comma, English a point; the number's own precision is kept."""
    assert (formats.decimal(value, lang="vi"), formats.decimal(value, lang="en")) == (vi, en)


def test_counts_group_thousands_the_way_each_language_does():
    """50.000 hồ sơ, 50,000 dossiers; small counts are not grouped."""
    assert [formats.count(n, lang="vi") for n in (7, 50_000, 1_234_567)] == ["7", "50.000", "1.234.567"]
    assert formats.count(50_000, lang="en") == "50,000"


def test_the_language_comes_from_the_interface_when_not_given():
    """After the interface switches to English, figures follow without each caller saying so."""
    previous = i18n.use("en")
    try:
        assert (formats.decimal(Decimal("2.5")), formats.count(1500), formats.percent(Decimal("0.5"))) == \
            ("2.5", "1,500", "50%")
    finally:
        i18n.use(*previous)
    assert formats.decimal(Decimal("2.5")) == "2,5"


@pytest.mark.parametrize(("fraction", "text"), [(Decimal("0.6"), "60%"), (Decimal("2") / 3, "66,67%"), (1, "100%"),
                                                (0, "0%")])
def test_a_percentage_is_whole_when_it_can_be_and_two_places_otherwise(fraction, text):
    """A council's quorum of 0.6 reads 60%, two thirds 66,67%."""
    assert formats.percent(fraction, lang="vi") == text


@pytest.mark.parametrize(("size", "text"), [(950, "950 B"), (512 * 1024, "512 KB"),
                                            (int(3.1 * 1024 * 1024), "3,1 MB"), (5 * 1024 ** 3, "5,0 GB")])
def test_sizes_step_by_1024(size, text):
    """The same units the documents panel and the sync page show."""
    assert formats.size(size, lang="vi") == text


def test_dates_are_day_first_and_a_printed_form_leaves_a_blank():
    """24/02/2023 on screen and paper; a missing date is empty on screen, dots to fill in on a form."""
    assert formats.day(date(2023, 2, 24)) == "24/02/2023"
    assert formats.day(None) == "" and formats.day(None, blank=formats.BLANK_DAY) == "…/…/……"


def test_a_moment_is_shown_in_local_time():
    """A stored UTC time reads as the laptop's local time; a naive one is taken as already local."""
    when = datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    local = when.astimezone()
    assert formats.moment(when) == local.strftime("%d/%m/%Y %H:%M")
    assert formats.moment(datetime(2026, 3, 1, 8, 5)) == "01/03/2026 08:05"
    assert formats.clock(datetime(2026, 3, 1, 8, 5, 9), seconds=True) == "08:05:09"
    assert formats.moment(None) == ""


def test_stars_as_glyphs_as_words_and_when_there_are_none():
    """★★★ on screen, "3 sao" in print; no result yet and no band reached read differently."""
    assert formats.stars(3) == "★★★"
    assert formats.stars(3, glyphs=False) == "3 sao"
    assert (formats.stars(None), formats.stars(0)) == ("Chưa xếp hạng", "Không xếp hạng")
    assert formats.stars(0, none="—") == "—"
