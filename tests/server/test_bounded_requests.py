"""Bounded requests over real HTTP: a gzip bomb, deep nesting and slow clients cannot hold the server."""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from server_world import PASSWORD, assert_problem, change, headers, new_id, row

from ocop_desktop.sync.client import ServerClient
from ocop_server.testing import LiveServer

SLOW = 0.6  # header and body timeouts of this module's server, seconds


@pytest.fixture(scope="module")
def live(fast_argon2, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path_factory.mktemp("bounded"), header_timeout=SLOW, body_timeout=SLOW).start()
    server.create_user("admin", PASSWORD, "admin", full_name="Quản trị")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def admin(live: LiveServer) -> Iterator[ServerClient]:
    client = ServerClient(live.url, new_id(), retries=0)
    client.login("admin", PASSWORD)
    yield client
    client.close()


def _bomb(inflated: int) -> bytes:
    """About a thousandth of ``inflated`` once compressed: a login whose username is a list of zeros (one
    value per two bytes is what made the parser and validation hold the event loop, 0.5 s each)."""
    return gzip.compress(b'{"username": [' + b"0," * (inflated // 2) + b'0], "password": "x"}', compresslevel=9)


def _health_latencies(url: str, stop: threading.Event) -> list[float]:
    times: list[float] = []

    def probe() -> None:
        with requests.Session() as http:
            while not stop.is_set():
                start = time.perf_counter()
                http.get(url + "/health", timeout=30)
                times.append(time.perf_counter() - start)
                time.sleep(0.01)

    thread = threading.Thread(target=probe)
    thread.start()
    stop.wait()
    thread.join()
    return times


# Just under the 8 MB body limit, so that before this was bounded it was inflated and parsed whole.
@pytest.mark.parametrize("inflated", [8 * 1024 * 1024 - 4096, 3 * 1024 * 1024])
def test_gzip_bombs_at_login_are_refused_and_health_stays_quick(live, inflated):
    """Three gzip bombs to /auth/login in a row, no token: each a 413, and /health keeps answering
    throughout (the 8 MB one used to block the event loop 1.5 s each). The 3 MB bomb is under the
    login's compressed limit, so it is refused once inflating passes the login's small limit."""
    body = _bomb(inflated)
    stop = threading.Event()
    latencies: list[float] = []
    prober = threading.Thread(target=lambda: latencies.extend(_health_latencies(live.url, stop)))
    prober.start()
    time.sleep(0.1)
    answers = []
    for _ in range(3):
        answers.append(requests.post(live.url + "/auth/login", data=body, timeout=30, headers={
            **headers(), "Content-Type": "application/json", "Content-Encoding": "gzip"}))
    time.sleep(0.1)
    stop.set()
    prober.join()
    for answer in answers:
        assert assert_problem(answer, 413)["code"] == "body_too_large"
    print(f"\n/health during {inflated / 2**20:.0f} MB bombs: {len(latencies)} probes, "
          f"max {max(latencies) * 1000:.0f} ms")
    # Before: 1.5 s of blocked event loop per 8 MB bomb, /health waiting 3-6 s. A busy test machine may add
    # some, never that (bench/bench_limits.py prints the real figures: about 10 ms).
    assert latencies and max(latencies) < 1.0


@pytest.mark.parametrize(("token", "code"), [(None, "not_logged_in"), ("made-up", "token_invalid")])
def test_a_body_without_a_valid_token_is_refused_before_it_is_inflated(live, token, code):
    """A bomb to /sync/push without a token, or with a made-up one, is a 401 before its body is read or
    inflated: only /auth/login takes a body from anyone, and a login's is a few kilobytes."""
    answer = requests.post(live.url + "/sync/push", data=_bomb(8 * 1024 * 1024), timeout=30, headers={
        **headers(token), "Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert assert_problem(answer, 401)["code"] == code


def test_a_login_body_over_its_small_limit_is_refused(live):
    """/auth/login takes a few kilobytes, not the 8 MB of a push."""
    body = json.dumps({"username": "admin", "password": "x" * 10_000, "device_id": new_id()})
    answer = requests.post(live.url + "/auth/login", data=body, timeout=30,
                           headers={**headers(), "Content-Type": "application/json"})
    assert assert_problem(answer, 413)["code"] == "body_too_large"


def _nested(depth: int):
    value: object = "lá"
    for _ in range(depth):
        value = [value]
    return value


def test_a_value_nested_256_levels_is_a_documented_422_and_nothing_is_stored(live, admin):
    """A field value nested 256 levels deep: 422 json_too_deep with a Problem body (a plain-text 500
    before), and the row does not exist afterwards."""
    producer = new_id()
    ch = change("producers", producer, row(name="HTX sâu", kind="cooperative", commune_code="18073"))
    body = json.loads(ch.model_dump_json())
    body["fields"]["name"] = [None, _nested(256)]
    payload = json.dumps({"changes": [body], "cursor": 0}).encode()
    answer = requests.post(live.url + "/sync/push", data=gzip.compress(payload), timeout=30, headers={
        **headers(admin.token), "Content-Type": "application/json", "Content-Encoding": "gzip"})
    problem = assert_problem(answer, 422)
    assert problem["code"] == "json_too_deep" and problem["detail"]["max_depth"] == live.settings.max_json_depth
    assert not [r for r in admin.pull(0, limit=1000).rows if r.id == producer]


@pytest.mark.parametrize("body", [b"[" * 100_000, b"[" * 1000 + b"]" * 1000, b'{"cursor": ' + b"{" * 40 + b"}" * 40])
def test_deep_or_unclosed_nesting_is_refused_before_parsing(live, admin, body):
    """Deep nesting is refused whether or not its brackets close (the parser would recurse into either)."""
    answer = requests.post(live.url + "/sync/pull", data=body, timeout=30, headers={
        **headers(admin.token), "Content-Type": "application/json"})
    assert assert_problem(answer, 422)["code"] == "json_too_deep"


def test_a_body_of_countless_strings_is_refused(live, admin):
    """200,001 strings in one body: 413 json_too_many_values before the depth check walks them (millions of
    empty strings cost that check seconds of the interpreter)."""
    body = b'{"cursor": 0, "x": [' + b'"",' * 200_000 + b'""]}'
    answer = requests.post(live.url + "/sync/pull", data=body, timeout=30, headers={
        **headers(admin.token), "Content-Type": "application/json"})
    problem = assert_problem(answer, 413)
    assert problem["code"] == "json_too_many_values" and problem["detail"]["max_strings"] == 200_000


def test_an_ordinary_push_still_passes(live, admin):
    """The limits leave a real push alone (compressed, a few levels deep)."""
    changes = [change("producers", new_id(), row(name=f"HTX Nước mắm {n}", kind="cooperative", commune_code="18073"))
               for n in range(30)]  # several kilobytes: sent gzip-compressed
    assert {r.status for r in admin.push(changes).results} == {"applied"}


def test_a_post_without_the_protocol_header_is_refused_before_its_body(live):
    """The protocol header is checked on the headers alone: a 426 arrives though no body byte was sent."""
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as sock:
        sock.sendall(b"POST /sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 426"), answer[:200]
    assert b"protocol_unsupported" in answer


def _closed_after(sock: socket.socket, limit: float) -> tuple[float, bytes]:
    """Seconds until the server closes ``sock``, and what it said."""
    start, said = time.monotonic(), b""
    sock.settimeout(limit)
    while True:
        data = sock.recv(4096)
        if not data:
            return time.monotonic() - start, said
        said += data


def test_headers_trickled_slowly_are_dropped(live):
    """A client sending its request line and headers a byte at a time is disconnected after the header
    timeout (never before), instead of holding its connection for ever."""
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as sock:
        start = time.monotonic()
        sock.sendall(b"GET /health HTTP/1.1\r\n")
        closed = False
        for byte in b"Host: 127.0.0.1\r\nX-Slow: " + b"a" * 50:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            time.sleep(0.05)
            sock.settimeout(0.001)
            try:
                if sock.recv(1) == b"":
                    closed = True
                    break
            except TimeoutError:
                pass
        elapsed = time.monotonic() - start
    assert closed, "the server kept a trickling client"
    assert SLOW * 0.9 <= elapsed < SLOW + 1.0


def test_a_connection_that_sends_nothing_is_dropped(live):
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as sock:
        elapsed, said = _closed_after(sock, 5)
    assert SLOW * 0.9 <= elapsed < SLOW + 1.0 and said == b""


def test_a_body_trickled_slowly_gets_408_and_is_dropped(live, admin):
    """Headers in time, then a body a byte at a time: 408 request_timeout after the body timeout, then
    the connection closes."""
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as sock:
        sock.sendall(b"POST /sync/pull HTTP/1.1\r\nHost: x\r\nX-OCOP-Protocol: 2\r\n"
                     b"Authorization: Bearer " + admin.token.encode() + b"\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{")
        start, answer = time.monotonic(), b""
        sock.settimeout(0.05)
        while time.monotonic() - start < SLOW + 2:
            try:
                sock.sendall(b" ")
                data = sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
            if not data:
                break
            answer += data
        elapsed = time.monotonic() - start
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"request_timeout" in answer
    assert elapsed < SLOW + 1.5


def test_limits_are_documented():
    """docs/sync-protocol.md names each refusal a client can meet here."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "sync-protocol.md").read_text(encoding="utf-8")
    for code in ("json_too_deep", "json_too_many_values", "request_timeout", "body_too_large", "length_required",
                 "unsupported_encoding"):
        assert code in text, code
