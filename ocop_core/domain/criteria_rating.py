"""Reads how a criteria-set document turns scores into a rating: star bands, the documents each star level
requires, and the council's aggregation rules."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from ocop_core.domain.criteria import AggregationRules, MandatoryDocument, StarBand
from ocop_core.domain.json_reader import JsonReader

# Who issues the recognition of a band: the province (3-4 stars) or the ministry (5 stars), Decision 148/QĐ-TTg
# as amended by Decision 1489/QĐ-TTg.
RECOGNIZERS = frozenset({"province", "central"})


def read_bands(r: JsonReader, value: Any, path: str, total: Decimal | None) -> list[StarBand]:
    bands = []
    for bi, b in enumerate(r.array(value, path)):
        bp = f"{path}[{bi}]"
        d = r.obj(b, bp, known={"stars", "min_inclusive", "max_exclusive", "max_inclusive", "certificate",
                                "recognized_by"},
                  required={"stars", "min_inclusive"})
        if d is None:
            continue
        stars = r.integer(d, "stars", bp)
        lower = r.number(d, "min_inclusive", bp)
        if ("max_exclusive" in d) == ("max_inclusive" in d):
            r.problem(bp, "band_needs_one_upper_bound")
            continue
        inclusive = "max_inclusive" in d
        upper = r.number(d, "max_inclusive" if inclusive else "max_exclusive", bp)
        if stars is None or lower is None or upper is None:
            continue
        if stars < 1:
            r.problem(f"{bp}.stars", "invalid_value", value=stars)
        if upper < lower or (upper == lower and not inclusive):
            r.problem(bp, "empty_band", lower=str(lower), upper=str(upper))
        recognized_by = r.text(d, "recognized_by", bp, required=False) or None
        if recognized_by is not None and recognized_by not in RECOGNIZERS:
            r.problem(f"{bp}.recognized_by", "invalid_value", value=recognized_by[:40])
        bands.append((bp, StarBand(stars=stars, lower=lower, upper=upper, upper_inclusive=inclusive,
                                   certificate=r.boolean(d, "certificate", bp, False),
                                   recognized_by=recognized_by)))
    r.unique(((f"{p}.stars", str(b.stars)) for p, b in bands), "star_band")
    ordered = sorted(bands, key=lambda pb: (pb[1].lower, pb[1].upper))
    if ordered and ordered[0][1].lower != 0:
        r.problem(f"{ordered[0][0]}.min_inclusive", "band_gap", lower="0", upper=str(ordered[0][1].lower))
    for (prev_path, prev), (cur_path, cur) in itertools.pairwise(ordered):
        if prev.upper_inclusive:
            r.problem(f"{prev_path}.max_inclusive", "band_not_last")
        if cur.lower > prev.upper:
            r.problem(f"{cur_path}.min_inclusive", "band_gap", lower=str(prev.upper), upper=str(cur.lower))
        elif cur.lower < prev.upper:
            r.problem(f"{cur_path}.min_inclusive", "band_overlap", other=prev_path)
        if cur.stars <= prev.stars:
            r.problem(f"{cur_path}.stars", "bands_not_ascending")
    if ordered and total is not None:
        last_path, last = ordered[-1]
        if not last.upper_inclusive or last.upper != total:
            r.problem(last_path, "band_gap", lower=str(last.upper), upper=str(total))
    return [b for _, b in sorted(bands, key=lambda pb: pb[1].stars)]


def read_documents(r: JsonReader, value: Any, path: str) -> list[MandatoryDocument]:
    docs, codes = [], []
    for i, item in enumerate(r.array(value, path, allow_empty=True)):
        ip = f"{path}[{i}]"
        d = r.obj(item, ip, known={"code", "from_stars", "max_age_months"}, required={"code", "from_stars"})
        if d is None:
            continue
        code = r.code(d, ip)
        codes.append((f"{ip}.code", code))
        from_stars = r.star_level(d, "from_stars", ip)
        age = r.integer(d, "max_age_months", ip)
        if age is not None and age <= 0:
            r.problem(f"{ip}.max_age_months", "invalid_value", value=age)
        if from_stars is not None:
            docs.append(MandatoryDocument(code=code, from_stars=from_stars, max_age_months=age))
    r.unique(codes, "mandatory_document")
    return docs


def read_aggregation(r: JsonReader, value: Any, path: str) -> AggregationRules:
    d = r.obj(value, path, known={"method", "decimals", "rounding", "max_member_spread", "quorum_fraction",
                                  "chair_required", "mandatory_failure_caps_at_stars"})
    if d is None:
        return AggregationRules()
    defaults = AggregationRules()
    method = r.text(d, "method", path, required=False) or defaults.method
    if method != "mean_of_member_totals":
        r.problem(f"{path}.method", "invalid_value", value=method)
    rounding = r.text(d, "rounding", path, required=False) or defaults.rounding
    if rounding not in ("half_up", "half_even"):
        r.problem(f"{path}.rounding", "invalid_value", value=rounding)
    decimals = r.integer(d, "decimals", path, default=defaults.decimals)
    if decimals is not None and not 0 <= decimals <= 6:
        r.problem(f"{path}.decimals", "invalid_value", value=decimals)
    quorum = r.number(d, "quorum_fraction", path, default=defaults.quorum_fraction)
    if quorum is not None and not 0 < quorum <= 1:
        r.problem(f"{path}.quorum_fraction", "invalid_value", value=str(quorum))
    spread = r.number(d, "max_member_spread", path, default=defaults.max_member_spread) \
        if d.get("max_member_spread", 0) is not None else None
    if spread is not None and spread < 0:
        r.problem(f"{path}.max_member_spread", "invalid_value", value=str(spread))
    return AggregationRules(
        method=method,
        decimals=decimals if decimals is not None else defaults.decimals,
        rounding=rounding,
        max_member_spread=spread,
        quorum_fraction=quorum if quorum is not None else defaults.quorum_fraction,
        chair_required=r.boolean(d, "chair_required", path, defaults.chair_required),
        mandatory_failure_caps_at_stars=r.star_level(d, "mandatory_failure_caps_at_stars", path)
        if "mandatory_failure_caps_at_stars" in d else defaults.mandatory_failure_caps_at_stars,
    )
