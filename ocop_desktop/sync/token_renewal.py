"""Keeping the laptop's server token alive and fresh while online.

A token expires on the server after 30 days unused; each use slides that. While the laptop is online it swaps
its token for a fresh one (``/auth/renew``) at most once a day: the old token dies at once, so a copy of it
(an old backup of the database, a stolen file) stops working after the laptop's next renewal. A token that
has expired already is replaced by logging in again with the password this session holds in memory.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ocop_desktop.db import credentials
from ocop_desktop.db.schema import Database
from ocop_desktop.sync.accounts_client import AccountsClient
from ocop_desktop.sync.client import ServerClient, SyncError
from ocop_desktop.sync.login import LoginSession

RENEW_EVERY = timedelta(days=1)
DEAD_TOKEN = frozenset({"token_expired", "token_invalid"})


def due(login: LoginSession, now: datetime | None = None) -> bool:
    """Once a day. A session that began offline is due too: it is asked when the server answers (before a sync),
    and its stored token may have expired meanwhile."""
    return login.renewed_at is None or (now or datetime.now(UTC)) - login.renewed_at >= RENEW_EVERY


def renew(db: Database, client: ServerClient, login: LoginSession, now: datetime | None = None) -> bool:
    """Swaps the token (or logs in again if it died) and keeps the new one in the session, the client and the
    laptop's credentials; False when the server did not answer (nothing changed). Runs on a network thread;
    writes its one row in a session of its own, like the sync engine."""
    try:
        token = AccountsClient(client).renew().token
    except SyncError as exc:
        if exc.code in DEAD_TOKEN and login.refresh_online(db, client):
            login.renewed_at = now or datetime.now(UTC)
            return True
        if exc.code == "network" or exc.retryable:
            return False
        raise
    with db.session() as session:
        kept = credentials.find(session, login.username)
        if kept is not None:
            credentials.remember(session, username=kept.username, user_id=kept.user_id, full_name=kept.full_name,
                                 role=kept.role, verifier=kept.verifier, token=token, server_url=kept.server_url)
            session.commit()
    login.token, login.renewed_at = token, now or datetime.now(UTC)
    return True


def renew_if_due(db: Database, client: ServerClient, login: LoginSession) -> bool:
    """Renews once a day while online; True when the token was renewed now."""
    return due(login) and renew(db, client, login)
