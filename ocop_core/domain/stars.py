"""Star bands: which band a score falls in."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ocop_core.domain.criteria import StarBand


def band_for(value: Decimal, bands: Sequence[StarBand]) -> StarBand | None:
    for band in bands:
        if band.contains(value):
            return band
    return None


def stars_for(value: Decimal, bands: Sequence[StarBand]) -> int:
    """Stars of the band holding ``value``; 0 when outside every band (a score above the total)."""
    band = band_for(value, bands)
    return band.stars if band else 0
