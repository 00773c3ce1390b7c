"""Logging in: online against the server when it answers, offline against a verifier kept here.

A user who has logged in on this laptop before can work offline; the password typed is kept in
memory for the session only, to get a fresh token when the server is reachable again.

The app logs in in steps so that only the runner's database thread writes the database: ``ask_server``
on a network thread (it also makes the verifier, which takes a moment of CPU), then ``remember_login``
(a write) or ``offline_login`` (a read) on the database thread. ``login`` and
``LoginSession.refresh_online`` run the steps on the calling thread for the headless ``ocop sync``: it
has no runner, so there the login writes in a session of its own (tests/sync/test_login.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from ocop_core.errors import OcopError
from ocop_desktop.db import credentials
from ocop_desktop.db.schema import Database
from ocop_desktop.sync.client import ServerClient, SyncError

_hasher = PasswordHasher()
# The server's refusals a person can act on, said as they are rather than as a refusal in general; a throttled
# login (429, retried by the client first) is never mistaken for a server that does not answer.
SAID_AS_IS = frozenset({"account_disabled", "login_throttled"})


class LoginError(OcopError):
    def __init__(self, code: str):
        super().__init__(code)  # wrong_password | never_logged_in_here | server_refused | SAID_AS_IS


@dataclass
class LoginSession:
    username: str
    user_id: str
    full_name: str
    role: str
    online: bool
    token: str | None
    _password: str = field(repr=False, default="")
    renewed_at: datetime | None = None  # when sync/token_renewal.py last swapped the token

    def refresh_online(self, db: Database, client: ServerClient) -> bool:
        """Gets a fresh token once the server answers; True when this session is now online. Headless:
        writes in a session of its own."""
        try:
            answer = _ask(client, self.username, self._password)
        except SyncError as exc:
            if exc.code == "network" or exc.retryable:
                return False
            raise LoginError("server_refused") from exc
        _remember_alone(db, answer)
        self.online, self.token = True, answer.token
        return True


@dataclass(frozen=True)
class ServerLogin:
    """The server's yes, with what the laptop keeps of it for the next offline login."""

    username: str
    user_id: str
    full_name: str
    role: str
    token: str
    server_url: str
    verifier: str = field(repr=False)
    password: str = field(repr=False)

    def session(self) -> LoginSession:
        return LoginSession(self.username, self.user_id, self.full_name, self.role, True, self.token, self.password)


def _ask(client: ServerClient, username: str, password: str) -> ServerLogin:
    result = client.login(username, password, "")
    return ServerLogin(result.username, result.user_id, result.full_name, result.role, result.token,
                       client.base_url, _hasher.hash(password), password)


def ask_server(client: ServerClient, username: str, password: str) -> ServerLogin | None:
    """The server's answer; None when it does not answer (the laptop then logs in offline). Raises
    LoginError when it refuses: a wrong password is never retried against the old verifier."""
    try:
        return _ask(client, username, password)
    except SyncError as exc:
        if exc.code == "login_failed":
            raise LoginError("wrong_password") from exc
        if exc.code in SAID_AS_IS:
            raise LoginError("account_disabled" if exc.code == "account_disabled" else "login_throttled") from exc
        if exc.code != "network" and not exc.retryable:
            raise LoginError("server_refused") from exc
        return None


def remember_login(session: Session, answer: ServerLogin) -> None:
    """Keeps the verifier and the token for the next offline login (a local row that is never synced)."""
    credentials.remember(session, username=answer.username, user_id=answer.user_id, full_name=answer.full_name,
                         role=answer.role, verifier=answer.verifier, token=answer.token,
                         server_url=answer.server_url)


def offline_login(session: Session, username: str, password: str) -> LoginSession:
    """Against the verifier an earlier online login left on this laptop; reads only."""
    cred = credentials.find(session, username)
    if cred is None:
        raise LoginError("never_logged_in_here")
    try:
        _hasher.verify(cred.verifier, password)
    except (VerificationError, InvalidHashError) as exc:
        raise LoginError("wrong_password") from exc
    return LoginSession(cred.username, cred.user_id, cred.full_name, cred.role, False, cred.token, password)


def _remember_alone(db: Database, answer: ServerLogin) -> None:
    with db.session() as session:
        remember_login(session, answer)
        session.commit()


def login(db: Database, client: ServerClient | None, username: str, password: str) -> LoginSession:
    """Online when the server answers, else offline; every step on the calling thread (headless only)."""
    answer = ask_server(client, username, password) if client is not None else None
    if answer is not None:
        _remember_alone(db, answer)
        return answer.session()
    with db.session() as session:
        return offline_login(session, username, password)
