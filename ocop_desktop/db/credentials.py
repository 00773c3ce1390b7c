"""Credentials kept on the laptop for offline login: an Argon2 verifier, never the password."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ocop_desktop.db.models import Credential
from ocop_desktop.db.types import utcnow


def remember(session: Session, *, username: str, user_id: str, full_name: str, role: str, verifier: str,
             token: str | None, server_url: str) -> None:
    cred = session.get(Credential, username) or Credential(username=username)
    cred.user_id, cred.full_name, cred.role, cred.verifier = user_id, full_name, role, verifier
    cred.token, cred.server_url, cred.last_online_login = token, server_url, utcnow()
    session.merge(cred)


def find(session: Session, username: str) -> Credential | None:
    return session.get(Credential, username)
