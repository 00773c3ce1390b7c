"""The log's public endpoints: anyone (a consumer, an auditor, a witness) reads them without an account,
since every entry holds only public facts. Proof hashes travel as base64, as in the checkpoints."""

from __future__ import annotations

import base64
import re

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel

from ocop_core.translog.merkle import ProofError
from ocop_server.errors import ApiError
from ocop_server.translog import log
from ocop_server.translog import witnesses as witnesses_module

router = APIRouter(prefix="/log", tags=["transparency log"])
MAX_RANGE = 1000


class Proof(BaseModel):
    size: int
    index: int | None = None
    old_size: int | None = None
    hashes: list[str]


class Entry(BaseModel):
    index: int
    body: str  # the canonical JSON, exactly the bytes that were hashed


class Bundle(BaseModel):
    """Everything to check one record offline: its entries, their proofs, and the checkpoint they lead to."""

    format: str = "ocop-log-bundle/1"
    log_key: str
    checkpoint: str
    entries: list[Entry]
    proofs: list[list[str]]


def _b64(hashes: list[bytes]) -> list[str]:
    return [base64.b64encode(h).decode() for h in hashes]


def _latest(request: Request) -> tuple[int, str]:
    with request.app.state.sessions() as session:
        note = log.checkpoint(session)
    if note is None:
        raise ApiError(404, "log_empty", "Nhật ký chưa có mục nào.")
    return int(note.split("\n")[1]), note


@router.get("/key", response_class=PlainTextResponse)
def key(request: Request) -> str:
    """The log's verifier key (name+id+key): laptops pin it at their first connection."""
    return request.app.state.log_signer.verifier.encode() + "\n"


@router.get("/checkpoint", response_class=PlainTextResponse)
def checkpoint(request: Request) -> str:
    return _latest(request)[1]


@router.get("/inclusion", response_model=Proof)
def inclusion(request: Request, index: int = Query(ge=0, le=2**62), size: int = Query(ge=0, le=2**62)) -> Proof:
    with request.app.state.sessions() as session:
        try:
            hashes = log.inclusion(session, index, size)
        except ProofError as error:
            raise ApiError(400, "log_bad_range", str(error)) from error
    return Proof(size=size, index=index, hashes=_b64(hashes))


@router.get("/consistency", response_model=Proof)
def consistency(request: Request, old: int = Query(ge=0, le=2**62), new: int = Query(ge=0, le=2**62)) -> Proof:
    with request.app.state.sessions() as session:
        try:
            hashes = log.consistency(session, old, new)
        except ProofError as error:
            raise ApiError(400, "log_bad_range", str(error)) from error
    return Proof(size=new, old_size=old, hashes=_b64(hashes))


@router.get("/entries", response_model=list[Entry])
def entries(request: Request, start: int = Query(ge=0, le=2**62), end: int = Query(ge=0, le=2**62)) -> list[Entry]:
    if end < start or end - start > MAX_RANGE:
        raise ApiError(400, "log_bad_range", f"Chỉ lấy được tối đa {MAX_RANGE} mục một lần, với start ≤ end.")
    with request.app.state.sessions() as session:
        found = log.entries(session, start, end)
    return [Entry(index=e.idx, body=bytes(e.body).decode()) for e in found]


@router.get("/bundle/{entity}/{entity_id}", response_model=Bundle)
def bundle(request: Request, response: Response, entity: str, entity_id: str) -> Bundle:
    """The proof bundle of one record (a recognition, a lot...) at the latest checkpoint, as a file to keep."""
    if len(entity) > 64 or len(entity_id) > 36:
        raise ApiError(404, "log_no_record", "Không có bản ghi này trong nhật ký.")
    tree_size, note = _latest(request)
    with request.app.state.sessions() as session:
        found = [e for e in log.entries_of(session, entity, entity_id) if e.idx < tree_size]
        if not found:
            raise ApiError(404, "log_no_record", "Không có bản ghi này trong nhật ký.")
        proofs = [_b64(log.inclusion(session, e.idx, tree_size)) for e in found]
    # The link on a product page saves a file a consumer hands to `ocop verify`; the name says what it is.
    name = re.sub(r"[^A-Za-z0-9_-]", "_", f"{entity}-{entity_id}")
    response.headers["Content-Disposition"] = f'attachment; filename="ocop-bang-chung-{name}-{tree_size}.json"'
    return Bundle(log_key=request.app.state.log_signer.verifier.encode(), checkpoint=note,
                  entries=[Entry(index=e.idx, body=bytes(e.body).decode()) for e in found], proofs=proofs)


@router.post("/cosignature", response_class=PlainTextResponse)
async def cosignature(request: Request) -> str:
    """A witness hands back the checkpoint it co-signed (the signed note with its cosignature line)."""
    body = await request.body()
    if len(body) > 64 * 1024:
        raise ApiError(413, "body_too_large", "A cosigned checkpoint is a few hundred bytes.")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, "cosignature_malformed", "Not UTF-8 text.") from error
    witnesses = request.app.state.witness_keys
    with request.app.state.write_sessions() as session:
        try:
            note = witnesses_module.add_cosignatures(session, text, witnesses)
        except witnesses_module.CosignatureRefused as refusal:
            status = 403 if refusal.code == "cosignature_unknown_witness" else 409 if refusal.code.endswith(
                "checkpoint") else 400
            raise ApiError(status, refusal.code, str(refusal)) from refusal
        session.commit()
    return note
