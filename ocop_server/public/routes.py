"""Public answers, without login: product and lot pages at their printed addresses, photo thumbnails of
public products only, and the catalogue feed."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Header, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.datastructures import State

from ocop_core.domain.dates import vietnam_today
from ocop_server.deps import read_session
from ocop_server.public import addresses, feed, render, views
from ocop_server.public.index import PublicIndex
from ocop_server.public.queries import photo_is_public
from ocop_server.public.thumbs import thumbnail


@asynccontextmanager
async def _warm_up(app: FastAPI) -> AsyncIterator[None]:
    """Builds the public index while the server starts (1.5 s with 10,000 products), so the first consumer
    to scan a label after a restart does not wait for it; the first requests queue on its lock meanwhile."""
    thread = threading.Thread(target=_build_index, args=(app,), name="ocop-public-index", daemon=True)
    thread.start()
    yield
    thread.join(timeout=60)


def _build_index(app: FastAPI) -> None:
    try:
        index = _index_of(app.state)
        with app.state.sessions() as session, index.lock:
            index.refresh(session)
    except Exception:  # the first public request builds it instead; the server itself is not at stake
        logging.getLogger(__name__).exception("public index warm-up failed")


router = APIRouter(tags=["public"], lifespan=_warm_up)
PAGE_CACHE = "public, max-age=300"
_SHA_JPG = re.compile(r"([0-9a-f]{64})\.jpg")
_index_lock = threading.Lock()
# The last bodies made, by ETag (which covers everything a body depends on): shops polling the full list
# between two changes get the same bytes without the list being built again.
FEED_BODIES_KEPT = 8
FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path fill="#b8860b" d="M8 1l2.1 4.6 '
           '4.9.5-3.7 3.3 1.1 4.9L8 11.8 3.6 14.3l1.1-4.9L1 6.1l4.9-.5z"/></svg>')


def _index(request: Request) -> PublicIndex:
    return _index_of(request.app.state)


def _index_of(state: State) -> PublicIndex:
    with _index_lock:
        if not hasattr(state, "public_index"):
            state.public_index = PublicIndex()
        index: PublicIndex = state.public_index
    return index


def _base(request: Request) -> str:
    configured = request.app.state.settings.public_base_url
    return configured or f"{request.url.scheme}://{request.url.netloc}"


def _page(request: Request) -> HTMLResponse:
    asked = addresses.read(request.scope.get("raw_path") or request.url.path.encode("utf-8", "replace"))
    today = vietnam_today()
    index = _index(request)
    with read_session(request) as session, index.lock:
        index.refresh(session)
        status, html = views.product_page(session, index, request.app.state.settings.files_dir, _base(request),
                                          asked, today)
    headers = {**render.security_headers(), "Cache-Control": PAGE_CACHE if status == 200 else "no-cache"}
    return HTMLResponse(html, status_code=status, headers=headers)


@router.api_route("/p/{rest:path}", methods=["GET", "HEAD"], include_in_schema=False)
def short_address(request: Request, rest: str) -> HTMLResponse:
    """/p/{code} and /p/{code}/l/{lot}: products without a GTIN."""
    return _page(request)


@router.api_route("/01/{rest:path}", methods=["GET", "HEAD"], include_in_schema=False)
def digital_link(request: Request, rest: str) -> HTMLResponse:
    """/01/{GTIN}[/10/{lot}]: a GS1 Digital Link resolved by this server."""
    return _page(request)


@router.get("/thumbs/{name:path}", include_in_schema=False)
def thumb(request: Request, name: str) -> Response:
    match = _SHA_JPG.fullmatch(name)
    files_dir = request.app.state.settings.files_dir
    if match is not None:
        index = _index(request)
        with read_session(request) as session, index.lock:
            index.refresh(session)
            public = photo_is_public(session, index, match[1])
        made = thumbnail(files_dir, match[1]) if public else None
        if made is not None:
            return FileResponse(made[0], media_type="image/jpeg",
                                headers={**render.security_headers(), "Cache-Control": "public, max-age=86400"})
    # Not public reads as absent: a hash known from elsewhere must not tell that the file exists.
    return Response("Không có ảnh này.", status_code=404, media_type="text/plain; charset=utf-8",
                    headers=render.security_headers())


@router.get("/favicon.svg", include_in_schema=False)
@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=604800"})


def _feed(request: Request, kind: str, since: str | None, if_none_match: str | None) -> Response:
    today = vietnam_today()
    index = _index(request)
    base = _base(request)
    with read_session(request) as session, index.lock:
        index.refresh(session)
        cursor = feed.parse_cursor(since, index.seq, today)
        tag = feed.etag(kind, index.seq, today, cursor, base)
        next_cursor = feed.Cursor(index.seq, today)
        headers = {"ETag": tag, "Cache-Control": "no-cache", "X-OCOP-Next-Cursor": str(next_cursor),
                   "X-Content-Type-Options": "nosniff", "Access-Control-Allow-Origin": "*"}
        if feed.matches(if_none_match, tag):
            return Response(status_code=304, headers=headers)
        bodies = index.feed_bodies
        body = bodies.get(tag)
        if body is None:
            items, removed = feed.entries(index, today, cursor, base)
            body = (feed.as_csv(items, removed) if kind == "csv"
                    else feed.as_json(items, removed, today, cursor, next_cursor))
            bodies[tag] = body
            while len(bodies) > FEED_BODIES_KEPT:
                bodies.pop(next(iter(bodies)), None)
    if kind == "csv":
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={**headers, "Content-Disposition": 'inline; filename="ocop-catalogue.csv"'})
    return Response(body, media_type="application/json", headers=headers)


@router.get("/catalogue.json")
def catalogue_json(request: Request, since: str | None = Query(default=None),
                   if_none_match: str | None = Header(default=None)) -> Response:
    """Every recognised product (or, with ``since``, what changed after that cursor): docs/catalogue.md."""
    return _feed(request, "json", since, if_none_match)


@router.get("/catalogue.csv")
def catalogue_csv(request: Request, since: str | None = Query(default=None),
                  if_none_match: str | None = Header(default=None)) -> Response:
    """The same list as CSV (UTF-8 with a byte-order mark, for spreadsheets): docs/catalogue.md."""
    return _feed(request, "csv", since, if_none_match)
