"""Reads the scoring sheets of a criteria-set document: product sets, their parts, criterion groups,
criteria (or sub-items), options and mandatory conditions."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ocop_core.domain.criteria import (
    Criterion,
    CriterionGroup,
    CriterionRule,
    Option,
    Part,
    ProductSet,
    SubItem,
)
from ocop_core.domain.json_reader import JsonReader, type_name

EVALUATION_MODES = frozenset({"sample", "site_visit"})


def _read_options(r: JsonReader, value: Any, path: str) -> tuple[Option, ...]:
    options = []
    codes = []
    items = r.array(value, path, allow_empty=True)
    if not items and isinstance(value, list):
        r.problem(path, "no_options")
    for oi, o in enumerate(items):
        op = f"{path}[{oi}]"
        od = r.obj(o, op, known={"code", "label", "points"}, required={"code", "label", "points"})
        if od is None:
            continue
        code = r.code(od, op)
        codes.append((f"{op}.code", code))
        points = r.number(od, "points", op)
        if points is not None and points < 0:
            r.problem(f"{op}.points", "negative_points", value=str(points))
        options.append(Option(code=code, label=r.text(od, "label", op), points=points or Decimal(0)))
    r.unique(codes, "option")
    return tuple(options)


def _read_rule(r: JsonReader, value: Any, path: str, option_owners: dict[str, list[str]],
               best: Decimal | None) -> CriterionRule | None:
    """``option_owners``: each option code -> the ladders holding it (``options`` or ``subitems[i]``);
    ``best``: the criterion's maximum, which a ``min_points`` above could never reach."""
    d = r.obj(value, path, known={"from_stars", "min_points", "forbidden_options", "cap_stars"},
              required={"from_stars"})
    if d is None:
        return None
    from_stars = r.star_level(d, "from_stars", path)
    min_points = r.number(d, "min_points", path)
    if min_points is not None and best is not None and min_points > best:
        # Every product would fail: a typo, not a condition (docs/domain-decisions.md D4).
        r.problem(f"{path}.min_points", "invalid_value", value=str(min_points), best=str(best))
    forbidden = []
    for i, code in enumerate(r.array(d.get("forbidden_options", []), f"{path}.forbidden_options", allow_empty=True)):
        if not isinstance(code, str):
            r.problem(f"{path}.forbidden_options[{i}]", "wrong_type", expected="string", got=type_name(code))
        elif code not in option_owners:
            r.problem(f"{path}.forbidden_options[{i}]", "unknown_reference", code=code)
        elif len(option_owners[code]) > 1:
            # Option "a" of two sub-items: which one the rule forbids cannot be told.
            r.problem(f"{path}.forbidden_options[{i}]", "duplicate_code", code=code, first=option_owners[code][0],
                      kind="forbidden_option")
        else:
            forbidden.append(code)
    if min_points is None and not forbidden and "min_points" not in d and "forbidden_options" not in d:
        r.problem(path, "rule_without_condition")
    cap = r.star_level(d, "cap_stars", path)
    if cap is not None and from_stars is not None and cap >= from_stars:
        # A cap at or above the level the condition guards caps nothing.
        r.problem(f"{path}.cap_stars", "invalid_value", value=cap, from_stars=from_stars)
    if from_stars is None:
        return None
    return CriterionRule(from_stars=from_stars, min_points=min_points, forbidden_options=tuple(forbidden),
                         cap_stars=cap)


def _read_criterion(r: JsonReader, c: Any, path: str) -> Criterion | None:
    d = r.obj(c, path, known={"code", "name", "guidance", "options", "subitems", "mandatory", "evidence"},
              required={"code", "name"})
    if d is None:
        return None
    code = r.code(d, path)
    options: tuple[Option, ...] = ()
    subitems: list[SubItem] = []
    if "options" in d and "subitems" in d:
        r.problem(path, "options_and_subitems")
    elif "subitems" in d:
        sub_codes = []
        for si, s in enumerate(r.array(d["subitems"], f"{path}.subitems")):
            sp = f"{path}.subitems[{si}]"
            sd = r.obj(s, sp, known={"code", "name", "options"}, required={"code", "name", "options"})
            if sd is None:
                continue
            sub_code = r.code(sd, sp)
            sub_codes.append((f"{sp}.code", sub_code))
            sub_options = _read_options(r, sd.get("options"), f"{sp}.options") if "options" in sd else ()
            if sub_options:
                subitems.append(SubItem(code=sub_code, name=r.text(sd, "name", sp), options=sub_options))
        r.unique(sub_codes, "subitem")
    elif "options" in d:
        options = _read_options(r, d["options"], f"{path}.options")
    else:
        r.problem(f"{path}.options", "no_options")
    owners: dict[str, list[str]] = {}
    for o in options:
        owners.setdefault(o.code, []).append(f"{path}.options")
    for si, s in enumerate(subitems):
        for o in s.options:
            owners.setdefault(o.code, []).append(f"{path}.subitems[{si}]")
    best = (sum((s.max_points for s in subitems), Decimal(0)) if subitems
            else max(o.points for o in options) if options else None)
    rule = _read_rule(r, d["mandatory"], f"{path}.mandatory", owners, best) if "mandatory" in d else None
    evidence = []
    for ei, e in enumerate(r.array(d.get("evidence", []), f"{path}.evidence", allow_empty=True)):
        if isinstance(e, str):
            evidence.append(e)
        else:
            r.problem(f"{path}.evidence[{ei}]", "wrong_type", expected="string", got=type_name(e))
    if not options and not subitems:
        return None
    return Criterion(code=code, name=r.text(d, "name", path), options=options, subitems=tuple(subitems),
                     guidance=r.text(d, "guidance", path, required=False), mandatory=rule,
                     evidence=tuple(evidence))


@dataclass
class _SheetCodes:
    """The codes met in one product set, with their paths: each kind must be unique within the set."""

    parts: list[tuple[str, str]] = field(default_factory=list)
    groups: list[tuple[str, str]] = field(default_factory=list)
    criteria: list[tuple[str, str]] = field(default_factory=list)


def _read_group(r: JsonReader, g: Any, gp: str, codes: _SheetCodes) -> CriterionGroup | None:
    gd = r.obj(g, gp, known={"code", "name", "criteria"}, required={"code", "name", "criteria"})
    if gd is None:
        return None
    group_code = r.code(gd, gp)
    codes.groups.append((f"{gp}.code", group_code))
    criteria = []
    for ci, c in enumerate(r.array(gd.get("criteria", []), f"{gp}.criteria")):
        cp = f"{gp}.criteria[{ci}]"
        if isinstance(c, dict) and isinstance(c.get("code"), str):
            codes.criteria.append((f"{cp}.code", c["code"].strip()))
        crit = _read_criterion(r, c, cp)
        if crit is not None:
            criteria.append(crit)
    return CriterionGroup(code=group_code, name=r.text(gd, "name", gp), criteria=tuple(criteria))


def _read_part(r: JsonReader, a: Any, ap: str, codes: _SheetCodes) -> tuple[Part, Decimal | None] | None:
    """The part, and its declared maximum as read (None when it could not be read)."""
    ad = r.obj(a, ap, known={"code", "name", "max_points", "criterion_groups"},
               required={"code", "name", "max_points", "criterion_groups"})
    if ad is None:
        return None
    part_code = r.code(ad, ap)
    codes.parts.append((f"{ap}.code", part_code))
    max_points = r.number(ad, "max_points", ap)
    if max_points is not None and max_points < 0:
        r.problem(f"{ap}.max_points", "negative_points", value=str(max_points))
    groups = []
    for gi, g in enumerate(r.array(ad.get("criterion_groups", []), f"{ap}.criterion_groups")):
        group = _read_group(r, g, f"{ap}.criterion_groups[{gi}]", codes)
        if group is not None:
            groups.append(group)
    part = Part(code=part_code, name=r.text(ad, "name", ap), max_points=max_points or Decimal(0),
                groups=tuple(groups))
    best = sum((c.max_points for c in part.criteria), Decimal(0))
    if max_points is not None and part.criteria and best != max_points:
        r.problem(f"{ap}.max_points", "criteria_sum_mismatch", declared=str(max_points), best=str(best))
    return part, max_points


def read_product_sets(r: JsonReader, value: Any, path: str, total: Decimal | None) -> list[ProductSet]:
    result = []
    set_codes = []
    for pi, ps in enumerate(r.array(value, path)):
        pp = f"{path}[{pi}]"
        d = r.obj(ps, pp, known={"code", "name", "parts", "evaluation_mode"}, required={"code", "name", "parts"})
        if d is None:
            continue
        set_code = r.code(d, pp)
        set_codes.append((f"{pp}.code", set_code))
        mode = r.text(d, "evaluation_mode", pp, required=False) or "sample"
        if mode not in EVALUATION_MODES:
            r.problem(f"{pp}.evaluation_mode", "invalid_value", value=mode)
        parts: list[Part] = []
        codes = _SheetCodes()
        part_sum = Decimal(0)
        for ai, a in enumerate(r.array(d.get("parts", []), f"{pp}.parts")):
            read = _read_part(r, a, f"{pp}.parts[{ai}]", codes)
            if read is not None:
                parts.append(read[0])
                part_sum += read[1] or 0
        if total is not None and parts and part_sum != total:
            r.problem(f"{pp}.parts", "parts_sum_mismatch", declared=str(total), sum=str(part_sum))
        r.unique(codes.parts, "part")
        r.unique(codes.groups, "criterion_group")
        r.unique(codes.criteria, "criterion")
        result.append(ProductSet(code=set_code, name=r.text(d, "name", pp), parts=tuple(parts),
                                 evaluation_mode=mode))
    r.unique(set_codes, "product_set")
    return result
