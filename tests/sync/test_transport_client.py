"""The laptop's transport rules over real HTTP: the password is never re-sent by itself, and plain http
goes only to this machine or to a host a person allowed it for."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from proxy import Proxy

from ocop_desktop.cli import main
from ocop_desktop.sync.client import PLAIN_HTTP_ENV, ServerClient, SyncError
from ocop_server.testing import free_port

PASSWORD = "mat-khau-123"  # what tests/sync/conftest.py gives the admin
DEVICE = "00000000-0000-4000-8000-0000000000aa"


class _Busy(http.server.BaseHTTPRequestHandler):
    """A front that answers 503 to everything, as a reverse proxy does while the server restarts."""

    logins: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/auth/login":
            self.logins.append(body)
        self.send_response(503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Retry-After", "0")
        payload = b'{"code": "unavailable", "message": "restarting", "detail": null}'
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def busy() -> Iterator[tuple[str, list[bytes]]]:
    logins: ClassVar[list[bytes]] = []
    handler = type("Busy", (_Busy,), {"logins": logins})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", logins
    httpd.shutdown()
    httpd.server_close()


def test_a_503_to_a_login_sends_the_password_once(busy):
    """A 503 answer to a login is reported at once: the password crossed the wire once (6 times before)."""
    url, logins = busy
    client = ServerClient(url, DEVICE, retries=5, sleep=lambda s: None)
    with pytest.raises(SyncError) as refused:
        client.login("admin", PASSWORD)
    assert refused.value.status == 503
    assert len(logins) == 1 and PASSWORD.encode() in logins[0]


def test_other_requests_still_retry_a_503(busy):
    """The retry policy changes for the login only: a check still tries again after a 503."""
    url, _ = busy
    waits: list[float] = []
    client = ServerClient(url, DEVICE, token="t", retries=3, sleep=waits.append)
    with pytest.raises(SyncError):
        client.check(0)
    assert len(waits) == 3


def test_a_lost_login_answer_is_not_followed_by_the_password_again(server):
    """The server took the login but its answer was lost on the way: the client reports a network error
    and does not send the password a second time by itself."""
    with Proxy("127.0.0.1", server.port) as proxy:
        proxy.drop_response_once("/auth/login")
        client = ServerClient(proxy.url, DEVICE, retries=5, sleep=lambda s: None)
        with pytest.raises(SyncError) as lost:
            client.login("admin", PASSWORD)
        assert lost.value.code == "network"
        assert [r.path for r in proxy.log] == ["/auth/login"]


def test_a_login_is_tried_again_while_nothing_was_sent(tmp_path):
    """Nobody listening: the connection is never made, no password left, so trying again is harmless."""
    waits: list[float] = []
    client = ServerClient(f"http://127.0.0.1:{free_port()}", DEVICE, retries=2, sleep=waits.append)
    with pytest.raises(SyncError) as unreachable:
        client.login("admin", PASSWORD)
    assert unreachable.value.code == "network" and len(waits) == 2


def _other_name_for_this_machine() -> str:
    """A name of this machine that is not 'localhost' nor a loopback address: the client cannot know it
    stays local, so it counts as a remote host."""
    name = socket.gethostname().lower()
    try:
        if socket.gethostbyname(name).startswith("127."):
            return name
    except OSError:
        pass
    pytest.skip("this machine's name does not resolve to itself")


def test_plain_http_to_a_remote_host_is_refused_before_the_password_leaves(server):
    """http://<host> that is not loopback: the login is refused on the laptop with plain_http_refused and the
    server never sees it; the same host allowed by a person logs in."""
    host = _other_name_for_this_machine()
    url = f"http://{host}:{server.port}"
    with Proxy("127.0.0.1", server.port) as proxy:
        url = f"http://{host}:{proxy.port}"
        with pytest.raises(SyncError) as refused:
            ServerClient(url, DEVICE, retries=0, plain_http_hosts=()).login("admin", PASSWORD)
        assert refused.value.code == "plain_http_refused" and refused.value.params["host"] == host
        assert proxy.log == []
        allowed = ServerClient(url, DEVICE, retries=0, plain_http_hosts=[host.upper()])
        assert allowed.login("admin", PASSWORD).username == "admin"
        with pytest.raises(SyncError):  # a token is a secret too: never sent to that host unallowed
            ServerClient(url, DEVICE, allowed.token, retries=0, plain_http_hosts=()).check(0)
        assert [r.path for r in proxy.log] == ["/auth/login"]


def test_ocop_sync_refuses_plain_http_unless_the_host_is_allowed(server, tmp_path, capsys, monkeypatch):
    """The headless sync says why it refuses and how to allow the host (--allow-http or the setting)."""
    host = _other_name_for_this_machine()
    monkeypatch.delenv(PLAIN_HTTP_ENV, raising=False)
    monkeypatch.setenv("OCOP_PASSWORD", PASSWORD)
    args = ["--data-dir", str(tmp_path / "laptop"), "sync", "--server", f"http://{host}:{server.port}",
            "--username", "admin"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "http" in err and "--allow-http" in err and host in err
    assert main([*args, "--allow-http", host]) == 0
    monkeypatch.setenv(PLAIN_HTTP_ENV, host)
    assert main(args) == 0
