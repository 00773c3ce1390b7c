"""The dossier list's read model: one flat row per live dossier, read with Core selects, no ORM objects."""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from ocop_desktop.db.models import AdminUnit, CriteriaSetVersion, Dossier, Producer, Product, Recognition
from ocop_desktop.domain.text import fold
from ocop_desktop.services.criteria import load_criteria_set

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@dataclass(frozen=True, slots=True)
class DossierRow:
    id: str
    code: str
    status: str
    kind: str
    product_name: str
    producer_name: str
    commune_code: str
    commune_name: str
    subgroup_code: str
    stars: int | None  # of the product's latest recognition not revoked (it may have expired); None: none
    expires_on: date | None  # first day that recognition no longer holds
    updated_at: datetime


def _rows_query():
    d, pr, p, u = Dossier.__table__, Product.__table__, Producer.__table__, AdminUnit.__table__
    # updated_at as its stored ISO text: the column type's converter costs more per row than
    # datetime.fromisoformat itself.
    return (
        select(d.c.id, d.c.code, d.c.status, d.c.kind, func.coalesce(pr.c.name, ""),
               func.coalesce(p.c.name, ""), d.c.commune_code, func.coalesce(u.c.name, d.c.commune_code),
               func.coalesce(pr.c.subgroup_code, ""), d.c.product_id, type_coerce(d.c.updated_at, String))
        .select_from(d)
        .outerjoin(pr, pr.c.id == d.c.product_id)
        .outerjoin(p, p.c.id == pr.c.producer_id)
        .outerjoin(u, u.c.code == d.c.commune_code)
        .where(d.c.deleted.is_(False))
    )


def _current_recognitions(session: Session, today: date) -> dict[str, tuple[int, date]]:
    """Product id -> (stars, valid until) of its latest decision not revoked by today.

    A revocation dated later has not happened yet. Read apart from the dossiers and joined here: a
    window-function subquery joined in SQL costs a third more at 50,000 rows."""
    r = Recognition.__table__
    rows = session.execute(
        select(r.c.product_id, r.c.stars, r.c.valid_until)
        .where(r.c.deleted.is_(False), or_(r.c.revoked_on.is_(None), r.c.revoked_on > today))
        .order_by(r.c.decision_date, r.c.created_at)
    ).all()
    return {product_id: (stars, valid_until) for product_id, stars, valid_until in rows}  # latest wins


def load_dossier_rows(session: Session, today: date | None = None) -> list[DossierRow]:
    """Every live dossier with what the list shows and filters on, in no particular order."""
    current = _current_recognitions(session, today or date.today())
    none, parse = (None, None), datetime.fromisoformat
    # The driver makes a new string per row even for a commune or status that 5,000 rows share; one
    # shared copy each saves about a third of the list's memory.
    same = {}.setdefault
    rows: list[DossierRow] = []
    with _cycle_collector_paused():
        for part in session.execute(_rows_query()).partitions(5000):
            # Positional construction: a keyword dict per row costs more than the query at 50,000 rows.
            rows += [DossierRow(i, code, same(status, status), same(kind, kind), product, same(producer, producer),
                                same(commune, commune), same(name, name), same(group, group),
                                *current.get(product_id, none), parse(updated))
                     for i, code, status, kind, product, producer, commune, name, group, product_id, updated
                     in part]
    return rows


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    # 50,000 new objects set off full collections that walk every live object in the app, a third of
    # the load's time; rows hold only strings, numbers and dates, so they cannot form cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def subgroup_names(session: Session) -> dict[str, str]:
    """Product subgroup code -> its name, from every stored criteria set; the newest set's name wins."""
    versions = session.execute(
        select(CriteriaSetVersion.id).where(CriteriaSetVersion.deleted.is_(False))
        .order_by(CriteriaSetVersion.effective_from.is_(None).desc(), CriteriaSetVersion.effective_from)
    ).scalars().all()
    names: dict[str, str] = {}
    for version_id in versions:
        for subgroup in load_criteria_set(session, version_id).subgroups():
            names[subgroup.code] = subgroup.name
    return names


def search_texts(rows: list[DossierRow]) -> list[str]:
    """Each row's code, product, producer and commune in search form (``fold``), for substring search."""
    folded: dict[str, str] = {}

    def once(value: str) -> str:
        # A producer or commune recurs on many dossiers; each distinct name is folded once.
        text = folded.get(value)
        if text is None:
            text = folded[value] = fold(value)
        return text

    return [f"{fold(r.code)}\n{once(r.product_name)}\n{once(r.producer_name)}\n{once(r.commune_name)}"
            for r in rows]


def _collation_parts(code: int) -> tuple[str, str]:
    """One character's place in the primary (letters) order and its tone digit, as domain.text.sort_key
    ranks them: punctuation, then digits, then Vietnamese letters, then other letters."""
    tone, base = 0, []
    for part in unicodedata.normalize("NFD", chr(code).lower()):
        if part in _TONES:
            tone = _TONES[part]
        else:
            base.append(part)
    letter = unicodedata.normalize("NFC", "".join(base))
    if len(letter) == 1 and letter in _ALPHABET:
        primary = chr(0xF4000 + _ALPHABET.index(letter))
    elif letter.isdigit():
        primary = "\U000F0000" + letter[0]
    elif letter.isalpha():
        primary = "\U000F8000" + letter[0]
    else:
        primary = letter[:1] or "\x01"
    return primary, chr(0x30 + tone)


class _Table(dict):
    # A str.translate table filled on first sight of each character: every script is ordered, and
    # the table stays as small as the text it has seen.
    def __init__(self, part: int):
        super().__init__()
        self.part = part

    def __missing__(self, code: int) -> str:
        value = self[code] = _collation_parts(code)[self.part]
        return value


_PRIMARY, _TONE = _Table(0), _Table(1)


def collation_key(text: str) -> str:
    """A plain string ordering Vietnamese text as a dictionary does: "Đ" after "D", "Ă" and "Â" after "A".

    The order of domain.text.sort_key (letters, then tones, then the text itself), computed with
    str.translate: sort_key walks each character in Python, about 0.7 s for 50,000 names."""
    text = unicodedata.normalize("NFC", text)
    return f"{text.translate(_PRIMARY)}\0{text.translate(_TONE)}\0{text}"


def collation_ranks(values: list[str]) -> list[int]:
    """Each value's position in Vietnamese order; equal values share a rank."""
    # Ranks, not keys: one small int per row instead of a long string, and each distinct value
    # (a commune, a producer) is collated once however many dossiers share it.
    rank = {value: i for i, value in enumerate(sorted(set(values), key=collation_key))}
    return [rank[v] for v in values]


def choices(pairs: Iterable[tuple[Hashable, str]]) -> list[tuple[Hashable, str]]:
    """Distinct (value, label) pairs in Vietnamese order of the label: a filter's options."""
    return sorted(dict(pairs).items(), key=lambda pair: collation_key(pair[1]))
