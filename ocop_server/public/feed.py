"""The catalogue feed for shops and e-commerce platforms: every recognised product, or what changed since a
cursor. The format is documented in docs/catalogue.md."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ocop_core import traceability
from ocop_server.public import communes
from ocop_server.public.index import Product, PublicIndex
from ocop_server.public.queries import Recognition, current_recognition
from ocop_server.public.views import thumb_url

FORMAT = "ocop-catalogue/1"
COLUMNS = ("code", "gtin", "name", "producer", "commune_code", "commune", "stars", "status", "decision_no",
           "decision_date", "valid_through", "revoked_on", "url", "image_url", "updated")
_CURSOR = re.compile(r"(\d{1,18})\.(\d{8})")


@dataclass(frozen=True)
class Cursor:
    """Where a reader stopped: the server's sequence number then, and Vietnam's date then (a recognition
    also changes status as days pass, with no row changing)."""

    seq: int
    day: date

    def __str__(self) -> str:
        return f"{self.seq}.{self.day:%Y%m%d}"


def parse_cursor(text: str | None, newest: int, today: date) -> Cursor | None:
    """A cursor this server gave; None for none, for a malformed one, and for one it cannot have given (ahead
    of its sequence or of today: another server's, or from before a restore), which all get the full list."""
    match = _CURSOR.fullmatch(text or "")
    if match is None:
        return None
    try:
        day = date(int(match[2][:4]), int(match[2][4:6]), int(match[2][6:]))
    except ValueError:
        return None
    seq = int(match[1])
    return Cursor(seq, day) if seq <= newest and day <= today else None


def etag(kind: str, index_seq: int, today: date, since: Cursor | None, base: str) -> str:
    """Everything the body depends on, so a match answers 304 before anything is built."""
    key = f"{FORMAT}|{kind}|{index_seq}|{today}|{since}|{base}"
    return '"' + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + '"'


def matches(if_none_match: str | None, tag: str) -> bool:
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or tag in tags


def _item(index: PublicIndex, product: Product, rec: Recognition, base: str) -> dict[str, Any]:
    photos = index.photo_hashes(product.id)
    return {
        "code": product.code, "gtin": product.gtin, "name": product.name,
        "producer": index.producers.get(product.producer_id, {}).get("name", ""),
        "commune_code": product.commune_code, "commune": communes.commune_name(product.commune_code),
        "stars": rec.stars, "status": str(rec.status), "decision_no": rec.decision_no,
        "decision_date": rec.decision_date.isoformat(), "valid_through": rec.last_day.isoformat(),
        "revoked_on": rec.revoked_on.isoformat() if rec.revoked_on else None,
        "url": base + traceability.product_path(product.code, product.gtin),
        "image_url": base + thumb_url(photos[0]) if photos else None,
        "updated": index.changed.get(product.id, 0)}


def entries(index: PublicIndex, today: date, since: Cursor | None, base: str
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(items, removed): every public product, or those whose entry moved after ``since`` or whose status
    changed between its day and today; removed: products public before and no longer."""
    items = []
    for product in index.public_products():
        unmoved = since is not None and index.changed.get(product.id, 0) <= since.seq
        if unmoved and since is not None and since.day == today:
            continue  # nothing changed and no day passed: the poller's usual case, decided without any date sums
        rec = current_recognition(index, product.id, today)
        if rec is None:
            continue
        if unmoved and since is not None:
            before = current_recognition(index, product.id, since.day)
            if before is not None and before.status == rec.status:
                continue
        items.append(_item(index, product, rec, base))
    items.sort(key=lambda i: (i["updated"], i["code"]))
    removed = [] if since is None else sorted(
        ({"code": p.code, "gtin": p.gtin, "url": base + traceability.product_path(p.code, p.gtin), "updated": seq}
         for p, seq in index.gone.values() if seq > since.seq), key=lambda r: (r["updated"], r["code"]))
    return items, removed


def as_json(items: list[dict[str, Any]], removed: list[dict[str, Any]], today: date, since: Cursor | None,
            next_cursor: Cursor) -> bytes:
    body = {"format": FORMAT, "as_of": today.isoformat(), "full": since is None,
            "since": str(since) if since else None, "next": str(next_cursor), "count": len(items),
            "items": items, "removed": removed}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _cell(value: Any) -> Any:
    # A name opening with = + - or @ would run as a formula in a spreadsheet (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value


def as_csv(items: list[dict[str, Any]], removed: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for item in items:
        writer.writerow({k: _cell(v) for k, v in item.items()})
    for gone in removed:
        writer.writerow({**{k: "" for k in COLUMNS}, **{k: v or "" for k, v in gone.items()}, "status": "removed"})
    # With a byte-order mark, Excel opens the Vietnamese names as UTF-8 instead of the Windows code page.
    return ("\ufeff" + out.getvalue()).encode("utf-8")
