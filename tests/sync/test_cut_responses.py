"""A response cut anywhere (in the status line, inside the headers, in the body) is retried like a cut
connection, and when it cannot be had the error says so instead of blaming the server's answer or login."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from proxy import Proxy
from sqlalchemy import func, select

from ocop_desktop.db.models import ChangeJournal
from ocop_desktop.services import registry
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.login import LoginError, login
from ocop_server.models import ChangeLog

PASSWORD = "mat-khau-123"  # every account the sync fixtures make (tests/sync/conftest.py)

# Bytes of the answer that get through: inside "HTTP/1.1 200 OK", inside the headers, in the body.
CUTS = {"status_line": 12, "headers": 40, "last_header": 120}


@pytest.fixture
def proxy(server) -> Iterator[Proxy]:
    with Proxy("127.0.0.1", server.port) as running:
        yield running


def _client(proxy: Proxy, retries: int = 2) -> ServerClient:
    return ServerClient(proxy.url, str(uuid.uuid4()), retries=retries, sleep=lambda seconds: None)


@pytest.mark.parametrize("cut", sorted(CUTS), ids=sorted(CUTS))
def test_info_cut_anywhere_is_asked_again(proxy, cut):
    """/info whose answer stops after a few bytes: the client asks again and gets the whole answer."""
    proxy.cut_response_once(CUTS[cut], "/info")
    info = _client(proxy).info()
    assert info.protocol_versions == [2] and len(info.epoch) == 32
    assert [r.outcome for r in proxy.log] == ["truncated", "relayed"]


def test_login_cut_inside_its_headers_is_not_sent_again_by_itself(proxy):
    """A login answer cut inside its headers is reported, not retried: the password crossed the wire once
    (issue 12: a login is never re-sent blindly). The person's next try logs in."""
    proxy.cut_response_once(CUTS["headers"], "/auth/login")
    client = _client(proxy)
    with pytest.raises(SyncError) as cut:
        client.login("admin", PASSWORD, "máy A")
    assert cut.value.code == "bad_response"
    assert [r.path for r in proxy.log].count("/auth/login") == 1
    assert client.login("admin", PASSWORD, "máy A").username == "admin"
    assert client.info() is not None and client.check(0).cursor >= 1  # the token works


def test_a_login_that_never_arrives_whole_is_not_called_refused(proxy, make_laptop):
    """With no retry left, a cut login answer is a connection problem: the laptop falls back to offline
    login (never logged in here) instead of saying the server refused the person."""
    laptop = make_laptop("a")
    proxy.cut_response_once(CUTS["headers"], "/auth/login")
    client = _client(proxy, retries=0)
    with pytest.raises(SyncError) as cut:
        client.login("admin", PASSWORD)
    assert cut.value.code == "bad_response" and cut.value.retryable
    proxy.cut_response_once(CUTS["headers"], "/auth/login")
    with pytest.raises(LoginError) as refused:
        login(laptop.db, _client(proxy, retries=0), "admin", PASSWORD)
    assert refused.value.code == "never_logged_in_here"


def test_a_push_answer_cut_inside_its_headers_is_replayed_once(server, proxy, make_laptop):
    """The server applied the push but its answer stopped inside the headers: the sync sends the batch
    again, gets the stored answers, and every change is applied exactly once."""
    laptop = make_laptop("a", url=proxy.url)
    with laptop.session() as s:
        registry.create_producer(s, name="HTX Mật ong Vũ Quang", kind="cooperative", commune_code="18073")
        s.commit()
    proxy.cut_response_once(CUTS["headers"], "/sync/push")
    report = laptop.sync()
    assert report.pushed == 1 and report.rejected == 0
    with laptop.session() as s:
        assert s.scalar(select(func.count()).select_from(ChangeJournal).where(ChangeJournal.status != "sent")) == 0
    with server.app.state.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == 1
    assert [r.outcome for r in proxy.log if "/sync/push" in r.path] == ["truncated", "relayed"]


def test_network_errors_say_whether_the_server_was_reached(proxy):
    """A closed port is 'could not connect'; an answer lost after the request arrived is 'cut off'."""
    closed = ServerClient(f"http://127.0.0.1:{proxy.port}", str(uuid.uuid4()), retries=0)
    proxy.drop_response_once("/info")
    with pytest.raises(SyncError) as cut:
        closed.info()
    assert cut.value.code == "network" and cut.value.message.startswith("Kết nối với máy chủ bị ngắt giữa chừng")
    proxy.stop()
    with pytest.raises(SyncError) as down:
        closed.info()
    assert down.value.code == "network" and down.value.message.startswith("Không kết nối được máy chủ")
