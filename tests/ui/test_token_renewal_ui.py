"""The window's sync renews the laptop's server token while online (at most once a day), over the real server."""

from __future__ import annotations

import requests
import sync_world

from ocop_desktop.sync.login import LoginSession
from ocop_desktop.ui.sync_controller import SyncController

live_server, make_laptop = sync_world.live_server, sync_world.make_laptop  # fixtures


def test_a_sync_renews_the_token_and_the_old_one_dies(make_laptop, live_server, qtbot):
    """After the first sync of the day the session holds a new token, the client uses it, and the old one is
    refused; a second sync the same day keeps it."""
    laptop = make_laptop("a")
    old = laptop.client.token
    login = LoginSession("admin", laptop.context.user.user_id, "Quản trị tỉnh", "admin", True, old,
                         sync_world.PASSWORD)
    laptop.context.login = login
    controller = SyncController(laptop.context)
    with qtbot.waitSignal(controller.finished, timeout=30000):
        assert controller.start()
    assert login.token != old and laptop.client.token == login.token
    refused = requests.post(f"{live_server.url}/sync/pull", json={"cursor": 0},
                            headers={"X-OCOP-Protocol": "2", "Authorization": f"Bearer {old}"}, timeout=30)
    assert refused.status_code == 401
    renewed = login.token
    with qtbot.waitSignal(controller.finished, timeout=30000):
        assert controller.start()
    assert login.token == renewed


def test_without_a_session_the_sync_runs_as_before(make_laptop, qtbot):
    laptop = make_laptop("b")
    token = laptop.client.token
    controller = SyncController(laptop.context)
    with qtbot.waitSignal(controller.finished, timeout=30000) as done:
        assert controller.start()
    assert laptop.client.token == token and not isinstance(done.args[0], Exception)
