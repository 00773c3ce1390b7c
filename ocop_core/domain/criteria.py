"""The criteria-set model: a versioned, immutable tree from product groups down to options."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class LegalBasis:
    number: str
    date: date | None


@dataclass(frozen=True, slots=True)
class Option:
    code: str
    label: str
    points: Decimal


@dataclass(frozen=True, slots=True)
class SubItem:
    code: str
    name: str
    options: tuple[Option, ...]

    @property
    def max_points(self) -> Decimal:
        return max(o.points for o in self.options)

    @property
    def min_points(self) -> Decimal:
        return min(o.points for o in self.options)


@dataclass(frozen=True, slots=True)
class CriterionRule:
    """A mandatory condition attached to one criterion, checked from ``from_stars`` upwards."""

    from_stars: int
    min_points: Decimal | None = None
    forbidden_options: tuple[str, ...] = ()
    cap_stars: int | None = None  # None: from_stars - 1


@dataclass(frozen=True, slots=True)
class Criterion:
    code: str
    name: str
    options: tuple[Option, ...] = ()
    subitems: tuple[SubItem, ...] = ()
    guidance: str = ""
    mandatory: CriterionRule | None = None
    evidence: tuple[str, ...] = ()

    @property
    def has_subitems(self) -> bool:
        return bool(self.subitems)

    @property
    def max_points(self) -> Decimal:
        if self.subitems:
            return sum((s.max_points for s in self.subitems), Decimal(0))
        return max(o.points for o in self.options)

    @property
    def min_points(self) -> Decimal:
        if self.subitems:
            return sum((s.min_points for s in self.subitems), Decimal(0))
        return min(o.points for o in self.options)

    @property
    def slots(self) -> tuple[str | None, ...]:
        """The answers the criterion needs: one per sub-item, or one (None) for the criterion itself."""
        return tuple(s.code for s in self.subitems) if self.subitems else (None,)

    def option_ladder(self, subitem: str | None) -> tuple[Option, ...] | None:
        """The options a choice may come from, or None when the sub-item does not exist."""
        if not self.subitems:
            return self.options if subitem is None else None
        for s in self.subitems:
            if s.code == subitem:
                return s.options
        return None

    def option(self, subitem: str | None, code: str | None) -> Option | None:
        """The option ``code`` of the sub-item's ladder (or the criterion's own), None when there is none."""
        return next((o for o in self.option_ladder(subitem) or () if o.code == code), None)


@dataclass(frozen=True, slots=True)
class CriterionGroup:
    code: str
    name: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True, slots=True)
class Part:
    code: str
    name: str
    max_points: Decimal
    groups: tuple[CriterionGroup, ...]

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for g in self.groups for c in g.criteria)


@dataclass(frozen=True, slots=True)
class ProductSet:
    """One scoring sheet (phiếu đánh giá), shared by the phân nhóm that point to it."""

    code: str
    name: str
    parts: tuple[Part, ...]
    evaluation_mode: str = "sample"

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for p in self.parts for c in p.criteria)

    def criterion(self, code: str) -> Criterion | None:
        for c in self.criteria:
            if c.code == code:
                return c
        return None

    def part_of(self, criterion_code: str) -> Part | None:
        for p in self.parts:
            if any(c.code == criterion_code for c in p.criteria):
                return p
        return None


@dataclass(frozen=True, slots=True)
class Subgroup:
    code: str
    name: str
    product_set: str
    ministry: str = ""


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    subgroups: tuple[Subgroup, ...]


@dataclass(frozen=True, slots=True)
class ProductGroup:
    code: str
    name: str
    categories: tuple[Category, ...]


@dataclass(frozen=True, slots=True)
class StarBand:
    """Half-open [lower, upper) on the council mean; the top band may include its upper bound."""

    stars: int
    lower: Decimal
    upper: Decimal
    upper_inclusive: bool = False
    certificate: bool = False
    recognized_by: str | None = None

    def contains(self, value: Decimal) -> bool:
        if value < self.lower:
            return False
        return value <= self.upper if self.upper_inclusive else value < self.upper


@dataclass(frozen=True, slots=True)
class MandatoryDocument:
    code: str
    from_stars: int
    max_age_months: int | None = None


@dataclass(frozen=True, slots=True)
class AggregationRules:
    method: str = "mean_of_member_totals"
    decimals: int = 2
    rounding: str = "half_up"
    max_member_spread: Decimal | None = Decimal(10)
    quorum_fraction: Decimal = Decimal("0.75")
    chair_required: bool = True
    mandatory_failure_caps_at_stars: int | None = 2


@dataclass(frozen=True, slots=True)
class CriteriaSet:
    id: str
    code: str
    title: str
    legal_basis: tuple[LegalBasis, ...]
    effective_from: date | None
    effective_to: date | None
    status: str
    supersedes: str | None
    total_points: Decimal
    product_groups: tuple[ProductGroup, ...]
    product_sets: tuple[ProductSet, ...]
    star_bands: tuple[StarBand, ...]
    mandatory_documents: tuple[MandatoryDocument, ...] = ()
    aggregation: AggregationRules = field(default_factory=AggregationRules)
    certificate_validity_months: int = 36
    schema_version: int = 1

    def product_set(self, code: str) -> ProductSet | None:
        for ps in self.product_sets:
            if ps.code == code:
                return ps
        return None

    def subgroups(self) -> tuple[Subgroup, ...]:
        return tuple(s for g in self.product_groups for c in g.categories for s in c.subgroups)

    def product_set_for_subgroup(self, subgroup_code: str) -> ProductSet | None:
        for s in self.subgroups():
            if s.code == subgroup_code:
                return self.product_set(s.product_set)
        return None

    def is_effective_on(self, day: date) -> bool:
        if self.effective_from and day < self.effective_from:
            return False
        return not (self.effective_to and day > self.effective_to)
