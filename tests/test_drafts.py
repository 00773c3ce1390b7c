"""The draft store: one file per user, form and record, written whole or not at all, readable by its owner only."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime

import pytest

from ocop_desktop import drafts
from ocop_desktop.drafts import Draft, DraftField, DraftStore, describe


def _draft(user: str = "u-1", record: str = "d-1", text: str = "Thôn 3, xã Sơn Kim 1", **kw) -> Draft:
    return Draft(user, kw.pop("form", "dossier"), record, "HS-0012 · Nước mắm Phú Khương", "dossiers",
                 {"producer.address": DraftField("Địa chỉ", text, text)}, **kw)


def test_a_draft_comes_back_as_it_was_written(tmp_path):
    """Every part of a draft, Vietnamese text and the time it was typed included, reads back unchanged."""
    store = DraftStore.in_data_dir(tmp_path)
    draft = _draft(saved_at=datetime(2026, 3, 1, 7, 30, tzinfo=UTC))
    store.put(draft)
    assert store.get("u-1", "dossier", "d-1") == draft
    assert store.of_user("u-1") == [draft]


def test_each_user_sees_only_their_own_drafts(tmp_path):
    """A laptop shared by officers: one person is never offered what another typed."""
    store = DraftStore(tmp_path / "drafts")
    store.put(_draft("u-1"))
    store.put(_draft("u-2", text="của người khác"))
    assert [d.fields["producer.address"].value for d in store.of_user("u-1")] == ["Thôn 3, xã Sơn Kim 1"]
    assert store.of_user("u-3") == []


def test_a_draft_without_fields_is_removed_and_drop_is_quiet(tmp_path):
    """Typing back to the stored value leaves nothing to restore; dropping twice is no error."""
    store = DraftStore(tmp_path / "drafts")
    store.put(_draft())
    store.put(Draft("u-1", "dossier", "d-1", "HS", "dossiers", {}))
    assert store.get("u-1", "dossier", "d-1") is None
    store.drop("u-1", "dossier", "d-1")


def test_a_failed_write_leaves_the_previous_draft_whole(tmp_path, monkeypatch):
    """The file is replaced by a rename after fsync: a write cut short (here, by a full disk at fsync) keeps
    the last good draft and leaves no temporary file behind."""
    store = DraftStore(tmp_path / "drafts")
    store.put(_draft(text="bản cũ"))

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(drafts.os, "fsync", disk_full)
    with pytest.raises(OSError):
        store.put(_draft(text="bản mới"))
    assert store.get("u-1", "dossier", "d-1").fields["producer.address"].value == "bản cũ"
    assert sorted(p.name for p in store.root.iterdir()) == [store.path("u-1", "dossier", "d-1").name]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_drafts_are_readable_by_their_owner_only(tmp_path):
    """Typed text may be personal data: like the database, only the laptop's user may read it."""
    store = DraftStore(tmp_path / "drafts")
    store.put(_draft())
    assert stat.S_IMODE(store.path("u-1", "dossier", "d-1").stat().st_mode) == 0o600
    assert stat.S_IMODE(store.root.stat().st_mode) & 0o077 == 0


def test_a_damaged_or_foreign_file_is_skipped_not_raised(tmp_path):
    """A half-copied or hand-edited file never stops the app from starting; it is left on disk."""
    store = DraftStore(tmp_path / "drafts")
    store.put(_draft())
    (store.root / "u-1--dossier--bad.json").write_text("{not json", encoding="utf-8")
    (store.root / "u-1--sheet--old.json").write_text('{"format": 99}', encoding="utf-8")
    assert [d.record_id for d in store.of_user("u-1")] == ["d-1"]
    assert (store.root / "u-1--dossier--bad.json").exists()


def test_ids_cannot_lead_outside_the_drafts_folder(tmp_path):
    """A record id is part of a file name: path separators and dots are made harmless."""
    store = DraftStore(tmp_path / "drafts")
    path = store.path("../u", "dossier", "../../etc/passwd")
    assert path.parent == store.root and "/" not in path.name


def test_a_draft_chosen_for_restoring_is_found_for_its_form(tmp_path):
    """Marking a draft to be put back is what the form looks for when it is built; the newest one wins."""
    store = DraftStore(tmp_path / "drafts")
    store.put(_draft(record="d-1", saved_at=datetime(2026, 3, 1, tzinfo=UTC)))
    store.put(_draft(record="d-2", saved_at=datetime(2026, 3, 2, tzinfo=UTC)))
    assert store.to_restore("u-1", "dossier") is None
    for draft in store.of_user("u-1"):
        store.mark_restore(draft)
    assert store.to_restore("u-1", "dossier").record_id == "d-2"
    assert store.to_restore("u-1", "sheet") is None


def test_a_draft_is_described_with_its_labels_and_long_values_cut():
    """What a message shows: each label with its value, a long one cut with an ellipsis."""
    draft = _draft(text="x" * 500)
    assert describe(draft, limit=10) == "Địa chỉ: xxxxxxxxx…"
