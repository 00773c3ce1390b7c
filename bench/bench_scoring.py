"""Score a 30-criterion sheet and aggregate a 7-member council: time per call."""

from __future__ import annotations

import random
import timeit
from decimal import Decimal

from ocop_core.domain.council import Attendance, aggregate
from ocop_core.domain.criteria import (
    AggregationRules,
    CriteriaSet,
    Criterion,
    CriterionGroup,
    Option,
    Part,
    ProductSet,
    StarBand,
)
from ocop_core.domain.scoring import Answer, score_sheet

BANDS = (StarBand(1, Decimal(0), Decimal(30)), StarBand(2, Decimal(30), Decimal(50)),
         StarBand(3, Decimal(50), Decimal(70), certificate=True, recognized_by="province"),
         StarBand(4, Decimal(70), Decimal(90), certificate=True, recognized_by="province"),
         StarBand(5, Decimal(90), Decimal(100), upper_inclusive=True, certificate=True, recognized_by="central"))


def thirty_criteria() -> tuple[CriteriaSet, ProductSet]:
    parts = []
    for code, n in (("A", 12), ("B", 8), ("C", 10)):
        criteria = tuple(Criterion(code=f"{code}.{i}", name=f"Tiêu chí {i}",
                                   options=tuple(Option(c, c, Decimal(p)) for c, p in zip("abcd", (0, 1, 2, 3),
                                                                                            strict=True)))
                         for i in range(n))
        parts.append(Part(code, code, Decimal(3 * n), (CriterionGroup(f"{code}.1", code, criteria),)))
    product_set = ProductSet("PS", "PS", tuple(parts))
    criteria_set = CriteriaSet(id="x", code="BENCH", title="", legal_basis=(), effective_from=None, effective_to=None,
                               status="published", supersedes=None, total_points=Decimal(90), product_groups=(),
                               product_sets=(product_set,), star_bands=BANDS)
    return criteria_set, product_set


def run() -> None:
    rng = random.Random(3)
    criteria_set, product_set = thirty_criteria()
    answers = [Answer(c.code, rng.choice("abcd")) for c in product_set.criteria]
    totals = [Decimal(rng.randrange(6000, 9000)) / 100 for _ in range(7)]
    rules = AggregationRules()
    attendance = Attendance(7, 7, True)
    n = 2000
    score = timeit.timeit(lambda: score_sheet(criteria_set, product_set, answers), number=n) / n * 1000
    council = timeit.timeit(lambda: aggregate(totals, rules, BANDS, (), attendance), number=n) / n * 1000
    points = [Decimal(1)] * 30
    baseline = timeit.timeit(lambda: sum(points, Decimal(0)), number=n) / n * 1000
    print("scoring (domain, pure Python):")
    print(f"  score a 30-criterion sheet:     {score:.4f} ms/call  (target <= 1 ms)")
    print(f"  aggregate a 7-member council:   {council:.4f} ms/call  (target <= 1 ms)")
    print(f"  baseline: sum of 30 Decimals:   {baseline:.4f} ms/call  "
          f"(sheet = {score / baseline:.0f}x, council = {council / baseline:.0f}x)")
