"""A product or lot page, and the unknown-address page, as HTML with its status code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ocop_core import traceability
from ocop_server.public import communes, render
from ocop_server.public.addresses import Asked
from ocop_server.public.index import Product, PublicIndex
from ocop_server.public.queries import Lot, Recognition, current_recognition, find_lot, logged
from ocop_server.public.thumbs import thumbnail

MAX_PHOTOS = 3  # three 480-pixel JPEGs stay well inside the 200 KB a page may weigh
KIND_LABELS = {"cooperative": "hợp tác xã", "enterprise": "doanh nghiệp", "cooperative_group": "tổ hợp tác",
               "household": "hộ sản xuất"}
STATUS_LABELS = {"valid": "Còn hiệu lực", "expiring": "Sắp hết hiệu lực", "expired": "Đã hết hiệu lực",
                 "revoked": "Đã bị thu hồi"}
REASONS = {
    "malformed": "Địa chỉ này không phải là mã sản phẩm OCOP hợp lệ.",
    "too_long": "Địa chỉ này quá dài để là mã sản phẩm OCOP.",
    "gtin_check_digit": "Mã GTIN này sai chữ số kiểm tra: có thể mã bị in hoặc quét nhầm.",
    "unknown": "Không có sản phẩm OCOP nào được công nhận với mã này.",
    "unknown_lot": "Sản phẩm có trong danh mục OCOP, nhưng không có lô hàng nào mang mã này.",
}


@dataclass(frozen=True)
class Photo:
    url: str
    width: int
    height: int


def thumb_url(sha256: str) -> str:
    return f"/thumbs/{sha256}.jpg"


def _photos(files_dir: Path, hashes: list[str] | tuple[str, ...], limit: int) -> list[Photo]:
    out = []
    for sha in hashes:
        made = thumbnail(files_dir, sha)
        if made is not None:
            out.append(Photo(thumb_url(sha), *made[1]))
        if len(out) >= limit:
            break
    return out


def unknown_page(asked: Asked, reason: str, today: date, product_link: str = "") -> str:
    return render.page("unknown.html.j2", title="Không tìm thấy sản phẩm", province=communes.province_name(),
                       canonical="", json_ld="", reason=REASONS[reason], shown=asked.shown,
                       product_link=product_link, today=today.strftime("%d/%m/%Y"))


def product_page(session: Session, index: PublicIndex, files_dir: Path, base: str, asked: Asked,
                 today: date) -> tuple[int, str]:
    """(status, html) for the product or lot the address names."""
    ref = asked.ref
    product = index.find(ref) if ref is not None else None
    rec = current_recognition(index, product.id, today) if product is not None else None
    if ref is None or product is None or rec is None:
        return 404, unknown_page(asked, asked.reason or "unknown", today)
    path = traceability.product_path(product.code, product.gtin)
    lot = None
    if ref.lot is not None:
        lot = find_lot(session, product.id, ref.lot)
        if lot is None:
            return 404, unknown_page(asked, "unknown_lot", today, product_link=path)
        path = traceability.lot_path(product.code, product.gtin, lot.lot_code)
    photos = _photos(files_dir, index.photo_hashes(product.id), MAX_PHOTOS)
    lot_photos = _photos(files_dir, lot.photos, MAX_PHOTOS - min(len(photos), MAX_PHOTOS - 1)) if lot else []
    producer = index.producers.get(product.producer_id, {})
    values = _values(product, producer, rec, lot, base + path, base, photos + lot_photos)
    rec_logged = logged(session, "recognitions", rec.id)
    lot_logged = logged(session, "production_lots", lot.id) if lot else None
    html = render.page("product.html.j2", title=product.name, province=communes.province_name(),
                       canonical=base + path, product=product, rec=rec, lot=lot, photos=photos,
                       lot_photos=lot_photos, producer={"name": producer.get("name", ""),
                                                        "kind_label": KIND_LABELS.get(producer.get("kind", ""), "")},
                       commune=communes.commune_name(product.commune_code), status_label=STATUS_LABELS[rec.status],
                       description=product.description[:600],
                       lot_expired=bool(lot and lot.expires_on and lot.expires_on < today),
                       json_ld=render.json_ld(values), today=today.strftime("%d/%m/%Y"), rec_logged=rec_logged,
                       lot_logged=lot_logged)
    return 200, html



def _values(product: Product, producer: dict[str, str], rec: Recognition, lot: Lot | None, url: str, base: str,
            photos: list[Photo]) -> dict[str, Any]:
    """schema.org Product: what a search engine or a shop's crawler reads from the page."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Product", "name": product.name,
                            "url": url, "sku": product.code}
    if product.gtin:
        data["gtin14"] = product.gtin
        data["hasGS1DigitalLink"] = url
    if product.description:
        data["description"] = product.description[:600]
    if photos:
        data["image"] = [base + p.url for p in photos]
    if producer.get("name"):
        data["manufacturer"] = {"@type": "Organization", "name": producer["name"], "address": {
            "@type": "PostalAddress", "addressLocality": communes.commune_name(product.commune_code),
            "addressRegion": communes.province_name(), "addressCountry": "VN"}}
    if rec.status in ("valid", "expiring"):
        data["award"] = f"OCOP {rec.stars} sao, quyết định số {rec.decision_no} ngày {rec.decision_date:%d/%m/%Y}"
    if lot is not None and lot.produced_on is not None:
        data["productionDate"] = lot.produced_on.isoformat()
    return data
