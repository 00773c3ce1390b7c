"""Login with a server address on plain http that nobody confirmed: the password never leaves the laptop."""

from __future__ import annotations

from ocop_desktop.sync import client as client_module
from ocop_desktop.ui.start.login_dialog import LoginDialog


def test_an_unconfirmed_http_server_gets_no_password_and_the_login_is_offline(demo_db, runner, qtbot,
                                                                              monkeypatch):
    """A laptop set up before https was the default (http://192.0.2.1): the login sends nothing and the
    person works offline against this laptop's verifier; the same host once confirmed is asked online."""
    sent: list[str] = []
    monkeypatch.setattr(client_module.requests.Session, "request",
                        lambda self, method, url, **kw: sent.append(url) or (_ for _ in ()).throw(
                            client_module.requests.ConnectionError("no network here")))
    dialog = LoginDialog(runner, "http://192.0.2.1:8765", None)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText("ocop-demo")
    dialog.try_login()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10_000)
    assert dialog.session.online is False and sent == []
    confirmed = LoginDialog(runner, "http://192.0.2.1:8765", None, plain_http_hosts=["192.0.2.1"])
    qtbot.addWidget(confirmed)
    confirmed.username.setText("admin")
    confirmed.password.setText("ocop-demo")
    confirmed.try_login()
    qtbot.waitUntil(lambda: confirmed.session is not None, timeout=10_000)
    assert sent == ["http://192.0.2.1:8765/auth/login"]
