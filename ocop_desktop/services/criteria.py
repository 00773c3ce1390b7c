"""Importing criteria-set versions and reading them back as domain objects."""

from __future__ import annotations

import functools
import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_core.domain.canonical import canonical_json, content_hash
from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.criteria_loader import CriteriaSetError, load_document, parse_json, read_criteria_set
from ocop_core.domain.problems import Problem
from ocop_desktop.db.models import CriteriaSetVersion
from ocop_desktop.db.types import utcnow
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.lookup import get_alive

MAX_CRITERIA_BYTES = 5 * 1024 * 1024


def validate_criteria_text(text: str | bytes) -> tuple[CriteriaSet, dict[str, Any]]:
    """The set and its parsed document; raises CriteriaSetError listing every problem."""
    if len(text) > MAX_CRITERIA_BYTES:
        raise CriteriaSetError([Problem("$", "file_too_large", {"limit": MAX_CRITERIA_BYTES})])
    return load_document(text)


def import_criteria_set(session: Session, text: str | bytes) -> Changes:
    """Stores a new version; the same content again changes nothing; other content under a known id or
    code is refused, because a published version never changes (a change is a new version)."""
    criteria_set, document = validate_criteria_text(text)
    digest = content_hash(document)
    existing = session.get(CriteriaSetVersion, criteria_set.id) or session.scalar(
        select(CriteriaSetVersion).where(CriteriaSetVersion.code == criteria_set.code))
    if existing is not None:
        if existing.content_hash == digest:
            return Changes(id=existing.id)
        raise ServiceError("criteria_version_immutable", "criteria_set", code=criteria_set.code,
                           existing_hash=existing.content_hash, new_hash=digest)
    if criteria_set.supersedes and session.get(CriteriaSetVersion, criteria_set.supersedes) is None:
        raise ServiceError("unknown_superseded_version", "supersedes", id=criteria_set.supersedes)
    version = CriteriaSetVersion(
        id=criteria_set.id, code=criteria_set.code, title=criteria_set.title, status=criteria_set.status,
        effective_from=criteria_set.effective_from, effective_to=criteria_set.effective_to,
        supersedes_id=criteria_set.supersedes, content_hash=digest, canonical_json=canonical_json(document),
        imported_at=utcnow(),
    )
    session.add(version)
    session.flush()
    return Changes.of("criteria_set_versions", version.id)


@functools.lru_cache(maxsize=16)
def _parse_canonical(digest: str, canonical: str) -> CriteriaSet:
    # Keyed by content hash: a version's content never changes, so the parsed tree can be shared.
    criteria_set, problems = read_criteria_set(parse_json(canonical)[0])
    if criteria_set is None:
        raise CriteriaSetError(problems)
    return criteria_set


def load_criteria_set(session: Session, version_id: str) -> CriteriaSet:
    version = get_alive(session, CriteriaSetVersion, version_id)
    return _parse_canonical(version.content_hash, version.canonical_json)


def version_in_force(session: Session, on: date) -> CriteriaSetVersion | None:
    """The published (or since retired) version whose effective dates cover ``on``; the newest wins."""
    rows = session.scalars(
        select(CriteriaSetVersion).where(CriteriaSetVersion.deleted.is_(False),
                                         CriteriaSetVersion.status.in_(("published", "retired")))
    ).all()
    covering = [v for v in rows if (v.effective_from is None or v.effective_from <= on)
                and (v.effective_to is None or on <= v.effective_to)]
    return max(covering, key=lambda v: v.effective_from or date.min, default=None)


def export_criteria_set(session: Session, version_id: str) -> str:
    version = get_alive(session, CriteriaSetVersion, version_id)
    return json.dumps(json.loads(version.canonical_json), ensure_ascii=False, indent=1) + "\n"
