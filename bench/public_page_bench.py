"""Public product pages with 10,000 recognised products: server time per page (p50/p95), bytes per page, the
catalogue feed, against the /health baseline. `python -m bench.public_page_bench [N] [requests]`.

Rows are written straight through the server's store (as merge writes them), not pushed: the pages only read.
Times are taken in-process, calling the ASGI application as uvicorn does but without the socket, so they are
the server's own time; a few hundred requests through a real uvicorn and a keep-alive socket are timed too.
"""

from __future__ import annotations

import asyncio
import gzip
import io
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import requests
from PIL import Image

from ocop_core.domain.dates import add_months, period_end, vietnam_today
from ocop_core.traceability import public_code
from ocop_server import store
from ocop_server.app import create_app, dispose
from ocop_server.testing import LiveServer

COMMUNES = ("18073", "18100", "18652", "18118", "18343")


def _save(session: Any, entity: str, data: dict[str, Any]) -> str:
    row_id = str(uuid.uuid4())
    stamp = datetime.now(UTC).isoformat()
    store.save(session, store.Row(entity, row_id, {"id": row_id, "created_at": stamp, "updated_at": stamp,
                                                   "deleted": False, **data}, {}, store.next_seq(session), False))
    return row_id


def _photo(files_dir: Path) -> str:
    import hashlib
    image = Image.new("RGB", (2000, 1500), (170, 110, 50))
    for x in range(0, 2000, 50):
        image.paste((x % 255, 80, 160), (x, 0, x + 25, 1500))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    data = out.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    (files_dir / sha[:2]).mkdir(parents=True, exist_ok=True)
    (files_dir / sha[:2] / sha).write_bytes(data)
    return sha


def seed(app: Any, n: int) -> list[str]:
    """n producers with one recognised product each (validity spread over every state), one lot each, and one
    photo shared by all; returns the product ids."""
    today = vietnam_today()
    sha = _photo(app.state.settings.files_dir)
    products = []
    with app.state.write_sessions() as session:
        for i in range(n):
            commune = COMMUNES[i % len(COMMUNES)]
            producer = _save(session, "producers", {"name": f"HTX sản xuất số {i}", "kind": "cooperative",
                                                    "commune_code": commune, "phone": "0912345678"})
            product = _save(session, "products", {"producer_id": producer, "name": f"Sản phẩm OCOP số {i}",
                                                  "subgroup_code": "I.1.a", "commune_code": commune,
                                                  "description": "Mô tả ngắn của sản phẩm. " * 5})
            decided = add_months(today, -(i % 42))
            until = period_end(decided, 36)
            _save(session, "recognitions", {
                "product_id": product, "stars": 3 + i % 3, "issuing_body": "UBND tỉnh Hà Tĩnh",
                "decision_no": f"{i}/QĐ-UBND", "decision_date": decided.isoformat(), "valid_until": until.isoformat(),
                "notice_date": (until - timedelta(days=30)).isoformat(),
                "revoked_on": today.isoformat() if i % 97 == 0 else None, "revocation_reason": ""})
            _save(session, "production_lots", {"product_id": product, "lot_code": f"L{i}", "produced_on":
                                               "2026-10-01", "expires_on": "2028-10-01", "origin": "Hà Tĩnh"})
            dossier = _save(session, "dossiers", {"product_id": product, "code": f"HS-{i}", "commune_code": commune})
            _save(session, "dossier_documents", {"dossier_id": dossier, "doc_type": "product_photo", "sha256": sha,
                                                 "size": 1})
            products.append(product)
        session.commit()
    return products


class InProcess:
    """Calls the ASGI app the way uvicorn would, on one event loop: the server's time without the socket."""

    def __init__(self, app: Any):
        self.app, self.loop = app, asyncio.new_event_loop()

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
        raw, _, query = path.partition("?")
        from urllib.parse import unquote
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": unquote(raw), "raw_path": raw.encode(), "query_string": query.encode(),
                 "root_path": "", "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8765),
                 "headers": [(b"host", b"127.0.0.1:8765"), (b"accept-encoding", b"gzip"),
                             *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items())]}
        sent: dict[str, Any] = {"body": b""}
        asked = []

        async def receive() -> dict[str, Any]:
            # The request once; then, like a client that stays connected, nothing until the response is done
            # (a file response listens for a disconnect meanwhile).
            if asked:
                await asyncio.Event().wait()
            asked.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
                sent["headers"] = {k.decode().lower(): v.decode() for k, v in message["headers"]}
            elif message["type"] == "http.response.body":
                sent["body"] += message.get("body", b"")

        self.loop.run_until_complete(self.app(scope, receive, send))
        return sent["status"], sent["body"], sent["headers"]


def _times(call: Any, paths: list[str], expect: int) -> list[float]:
    out = []
    for path in paths:
        start = time.perf_counter()
        status = call(path)
        out.append((time.perf_counter() - start) * 1000)
        assert status == expect, (path, status)
    return out


def _line(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"  {label:<34} p50 {statistics.median(times):6.2f} ms   p95 {p95:6.2f} ms   ({len(times)} requests)")


def run(n: int = 10_000, count: int = 1000) -> None:
    folder = Path(tempfile.mkdtemp(prefix="ocop-public-bench-"))
    live = LiveServer(folder)  # its settings (SQLite file, files, signing key); started later for the socket run
    app = create_app(live.settings)
    start = time.perf_counter()
    products = seed(app, n)
    print(f"public pages, {n} recognised products (seeded in {time.perf_counter() - start:.1f} s)")
    client = InProcess(app)
    start = time.perf_counter()
    client.get("/catalogue.json?since=0.20000101")
    print(f"  first request, index built:        {(time.perf_counter() - start) * 1000:7.1f} ms")
    rng = random.Random(14)
    product_paths = [f"/p/{public_code(rng.choice(products))}" for _ in range(count)]
    lot_paths = [f"/p/{public_code(p)}/l/L{products.index(p)}" for p in rng.sample(products, min(count, 300))]
    unknown = [f"/p/{''.join(rng.choice('ABCDEFGH') for _ in range(8))}" for _ in range(count)]
    for path in product_paths[:20] + lot_paths[:5]:
        client.get(path)  # thumbnails made once, as on the first visits after a sync
    _line("/health (baseline)", _times(lambda p: client.get(p)[0], ["/health"] * count, 200))
    _line("product page", _times(lambda p: client.get(p)[0], product_paths, 200))
    _line("lot page", _times(lambda p: client.get(p)[0], lot_paths, 200))
    _line("unknown code page (404)", _times(lambda p: client.get(p)[0], unknown, 404))
    _, body, headers = client.get(product_paths[0])
    html = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
    _, thumb, _ = client.get(html.decode().split('src="')[1].split('"')[0])
    print(f"  bytes per product page: HTML {len(html)} ({len(body)} gzipped) + photo {len(thumb)} "
          f"= {len(body) + len(thumb)} of 204800")
    _feed(client)
    dispose(app)
    _real_socket(live, products, min(count, 300), rng)


def _feed(client: InProcess) -> None:
    start = time.perf_counter()
    _, body, headers = client.get("/catalogue.json")
    full_ms = (time.perf_counter() - start) * 1000
    raw = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
    print(f"  catalogue.json, full:              {full_ms:7.1f} ms, {len(raw)} bytes ({len(body)} gzipped)")
    start = time.perf_counter()
    client.get("/catalogue.csv")
    print(f"  catalogue.csv, full:               {(time.perf_counter() - start) * 1000:7.1f} ms")
    cursor = headers["x-ocop-next-cursor"]
    _line("catalogue.json?since=<fresh>", _times(lambda p: client.get(p)[0], [f"/catalogue.json?since={cursor}"]
                                                  * 50, 200))
    _line("catalogue.json, If-None-Match (304)",
          _times(lambda p: client.get(p, {"If-None-Match": headers["etag"]})[0], ["/catalogue.json"] * 200, 304))


def _real_socket(live: LiveServer, products: list[str], count: int, rng: random.Random) -> None:
    live.start()
    try:
        with requests.Session() as http:
            get = lambda p: http.get(live.url + p, timeout=10).status_code  # noqa: E731
            get("/health")
            get(f"/p/{public_code(products[0])}")
            _line("real uvicorn: /health", _times(get, ["/health"] * count, 200))
            _line("real uvicorn: product page", _times(
                get, [f"/p/{public_code(rng.choice(products))}" for _ in range(count)], 200))
    finally:
        live.stop()


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000, int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
