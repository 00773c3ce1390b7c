"""The wire protocol between laptops and the provincial server: versions and message shapes.

Both sides import this module, so a message one side writes is the message the other reads.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Version 1, 2026-11-28: push/pull of journal entries, field-level merge, chunked attachments.
# Version 2, 2026-12-03: cursors carry the server's epoch (a restored or different server is detected);
# the digest comes with the last pull page, at that page's cursor; ops and base versions are enforced.
# A version-1 laptop would read the new fields as a malformed answer, so it is told to update instead.
PROTOCOL_VERSION = 2
SUPPORTED_VERSIONS = frozenset({2})
PROTOCOL_HEADER = "X-OCOP-Protocol"
DEVICE_HEADER = "X-OCOP-Device"

MAX_BATCH = 500  # changes in one push
MAX_INT = 2**63 - 1  # what a database BIGINT holds
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
MAX_PAGE = 1000  # rows in one pull page
MAX_FIELDS = 64
MAX_TEXT_VALUE = 200_000  # characters of one field value (canonical criteria JSON is the largest)

ChangeStatus = Literal["applied", "conflict", "rejected", "forbidden"]


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


EPOCH_PATTERN = r"^[0-9a-f]{32}$"


class ServerInfo(Wire):
    # Fields added later are ignored by a laptop that does not know them yet (the server also leaves out
    # an unset one, so a laptop from before this rule still reads its /info).
    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str
    protocol_versions: list[int]
    max_upload_bytes: int
    chunk_bytes: int
    server_time: datetime
    epoch: str  # changes at every start of the server: cursors are numbers of one epoch's lineage
    # Where the public product pages live (QR codes point here); None while the province has not set one.
    public_base_url: str | None = None


class LoginRequest(Wire):
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._@-]+$")
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(pattern=UUID_PATTERN)
    device_name: str = Field(default="", max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")


class LoginResponse(Wire):
    token: str
    user_id: str
    username: str
    full_name: str
    role: str
    commune_codes: list[str]


class TokenInfo(Wire):
    token_id: str
    device_id: str
    device_name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


class Change(Wire):
    """One journal entry: the changed fields of one row with their old and new values."""

    change_id: str = Field(pattern=UUID_PATTERN)
    device_seq: int = Field(ge=1, le=MAX_INT)
    entity: str = Field(pattern=r"^[a-z_]{1,64}$")  # a table name; anything else is not an entity
    entity_id: str = Field(pattern=UUID_PATTERN)
    op: Literal["insert", "update", "delete"]
    fields: dict[str, tuple[Any, Any]] = Field(max_length=MAX_FIELDS)
    base_version: int | None = Field(default=None, ge=0, le=MAX_INT)
    created_at: datetime


class PushRequest(Wire):
    changes: list[Change] = Field(max_length=MAX_BATCH)
    # The laptop's pull position: a position this server never reached is refused (409 cursor_reset)
    # before any change applies, because its base versions may name rows the server has lost.
    epoch: str | None = Field(default=None, pattern=EPOCH_PATTERN)
    cursor: int = Field(default=0, ge=0, le=MAX_INT)


class FieldConflict(Wire):
    field: str
    server_value: Any
    device_value: Any
    conflict_id: str


class ChangeResult(Wire):
    change_id: str
    status: ChangeStatus
    server_seq: int | None = None  # stamped on applied and conflict (the parts that did apply)
    reason: str | None = None
    conflicts: list[FieldConflict] = []


class PushResponse(Wire):
    results: list[ChangeResult]
    server_seq: int  # the newest sequence number after this batch: pull at least up to here


class PullRequest(Wire):
    cursor: int = Field(ge=0, le=MAX_INT)
    limit: int = Field(default=500, ge=1, le=MAX_PAGE)
    entity: str | None = None  # a re-download of one entity's scope (after a failed check)
    epoch: str | None = Field(default=None, pattern=EPOCH_PATTERN)  # the epoch the cursor was given in
    digest: bool = False  # on the last page: the scope's digests at that page's cursor
    combined: str | None = Field(default=None, max_length=64)  # the laptop's combined digest now
    # 2026-12-03, still version 2: the laptop reads `gone`; an older laptop never asks, so never gets it.
    gone: bool = False
    # 2026-12-03, still version 2: the last page carries the transparency log's latest signed checkpoint,
    # so a sync with nothing new checks the log without a request of its own.
    log: bool = False


class Row(Wire):
    entity: str
    id: str
    version: int
    deleted: bool
    data: dict[str, Any]


class GoneRow(Wire):
    """A row that has left the device's scope (unassigned, a seat removed): the laptop drops it."""

    entity: str
    id: str


class CheckRequest(Wire):
    cursor: int = Field(ge=0, le=MAX_INT)
    combined: str | None = Field(default=None, max_length=64)  # the laptop's combined_digest
    epoch: str | None = Field(default=None, pattern=EPOCH_PATTERN)


class ScopeDigest(Wire):
    count: int
    digest: str  # see scope_digest


class CheckResponse(Wire):
    combined: str
    entities: dict[str, ScopeDigest]  # empty when the laptop's combined digest already matched
    cursor: int  # the sequence number the digests describe: compare only a state pulled up to it


class PullResponse(Wire):
    rows: list[Row]
    cursor: int
    more: bool
    epoch: str
    digest: CheckResponse | None = None  # asked for, on the last page only
    gone: list[GoneRow] = []  # asked for: rows that left the scope at versions this page covers
    log_checkpoint: str | None = None  # asked for, on the last page: the log's latest signed checkpoint


def combined_digest(entities: dict[str, ScopeDigest]) -> str:
    """One hash over every entity's digest: an unchanged laptop checks with one short request.

    SHA-256 (lower-case hex) of the UTF-8 lines ``<entity>:<count>:<digest>``, one per entity that has
    rows, in ascending order of entity name, joined by a single "\\n" with none at the end."""
    text = "\n".join(f"{name}:{d.count}:{d.digest}" for name, d in sorted(entities.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def scope_digest(lines: list[str]) -> ScopeDigest:
    """Both sides digest "id:version" lines the same way, so equal sets give equal digests.

    One line per row, ``<id>:<version>`` (the id as the row carries it, the version in decimal), sorted
    by code point, joined by a single "\\n" with none at the end; SHA-256 of the UTF-8 bytes in lower-case
    hex. ``count`` is the number of lines."""
    return ScopeDigest(count=len(lines), digest=hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest())


class HaveRequest(Wire):
    hashes: list[str] = Field(max_length=1000)


class HaveResponse(Wire):
    missing: list[str]


class UploadState(Wire):
    sha256: str
    size: int
    offset: int  # bytes the server holds; the client sends from here
    complete: bool


class Problem(Wire):
    """Every error body: a code a program can act on and a sentence a person can read."""

    code: str
    message: str
    detail: Any = None


class PublishRequest(Wire):
    canonical_json: str = Field(max_length=5 * 1024 * 1024)
