"""Files and proof of possession, over real HTTP between officers of two communes: knowing a hash opens
nothing, tells nothing, and nobody touches another's upload."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from server_world import change, new_id, row

from ocop_desktop.sync.client import ServerClient, SyncError


def _upload(client: ServerClient, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    state = client.upload_state(sha, len(data))
    while not state.complete:
        state = client.upload_chunk(sha, state.offset, data[state.offset:state.offset + 16 * 1024])
    return sha


def _document(world, dossier: str, sha: str, size: int):
    return change("dossier_documents", new_id(), row(dossier_id=world.ids[dossier], doc_type="lab_test_report",
                                                     title="Phiếu kiểm nghiệm", sha256=sha, size=size))


@pytest.fixture(scope="module")
def secret(world) -> tuple[str, bytes]:
    """A file of commune 18652: officer2 uploads it and files it in D2."""
    data = b"ket qua kiem nghiem mat " + os.urandom(40_000)
    sha = _upload(world.client("officer2"), data)
    assert world.push_one("officer2", _document(world, "D2", sha, len(data))).status == "applied"
    return sha, data


def test_naming_another_communes_file_hash_is_refused_and_opens_nothing(world, secret, tmp_path: Path):
    """officer1 names officer2's file hash in a document of D1 (their own commune): forbidden, and the file
    still does not download (before: applied, and the download returned commune 18652's file)."""
    sha, data = secret
    result = world.push_one("officer1", _document(world, "D1", sha, len(data)))
    assert (result.status, (result.reason or "").split(":")[0]) == ("forbidden", "file_not_yours")
    with pytest.raises(SyncError) as hidden:
        world.client("officer1").download(sha, tmp_path / "stolen")
    assert (hidden.value.status, hidden.value.code) == (404, "file_not_found")


def test_have_and_upload_state_say_nothing_of_a_file_one_may_not_see(world, secret):
    """To officer1 the secret reads exactly like a file the server never had: missing, offset 0, the size
    officer1 gave, not complete (before: not missing, and its real size and completeness)."""
    sha, _ = secret
    officer1, never = world.client("officer1"), hashlib.sha256(os.urandom(32)).hexdigest()
    assert set(officer1.have([sha, never]).missing) == {sha, never}
    for h in (sha, never):
        state = officer1.upload_state(h, 7)
        assert (state.offset, state.size, state.complete) == (0, 7, False)


def test_sending_the_bytes_proves_possession(world):
    """officer1, holding the same file, uploads it in full and may then name it and download it; the
    server's copy is untouched."""
    data = b"giay chung nhan chung " + os.urandom(20_000)
    sha = _upload(world.client("officer2"), data)
    officer1 = world.login("officer1", "máy thứ hai")
    assert officer1.have([sha]).missing == [sha]
    assert _upload(officer1, data) == sha
    assert officer1.have([sha]).missing == []
    assert officer1.push([_document(world, "D1", sha, len(data))]).results[0].status == "applied"
    officer1.close()


def test_a_row_one_can_see_lets_one_name_the_file(world, secret):
    """Another device of officer2 sees D2's document, so the file is known to it and may be named again."""
    sha, data = secret
    second = world.login("officer2", "máy dự phòng")
    assert second.have([sha]).missing == []
    assert second.upload_state(sha, len(data)).complete
    assert second.push([_document(world, "D2", sha, len(data))]).results[0].status == "applied"
    second.close()


def test_an_upload_belongs_to_its_uploader(world):
    """officer2 has sent half a file; officer1 asking with another size starts an upload of their own and
    officer2's half stays where it was (before: officer1's request reset it to 0)."""
    data = os.urandom(40_000)
    sha = hashlib.sha256(data).hexdigest()
    officer2, officer1 = world.client("officer2"), world.client("officer1")
    state = officer2.upload_state(sha, len(data))
    state = officer2.upload_chunk(sha, 0, data[:16_384])
    assert state.offset == 16_384
    assert officer1.upload_state(sha, 123).offset == 0
    with pytest.raises(SyncError) as wrong:
        officer1.upload_chunk(sha, 16_384, data[16_384:32_768])
    assert wrong.value.code == "wrong_offset"
    assert officer2.upload_state(sha, len(data)).offset == 16_384
    assert _upload(officer2, data) == sha


def test_an_admin_names_any_file(world, secret):
    sha, data = secret
    assert world.push_one("admin", _document(world, "D1", sha, len(data))).status == "applied"
