"""Account administration from the laptop: one function per admin intent, each one call to the provincial
server (sync/accounts_client.py). Accounts live on the server only, so nothing here touches the database; every
function runs on a network thread and needs a connection, and says so clearly (accounts_need_server,
accounts_offline) when there is none."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from ocop_core.account_messages import ROLES, AuditEntry, UserInfo
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.sync.accounts_client import AccountsClient
from ocop_desktop.sync.client import ServerClient, SyncError

MakeClient = Callable[[], ServerClient] | None
COMMUNE = re.compile(r"^[0-9]{1,10}$")


@dataclass(frozen=True)
class Account:
    user_id: str
    username: str
    full_name: str
    role: str
    communes: tuple[str, ...]
    active: bool
    devices: int
    last_used_at: datetime | None


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    actor: str
    action: str
    username: str
    detail: dict[str, object]


@dataclass(frozen=True)
class AccountsView:
    accounts: tuple[Account, ...]
    audit: tuple[AuditLine, ...]


def _utc(when: datetime | None) -> datetime | None:
    # A server on SQLite answers its UTC times without a zone; shown as they are, they would be hours off.
    return when.replace(tzinfo=UTC) if when is not None and when.tzinfo is None else when


def _account(info: UserInfo) -> Account:
    return Account(info.id, info.username, info.full_name, info.role, tuple(info.commune_codes), info.active,
                   info.devices, _utc(info.last_used_at))


def _line(entry: AuditEntry) -> AuditLine:
    return AuditLine(_utc(entry.at) or entry.at, entry.actor, entry.action, entry.username, dict(entry.detail))


@contextmanager
def _server(make_client: MakeClient) -> Iterator[AccountsClient]:
    if make_client is None:
        raise ServiceError("accounts_need_server")
    client = make_client()
    try:
        yield AccountsClient(client)
    except SyncError as exc:
        if exc.code == "network":
            raise ServiceError("accounts_offline") from exc
        raise
    finally:
        client.close()


def load_accounts(make_client: MakeClient, *, audit_limit: int = 200) -> AccountsView:
    with _server(make_client) as server:
        accounts = tuple(_account(u) for u in server.users())
        audit = tuple(_line(e) for e in server.audit(audit_limit))
    return AccountsView(accounts, audit)


def disable_account(make_client: MakeClient, *, user_id: str) -> Account:
    with _server(make_client) as server:
        return _account(server.disable(user_id))


def enable_account(make_client: MakeClient, *, user_id: str) -> Account:
    with _server(make_client) as server:
        return _account(server.enable(user_id))


def parse_communes(text: str) -> list[str]:
    """"18073, 18652" -> ["18073", "18652"]; raises ServiceError invalid_commune_codes."""
    codes = [part.strip() for part in re.split(r"[,;\s]+", text) if part.strip()]
    if any(not COMMUNE.fullmatch(code) for code in codes):
        raise ServiceError("invalid_commune_codes", "communes")
    return list(dict.fromkeys(codes))


def change_role(make_client: MakeClient, *, user_id: str, role: str, communes: str) -> Account:
    if role not in ROLES:
        raise ServiceError("unknown_role", "role")
    codes = parse_communes(communes)
    with _server(make_client) as server:
        return _account(server.change_role(user_id, role, codes))


def reset_password(make_client: MakeClient, *, user_id: str, password: str) -> Account:
    """The server applies the password policy (length, common list, username) and answers its code."""
    with _server(make_client) as server:
        return _account(server.reset_password(user_id, password))
