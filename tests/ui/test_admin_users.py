"""The "Tài khoản" tab of Quản trị against the real server on 127.0.0.1: list, disable after a question, role
and communes, password reset, the audit log, and what it says without a connection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import sync_world

from ocop_desktop.sync.client import ServerClient
from ocop_desktop.ui.admin.admin_page import USERS_TAB, AdminPage
from ocop_desktop.ui.admin.users_tab import UsersTab
from ocop_server.testing import free_port

PROTOCOL = {"X-OCOP-Protocol": "2"}
PASSWORD = sync_world.PASSWORD
live_server, make_laptop = sync_world.live_server, sync_world.make_laptop  # fixtures


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch):
    """Cheap Argon2 for this module's many logins (the production cost is ~1 s each here)."""
    from argon2 import PasswordHasher

    from ocop_server import accounts

    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def _login(server, username: str, password: str = PASSWORD) -> requests.Response:
    body = {"username": username, "password": password, "device_id": "00000000-0000-4000-8000-0000000000b1"}
    return requests.post(f"{server.url}/auth/login", json=body, headers=PROTOCOL, timeout=30)


def _user(server, username: str) -> dict:
    with server.app.state.sessions() as s:
        from ocop_server.models import User

        user = s.query(User).filter_by(username=username).one()
        return {"role": user.role, "active": user.active, "communes": user.commune_codes}


@pytest.fixture
def tab(fast_argon2, live_server, make_laptop, qtbot) -> Iterator[UsersTab]:
    live_server.create_user("thanhvien1", PASSWORD, "member", full_name="Nguyễn Văn An")
    live_server.create_user("canboxa1", PASSWORD, "commune_officer", full_name="Trần Thị Bình",
                            commune_codes=["18073"])
    laptop = make_laptop("a")
    page = AdminPage(laptop.context)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(USERS_TAB)
    assert page.users_tab is not None
    yield page.users_tab  # the page stays alive while the test runs


def _choose(tab: UsersTab, username: str) -> None:
    row = next(i for i, a in enumerate(tab.accounts) if a.username == username)
    tab.table.selectRow(row)


def test_the_tab_lists_the_servers_accounts(tab):
    """Every account with its role in words and its communes; the audit log shows their creation."""
    names = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert names == ["admin", "canboxa1", "thanhvien1"]
    assert tab.table.item(1, 2).text() == "Cán bộ xã" and tab.table.item(1, 3).text() == "18073"
    assert tab.audit.rowCount() >= 3 and tab.audit.item(0, 2).text() == "Tạo tài khoản"


def test_disabling_asks_first_and_a_no_changes_nothing(tab, live_server):
    _choose(tab, "thanhvien1")
    asked = []
    tab.confirm = lambda title, text: asked.append(text) or False
    tab.state_button.click()
    assert asked and "thanhvien1" in asked[0]
    assert _user(live_server, "thanhvien1")["active"] is True


def test_disabling_cuts_the_user_off_and_is_logged(tab, live_server):
    """Yes: the server refuses the user's login, the row says "Đã khóa", the audit log names it."""
    _choose(tab, "thanhvien1")
    tab.confirm = lambda title, text: True
    tab.state_button.click()
    assert _user(live_server, "thanhvien1")["active"] is False
    assert _login(live_server, "thanhvien1").json()["code"] == "account_disabled"
    row = next(i for i, a in enumerate(tab.accounts) if a.username == "thanhvien1")
    assert tab.table.item(row, 4).text() == "Đã khóa"
    assert tab.audit.item(0, 2).text() == "Khóa tài khoản" and tab.audit.item(0, 3).text() == "thanhvien1"
    assert tab.state_button.text() == "Mở khóa tài khoản"
    tab.state_button.click()
    assert _login(live_server, "thanhvien1").status_code == 200


def test_a_role_and_communes_change_reaches_the_server(tab, live_server):
    _choose(tab, "canboxa1")
    tab.role.setCurrentIndex(tab.role.findData("viewer"))
    tab.communes.setText("18652, 18073")
    tab.role_button.click()
    assert _user(live_server, "canboxa1") == {"role": "viewer", "active": True, "communes": '["18652", "18073"]'}
    assert "canboxa1" in tab.result.text()


def test_bad_communes_are_refused_here_and_change_nothing(tab, live_server):
    _choose(tab, "canboxa1")
    tab.communes.setText("Thạch Hà")
    tab.role_button.click()
    assert "chữ số" in tab.result.text()
    assert _user(live_server, "canboxa1")["communes"] == '["18073"]'


def test_a_weak_password_is_refused_in_vietnamese_and_the_old_one_stays(tab, live_server):
    _choose(tab, "thanhvien1")
    tab.password.setText("ngan")
    tab.password_button.click()
    assert "ít nhất 10 ký tự" in tab.result.text()
    assert _login(live_server, "thanhvien1").status_code == 200


def test_a_password_reset_takes_effect(tab, live_server):
    _choose(tab, "thanhvien1")
    tab.password.setText("mat-khau-moi-cua-an")
    tab.password_button.click()
    assert tab.password.text() == ""
    assert _login(live_server, "thanhvien1").status_code == 401
    assert _login(live_server, "thanhvien1", "mat-khau-moi-cua-an").status_code == 200


def test_without_a_server_the_tab_says_so_and_offers_nothing(make_laptop, qtbot):
    laptop = make_laptop("b")
    laptop.context.make_client = None
    tab = UsersTab(laptop.context)
    qtbot.addWidget(tab)
    assert "cần kết nối máy chủ tỉnh" in tab.result.text()
    assert not tab.reload_button.isEnabled() and not tab.state_button.isEnabled()


def test_an_unreachable_server_is_said_clearly(make_laptop, qtbot):
    laptop = make_laptop("c")
    laptop.context.make_client = lambda: ServerClient(f"http://127.0.0.1:{free_port()}", laptop.client.device_id,
                                                      token="x", retries=0)
    tab = UsersTab(laptop.context)
    qtbot.addWidget(tab)
    assert "Không kết nối được máy chủ tỉnh" in tab.result.text() and tab.table.rowCount() == 0


def test_screenshot(tab, screenshots):
    """The tab at 1366x768 with an account chosen (build/screenshots/admin_users.png)."""
    _choose(tab, "canboxa1")
    window = tab.window()
    window.resize(1366, 768)
    window.show()
    window.grab().save(str(screenshots / "admin_users.png"))
