"""Reads the canonical criteria-set JSON and reports every problem, with its JSON path, in one pass."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ocop_core.domain.canonical import normalize_document
from ocop_core.domain.criteria import (
    AggregationRules,
    Category,
    CriteriaSet,
    Criterion,
    CriterionGroup,
    CriterionRule,
    LegalBasis,
    MandatoryDocument,
    Option,
    Part,
    ProductGroup,
    ProductSet,
    StarBand,
    Subgroup,
    SubItem,
)
from ocop_core.domain.problems import Problem

SCHEMA_VERSIONS = frozenset({1})
STATUSES = frozenset({"draft", "published", "retired"})
EVALUATION_MODES = frozenset({"sample", "site_visit"})
MAX_TEXT = 2000  # longer labels are a pasted document, not a criterion
MAX_CODE = 64
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LEGAL_TEXT = re.compile(r"^\s*(?P<number>\S+)\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*$")


class CriteriaSetError(ValueError):
    """Raised by :func:`load_criteria_set` with every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


class _Reader:
    """Typed access to a JSON tree that records a problem instead of raising."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.star_levels: set[int] = set()

    def star_level(self, d: dict, key: str, path: str) -> int | None:
        """An integer that must name one of the set's star bands (when the bands could be read)."""
        value = self.integer(d, key, path)
        if value is not None and self.star_levels and value not in self.star_levels:
            self.problem(f"{path}.{key}", "unknown_star_level", stars=value)
        return value

    def problem(self, path: str, code: str, /, **params: Any) -> None:
        self.problems.append(Problem(path, code, params))

    def obj(self, value: Any, path: str, known: Iterable[str], required: Iterable[str] = ()) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, "wrong_type", expected="object", got=_type_name(value))
            return None
        known = set(known)
        for key in value:
            if key not in known and not key.startswith("_"):
                self.problem(f"{path}.{key}", "unknown_key")
        for key in required:
            if key not in value:
                self.problem(f"{path}.{key}", "missing")
        return value

    def array(self, value: Any, path: str, allow_empty: bool = False) -> list:
        if not isinstance(value, list):
            self.problem(path, "wrong_type", expected="array", got=_type_name(value))
            return []
        if not value and not allow_empty:
            self.problem(path, "empty")
        return value

    def text(self, d: dict, key: str, path: str, required: bool = True, limit: int = MAX_TEXT) -> str:
        if key not in d or d[key] is None:
            return ""
        value = d[key]
        if not isinstance(value, str):
            self.problem(f"{path}.{key}", "wrong_type", expected="string", got=_type_name(value))
            return ""
        if required and not value.strip():
            self.problem(f"{path}.{key}", "blank")
        if len(value) > limit:
            self.problem(f"{path}.{key}", "too_long", limit=limit, length=len(value))
        return value

    def code(self, d: dict, path: str, key: str = "code") -> str:
        value = self.text(d, key, path, limit=MAX_CODE)
        if value and value != value.strip():
            self.problem(f"{path}.{key}", "code_whitespace")
        return value.strip()

    def number(self, d: dict, key: str, path: str, default: Decimal | None = None) -> Decimal | None:
        if key not in d:
            return default
        value = d[key]
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.problem(f"{path}.{key}", "wrong_type", expected="number", got=_type_name(value))
            return None
        try:
            result = Decimal(str(value))
        except InvalidOperation:
            self.problem(f"{path}.{key}", "invalid_value")
            return None
        if not result.is_finite():
            self.problem(f"{path}.{key}", "invalid_value")
            return None
        return result

    def integer(self, d: dict, key: str, path: str, default: int | None = None) -> int | None:
        if key not in d:
            return default
        value = d[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"{path}.{key}", "wrong_type", expected="integer", got=_type_name(value))
            return None
        return value

    def boolean(self, d: dict, key: str, path: str, default: bool) -> bool:
        if key not in d:
            return default
        value = d[key]
        if not isinstance(value, bool):
            self.problem(f"{path}.{key}", "wrong_type", expected="boolean", got=_type_name(value))
            return default
        return value

    def day(self, d: dict, key: str, path: str) -> date | None:
        value = d.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"{path}.{key}", "wrong_type", expected="date", got=_type_name(value))
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(f"{path}.{key}", "invalid_date", value=value[:40])
            return None

    def unique(self, items: Iterable[tuple[str, str]], what: str) -> None:
        seen: dict[str, str] = {}
        for path, code in items:
            if not code:
                continue
            if code in seen:
                self.problem(path, "duplicate_code", code=code, first=seen[code], kind=what)
            else:
                seen[code] = path


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), type(value).__name__)


def parse_json(text: str | bytes) -> tuple[Any, list[Problem]]:
    """Parses JSON text keeping decimals exact; a syntax error becomes one problem with its place."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, [Problem("$", "not_utf8", {"offset": exc.start})]
    text = text.lstrip("\ufeff")
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant), []
    except json.JSONDecodeError as exc:
        return None, [Problem("$", "invalid_json", {"line": exc.lineno, "column": exc.colno, "msg": exc.msg})]
    except (ValueError, RecursionError) as exc:
        return None, [Problem("$", "invalid_json", {"msg": str(exc)[:120]})]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def read_criteria_set(document: Any) -> tuple[CriteriaSet | None, list[Problem]]:
    """Builds the model from parsed JSON; returns the set only when there is no problem at all."""
    if isinstance(document, dict):
        document = normalize_document(document)
    r = _Reader()
    root = r.obj(
        document,
        "$",
        known={"schema_version", "criteria_set", "total_points", "product_groups", "product_sets",
               "star_bands", "mandatory_documents", "aggregation", "certificate_validity_months"},
        required={"schema_version", "criteria_set", "product_groups", "product_sets", "star_bands"},
    )
    if root is None:
        return None, r.problems
    schema = r.integer(root, "schema_version", "$")
    if schema is not None and schema not in SCHEMA_VERSIONS:
        r.problem("$.schema_version", "unsupported_schema_version", value=schema)

    header = _read_header(r, root.get("criteria_set"), "$.criteria_set")
    total = r.number(root, "total_points", "$", default=Decimal(100))
    bands = _read_bands(r, root.get("star_bands", []), "$.star_bands", total)
    r.star_levels = {b.stars for b in bands}
    sets = _read_product_sets(r, root.get("product_sets", []), "$.product_sets", total)
    groups = _read_product_groups(r, root.get("product_groups", []), "$.product_groups", {s.code for s in sets})
    docs = _read_documents(r, root.get("mandatory_documents", []), "$.mandatory_documents")
    aggregation = _read_aggregation(r, root.get("aggregation", {}), "$.aggregation")
    validity = r.integer(root, "certificate_validity_months", "$", default=36)
    if validity is not None and validity <= 0:
        r.problem("$.certificate_validity_months", "invalid_value", value=validity)

    if r.problems or header is None or total is None:
        return None, r.problems
    return (
        CriteriaSet(
            product_groups=tuple(groups),
            product_sets=tuple(sets),
            star_bands=tuple(bands),
            mandatory_documents=tuple(docs),
            aggregation=aggregation,
            certificate_validity_months=validity or 36,
            total_points=total,
            schema_version=schema or 1,
            **header,
        ),
        [],
    )


def load_document(text: str | bytes) -> tuple[CriteriaSet, dict]:
    """The set and its parsed document (for hashing), raising :class:`CriteriaSetError` on any problem."""
    document, problems = parse_json(text)
    if problems:
        raise CriteriaSetError(problems)
    result, problems = read_criteria_set(document)
    if result is None:
        raise CriteriaSetError(problems)
    return result, document


def load_criteria_set(text: str | bytes) -> CriteriaSet:
    """Parses and validates criteria-set JSON text, raising :class:`CriteriaSetError` on any problem."""
    return load_document(text)[0]


def _read_header(r: _Reader, value: Any, path: str) -> dict | None:
    d = r.obj(value, path,
              known={"id", "code", "title", "legal_basis", "effective_from", "effective_to", "status",
                     "supersedes"},
              required={"id", "code", "title", "status"})
    if d is None:
        return None
    set_id = r.text(d, "id", path, limit=MAX_CODE)
    if set_id and not _UUID.match(set_id):
        r.problem(f"{path}.id", "invalid_uuid", value=set_id)
    status = r.text(d, "status", path, limit=MAX_CODE)
    if status and status not in STATUSES:
        r.problem(f"{path}.status", "invalid_value", value=status, allowed=sorted(STATUSES))
    supersedes = d.get("supersedes")
    if supersedes is not None and (not isinstance(supersedes, str) or not _UUID.match(supersedes)):
        r.problem(f"{path}.supersedes", "invalid_uuid", value=str(supersedes)[:60])
        supersedes = None
    effective_from = r.day(d, "effective_from", path)
    effective_to = r.day(d, "effective_to", path)
    if effective_from and effective_to and effective_to < effective_from:
        r.problem(f"{path}.effective_to", "ends_before_start")
    basis = [_read_legal_basis(r, item, f"{path}.legal_basis[{i}]")
             for i, item in enumerate(r.array(d.get("legal_basis", []), f"{path}.legal_basis", allow_empty=True))]
    return {
        "id": set_id.lower(),
        "code": r.code(d, path),
        "title": r.text(d, "title", path),
        "legal_basis": tuple(b for b in basis if b is not None),
        "effective_from": effective_from,
        "effective_to": effective_to,
        "status": status,
        "supersedes": supersedes.lower() if supersedes else None,
    }


def _read_legal_basis(r: _Reader, value: Any, path: str) -> LegalBasis | None:
    """Accepts "148/QĐ-TTg 24/02/2023" as the sample writes it, or {"number", "date"}."""
    if isinstance(value, str):
        m = _LEGAL_TEXT.match(value)
        if not m:
            r.problem(path, "invalid_legal_basis", value=value[:80])
            return None
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            r.problem(path, "invalid_date", value=value[:80])
            return None
        return LegalBasis(number=m["number"], date=day)
    d = r.obj(value, path, known={"number", "date"}, required={"number"})
    if d is None:
        return None
    return LegalBasis(number=r.text(d, "number", path, limit=MAX_CODE), date=r.day(d, "date", path))


def _read_product_groups(r: _Reader, value: Any, path: str, set_codes: set[str]) -> list[ProductGroup]:
    groups = []
    group_codes, category_codes, subgroup_codes = [], [], []
    for gi, g in enumerate(r.array(value, path)):
        gp = f"{path}[{gi}]"
        gd = r.obj(g, gp, known={"code", "name", "categories"}, required={"code", "name", "categories"})
        if gd is None:
            continue
        group_code = r.code(gd, gp)
        group_codes.append((f"{gp}.code", group_code))
        categories = []
        for ci, c in enumerate(r.array(gd.get("categories", []), f"{gp}.categories")):
            cp = f"{gp}.categories[{ci}]"
            cd = r.obj(c, cp, known={"code", "name", "subgroups"}, required={"code", "name", "subgroups"})
            if cd is None:
                continue
            category_code = r.code(cd, cp)
            category_codes.append((f"{cp}.code", category_code))
            subgroups = []
            for si, s in enumerate(r.array(cd.get("subgroups", []), f"{cp}.subgroups")):
                sp = f"{cp}.subgroups[{si}]"
                sd = r.obj(s, sp, known={"code", "name", "ministry", "product_set"},
                           required={"code", "name", "product_set"})
                if sd is None:
                    continue
                subgroup_code = r.code(sd, sp)
                subgroup_codes.append((f"{sp}.code", subgroup_code))
                ref = r.text(sd, "product_set", sp, limit=MAX_CODE)
                if ref and ref not in set_codes:
                    r.problem(f"{sp}.product_set", "unknown_reference", code=ref)
                subgroups.append(Subgroup(code=subgroup_code, name=r.text(sd, "name", sp),
                                          product_set=ref, ministry=r.text(sd, "ministry", sp, required=False)))
            categories.append(Category(code=category_code, name=r.text(cd, "name", cp), subgroups=tuple(subgroups)))
        groups.append(ProductGroup(code=group_code, name=r.text(gd, "name", gp), categories=tuple(categories)))
    r.unique(group_codes, "product_group")
    r.unique(category_codes, "category")
    r.unique(subgroup_codes, "subgroup")
    return groups


def _read_options(r: _Reader, value: Any, path: str) -> tuple[Option, ...]:
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


def _read_rule(r: _Reader, value: Any, path: str, option_codes: set[str]) -> CriterionRule | None:
    d = r.obj(value, path, known={"from_stars", "min_points", "forbidden_options", "cap_stars"},
              required={"from_stars"})
    if d is None:
        return None
    from_stars = r.star_level(d, "from_stars", path)
    min_points = r.number(d, "min_points", path)
    forbidden = []
    for i, code in enumerate(r.array(d.get("forbidden_options", []), f"{path}.forbidden_options", allow_empty=True)):
        if not isinstance(code, str):
            r.problem(f"{path}.forbidden_options[{i}]", "wrong_type", expected="string", got=_type_name(code))
        elif code not in option_codes:
            r.problem(f"{path}.forbidden_options[{i}]", "unknown_reference", code=code)
        else:
            forbidden.append(code)
    if min_points is None and not forbidden and "min_points" not in d and "forbidden_options" not in d:
        r.problem(path, "rule_without_condition")
    cap = r.star_level(d, "cap_stars", path)
    if from_stars is None:
        return None
    return CriterionRule(from_stars=from_stars, min_points=min_points, forbidden_options=tuple(forbidden),
                         cap_stars=cap)


def _read_criterion(r: _Reader, c: Any, path: str) -> Criterion | None:
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
    option_codes = {o.code for o in options} | {o.code for s in subitems for o in s.options}
    rule = _read_rule(r, d["mandatory"], f"{path}.mandatory", option_codes) if "mandatory" in d else None
    evidence = tuple(e for e in r.array(d.get("evidence", []), f"{path}.evidence", allow_empty=True)
                     if isinstance(e, str))
    if not options and not subitems:
        return None
    return Criterion(code=code, name=r.text(d, "name", path), options=options, subitems=tuple(subitems),
                     guidance=r.text(d, "guidance", path, required=False), mandatory=rule, evidence=evidence)


def _read_product_sets(r: _Reader, value: Any, path: str, total: Decimal | None) -> list[ProductSet]:
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
        parts, part_codes, group_codes, criterion_codes = [], [], [], []
        part_sum = Decimal(0)
        for ai, a in enumerate(r.array(d.get("parts", []), f"{pp}.parts")):
            ap = f"{pp}.parts[{ai}]"
            ad = r.obj(a, ap, known={"code", "name", "max_points", "criterion_groups"},
                       required={"code", "name", "max_points", "criterion_groups"})
            if ad is None:
                continue
            part_code = r.code(ad, ap)
            part_codes.append((f"{ap}.code", part_code))
            max_points = r.number(ad, "max_points", ap)
            if max_points is not None and max_points < 0:
                r.problem(f"{ap}.max_points", "negative_points", value=str(max_points))
            part_sum += max_points or 0
            groups = []
            for gi, g in enumerate(r.array(ad.get("criterion_groups", []), f"{ap}.criterion_groups")):
                gp = f"{ap}.criterion_groups[{gi}]"
                gd = r.obj(g, gp, known={"code", "name", "criteria"}, required={"code", "name", "criteria"})
                if gd is None:
                    continue
                cgroup_code = r.code(gd, gp)
                group_codes.append((f"{gp}.code", cgroup_code))
                criteria = []
                for ci, c in enumerate(r.array(gd.get("criteria", []), f"{gp}.criteria")):
                    cp = f"{gp}.criteria[{ci}]"
                    if isinstance(c, dict) and isinstance(c.get("code"), str):
                        criterion_codes.append((f"{cp}.code", c["code"].strip()))
                    crit = _read_criterion(r, c, cp)
                    if crit is not None:
                        criteria.append(crit)
                groups.append(CriterionGroup(code=cgroup_code, name=r.text(gd, "name", gp),
                                             criteria=tuple(criteria)))
            part = Part(code=part_code, name=r.text(ad, "name", ap), max_points=max_points or Decimal(0),
                        groups=tuple(groups))
            best = sum((c.max_points for c in part.criteria), Decimal(0))
            if max_points is not None and part.criteria and best != max_points:
                r.problem(f"{ap}.max_points", "criteria_sum_mismatch", declared=str(max_points), best=str(best))
            parts.append(part)
        if total is not None and parts and part_sum != total:
            r.problem(f"{pp}.parts", "parts_sum_mismatch", declared=str(total), sum=str(part_sum))
        r.unique(part_codes, "part")
        r.unique(group_codes, "criterion_group")
        r.unique(criterion_codes, "criterion")
        result.append(ProductSet(code=set_code, name=r.text(d, "name", pp), parts=tuple(parts),
                                 evaluation_mode=mode))
    r.unique(set_codes, "product_set")
    return result


def _read_bands(r: _Reader, value: Any, path: str, total: Decimal | None) -> list[StarBand]:
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
        bands.append((bp, StarBand(stars=stars, lower=lower, upper=upper, upper_inclusive=inclusive,
                                   certificate=r.boolean(d, "certificate", bp, False),
                                   recognized_by=r.text(d, "recognized_by", bp, required=False) or None)))
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


def _read_documents(r: _Reader, value: Any, path: str) -> list[MandatoryDocument]:
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


def _read_aggregation(r: _Reader, value: Any, path: str) -> AggregationRules:
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
