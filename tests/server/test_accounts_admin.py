"""Account administration over real HTTP: list, disable and enable, role and communes, password reset; each
change revokes the account's tokens at once and is audited."""

from __future__ import annotations

import pytest
from accounts_helpers import ADMIN_PASSWORD, PASSWORD, call, login, pull, token, use_clock
from server_world import assert_problem, change, new_id

from ocop_server.testing import LiveServer


@pytest.fixture
def accounts(server: LiveServer) -> dict[str, str]:
    """A fresh set of accounts per test (names made unique), with the admin's token under "token"."""
    use_clock(server)
    suffix = new_id()[:8]
    names = {"admin": f"boss{suffix}", "member": f"member{suffix}", "officer": f"officer{suffix}"}
    ids = {"admin": server.create_user(names["admin"], ADMIN_PASSWORD, "admin"),
           "member": server.create_user(names["member"], PASSWORD, "member"),
           "officer": server.create_user(names["officer"], PASSWORD, "commune_officer", commune_codes=["18073"])}
    return {**{f"{k}_id": v for k, v in ids.items()}, **names, "token": token(server, names["admin"], ADMIN_PASSWORD)}


def _users(server, tok) -> dict[str, dict]:
    response = call(server, "GET", "/admin/users", tok)
    assert response.status_code == 200, response.text
    return {u["username"]: u for u in response.json()}


def test_an_admin_lists_users_with_role_communes_state_and_devices(server, accounts):
    """The list names each account's role, communes, whether it is active and its live devices."""
    token(server, accounts["officer"])
    officer = _users(server, accounts["token"])[accounts["officer"]]
    assert (officer["role"], officer["commune_codes"], officer["active"], officer["devices"]) == \
        ("commune_officer", ["18073"], True, 1)


def test_disabling_a_user_cuts_their_devices_off_at_once(server, accounts):
    """A disabled user's next request is 401 account_disabled, their login 403; the active column says so."""
    member = token(server, accounts["member"])
    assert pull(server, member).status_code == 200
    response = call(server, "POST", f"/admin/users/{accounts['member_id']}/disable", accounts["token"])
    assert response.status_code == 200 and response.json()["active"] is False
    assert assert_problem(pull(server, member), 401)["code"] == "account_disabled"
    assert assert_problem(login(server, accounts["member"]), 403)["code"] == "account_disabled"
    assert _users(server, accounts["token"])[accounts["member"]]["active"] is False


def test_enabling_lets_the_user_log_in_again_but_old_tokens_stay_dead(server, accounts):
    """Enable restores logins; the tokens revoked by the disable never come back."""
    member = token(server, accounts["member"])
    call(server, "POST", f"/admin/users/{accounts['member_id']}/disable", accounts["token"]).raise_for_status()
    call(server, "POST", f"/admin/users/{accounts['member_id']}/enable", accounts["token"]).raise_for_status()
    assert assert_problem(pull(server, member), 401)["code"] == "token_invalid"
    assert pull(server, token(server, accounts["member"])).status_code == 200


def test_a_role_change_revokes_tokens_and_reaches_the_synced_users_row(server, accounts):
    """New role and communes: the old token is refused, a new login carries them, laptops pull the new role."""
    officer = token(server, accounts["officer"])
    response = call(server, "PUT", f"/admin/users/{accounts['officer_id']}/role", accounts["token"],
                    {"role": "viewer", "commune_codes": ["18652"]})
    assert response.status_code == 200, response.text
    assert assert_problem(pull(server, officer), 401)["code"] == "token_invalid"
    again = login(server, accounts["officer"]).json()
    assert (again["role"], again["commune_codes"]) == ("viewer", ["18652"])
    rows = call(server, "POST", "/sync/pull", accounts["token"], {"cursor": 0, "limit": 1000, "entity": "users"})
    row = next(r for r in rows.json()["rows"] if r["id"] == accounts["officer_id"])
    assert (row["data"]["role"], row["data"]["commune_code"]) == ("viewer", "18652")


def test_an_unknown_role_is_refused_and_changes_nothing(server, accounts):
    """422 unknown_role; the account keeps its role and its token."""
    officer = token(server, accounts["officer"])
    response = call(server, "PUT", f"/admin/users/{accounts['officer_id']}/role", accounts["token"],
                    {"role": "king", "commune_codes": []})
    assert assert_problem(response, 422)["code"] == "unknown_role"
    assert pull(server, officer).status_code == 200
    assert _users(server, accounts["token"])[accounts["officer"]]["role"] == "commune_officer"


def test_a_password_reset_takes_effect_and_revokes_tokens(server, accounts):
    """The new password logs in, the old one no longer does, and the devices must log in again."""
    member = token(server, accounts["member"])
    response = call(server, "POST", f"/admin/users/{accounts['member_id']}/password", accounts["token"],
                    {"password": "mot-mat-khau-moi-dai"})
    assert response.status_code == 200, response.text
    assert assert_problem(pull(server, member), 401)["code"] == "token_invalid"
    assert assert_problem(login(server, accounts["member"]), 401)["code"] == "login_failed"
    assert login(server, accounts["member"], "mot-mat-khau-moi-dai").status_code == 200


@pytest.mark.parametrize(("password", "code"), [("ngan-qua", "password_too_short"),
                                                ("1234567890", "password_common"),
                                                ("QwertyUiop", "password_common")])
def test_a_weak_reset_password_is_refused_and_the_old_one_stays(server, accounts, password, code):
    """A reset to a weak password answers its code; the account, its password and tokens are untouched."""
    member = token(server, accounts["member"])
    response = call(server, "POST", f"/admin/users/{accounts['member_id']}/password", accounts["token"],
                    {"password": password})
    assert assert_problem(response, 422)["code"] == code
    assert pull(server, member).status_code == 200
    assert login(server, accounts["member"]).status_code == 200


def test_a_reset_to_the_username_is_refused(server, accounts):
    """The username, in any case, is never a password."""
    response = call(server, "POST", f"/admin/users/{accounts['member_id']}/password", accounts["token"],
                    {"password": accounts["member"].upper()})
    assert assert_problem(response, 422)["code"] in ("password_is_username", "password_too_short")


def test_the_last_active_admin_is_never_disabled_nor_demoted(server, accounts):
    """409 last_admin while no other admin is active; the admin keeps working."""
    for other in _users(server, accounts["token"]).values():
        if other["role"] == "admin" and other["id"] != accounts["admin_id"]:
            call(server, "POST", f"/admin/users/{other['id']}/disable", accounts["token"]).raise_for_status()
    response = call(server, "POST", f"/admin/users/{accounts['admin_id']}/disable", accounts["token"])
    assert assert_problem(response, 409)["code"] == "last_admin"
    response = call(server, "PUT", f"/admin/users/{accounts['admin_id']}/role", accounts["token"], {"role": "viewer"})
    assert assert_problem(response, 409)["code"] == "last_admin"
    assert pull(server, accounts["token"]).status_code == 200


def test_only_admins_administer_accounts(server, accounts):
    """Every account endpoint answers 403 admins_only to another role, and nothing changes."""
    member = token(server, accounts["member"])
    for method, path, body in (("GET", "/admin/users", None), ("GET", "/admin/audit", None),
                               ("POST", f"/admin/users/{accounts['officer_id']}/disable", None),
                               ("PUT", f"/admin/users/{accounts['member_id']}/role", {"role": "admin"}),
                               ("POST", f"/admin/users/{accounts['officer_id']}/password", {"password": "x" * 20})):
        assert assert_problem(call(server, method, path, member, body), 403)["code"] == "admins_only"
    assert _users(server, accounts["token"])[accounts["member"]]["role"] == "member"


def test_an_unknown_user_is_404(server, accounts):
    response = call(server, "POST", "/admin/users/00000000-0000-4000-8000-00000000dead/disable", accounts["token"])
    assert assert_problem(response, 404)["code"] == "user_not_found"


def test_the_audit_log_names_who_changed_which_account_newest_first(server, accounts):
    """Disable, enable and a role change leave three entries, with the admin's name and the details."""
    for method, path, body in (("POST", "disable", None), ("POST", "enable", None),
                               ("PUT", "role", {"role": "chair", "commune_codes": []})):
        call(server, method, f"/admin/users/{accounts['member_id']}/{path}", accounts["token"], body).raise_for_status()
    response = call(server, "GET", f"/admin/audit?user_id={accounts['member_id']}", accounts["token"])
    entries = response.json()
    assert [e["action"] for e in entries] == ["role_changed", "user_enabled", "user_disabled", "user_created"]
    assert {e["actor"] for e in entries[:3]} == {accounts["admin"]}
    assert entries[0]["detail"]["before"]["role"] == "member" and entries[0]["detail"]["after"]["role"] == "chair"


def test_an_admin_revoking_someones_device_is_audited(server, accounts):
    """A lost laptop cut off by revoking its token leaves a tokens_revoked entry naming the device."""
    member = login(server, accounts["member"]).json()
    tokens = call(server, "GET", f"/auth/tokens?user_id={accounts['member_id']}", accounts["token"]).json()
    call(server, "POST", f"/auth/tokens/{tokens[0]['token_id']}/revoke", accounts["token"]).raise_for_status()
    assert assert_problem(pull(server, member["token"]), 401)["code"] == "token_invalid"
    entry = call(server, "GET", f"/admin/audit?user_id={accounts['member_id']}", accounts["token"]).json()[0]
    assert (entry["action"], entry["actor"], entry["detail"]["device_name"]) == \
        ("tokens_revoked", accounts["admin"], "thử")


def test_a_pushed_users_row_never_changes_an_accounts_role(server, accounts):
    """An admin's push of an account's users row is refused (forbidden, reason account:...): roles change
    through /admin/users/{id}/role only, where tokens are revoked and the change audited."""
    rows = call(server, "POST", "/sync/pull", accounts["token"], {"cursor": 0, "limit": 1000, "entity": "users"})
    version = next(r for r in rows.json()["rows"] if r["id"] == accounts["member_id"])["version"]
    push = change("users", accounts["member_id"], {"role": ("member", "admin")}, "update", version)
    response = call(server, "POST", "/sync/push", accounts["token"],
                    {"changes": [push.model_dump(mode="json")], "cursor": 0})
    result = response.json()["results"][0]
    assert result["status"] == "forbidden" and result["reason"].startswith("account")
    assert _users(server, accounts["token"])[accounts["member"]]["role"] == "member"
    assert login(server, accounts["member"]).json()["role"] == "member"
