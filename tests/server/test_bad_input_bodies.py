"""Bodies too large, gzip bombs and broken gzip: refused with a Problem, never a 500, never stored."""

from __future__ import annotations

import gzip
import hashlib
import json

import pytest
import requests
from server_world import LIMITS, assert_problem, assert_still_serving, headers, raw

LIMIT = LIMITS["max_body_bytes"]
CHUNK_LIMIT = LIMITS["chunk_bytes"] * 4


@pytest.fixture(autouse=True)
def _still_serving(world):
    yield
    assert_still_serving(world)


def _post(world, path: str, data, **extra) -> requests.Response:
    h = {**headers(world.token("admin")), "Content-Type": "application/json", **extra}
    return requests.post(world.url + path, data=data, headers=h, timeout=60)


def _padded_pull(size: int) -> bytes:
    """A valid pull request padded with spaces to ``size`` bytes."""
    core = b'{"cursor": 0}'
    return core[:-1] + b" " * (size - len(core)) + b"}"


@pytest.mark.parametrize("path", ["/auth/login", "/sync/push", "/sync/pull", "/admin/criteria-sets"])
def test_a_body_over_the_limit_gets_413(world, path):
    """Content-Length over max_body_bytes: 413 body_too_large before the body is read."""
    assert assert_problem(_post(world, path, _padded_pull(LIMIT + 1)), 413)["code"] == "body_too_large"


def test_a_body_at_the_limit_is_accepted(world):
    """Exactly max_body_bytes is still fine."""
    assert _post(world, "/sync/pull", _padded_pull(LIMIT)).status_code == 200


def test_a_huge_declared_length_is_refused_without_a_body(world):
    """A Content-Length of 10 GB with nothing sent: 413 at once (the server does not wait for the bytes)."""
    status, body = raw(world, "POST", "/sync/push", extra={"Content-Length": str(10**10)})
    assert status == 413 and body["code"] == "body_too_large"


def test_an_upload_chunk_over_the_chunk_limit_gets_413(world):
    """A PUT chunk over 4 x chunk_bytes: 413."""
    data = b"x" * (CHUNK_LIMIT + 1)
    sha = hashlib.sha256(data).hexdigest()
    world.client("admin").upload_state(sha, len(data))
    response = requests.put(f"{world.url}/files/{sha}/upload", params={"offset": 0}, data=data,
                            headers=headers(world.token("admin")), timeout=30)
    assert_problem(response, 413)


def test_an_upload_chunk_beyond_the_declared_size_gets_413(world):
    """More bytes than the size announced for the file: 413 chunk_too_large."""
    sha = hashlib.sha256(b"abc").hexdigest()
    world.client("admin").upload_state(sha, 3)
    response = requests.put(f"{world.url}/files/{sha}/upload", params={"offset": 0}, data=b"abcdef",
                            headers=headers(world.token("admin")), timeout=30)
    assert assert_problem(response, 413)["code"] == "chunk_too_large"


def test_an_upload_whose_bytes_do_not_hash_to_the_name_is_refused(world):
    """Bytes that do not hash to the file's name: 422 hash_mismatch, and the file is not stored."""
    sha = hashlib.sha256(b"real").hexdigest()
    world.client("admin").upload_state(sha, 4)
    response = requests.put(f"{world.url}/files/{sha}/upload", params={"offset": 0}, data=b"fake",
                            headers=headers(world.token("admin")), timeout=30)
    assert assert_problem(response, 422)["code"] == "hash_mismatch"
    assert world.client("admin").have([sha]).missing == [sha]


BOMB = gzip.compress(_padded_pull(LIMIT * 4), compresslevel=9)


def test_a_gzip_bomb_is_refused(world):
    """A ~1 KB gzip body that inflates past max_body_bytes: a 4xx, not a 500 or an out-of-memory."""
    assert len(BOMB) < 4096
    assert_problem(_post(world, "/sync/pull", BOMB, **{"Content-Encoding": "gzip"}))


def test_a_gzip_bomb_gets_413_body_too_large(world):
    """The bomb is answered 413 body_too_large, as deps.GzipRoute intends."""
    assert assert_problem(_post(world, "/sync/pull", BOMB, **{"Content-Encoding": "gzip"}), 413)["code"] == \
        "body_too_large"


def test_gzip_within_the_limit_is_accepted(world):
    """A gzip body that inflates to less than the limit is read normally."""
    assert _post(world, "/sync/pull", gzip.compress(b'{"cursor": 0}'), **{"Content-Encoding": "gzip"}).status_code \
        == 200


@pytest.mark.parametrize("data", [b"not gzip at all", gzip.compress(b'{"cursor": 0}')[:12], b"\x1f\x8b" + b"\0" * 20],
                         ids=["garbage", "truncated", "bad_header"])
def test_invalid_gzip_is_refused(world, data):
    """A body marked gzip that is not valid gzip: a 4xx Problem."""
    assert_problem(_post(world, "/sync/pull", data, **{"Content-Encoding": "gzip"}))


def test_invalid_gzip_gets_the_bad_gzip_code(world):
    """Garbage marked gzip is answered with code bad_gzip."""
    assert assert_problem(_post(world, "/sync/pull", b"not gzip", **{"Content-Encoding": "gzip"}), 400)["code"] == \
        "bad_gzip"


def test_deeply_nested_json_is_refused(world):
    """100 000 nested arrays: a 4xx, not a RecursionError 500."""
    assert_problem(_post(world, "/sync/push", b"[" * 100_000 + b"]" * 100_000))


def test_a_chunked_body_is_refused_before_it_is_read(world):
    """A body streamed with Transfer-Encoding: chunked (no length to check) is refused with 411."""
    body = _padded_pull(LIMIT * 2)
    chunks = (body[i:i + 16384] for i in range(0, len(body), 16384))
    response = _post(world, "/sync/pull", chunks)
    assert response.status_code == 411, json.dumps(response.json())[:200]
    assert response.json()["code"] == "length_required"
