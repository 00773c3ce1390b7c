"""What an imported product list's cells mean: headers matched to fields, communes found by name or by their
pre-2025 code, producers and products found again, so that importing a list twice creates nothing new."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.text import fold
from ocop_desktop.db.models import AdminUnit, LegacyUnit, Producer, Product

# Field -> the headers provincial lists use for it, folded (see norm). The first match of a header wins.
HEADERS: dict[str, tuple[str, ...]] = {
    "row_no": ("stt", "so thu tu", "tt"),
    "name": ("ten san pham", "san pham", "ten sp"),
    "producer": ("chu the", "ten chu the", "chu the san xuat", "co so san xuat", "don vi san xuat", "chu the ocop"),
    "tax_code": ("ma so thue", "mst", "ma so doanh nghiep"),
    "registration_no": ("so dang ky", "so dkkd", "giay dang ky kinh doanh", "so giay dang ky", "ma so dang ky"),
    "commune": ("xa/phuong", "xa phuong", "xa", "phuong xa", "dia ban", "xa, phuong", "ten xa"),
    "commune_code": ("ma xa", "ma don vi hanh chinh", "ma dvhc"),
    "subgroup": ("phan nhom", "nhom san pham", "ma phan nhom", "nhom"),
    "stars": ("so sao", "hang sao", "xep hang", "sao"),
    "year": ("nam cong nhan", "nam"),
    "decision_no": ("so quyet dinh", "quyet dinh", "so qd"),
    "kind": ("loai hinh", "loai hinh chu the", "loai chu the"),
    "address": ("dia chi",),
    "phone": ("dien thoai", "so dien thoai", "sdt"),
}
FIELDS = tuple(HEADERS)
REQUIRED = ("name", "producer")
_ALIASES = {alias: field for field, aliases in HEADERS.items() for alias in aliases}
_PUNCT = re.compile(r"[\s.:;_\-–()]+")
_UNIT_WORDS = ("thi tran ", "phuong ", "xa ", "dac khu ")
# A producer's kind read off its name when the list has no column for it.
_KIND_PREFIXES = (("hop tac xa", "cooperative"), ("htx", "cooperative"), ("to hop tac", "cooperative_group"),
                  ("cong ty", "enterprise"), ("doanh nghiep", "enterprise"), ("dntn", "enterprise"))


def norm(text: object) -> str:
    """A header or a name as matched: accents, case, spacing and the usual punctuation set aside."""
    return " ".join(_PUNCT.sub(" ", fold(str(text or ""))).split())


def match_headers(headers: list[str | None]) -> tuple[dict[int, str], list[tuple[int, str]]]:
    """(column -> field for the headers recognised, [(column, header)] of those not recognised)."""
    mapping: dict[int, str] = {}
    unknown: list[tuple[int, str]] = []
    for column, header in enumerate(headers):
        if header is None or not str(header).strip():
            continue
        key = norm(header)
        field = _ALIASES.get(key) or _ALIASES.get(key.replace(" / ", "/").replace(" ", ""))
        if field is None:
            field = next((f for alias, f in _ALIASES.items() if len(alias) > 4 and key.startswith(alias)), None)
        if field is not None and field not in mapping.values():
            mapping[column] = field
        else:
            unknown.append((column, str(header)))
    return mapping, unknown


def producer_kind(name: str) -> str:
    folded = norm(name)
    return next((kind for prefix, kind in _KIND_PREFIXES if folded.startswith(prefix)), "household")


@dataclass
class Communes:
    """The province's communes by folded name (with and without "xã"/"phường"), by 2025 code, and by the
    pre-2025 code through the admin-unit mapping."""

    by_name: dict[str, set[str]]
    codes: set[str]
    legacy: dict[str, set[str]]

    @classmethod
    def load(cls, session: Session) -> Communes:
        by_name: dict[str, set[str]] = {}
        codes = set()
        for code, name, short in session.execute(select(AdminUnit.code, AdminUnit.name, AdminUnit.short_name)
                                                 .where(AdminUnit.level == "commune")):
            codes.add(code)
            for label in {norm(name), norm(short)}:
                by_name.setdefault(label, set()).add(code)
                for word in _UNIT_WORDS:
                    if label.startswith(word):
                        by_name.setdefault(label.removeprefix(word), set()).add(code)
        legacy: dict[str, set[str]] = {}
        for old, new, old_name in session.execute(select(LegacyUnit.legacy_code, LegacyUnit.unit_code,
                                                         LegacyUnit.legacy_name)):
            legacy.setdefault(old, set()).add(new)
            label = norm(old_name)
            for key in {label, *(label.removeprefix(w) for w in _UNIT_WORDS if label.startswith(w))}:
                legacy.setdefault(key, set()).add(new)
        return cls(by_name, codes, legacy)

    def find(self, name: object, code: object) -> tuple[str | None, str]:
        """(2025 code, "") or (None, the reason code)."""
        code_text = str(code or "").strip().removesuffix(".0").zfill(5) if code not in (None, "") else ""
        if code_text:
            if code_text in self.codes:
                return code_text, ""
            found = self.legacy.get(code_text, set())
            return (next(iter(found)), "") if len(found) == 1 else (None, "import_commune_split" if found
                                                                      else "import_commune_unknown")
        label = norm(name)
        if not label:
            return None, "import_commune_missing"
        found = self.by_name.get(label) or self.legacy.get(label) or set()
        if len(found) == 1:
            return next(iter(found)), ""
        return None, "import_commune_ambiguous" if found else "import_commune_unknown"


@dataclass
class Registry:
    """The producers and products already held, by every key an imported row can name them with."""

    by_registration: dict[str, str]
    by_tax: dict[str, str]
    by_name: dict[tuple[str, str], str]
    products: dict[tuple[str, str], str]

    @classmethod
    def load(cls, session: Session) -> Registry:
        reg: dict[str, str] = {}
        tax: dict[str, str] = {}
        names: dict[tuple[str, str], str] = {}
        for pid, name, registration, tax_code, commune in session.execute(select(
                Producer.id, Producer.name, Producer.registration_no, Producer.tax_code, Producer.commune_code)
                .where(Producer.deleted.is_(False))):
            if registration:
                reg.setdefault(norm(registration), pid)
            if tax_code:
                tax.setdefault(norm(tax_code), pid)
            names.setdefault((norm(name), commune), pid)
        products = {(producer, norm(name)): pid for pid, producer, name in session.execute(
            select(Product.id, Product.producer_id, Product.name).where(Product.deleted.is_(False)))}
        return cls(reg, tax, names, products)

    def producer(self, registration: str, tax_code: str, name: str, commune: str) -> str | None:
        return (self.by_registration.get(norm(registration)) if registration else None) or \
            (self.by_tax.get(norm(tax_code)) if tax_code else None) or self.by_name.get((norm(name), commune))
