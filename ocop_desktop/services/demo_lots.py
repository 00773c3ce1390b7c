"""Demo production lots: a few lots of the demo's recognised products, one withdrawn, some with labels printed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.dates import vietnam_today
from ocop_desktop.db.models import Product, Recognition
from ocop_desktop.services import lots

PRODUCTS = 4
LOTS_PER_PRODUCT = 3
ORIGINS = ("Cá cơm đánh bắt tại vùng biển Cẩm Nhượng, Cẩm Xuyên", "Vùng trồng xã Sơn Kim 1, Hương Sơn",
           "Nguyên liệu thu mua từ các hộ thành viên hợp tác xã", "Vùng nguyên liệu tập trung xã Đức Đồng")


def add_lots(session: Session, admin_id: str, today: date | None = None) -> int:
    """Lots for the first few products recognised today, recorded as the demo admin: the number made."""
    today = today or vietnam_today()
    made = 0
    for n, product_id in enumerate(_recognised_products(session, today)):
        ids = []
        for k in range(LOTS_PER_PRODUCT):
            produced = today - timedelta(days=20 + 45 * k + 7 * n)
            ids.append(lots.create_lot(
                session, product_id=product_id, lot_code=f"L{produced:%y%m%d}-{k + 1:02d}", user_id=admin_id,
                role="admin", today=today, produced_on=produced, expires_on=produced + timedelta(days=365),
                expiry_kind="expiry" if n % 2 == 0 else "best_before", quantity=Decimal(200 + 150 * k),
                unit="chai" if n % 2 == 0 else "hộp", origin=ORIGINS[n % len(ORIGINS)]).row_id())
        lots.mark_labels_printed(session, ids[1:])
        if n == 0:
            lots.withdraw_lot(session, ids[-1], on=today - timedelta(days=3), user_id=admin_id, role="admin",
                              reason="Nắp chai không kín, thu hồi theo yêu cầu của Chi cục Quản lý chất lượng")
        made += len(ids)
    return made


def _recognised_products(session: Session, today: date) -> list[str]:
    rows = session.scalars(select(Product.id).join(Recognition, Recognition.product_id == Product.id).where(
        Recognition.deleted.is_(False), Recognition.revoked_on.is_(None), Recognition.decision_date <= today,
        Recognition.valid_until > today).order_by(Product.name, Product.id).distinct()).all()
    return list(rows)[:PRODUCTS]
