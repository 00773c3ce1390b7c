"""Reading a criteria file the admin chose: regular files only, bounded in size, a name safe to show."""

from __future__ import annotations

import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_core.domain.canonical import canonical_json, content_hash
from ocop_core.domain.criteria import CriteriaSet
from ocop_core.domain.criteria_loader import CriteriaSetError, parse_json
from ocop_core.domain.problems import Problem
from ocop_desktop.services.criteria import MAX_CRITERIA_BYTES, validate_criteria_text

MAX_NAME = 80
# Control and format characters in a file name can reorder what is shown ("U+202E") or break lines.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


@dataclass(frozen=True)
class LoadedCriteria:
    """A file's validation result; ``criteria_set`` is None whenever there is any problem."""

    name: str
    raw: bytes
    problems: tuple[Problem, ...] = ()
    document: Any = None  # the parsed JSON even when invalid, to say where a problem is
    criteria_set: CriteriaSet | None = None
    canonical: str = ""
    digest: str = ""

    @property
    def valid(self) -> bool:
        return self.criteria_set is not None


def display_name(path: str | Path) -> str:
    """The file's own name, without anything that could disguise it on screen."""
    name = unicodedata.normalize("NFC", Path(path).name)
    cleaned = "".join(ch for ch in name if unicodedata.category(ch) not in _HIDDEN).strip()
    if len(cleaned) > MAX_NAME:
        cleaned = cleaned[:MAX_NAME - 1] + "…"
    return cleaned or "?"


def _refused(name: str, code: str, **params: Any) -> LoadedCriteria:
    return LoadedCriteria(name=name, raw=b"", problems=(Problem("$", code, params),))


def read_criteria_file(path: str | Path) -> LoadedCriteria:
    """Never raises for a bad file: every refusal is a problem the report can show."""
    name = display_name(path)
    file = Path(path)
    try:
        info = file.stat()
    except (OSError, ValueError):
        return _refused(name, "file_missing")
    # A FIFO or a device would block or never end; a folder cannot be read as text.
    if not stat.S_ISREG(info.st_mode):
        return _refused(name, "not_a_file")
    if info.st_size > MAX_CRITERIA_BYTES:
        return _refused(name, "file_too_large", limit=MAX_CRITERIA_BYTES, size=info.st_size)
    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_CRITERIA_BYTES + 1)
    except OSError:
        return _refused(name, "file_unreadable")
    if len(raw) > MAX_CRITERIA_BYTES:  # it grew after stat()
        return _refused(name, "file_too_large", limit=MAX_CRITERIA_BYTES, size=len(raw))
    if not raw.strip():
        return _refused(name, "file_empty")
    return validate_bytes(name, raw)


def validate_bytes(name: str, raw: bytes) -> LoadedCriteria:
    try:
        criteria_set, document = validate_criteria_text(raw)
    except CriteriaSetError as exc:
        document, _ = parse_json(raw)
        return LoadedCriteria(name=name, raw=raw, problems=tuple(exc.problems), document=document)
    return LoadedCriteria(name=name, raw=raw, document=document, criteria_set=criteria_set,
                          canonical=canonical_json(document), digest=content_hash(document))
