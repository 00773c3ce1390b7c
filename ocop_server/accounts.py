"""Accounts: Argon2 passwords, device tokens (stored hashed), creating users."""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ocop_core.entities import ENTITIES
from ocop_core.row_rules import unique_keys
from ocop_server import scope, store
from ocop_server.models import Token, User

ROLES = ("admin", "secretary", "chair", "member", "commune_officer", "viewer")
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(session: Session, *, username: str, password: str, role: str, full_name: str = "",
                commune_codes: list[str] | None = None) -> User:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if not username.strip() or len(username) > 64:
        raise ValueError("username must be 1-64 characters")
    if len(password) < 8:
        raise ValueError("password must have at least 8 characters")
    # Case-insensitively, and among the users rows admins pushed from laptops too: two rows named "admin"
    # would break every laptop's unique index on usernames.
    (_, key), = unique_keys(ENTITIES["users"], {"username": username})
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())) is not None \
            or store.key_holder(session, "users", key) is not None:
        raise ValueError(f"user {username!r} exists")
    now = datetime.now(UTC)
    user = User(id=str(uuid.uuid4()), username=username, full_name=full_name, role=role,
                commune_codes=json.dumps(commune_codes or []), password_hash=hash_password(password),
                active=True, created_at=now)
    session.add(user)
    session.flush()
    # Mirrored as a synced row so a member's laptop knows the people its councils refer to.
    seq = store.next_seq(session)
    data = {"id": user.id, "username": username, "full_name": full_name, "role": role,
            "commune_code": (commune_codes or [None])[0], "created_at": now.isoformat(),
            "updated_at": now.isoformat(), "deleted": False}
    store.save(session, store.Row("users", user.id, data, {k: seq for k in data}, seq, False))
    scope.refresh(session, "users", user.id, lambda: store.next_seq(session))
    return user


def check_password(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active:
        hash_password(password)  # same cost whether or not the name exists
        return None
    return user if verify_password(user.password_hash, password) else None


def issue_token(session: Session, user: User, device_id: str, device_name: str) -> str:
    token = secrets.token_urlsafe(32)
    session.add(Token(id=str(uuid.uuid4()), token_hash=token_digest(token), user_id=user.id, device_id=device_id,
                      device_name=device_name, created_at=datetime.now(UTC), revoked=False))
    session.flush()
    return token


# Built once: under load, building the statement cost more than running it.
_TOKEN_LOOKUP = select(Token, User).join(User, User.id == Token.user_id).where(Token.token_hash == bindparam("b_hash"))


def user_for_token(session: Session, token: str) -> tuple[User, Token] | None:
    found = session.execute(_TOKEN_LOOKUP, {"b_hash": token_digest(token)}).first()
    if found is None:
        return None
    row, user = found
    if row.revoked or not user.active:
        return None
    return user, row
