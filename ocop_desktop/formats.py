"""The one place figures become text: dates, times, decimals, counts, percentages, stars and file sizes.

Screens and printed reports both call these, so a score reads the same on the council page and in the
minutes. Numbers follow the interface language (Vietnamese 1.234,5; English 1,234.5); dates are day first
in both, as the programme's documents write them and as British English does, never the ambiguous 02/24.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ocop_desktop.i18n import _t, language

BLANK_DAY = "…/…/……"  # a date a printed form leaves to be written in by hand
_SEPARATORS = {"vi": (",", "."), "en": (".", ",")}  # decimal mark, thousands separator


def _marks(lang: str | None) -> tuple[str, str]:
    return _SEPARATORS.get(lang or language(), _SEPARATORS["vi"])


def _localise(plain: str, lang: str | None, group: bool = False) -> str:
    """``plain`` is Python's own "-1234.5"; grouping only when asked, since a score of 96,2 needs none."""
    point, thousands = _marks(lang)
    sign, plain = ("-", plain[1:]) if plain.startswith("-") else ("", plain)
    whole, _, fraction = plain.partition(".")
    if group:
        whole = f"{int(whole):,}".replace(",", thousands)
    return sign + whole + (point + fraction if fraction else "")


def decimal(value: Decimal | int | float | None, *, lang: str | None = None) -> str:
    """An exact number to the places it holds: a mean the council rounds to two places stays 96,20, an
    option's points 2,5; never 1E+2. "" for none."""
    if value is None:
        return ""
    return _localise(format(value if isinstance(value, Decimal) else Decimal(str(value)), "f"), lang)


def count(n: int, *, lang: str | None = None) -> str:
    """A whole number with thousands grouped: 50.000 hồ sơ, 50,000 dossiers."""
    return _localise(str(int(n)), lang, group=True)


def percent(fraction: Decimal | float, *, lang: str | None = None) -> str:
    """0.6 as "60%", 2/3 to two places: 66,67%."""
    value = Decimal(str(fraction)) * 100
    value = value.to_integral_value() if value == value.to_integral_value() else value.quantize(Decimal("0.01"))
    return decimal(value.normalize() if value else value, lang=lang) + "%"


def size(n: int, *, lang: str | None = None) -> str:
    """Bytes as a person reads them, in steps of 1024: 950 B, 512 KB, 3,1 MB."""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{_localise(str(round(n / 1024)), lang)} KB"
    for unit, scale in (("MB", 1024 ** 2), ("GB", 1024 ** 3)):
        if n < scale * 1024 or unit == "GB":
            return f"{_localise(f'{n / scale:.1f}', lang)} {unit}"
    return f"{n} B"


def day(value: date | datetime | None, *, blank: str = "") -> str:
    """24/02/2023; ``blank`` for none (a printed form leaves "…/…/……" to fill in by hand)."""
    return value.strftime("%d/%m/%Y") if value else blank


def clock(when: datetime, *, seconds: bool = False) -> str:
    """The local time of day: 14:05 (or 14:05:09)."""
    local = when.astimezone() if when.tzinfo else when
    return local.strftime("%H:%M:%S" if seconds else "%H:%M")


def moment(when: datetime | None) -> str:
    """A point in time in local time, day first, as officers write it: 24/02/2023 14:05."""
    if when is None:
        return ""
    local = when.astimezone() if when.tzinfo else when
    return f"{day(local)} {clock(local)}"


def recent(when: datetime) -> str:
    """A recent moment in local time: 14:05 today, 24/02/2023 14:05 on another day."""
    local = when.astimezone() if when.tzinfo else when
    return clock(local) if local.date() == datetime.now(local.tzinfo).date() else moment(local)


def stars(n: int | None, *, glyphs: bool = True, none: str | None = None) -> str:
    """★★★★ on screens; "4 sao" in print, where several fonts with Vietnamese have no star glyph.

    Without stars: "Chưa xếp hạng" while there is no result, "Không xếp hạng" when the score reached no band
    (0), unless the caller's table shows a blank or a dash there instead (``none``)."""
    if not n:
        if none is not None:
            return none
        return _t("Chưa xếp hạng") if n is None else _t("Không xếp hạng")
    return "★" * n if glyphs else _t("%n sao", "", n)
