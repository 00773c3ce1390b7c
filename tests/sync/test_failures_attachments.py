"""Attachments under failure: a cut mid-upload resumes (c2, c3), a corrupted upload is refused by hash, a
download on another laptop is byte-identical, and an oversize file is refused (c4)."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from proxy import Proxy
from sqlalchemy import select

from ocop_desktop.db.models import ChangeJournal, DossierDocument
from ocop_desktop.services import documents, dossiers, registry
from ocop_desktop.sync import attachments
from ocop_desktop.sync.client import SyncError
from ocop_server.models import FileUpload, Record
from ocop_server.testing import LiveServer

PASSWORD = "mat-khau-123"  # the one tests/sync/conftest.py gives every laptop user
MB = 1024 * 1024
CHUNK = MB  # attachments.upload's default chunk


@pytest.fixture
def proxy(server) -> Iterator[Proxy]:
    with Proxy("127.0.0.1", server.port) as running:
        yield running


def _attach(laptop, tmp_path: Path, size: int, name: str = "video-san-xuat.mp4") -> tuple[str, str, bytes]:
    """A dossier with one attached file of ``size`` random bytes; returns (document id, sha256, bytes)."""
    data = os.urandom(size)
    path = tmp_path / name
    path.write_bytes(data)
    with laptop.session() as s:
        producer = registry.create_producer(s, name="HTX Cam bù Hương Sơn", kind="cooperative",
                                            commune_code="18073").id
        product = registry.create_product(s, producer_id=producer, name="Cam bù", subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(s, product_id=product).id
        document = documents.attach_document(s, laptop.blobs, dossier_id=dossier, file_path=path,
                                             doc_type="lab_test_report").id
        s.commit()
    return document, hashlib.sha256(data).hexdigest(), data


def _blob(server, sha: str) -> FileUpload | None:
    """The laptop's upload of ``sha``: progress belongs to its uploader (one laptop sends each file here)."""
    with server.app.state.sessions() as s:
        return s.scalars(select(FileUpload).where(FileUpload.sha256 == sha)).first()


def _server_file(server, sha: str) -> Path:
    return server.settings.files_dir / sha[:2] / sha


def _has_record(server, entity: str, row_id: str) -> bool:
    with server.app.state.sessions() as s:
        return s.get(Record, (entity, row_id)) is not None


def _count_chunks(laptop) -> list[int]:
    """Wraps upload_chunk; the returned list receives the size of every chunk the laptop tries to send."""
    sizes: list[int] = []
    real = laptop.client.upload_chunk

    def counting(sha256, offset, chunk):
        sizes.append(len(chunk))
        return real(sha256, offset, chunk)

    laptop.client.upload_chunk = counting
    return sizes


def test_an_upload_cut_halfway_resumes_and_resends_at_most_one_chunk(server, make_laptop, proxy, tmp_path):
    """c2/c3: a 20 MB file is cut in the middle of its 11th chunk (the proxy forwards 10.5 MB of request
    bodies, then closes both sides). The sync fails, the server holds the 10 whole chunks, the file is not
    complete and the document row was not pushed. The next sync resumes from the server's offset: across
    both attempts at most one chunk is sent twice, and the server's copy hashes to the file's name."""
    laptop = make_laptop("a", url=proxy.url, retries=0)
    document, sha, data = _attach(laptop, tmp_path, 20 * MB)
    sizes = _count_chunks(laptop)
    proxy.cut_after_bytes(10 * MB + MB // 2)

    with pytest.raises(SyncError) as cut:
        laptop.sync()

    assert cut.value.code == "network"
    assert [r.path.split("?")[0] for r in proxy.outcomes("cut")] == [f"/files/{sha}/upload"]
    blob = _blob(server, sha)
    assert (blob.received, blob.complete) == (10 * MB, False)
    assert not _server_file(server, sha).exists()
    assert not _has_record(server, "dossier_documents", document), "no row may point at a partial file"
    first_attempt = sum(sizes)

    report = laptop.sync()

    resumed = sum(sizes) - first_attempt
    assert report.uploaded == 1 and report.rejected == 0
    assert resumed == len(data) - 10 * MB
    assert sum(sizes) - len(data) <= CHUNK, "bytes sent twice"
    blob = _blob(server, sha)
    assert blob.complete and blob.received == len(data)
    assert hashlib.sha256(_server_file(server, sha).read_bytes()).hexdigest() == sha
    assert _has_record(server, "dossier_documents", document)


def test_a_corrupted_final_chunk_is_refused_by_hash(server, make_laptop, tmp_path):
    """A file whose last chunk arrives corrupted is refused with hash_mismatch: the server does not mark it
    complete, keeps no copy under its name, still reports it missing, and the document row is not pushed.
    The next clean sync uploads it whole."""
    laptop = make_laptop("a", retries=0)
    document, sha, data = _attach(laptop, tmp_path, 3 * MB + 123)
    real = laptop.client.upload_chunk

    def corrupt_last(sha256, offset, chunk):
        if offset + len(chunk) == len(data):
            chunk = bytes([chunk[0] ^ 0xFF]) + chunk[1:]
        return real(sha256, offset, chunk)

    laptop.client.upload_chunk = corrupt_last
    with pytest.raises(SyncError) as refused:
        laptop.sync()

    assert refused.value.code == "hash_mismatch" and refused.value.status == 422
    blob = _blob(server, sha)
    assert blob.complete is False and blob.received == 0
    assert not _server_file(server, sha).exists()
    assert laptop.client.have([sha]).missing == [sha]
    assert not _has_record(server, "dossier_documents", document)

    laptop.client.upload_chunk = real
    assert laptop.sync().uploaded == 1
    assert _blob(server, sha).complete
    assert _server_file(server, sha).read_bytes() == data


def test_a_file_downloaded_on_demand_on_another_laptop_is_identical(server, make_laptop, tmp_path):
    """Laptop B receives the document row by sync, not the file; fetching it on demand stores bytes that
    are identical to A's and are stored under their hash."""
    a, b = make_laptop("a"), make_laptop("b")
    document, sha, data = _attach(a, tmp_path, 2 * MB + 7)
    a.sync()
    b.sync()
    with b.session() as s:
        assert s.get(DossierDocument, document).sha256 == sha
    assert not b.blobs.has(sha)

    attachments.download(b.client, b.blobs, sha)

    assert b.blobs.path_for(sha).read_bytes() == data


@pytest.fixture
def small_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A second server that refuses files over 1000 bytes."""
    live = LiveServer(tmp_path / "s2", max_upload_bytes=1000).start()
    live.create_user("admin", PASSWORD, "admin")
    yield live
    live.stop()


def test_an_oversize_file_is_refused_at_upload_state(small_server, make_laptop, tmp_path):
    """c4: asking to upload a file over the server's limit is refused before any byte is sent, with
    file_too_large and the limit, and the server keeps no upload record for it."""
    laptop = make_laptop("a", url=small_server.url)
    _, sha, data = _attach(laptop, tmp_path, 2000)

    with pytest.raises(SyncError) as refused:
        laptop.client.upload_state(sha, len(data))

    assert (refused.value.code, refused.value.status, refused.value.retryable) == ("file_too_large", 413, False)
    assert refused.value.detail == {"limit": 1000}
    assert _blob(small_server, sha) is None
    assert laptop.client.info().max_upload_bytes == 1000


def test_an_oversize_file_does_not_block_the_rest_of_the_queue(small_server, make_laptop, tmp_path):
    """c4/c6: with one oversize attachment waiting, the laptop's other changes (here: a producer's rename)
    still reach the server; only the oversize document stays back, visibly."""
    laptop = make_laptop("a", url=small_server.url)
    _attach(laptop, tmp_path, 2000)
    with laptop.session() as s:
        producer = registry.create_producer(s, name="Cơ sở Mực khô Thạch Kim", kind="household",
                                            commune_code="18073").id
        s.commit()

    with contextlib.suppress(SyncError):
        laptop.sync()

    assert _has_record(small_server, "producers", producer)


def test_an_oversize_document_stays_deletable_and_the_laptop_syncs_again(small_server, make_laptop, tmp_path):
    """c4: the document with the oversize file can still be deleted (a tombstone); after that the sync
    completes and the deleted document's row, without its file, reaches the server as deleted."""
    laptop = make_laptop("a", url=small_server.url)
    document, sha, _ = _attach(laptop, tmp_path, 2000)
    first = laptop.sync()
    assert first.files_refused[sha].startswith("file_too_large")

    with laptop.session() as s:
        dossiers.delete_document(s, document)
        s.commit()
    report = laptop.sync()

    assert report.rejected == 0
    with small_server.app.state.sessions() as s:
        assert s.get(Record, ("dossier_documents", document)).deleted is True
    assert _blob(small_server, sha) is None
    with laptop.session() as s:
        assert s.scalars(select(ChangeJournal.status).where(ChangeJournal.status != "sent")).all() == []
