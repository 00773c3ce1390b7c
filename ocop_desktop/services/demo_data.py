"""A realistic Hà Tĩnh dataset built through the services, for trying the app and for benchmarks."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_core.domain.criteria import Option, ProductSet
from ocop_core.domain.dates import vietnam_today
from ocop_core.domain.dossier_status import STATUSES
from ocop_core.domain.scoring import Answer
from ocop_desktop.db.models import AdminUnit, Dossier
from ocop_desktop.paths import resources_dir
from ocop_desktop.services import (
    assignments,
    councils,
    criteria,
    demo_accounts,
    demo_documents,
    demo_lots,
    dossiers,
    recognitions,
    registry,
    sheets,
    tasks_auto,
)
from ocop_desktop.services.sync_status import mark_demo_data

# Products the province names in its own reporting (shared/domain/ocop-rules.md).
REAL_PRODUCTS = [
    ("Nhung hươu Hiền Ngọc", "Cơ sở nuôi hươu Hiền Ngọc", "household", "Sơn"),
    ("Mật ong Cường Nga", "Cơ sở mật ong Cường Nga", "household", "Sơn"),
    ("Nước mắm Phú Khương", "HTX Nước mắm Phú Khương", "cooperative", "Thạch"),
    ("Nước mắm Luận Nghiệp", "Cơ sở nước mắm Luận Nghiệp", "household", "Cẩm"),
    ("Cam giòn Xuân Hoà Thượng Lộc", "HTX Cam Thượng Lộc", "cooperative", "Can Lộc"),
    ("Bánh Ram Anh Thu", "Cơ sở bánh Ram Anh Thu", "household", "Lộc"),
    ("Bánh đa vừng Nguyên Lâm", "Cơ sở bánh đa Nguyên Lâm", "household", "Đức"),
    ("Trầm Hương Tâm Thiên Hương", "Công ty TNHH Tâm Thiên Hương", "enterprise", "Vũ Quang"),
]
GOODS = ["Cam bù", "Bưởi Phúc Trạch", "Kẹo cu đơ", "Mật ong rừng", "Nước mắm", "Bánh đa vừng", "Chè xanh",
         "Mực khô", "Tinh dầu bưởi", "Nhung hươu", "Gạo hữu cơ", "Trà thảo dược", "Rượu nếp", "Mứt gừng",
         "Ruốc", "Cao dược liệu", "Chả cá", "Bánh gai", "Mè xửng", "Cá khô", "Nón lá", "Mây tre đan"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
GIVEN = ["Văn Hùng", "Thị Lan", "Đức Minh", "Thị Hoa", "Quang Huy", "Thị Hằng", "Văn Thắng", "Ngọc Ánh",
         "Hữu Nghĩa", "Thị Thu", "Xuân Trường", "Thị Nga", "Công Lý", "Thị Hiền"]
KIND_PREFIX = {"cooperative": "HTX", "enterprise": "Công ty TNHH", "cooperative_group": "Tổ hợp tác",
               "household": "Hộ kinh doanh"}
MEMBER_ROLES = ["chair", "vice_chair", "member", "member", "member"]
SUBGROUP = "I.1.a"
BATCH = 500
DECIDED = ("evaluated", "closed")
# Forwarded dossiers are scored too: the council's results waiting for its approval.
SCORED = ("forwarded", *DECIDED)
PROGRESS_EVERY = 10  # dossiers between two progress reports
# Hà Tĩnh's extent; jittered points are kept inside it.
LAT_RANGE, LON_RANGE = (17.95, 18.75), (105.15, 106.45)


@dataclass
class DemoSummary:
    producers: int = 0
    products: int = 0
    dossiers: int = 0
    sheets: int = 0
    recognitions: int = 0


def has_data(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Dossier)))


def _communes(session: Session) -> list[AdminUnit]:
    return list(session.scalars(select(AdminUnit).where(AdminUnit.level == "commune").order_by(AdminUnit.code)))


def _near(rng: random.Random, unit: AdminUnit) -> tuple[float, float]:
    if unit.lat is None or unit.lon is None:
        raise ValueError(f"commune {unit.code} has no centre to place producers near")
    lat = min(max(rng.gauss(unit.lat, 0.01), LAT_RANGE[0]), LAT_RANGE[1])
    lon = min(max(rng.gauss(unit.lon, 0.01), LON_RANGE[0]), LON_RANGE[1])
    return round(lat, 6), round(lon, 6)


def _answers(rng: random.Random, product_set: ProductSet, quality: float) -> list[Answer]:
    """A member's sheet for a product of the given quality (0..1), with personal noise."""
    answers = []

    def pick(criterion_code: str, options: Sequence[Option], subitem: str | None = None) -> None:
        ordered = sorted(options, key=lambda o: o.points)
        position = min(max(quality + rng.gauss(0, 0.12), 0.0), 0.999)
        answers.append(Answer(criterion_code, ordered[int(position * len(ordered))].code, subitem))

    for criterion in product_set.criteria:
        if criterion.subitems:
            for s in criterion.subitems:
                pick(criterion.code, s.options, s.code)
        else:
            pick(criterion.code, criterion.options)
    return answers


@dataclass(frozen=True)
class _Council:
    """The province's council as the dossiers need it: what it scores against and who scores."""

    version_id: str
    product_set: ProductSet
    members: list[str]
    evaluation: str
    id: str
    admin: str  # the demo admin's user id: who moves the dossiers
    chair: str  # the chair's user id: who approves the results


def ensure_built(factory: Callable[[], Session], scale: int = 240,
                 progress: Callable[[str, int, int], None] | None = None) -> DemoSummary | None:
    """Builds the demo province unless the database holds dossiers already (then None)."""
    with factory() as session:
        if has_data(session):
            return None
    return build(factory, scale=scale, progress=progress)


def build(factory: Callable[[], Session], scale: int = 240, seed: int = 42,
          progress: Callable[[str, int, int], None] | None = None, scored_limit: int = 60) -> DemoSummary:
    """``scale`` dossiers, one per product; ``scored_limit`` evaluated dossiers get five members' sheets.
    Committed in batches, not as one transaction: 50,000 dossiers for a benchmark would hold one
    transaction for minutes."""
    rng = random.Random(seed)
    # The decisions' own numbers and dates: drawn from the main sequence they would change every later dossier.
    decisions = random.Random(seed + 1)
    summary = DemoSummary()
    report = progress or (lambda phase, done, total: None)
    report("setup", 0, scale)
    with factory() as session:
        council = _council(session, rng)
        session.commit()
        producer_ids = _producers(session, rng, scale, summary)
        session.commit()
        scored = 0
        # Products, then dossiers, then their workflow, each batch committed before the next step: a
        # child created for a pending parent would force a flush per row.
        for first in range(0, scale, BATCH):
            batch = range(first, min(first + BATCH, scale))
            products = _products(session, rng, batch, producer_ids)
            session.commit()
            opened = [dossiers.create_dossier(session, product_id=product, criteria_set_id=council.version_id,
                                              kind=rng.choice(["new", "new", "new", "renewal", "upgrade"])).row_id()
                      for product in products]
            demo_documents.file_documents(session, opened, first)
            session.commit()
            for i, dossier in zip(batch, opened, strict=True):
                target = STATUSES[i % len(STATUSES)]
                # Only the council's approved result lets a dossier past "forwarded": the ones it does not
                # score (beyond scored_limit) or cannot approve wait there.
                _move(session, council, dossier, "forwarded" if target in DECIDED else target)
                if target in SCORED and scored < scored_limit:
                    scored += 1
                    summary.sheets += _score(session, rng, council, dossier, target)
                    summary.recognitions += _decide(session, decisions, council, dossier, target,
                                                    first=summary.recognitions == 0)
                if (i + 1) % PROGRESS_EVERY == 0 and i + 1 < batch.stop:
                    report("dossiers", i + 1, scale)
            summary.products += len(products)
            summary.dossiers += len(opened)
            session.commit()
            session.expunge_all()
            report("dossiers", batch.stop, scale)
        demo_lots.add_lots(session, council.admin)
        # The admin's automatic tasks are part of the demo, so the first start finds none left to make.
        tasks_auto.ensure_auto_tasks(session, user_id=council.admin, role="admin")
        # However the demo is built (first start, `ocop demo-data`, a benchmark), its rows stay off the unsent
        # count until a server is set: a fresh demo must not greet a person with thousands of changes to send.
        mark_demo_data(session)
        session.commit()
    return summary


def _council(session: Session, rng: random.Random) -> _Council:
    """The criteria sets, the province's council with its members and an open evaluation, the demo users."""
    versions = [criteria.import_criteria_set(session, path.read_bytes()).row_id()
                for path in sorted((resources_dir() / "criteria").glob("*.json"))]
    current = criteria.version_in_force(session, vietnam_today())
    version_id = current.id if current else versions[-1]
    product_set = criteria.load_criteria_set(session, version_id).product_set_for_subgroup(SUBGROUP)
    if product_set is None:
        raise ValueError(f"the criteria set {version_id} has no subgroup {SUBGROUP}")
    council = councils.create_council(session, name="Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh",
                                      admin_unit_code="42", criteria_set_id=version_id,
                                      decision_no="1234/QĐ-UBND", decision_date=date(2025, 7, 15)).row_id()
    users = demo_accounts.create_demo_users(session, rng.choice(SURNAMES), GIVEN)
    linked = {"chair": users["chutich"], "member": users["thanhvien"]}
    members = []
    for role in MEMBER_ROLES:
        user = linked.pop(role, None)
        members.append(councils.add_member(
            session, council_id=council, role=role, user_id=user.id if user else None,
            full_name=user.full_name if user else f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
            organisation="Sở Nông nghiệp và Môi trường Hà Tĩnh").row_id())
    councils.add_member(session, council_id=council, role="secretary", scores=False,
                        user_id=users["thuky"].id, full_name=users["thuky"].full_name)
    evaluation = councils.open_evaluation(session, council_id=council, criteria_set_id=version_id,
                                          held_on=date(2025, 10, 20)).row_id()
    return _Council(version_id, product_set, members, evaluation, council, users["admin"].id, users["chutich"].id)


def _producers(session: Session, rng: random.Random, scale: int, summary: DemoSummary) -> list[tuple[str, str]]:
    """(id, commune code) of each producer: the real ones first, near the communes they are from."""
    communes = _communes(session)
    by_hint = {hint: [u for u in communes if hint in u.name] or communes for *_, hint in REAL_PRODUCTS}
    producer_ids: list[tuple[str, str]] = []
    for i in range(max(len(REAL_PRODUCTS), scale // 4)):
        if i < len(REAL_PRODUCTS):
            _, name, kind, hint = REAL_PRODUCTS[i]
            unit = rng.choice(by_hint[hint])
        else:
            kind = rng.choice(list(KIND_PREFIX))
            unit = rng.choice(communes)
            name = f"{KIND_PREFIX[kind]} {rng.choice(GOODS)} {unit.short_name} {i}"
        lat, lon = _near(rng, unit)
        pid = registry.create_producer(
            session, name=name, kind=kind, commune_code=unit.code, lat=lat, lon=lon,
            registration_no=f"28{rng.randrange(10**7, 10**8)}", tax_code=f"30{rng.randrange(10**7, 10**8)}",
            representative=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
            address=f"Thôn {rng.randrange(1, 12)}, {unit.name}, tỉnh Hà Tĩnh").row_id()
        producer_ids.append((pid, unit.code))
        summary.producers += 1
        if i % 1000 == 999:
            session.commit()
            session.expunge_all()
    return producer_ids


def _products(session: Session, rng: random.Random, batch: range, producer_ids: list[tuple[str, str]]) -> list[str]:
    products = []
    for i in batch:
        producer_id, commune = producer_ids[i % len(producer_ids)]
        name = REAL_PRODUCTS[i][0] if i < len(REAL_PRODUCTS) else f"{rng.choice(GOODS)} {rng.choice(GIVEN).split()[-1]}"
        products.append(registry.create_product(session, producer_id=producer_id, name=name,
                                                subgroup_code=SUBGROUP, commune_code=commune).row_id())
    return products


def _move(session: Session, council: _Council, dossier: str, target: str) -> None:
    """The demo admin moves the dossier along the workflow from where it is to ``target``."""
    row = session.get(Dossier, dossier)
    assert row is not None  # created by this build
    current = row.status
    for status in STATUSES[STATUSES.index(current) + 1:STATUSES.index(target) + 1]:
        dossiers.change_dossier_status(session, dossier, status, user_id=council.admin, role="admin")


def _decide(session: Session, rng: random.Random, council: _Council, dossier: str, target: str, *,
            first: bool) -> int:
    """The council's result is computed; for a dossier going on to ``target`` past "forwarded" it is approved
    when it can be, and a closed one with three stars or more is recognised: the number of recognitions.
    ``first``: the build's first recognition, which ends within months (a renewal task, an expiry button)."""
    _, outcome = councils.compute_council_result(session, evaluation_id=council.evaluation, dossier_id=dossier)
    if target not in DECIDED or not outcome.can_approve:
        return 0
    councils.approve_council_result(session, approved_by=council.chair, evaluation_id=council.evaluation,
                                    dossier_id=dossier)
    _move(session, council, dossier, target)
    row = session.get(Dossier, dossier)
    assert row is not None  # created by this build
    stars = row.result_stars or 0
    if target != "closed" or stars not in (3, 4, 5):
        return 0
    # Decided over the last four years: most still hold, some end within months (the overview's expiry
    # buttons and the renewal tasks), about one in five has ended.
    age = 32 * 30 + rng.randrange(0, 60) if first else rng.randrange(20, 4 * 365)
    decision = vietnam_today() - timedelta(days=age)
    # Five stars are recognised by the ministry, on the province's proposal; three and four by the province.
    body, number = (("Bộ Nông nghiệp và Môi trường", f"{rng.randrange(100, 4000)}/QĐ-BNNMT") if stars == 5 else
                    ("Ủy ban nhân dân tỉnh Hà Tĩnh", f"{rng.randrange(100, 4000)}/QĐ-UBND"))
    recognitions.record_recognition(session, dossier_id=dossier, decision_no=number, decision_date=decision,
                                    issuing_body=body, user_id=council.admin, role="admin")
    return 1


def _score(session: Session, rng: random.Random, council: _Council, dossier: str, target: str) -> int:
    assignments.assign_dossier(session, council_id=council.id, dossier_id=dossier)
    # A dossier that reached the end of the cycle was mostly one worth recognising: the overview then has
    # recognised products to show, while the council's table keeps weaker results among the others.
    quality = rng.uniform(0.62, 0.95) if target == "closed" else rng.uniform(0.45, 0.95)
    for member in council.members:
        sheet = sheets.start_sheet(session, dossier_id=dossier, member_id=member,
                                   evaluation_id=council.evaluation).row_id()
        sheets.record_answers(session, sheet_id=sheet, answers=_answers(rng, council.product_set, quality))
        sheets.submit_sheet(session, sheet_id=sheet)
    return len(council.members)
