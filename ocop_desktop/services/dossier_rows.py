"""What the dossier list shows and searches, without the database: the list's first screen is drawn
from a saved copy before SQLAlchemy has even been imported (ui/dossiers/list_cache.py)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date
from typing import NamedTuple

from ocop_core.domain.text import collation_key, fold


class DossierRow(NamedTuple):
    """A tuple, so that zip(*rows) turns 50,000 rows into columns in C (the list model keeps columns)."""

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


def search_texts(codes: list[str], products: list[str], producers: list[str], communes: list[str]) -> list[str]:
    """Each row's code, product, producer and commune in search form (``fold``), for substring search."""
    folded: dict[str, str] = {}

    def once(value: str) -> str:
        # A producer or commune recurs on many dossiers; each distinct name is folded once.
        text = folded.get(value)
        if text is None:
            text = folded[value] = fold(value)
        return text

    return [f"{fold(code)}\n{once(product)}\n{once(producer)}\n{once(commune)}"
            for code, product, producer, commune in zip(codes, products, producers, communes, strict=True)]


def choices(pairs: Iterable[tuple[Hashable, str]]) -> list[tuple[Hashable, str]]:
    """Distinct (value, label) pairs in Vietnamese order of the label: a filter's options."""
    return sorted(dict(pairs).items(), key=lambda pair: collation_key(pair[1]))
