"""Logging in: online against the server when it answers, offline against a verifier kept here.

A user who has logged in on this laptop before can work offline; the password typed is kept in
memory for the session only, to get a fresh token when the server is reachable again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ocop_desktop.db import credentials
from ocop_desktop.db.schema import Database
from ocop_desktop.sync.client import ServerClient, SyncError

_hasher = PasswordHasher()


class LoginError(Exception):
    def __init__(self, code: str):
        self.code = code  # wrong_password | never_logged_in_here | server_refused
        super().__init__(code)


@dataclass
class LoginSession:
    username: str
    user_id: str
    full_name: str
    role: str
    online: bool
    token: str | None
    _password: str = field(repr=False, default="")

    def refresh_online(self, db: Database, client: ServerClient) -> bool:
        """Gets a fresh token once the server answers; True when this session is now online."""
        try:
            result = client.login(self.username, self._password, "")
        except SyncError as exc:
            if exc.code == "network" or exc.retryable:
                return False
            raise LoginError("server_refused") from exc
        _remember(db, client, result, self._password)
        self.online, self.token = True, result.token
        return True


def _remember(db: Database, client: ServerClient, result, password: str) -> None:
    with db.session() as session:
        credentials.remember(session, username=result.username, user_id=result.user_id, full_name=result.full_name,
                             role=result.role, verifier=_hasher.hash(password), token=result.token,
                             server_url=client.base_url)
        session.commit()


def login(db: Database, client: ServerClient | None, username: str, password: str) -> LoginSession:
    if client is not None:
        try:
            result = client.login(username, password, "")
        except SyncError as exc:
            if exc.code == "login_failed":
                raise LoginError("wrong_password") from exc
            if exc.code != "network" and not exc.retryable:
                raise LoginError("server_refused") from exc
        else:
            _remember(db, client, result, password)
            return LoginSession(result.username, result.user_id, result.full_name, result.role, True, result.token,
                                password)
    with db.session() as session:
        cred = credentials.find(session, username)
    if cred is None:
        raise LoginError("never_logged_in_here")
    try:
        _hasher.verify(cred.verifier, password)
    except (VerificationError, InvalidHashError) as exc:
        raise LoginError("wrong_password") from exc
    return LoginSession(cred.username, cred.user_id, cred.full_name, cred.role, False, cred.token, password)
