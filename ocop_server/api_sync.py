"""Push, pull and the consistency check.

Every request that carries a cursor has it verified against the server's epochs first (epochs.py). A pull
page and the digests that come with the last one are read in one read transaction, at one sequence
number: the digests describe exactly the state the laptop holds once it has applied that page.
"""

from __future__ import annotations

import gzip
import json

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES
from ocop_core.protocol import (
    ChangeResult,
    CheckRequest,
    CheckResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    ScopeDigest,
    combined_digest,
    scope_digest,
)
from ocop_server import store
from ocop_server.deps import Caller, GzipRoute, read_session, require_caller
from ocop_server.errors import ApiError
from ocop_server.merge import apply_change
from ocop_server.models import Record, RecordScope
from ocop_server.scope import Viewer
from ocop_server.scope_gone import gone_rows
from ocop_server.translog import log as translog_log

VIEWER_INPUTS = frozenset({"council_members", "users"})
GZIP_LEVEL, GZIP_MINIMUM = 3, 1024  # also the app's middleware settings (app.py)
router = APIRouter(prefix="/sync", tags=["sync"], route_class=GzipRoute)


@router.post("/push", response_model=PushResponse)
async def push(body: PushRequest, request: Request, caller: Caller = Depends(require_caller)) -> PushResponse:
    """Applies a batch within one transaction (shared with the batches that arrived with it); each change
    gets its own result, a replay its first one."""

    def work(session: Session) -> tuple[list[ChangeResult], int]:
        request.app.state.epochs.get(session).verify(body.epoch, body.cursor, store.current_seq(session))
        if len(body.changes) == 1:  # the batch's own savepoint already isolates a lone change
            return [apply_change(session, caller.viewer, caller.device_id, body.changes[0])], store.current_seq(session)
        results = []
        for change in body.changes:
            # A savepoint per change: one refused change never takes the others down with it.
            with session.begin_nested():
                results.append(apply_change(session, caller.viewer, caller.device_id, change))
        return results, store.current_seq(session)

    results, seq = await request.app.state.write_queue.run(work)
    if any(c.entity in VIEWER_INPUTS for c in body.changes):
        request.app.state.callers.clear()  # memberships changed: recompute what each token may see
    return PushResponse(results=results, server_seq=seq)


def _in_scope(viewer: Viewer):
    if viewer.is_admin:
        return None
    return exists(select(RecordScope.key).where(RecordScope.entity == Record.entity, RecordScope.id == Record.id,
                                                RecordScope.key.in_(sorted(viewer.keys))))


@router.post("/pull", response_model=PullResponse, response_class=Response)
def pull(request: Request, body: PullRequest, caller: Caller = Depends(require_caller)) -> Response:
    """Rows changed after the cursor, in sequence order, within what the caller may see."""
    if body.entity is not None and body.entity not in ENTITIES:
        raise ApiError(422, "unknown_entity", f"No entity {body.entity[:64]!r}.")
    with read_session(request) as session:
        snapshot = store.current_seq(session)
        epochs = request.app.state.epochs.get(session)
        epochs.verify(body.epoch, body.cursor, snapshot)
        key = ("pull", caller.viewer.keys, body.cursor, body.limit, body.entity, snapshot, body.digest, body.combined,
               body.gone, body.log, epochs.current)
        raw, packed = request.app.state.snapshots.get_or_make(
            key, lambda: _packed(_page(request, session, caller.viewer, body, snapshot)))
    if packed is not None and "gzip" in request.headers.get("accept-encoding", "").lower():
        # Compressed once per snapshot, here on a worker thread, instead of once per device on the
        # event loop by the middleware (which leaves a response already encoded alone).
        return Response(content=packed, media_type="application/json",
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(content=raw, media_type="application/json")


def _packed(text: str) -> tuple[bytes, bytes | None]:
    raw = text.encode()
    return raw, gzip.compress(raw, GZIP_LEVEL) if len(raw) >= GZIP_MINIMUM else None


def _page(request: Request, session: Session, viewer: Viewer, body: PullRequest, snapshot: int) -> str:
    # Plain columns, not ORM objects: building an object per row cost more than the rest of the request.
    query = select(Record.entity, Record.id, Record.version, Record.deleted, Record.data).where(
        Record.version > body.cursor, Record.version <= snapshot)
    if body.entity:
        query = query.where(Record.entity == body.entity)
    scope_filter = _in_scope(viewer)
    if scope_filter is not None:
        query = query.where(scope_filter)
    records = session.execute(query.order_by(Record.version).limit(body.limit + 1)).all()
    more = len(records) > body.limit
    records = records[:body.limit]
    cursor = records[-1].version if more else snapshot  # verified: the request's cursor is at most snapshot
    digest = "null"
    if body.digest and not more:
        combined, entities = _digests_at(request, session, viewer, snapshot)
        digest = CheckResponse(combined=combined, entities={} if body.combined == combined else entities,
                               cursor=cursor).model_dump_json()
    # Stored data is already JSON: spliced in as it is rather than decoded and encoded again per row.
    parts = [f'{{"entity":{json.dumps(r.entity)},"id":{json.dumps(r.id)},"version":{r.version},'
             f'"deleted":{"true" if r.deleted else "false"},"data":{r.data}}}' for r in records]
    gone = ""
    if body.gone and body.entity is None:
        rows = gone_rows(session, viewer, body.cursor, cursor)
        gone = ',"gone":' + json.dumps([{"entity": e, "id": i} for e, i in rows])
    if body.log and not more:
        gone += ',"log_checkpoint":' + json.dumps(translog_log.checkpoint(session))
    return (f'{{"rows":[{",".join(parts)}],"cursor":{cursor},"more":{"true" if more else "false"},'
            f'"epoch":{json.dumps(request.app.state.epochs.get(session).current)},"digest":{digest}{gone}}}')


@router.post("/check", response_model=CheckResponse)
def check(request: Request, body: CheckRequest, caller: Caller = Depends(require_caller)) -> CheckResponse:
    """Per entity, a count and a digest of the rows in scope at the server's newest sequence number, which
    the answer names (``cursor``): a laptop whose cursor is another one pulls first (with ``digest``)."""
    with read_session(request) as session:
        snapshot = store.current_seq(session)
        request.app.state.epochs.get(session).verify(body.epoch, body.cursor, snapshot)
        combined, entities = _digests_at(request, session, caller.viewer, snapshot)
    return CheckResponse(combined=combined, entities={} if body.combined == combined else entities, cursor=snapshot)


def _digests_at(request: Request, session: Session, viewer: Viewer, snapshot: int
                ) -> tuple[str, dict[str, ScopeDigest]]:
    """The scope's digests at ``snapshot``, which must be the sequence number ``session`` reads at."""
    return request.app.state.snapshots.get_or_make(("digests", viewer.keys, snapshot),
                                                   lambda: _digests(session, viewer, snapshot))


def _digests(session: Session, viewer: Viewer, snapshot: int) -> tuple[str, dict[str, ScopeDigest]]:
    query = select(Record.entity, Record.id, Record.version).where(Record.version <= snapshot)
    scope_filter = _in_scope(viewer)
    if scope_filter is not None:
        query = query.where(scope_filter)
    lines: dict[str, list[str]] = {}
    for entity, row_id, version in session.execute(query):
        lines.setdefault(entity, []).append(f"{row_id}:{version}")
    entities = {e: scope_digest(v) for e, v in lines.items()}
    return combined_digest(entities), entities
