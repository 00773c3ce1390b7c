"""Content-addressed attachment store: named by SHA-256, written atomically, refusing bad input."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from ocop_desktop.db.blobstore import BlobError, BlobRef, BlobStore

CONTENT = "Giấy chứng nhận đăng ký kinh doanh – HTX Phú Khương".encode()


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "giay-phep.pdf"
    path.write_bytes(CONTENT)
    return path


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_put_file_names_blob_by_sha256(store: BlobStore, source: Path) -> None:
    """The stored file is named by the SHA-256 of its content, under a two-character folder."""
    digest = hashlib.sha256(CONTENT).hexdigest()
    ref = store.put_file(source)
    assert ref == BlobRef(digest, len(CONTENT))
    assert _files(store.root) == [store.root / digest[:2] / digest]
    assert (store.root / digest[:2] / digest).read_bytes() == CONTENT


def test_put_file_twice_keeps_one_copy(store: BlobStore, source: Path, tmp_path: Path) -> None:
    """Storing the same content again (even from another file) returns the same ref and adds no file."""
    other = tmp_path / "ban-sao.pdf"
    other.write_bytes(CONTENT)
    first = store.put_file(source)
    assert store.put_file(other) == first
    assert store.put_file(source) == first
    assert len(_files(store.root)) == 1


def test_put_bytes_matches_put_file(store: BlobStore, source: Path) -> None:
    """put_bytes of the same content gives the same ref as put_file."""
    assert store.put_bytes(CONTENT) == store.put_file(source)


def test_has_reports_stored_blobs(store: BlobStore, source: Path) -> None:
    """has() is True for a stored hash and False for another valid one."""
    ref = store.put_file(source)
    assert store.has(ref.sha256)
    assert not store.has("0" * 64)


def test_verify_accepts_intact_blob(store: BlobStore, source: Path) -> None:
    """verify() is True while the stored bytes still hash to their name."""
    ref = store.put_file(source)
    assert store.verify(ref.sha256)


def test_verify_detects_rotted_blob(store: BlobStore, source: Path) -> None:
    """verify() is False once the stored bytes changed."""
    ref = store.put_file(source)
    store.path_for(ref.sha256).write_bytes(CONTENT + b"!")
    assert not store.verify(ref.sha256)


def test_missing_path_is_not_a_file(store: BlobStore, tmp_path: Path) -> None:
    """A path that does not exist raises BlobError not_a_file and stores nothing."""
    with pytest.raises(BlobError) as info:
        store.put_file(tmp_path / "khong-co.pdf")
    assert info.value.code == "not_a_file"
    assert _files(store.root) == []


def test_directory_is_not_a_file(store: BlobStore, tmp_path: Path) -> None:
    """A directory raises BlobError not_a_file."""
    with pytest.raises(BlobError) as info:
        store.put_file(tmp_path)
    assert info.value.code == "not_a_file"


def test_unreadable_file_is_refused(store: BlobStore, source: Path) -> None:
    """A file without read permission raises BlobError unreadable and leaves nothing behind."""
    source.chmod(0)
    try:
        if os.access(source, os.R_OK):
            pytest.skip("running with privileges that read any file (root)")
        with pytest.raises(BlobError) as info:
            store.put_file(source)
    finally:
        source.chmod(0o644)
    assert info.value.code == "unreadable"
    assert _files(store.root) == []


def test_read_error_is_reported_as_unreadable(store: BlobStore, source: Path, monkeypatch) -> None:
    """An OSError while opening the source (as for a locked file) becomes BlobError unreadable."""
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self == source:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    with pytest.raises(BlobError) as info:
        store.put_file(source)
    assert info.value.code == "unreadable"
    assert info.value.path == source


def test_file_over_max_size_is_refused(tmp_path: Path, source: Path) -> None:
    """A file larger than max_size raises too_large and leaves no blob and no temp file."""
    store = BlobStore(tmp_path / "blobs", max_size=len(CONTENT) - 1)
    with pytest.raises(BlobError) as info:
        store.put_file(source)
    assert info.value.code == "too_large"
    assert _files(store.root) == []


def test_file_exactly_max_size_is_accepted(tmp_path: Path, source: Path) -> None:
    """A file of exactly max_size bytes is stored."""
    store = BlobStore(tmp_path / "blobs", max_size=len(CONTENT))
    assert store.put_file(source).size == len(CONTENT)


def test_bytes_over_max_size_are_refused(tmp_path: Path) -> None:
    """put_bytes over max_size raises too_large and writes nothing."""
    store = BlobStore(tmp_path / "blobs", max_size=10)
    with pytest.raises(BlobError) as info:
        store.put_bytes(b"x" * 11)
    assert info.value.code == "too_large"
    assert _files(store.root) == []


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_file_growing_past_max_size_leaves_no_temp_file(tmp_path: Path) -> None:
    """A file whose size on disk understates its content (a /proc file) is cut off while streaming, no temp left."""
    store = BlobStore(tmp_path / "blobs", max_size=16)
    with pytest.raises(BlobError) as info:
        store.put_file(Path("/proc/self/status"))
    assert info.value.code == "too_large"
    assert _files(store.root) == []
    assert not list(store.root.glob(".incoming-*"))


@pytest.mark.parametrize("bad", ["../../etc/passwd", "", "A" * 64, "0" * 63, "0" * 65, "g" * 64,
                                 "../" + "0" * 61, "0" * 62 + "/x", None])
def test_path_for_refuses_invalid_hash(store: BlobStore, bad) -> None:
    """Anything but 64 lower-case hex digits raises invalid_hash instead of making a path."""
    with pytest.raises(BlobError) as info:
        store.path_for(bad)
    assert info.value.code == "invalid_hash"


@pytest.mark.parametrize("bad", ["0" * 64 + "\n", 12345], ids=["trailing-newline", "not-a-string"])
def test_path_for_refuses_near_miss_hash(store: BlobStore, bad) -> None:
    """A valid hash plus a newline, or a non-string, is refused as invalid_hash."""
    with pytest.raises(BlobError) as info:
        store.path_for(bad)
    assert info.value.code == "invalid_hash"


def test_has_refuses_path_tricks(store: BlobStore) -> None:
    """has() with a traversal string raises invalid_hash rather than probing the filesystem."""
    with pytest.raises(BlobError) as info:
        store.has("../../etc/passwd")
    assert info.value.code == "invalid_hash"
