"""Import of an existing provincial product list from Excel: read and preview every row (new, update, unchanged
or error with its reason) without writing anything, then, once the person confirms, write it all in one
transaction through the registry services, journaled like any edit so that it syncs."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.db.models import Producer, Product
from ocop_desktop.services import registry, registry_bulk
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.import_match import REQUIRED, Communes, Registry, match_headers, norm, producer_kind

MAX_ROWS = 20_000
PRODUCERS = "producers"

# The header is looked for in the first rows: provincial lists open with a title and a date above it.
HEADER_SEARCH_ROWS = 12
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted (password) workbook, or an old .xls


@dataclass(frozen=True, slots=True)
class Sheet:
    headers: list[str | None]
    rows: list[tuple[int, list[Any]]]  # (row number in Excel, cells)
    merged_header: bool


@dataclass(frozen=True, slots=True)
class PreviewRow:
    number: int  # the row's number in Excel
    action: str  # new | update | unchanged | error
    reason: str  # an error code (words/importing.py), "" unless action is error
    params: dict[str, Any]
    product: str
    producer: str
    commune_code: str | None
    values: dict[str, Any] = field(default_factory=dict)
    producer_id: str | None = None
    product_id: str | None = None


@dataclass(frozen=True, slots=True)
class Preview:
    mapping: dict[int, str]
    unknown: list[tuple[int, str]]
    rows: list[PreviewRow]
    merged_header: bool
    headers: tuple[str | None, ...] = ()
    missing: str = ""  # a required field no column is matched to: no row is read until one is

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def read_sheet(path: Path, max_rows: int | None = None) -> Sheet:
    """The first worksheet's header row and data rows, refused with a reason when it cannot be an Excel list."""
    from openpyxl import load_workbook

    try:
        with open(path, "rb") as handle:
            start = handle.read(8)
    except OSError as error:
        raise ServiceError("import_unreadable", "file_path", reason=str(error)[:200]) from error
    if start == _OLE_MAGIC:
        raise ServiceError("import_password_protected", "file_path")
    if not zipfile.is_zipfile(path):
        raise ServiceError("import_not_excel", "file_path")
    try:
        book = load_workbook(path, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise ServiceError("import_not_excel", "file_path") from error
    sheet = book.worksheets[0]
    max_rows = MAX_ROWS if max_rows is None else max_rows
    if sheet.max_row > max_rows + HEADER_SEARCH_ROWS:
        raise ServiceError("import_too_many_rows", "file_path", rows=sheet.max_row, limit=max_rows)
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    header_at = _header_row(values)
    if header_at is None:
        raise ServiceError("import_no_header", "file_path")
    merged = any(r.min_row <= header_at + 1 <= r.max_row and r.max_col > r.min_col
                 for r in sheet.merged_cells.ranges)
    rows = [(header_at + 2 + i, cells) for i, cells in enumerate(values[header_at + 1:])
            if any(c not in (None, "") for c in cells)]
    return Sheet(headers=[None if h is None else str(h) for h in values[header_at]], rows=rows, merged_header=merged)


def _header_row(values: list[list[Any]]) -> int | None:
    best, best_at = 1, None
    for at, cells in enumerate(values[:HEADER_SEARCH_ROWS]):
        found = len(match_headers([None if c is None else str(c) for c in cells])[0])
        if found > best:
            best, best_at = found, at
    return best_at


def preview_import(session: Session, path: Path, mapping: dict[int, str] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> Preview:
    """Reads nothing but the file and the database. ``mapping``: column -> field, as the person set it in the
    mapping dialog; by default the headers recognised."""
    sheet = read_sheet(path)
    found, unknown = match_headers(sheet.headers)
    mapping = found if mapping is None else mapping
    missing = [f for f in REQUIRED if f not in mapping.values()]
    if missing:
        return Preview(mapping=mapping, unknown=[u for u in unknown if u[0] not in mapping], rows=[],
                       merged_header=sheet.merged_header, headers=tuple(sheet.headers), missing=missing[0])
    communes, known = Communes.load(session), Registry.load(session)
    seen: dict[tuple[str, str], int] = {}
    rows = []
    for i, (number, cells) in enumerate(sheet.rows):
        record = {name: cells[col] if col < len(cells) else None for col, name in mapping.items()}
        rows.append(_preview_row(session, number, record, communes, known, seen))
        if progress is not None and i % 500 == 0:
            progress(i, len(sheet.rows))
    return Preview(mapping=mapping, unknown=[u for u in unknown if u[0] not in mapping], rows=rows,
                   merged_header=sheet.merged_header, headers=tuple(sheet.headers))


def _error(number: int, record: dict[str, Any], code: str, **params: Any) -> PreviewRow:
    return PreviewRow(number, "error", code, params, str(record.get("name") or ""), str(record.get("producer") or ""),
                      None)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split()) if value is not None else ""


def _year(value: Any) -> int | None:
    """A year of recognition typed as a number, a date, or a date written as text ("12/05/2023")."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime | date):
        return value.year
    text = _text(value)
    for part in reversed(text.replace("-", "/").replace(".", "/").split("/")):
        if part.strip().isdigit() and len(part.strip()) == 4:
            return int(part)
    raise ValueError(text)


def _preview_row(session: Session, number: int, record: dict[str, Any], communes: Communes, known: Registry,
                 seen: dict[tuple[str, str], int]) -> PreviewRow:  # long: one check per kind of bad cell
    formula = next((k for k, v in record.items() if isinstance(v, str) and v.startswith("=")), None)
    if formula is not None:
        return _error(number, record, "import_formula", column=formula)
    name, producer, subgroup = _text(record.get("name")), _text(record.get("producer")), _text(record.get("subgroup"))
    empty = next((c for c, v in (("name", name), ("producer", producer), ("subgroup", subgroup)) if not v), None)
    if empty is not None:
        return _error(number, record, "import_required_missing", column=empty)
    commune, why = communes.find(record.get("commune"), record.get("commune_code"))
    if commune is None:
        return _error(number, record, why, commune=_text(record.get("commune") or record.get("commune_code")))
    try:
        year = _year(record.get("year"))
        stars = int(float(_text(record["stars"]))) if _text(record.get("stars")) else None
    except ValueError:
        return _error(number, record, "import_bad_number", column="year/stars")
    if stars is not None and not 3 <= stars <= 5:
        return _error(number, record, "import_bad_stars", stars=stars)
    key = (norm(producer), norm(name))
    if key in seen:
        return _error(number, record, "import_duplicate_row", first=seen[key])
    seen[key] = number
    registration, tax = _text(record.get("registration_no")), _text(record.get("tax_code"))
    producer_values = {"name": producer, "registration_no": registration, "tax_code": tax,
                       "address": _text(record.get("address")), "phone": _text(record.get("phone"))}
    check = registry.field_problem  # the registry's own checks of a typed field, as its forms make them
    problem = next((e for k, v in producer_values.items() if v and (e := check(PRODUCERS, k, v))), None)
    if problem is not None:
        return _error(number, record, problem.code, **problem.params)
    note = " · ".join(p for p in (f"OCOP {stars}★" if stars else "", str(year or ""),
                                  _text(record.get("decision_no"))) if p)
    values = {"producer": {k: v for k, v in producer_values.items() if v}, "commune_code": commune,
              "kind": producer_kind(producer), "product": name, "subgroup": subgroup,
              "note": note}
    producer_id = known.producer(registration, tax, producer, commune)
    product_id = known.products.get((producer_id, norm(name))) if producer_id else None
    action = "new" if product_id is None else "update" if _differs(session, product_id, values) else "unchanged"
    return PreviewRow(number, action, "", {}, name, producer, commune, values, producer_id, product_id)


def _differs(session: Session, product_id: str, values: dict[str, Any]) -> bool:
    product = session.get(Product, product_id)
    producer = session.get(Producer, product.producer_id) if product else None
    if product is None or producer is None:
        return True
    wanted = values["producer"]
    return (bool(values["subgroup"]) and product.subgroup_code != values["subgroup"]) or any(
        getattr(producer, k) != v for k, v in wanted.items() if k != "name")


def commit_import(session: Session, preview: Preview) -> Changes:
    """Writes the new and changed rows of a confirmed preview, all in the caller's one transaction; rows in
    error and unchanged rows are left alone. A producer named by several rows is created once. New rows go in
    by the thousand (services/registry_bulk.py), journaled and indexed as rows typed one by one."""
    changes = Changes()
    rows = [r for r in preview.rows if r.action in ("new", "update")]
    producers: dict[int, str] = {}
    made: dict[tuple[str, str], int] = {}  # a new producer's key -> its index among the new ones
    new_producers: list[dict[str, Any]] = []
    keys = {row.number: (norm(row.producer), row.values["commune_code"]) for row in rows}
    for row in rows:
        v = row.values
        if row.producer_id is not None:
            producers[row.number] = row.producer_id
            if row.action == "update" and (extra := {k: x for k, x in v["producer"].items() if k != "name"}):
                changes |= registry.update_producer(session, row.producer_id, **extra)
        elif keys[row.number] not in made:
            made[keys[row.number]] = len(new_producers)
            new_producers.append({"kind": v["kind"], "commune_code": v["commune_code"], **v["producer"]})
    new_ids = registry_bulk.create_producers(session, new_producers)
    changes |= Changes.of_rows("producers", new_ids)
    for row in rows:
        if row.producer_id is None:
            producers[row.number] = new_ids[made[keys[row.number]]]
    new_products = []
    for row in rows:
        v = row.values
        if row.product_id is None:
            new_products.append({"producer_id": producers[row.number], "name": v["product"],
                                 "subgroup_code": v["subgroup"], "commune_code": v["commune_code"],
                                 "description": v["note"]})
        else:
            changes |= registry.update_product(session, row.product_id, subgroup_code=v["subgroup"])
    changes |= Changes.of_rows("products", registry_bulk.create_products(session, new_products))
    session.flush()
    return changes
