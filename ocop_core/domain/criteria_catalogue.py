"""Reads what a criteria-set document is and what it covers: its header (code, title, legal basis, dates,
status) and the product groups, categories and sub-groups that point to its scoring sheets."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ocop_core.domain.criteria import Category, LegalBasis, ProductGroup, Subgroup
from ocop_core.domain.json_reader import MAX_CODE, JsonReader

STATUSES = frozenset({"draft", "published", "retired"})
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LEGAL_TEXT = re.compile(r"^\s*(?P<number>\S+)\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*$")


def read_header(r: JsonReader, value: Any, path: str) -> dict[str, Any] | None:
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


def _read_legal_basis(r: JsonReader, value: Any, path: str) -> LegalBasis | None:
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


def read_product_groups(r: JsonReader, value: Any, path: str, set_codes: set[str]) -> list[ProductGroup]:
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
