"""Drafts of open forms, kept on disk as a person types, so a crash or a power cut loses no typed text.

One JSON file per user, form and record under ``<data>/drafts/``, not a table: a draft is written every few
hundred milliseconds while someone types, and a table would put those writes in the one database queue
behind a sync page or a report (and in the change journal's transaction), where a file written on its own
is independent of the database opening at all; it also survives a database that will not open. Each write
is atomic (a temporary file, fsync, rename, then fsync of the folder): after a crash the file holds either
the previous draft or the new one, never half of each. The files are readable by their owner only, like the
database. No Qt: the interface schedules the writes (ocop_desktop/ui/draft_keeper.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT = 1  # the files' layout; a file of another layout is left alone, never misread
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DraftField:
    """One typed value: ``value`` is what the form puts back, ``label`` and ``text`` what a person reads."""

    label: str
    value: Any
    text: str


@dataclass(frozen=True)
class Draft:
    user_id: str
    form: str  # "dossier" | "sheet": which form holds it
    record_id: str
    title: str  # the record as a person names it: "HS-2025-0012 · Nước mắm Phú Khương"
    section: str  # the main window's section the form lives in
    fields: dict[str, DraftField]
    saved_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    restore: bool = False  # the person chose to have it put back; the form opens its record by itself

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.user_id, self.form, self.record_id)


class DraftStore:
    def __init__(self, root: Path):
        self.root = root

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> DraftStore:
        return cls(data_dir / "drafts")

    def path(self, user_id: str, form: str, record_id: str) -> Path:
        return self.root / ("--".join(_SAFE.sub("_", part) for part in (user_id, form, record_id)) + ".json")

    def put(self, draft: Draft) -> None:
        """Writes the draft atomically; a draft without fields is removed instead."""
        if not draft.fields:
            self.drop(*draft.key)
            return
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self.path(*draft.key)
        data = asdict(draft) | {"format": FORMAT, "saved_at": draft.saved_at.isoformat()}
        handle, temporary = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=self.root)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=1)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _sync_folder(self.root)

    def get(self, user_id: str, form: str, record_id: str) -> Draft | None:
        return _read(self.path(user_id, form, record_id))

    def drop(self, user_id: str, form: str, record_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(user_id, form, record_id).unlink()
            _sync_folder(self.root)

    def of_user(self, user_id: str) -> list[Draft]:
        """This user's drafts, oldest first; another user's are never shown to them."""
        if not self.root.is_dir():
            return []
        found = (_read(p) for p in self.root.glob(_SAFE.sub("_", user_id) + "--*.json"))
        return sorted((d for d in found if d is not None and d.user_id == user_id), key=lambda d: d.saved_at)

    def mark_restore(self, draft: Draft) -> None:
        self.put(replace(draft, restore=True))

    def to_restore(self, user_id: str, form: str) -> Draft | None:
        """The newest draft of this form the person chose to have put back, if any."""
        chosen = [d for d in self.of_user(user_id) if d.form == form and d.restore]
        return chosen[-1] if chosen else None


def describe(draft: Draft, limit: int = 120) -> str:
    """"Địa chỉ: Thôn 3, xã Sơn Kim; Ghi chú: …", each value cut short, for a message."""
    def cut(text: str) -> str:
        return text if len(text) <= limit else text[:limit - 1] + "…"

    return "; ".join(f"{field.label}: {cut(field.text)}" for field in draft.fields.values())


def _read(path: Path) -> Draft | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        fields = {key: DraftField(**value) for key, value in data["fields"].items()}
        saved_at = datetime.fromisoformat(data["saved_at"])
        return Draft(data["user_id"], data["form"], data["record_id"], data["title"], data["section"], fields,
                     saved_at, bool(data.get("restore")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # Never raised to a person starting the app; the file stays where it is for whoever looks into it.
        log.warning("draft %s unreadable: %s", path, exc)
        return None


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk only when the folder is synced (POSIX); Windows has no such call."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
