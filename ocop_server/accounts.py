"""Accounts: Argon2 passwords, device tokens (stored hashed, expiring when unused), creating and administering
users. Every change to an account revokes its tokens and is written to the audit log in the same transaction."""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from ocop_core.account_messages import ROLES
from ocop_core.entities import ENTITIES
from ocop_core.row_rules import unique_keys
from ocop_server import audit, password_policy, scope, store
from ocop_server.errors import ApiError
from ocop_server.models import Token, User

__all__ = ["ROLES"]
_hasher = PasswordHasher()


class AccountError(ApiError, ValueError):
    """user_not_found (404) | last_admin (409) | unknown_role | invalid_user (422), answered as it is; a
    ValueError too, as create_user always raised."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__({"user_not_found": 404, "last_admin": 409}.get(code, 422), code, message)


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
                commune_codes: list[str] | None = None, actor: User | None = None) -> User:
    if role not in ROLES:
        raise AccountError("unknown_role", f"unknown role {role!r}")
    if not username.strip() or len(username) > 64:
        raise AccountError("invalid_user", "username must be 1-64 characters")
    password_policy.check(username, password)
    # Case-insensitively, and among the users rows admins pushed from laptops too: two rows named "admin"
    # would break every laptop's unique index on usernames.
    (_, key), = unique_keys(ENTITIES["users"], {"username": username})
    # Under the sequence lock, as a pushed users row is checked: the two can no longer both find the name free.
    seq = store.next_seq(session)
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())) is not None \
            or store.key_holder(session, "users", key) is not None:
        raise AccountError("invalid_user", f"user {username!r} exists")
    now = datetime.now(UTC)
    user = User(id=str(uuid.uuid4()), username=username, full_name=full_name, role=role,
                commune_codes=json.dumps(commune_codes or []), password_hash=hash_password(password),
                active=True, created_at=now)
    session.add(user)
    session.flush()
    # Mirrored as a synced row so a member's laptop knows the people its councils refer to.
    data = {"id": user.id, "username": username, "full_name": full_name, "role": role,
            "commune_code": (commune_codes or [None])[0], "created_at": now.isoformat(),
            "updated_at": now.isoformat(), "deleted": False}
    store.save(session, store.Row("users", user.id, data, {k: seq for k in data}, seq, False))
    scope.refresh(session, "users", user.id, lambda: store.next_seq(session))
    audit.record(session, at=now, actor=actor, action="user_created", user=user,
                 detail={"role": role, "commune_codes": commune_codes or []})
    return user


def find_user(session: Session, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise AccountError("user_not_found", "No such account (Không có tài khoản này).")
    return user


def revoke_tokens(session: Session, user_id: str) -> int:
    result = session.execute(update(Token).where(Token.user_id == user_id, Token.revoked.is_(False))
                             .values(revoked=True))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _keep_an_admin(session: Session, user: User) -> None:
    """The province must keep one active admin: nobody else could undo the change."""
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == "admin", User.active.is_(True), User.id != user.id))
    if user.role == "admin" and user.active and not others:
        raise AccountError("last_admin", "This is the last active admin account (tài khoản quản trị cuối cùng).")


def set_active(session: Session, user: User, active: bool, *, actor: User, now: datetime) -> None:
    if user.active == active:
        return
    if not active:
        _keep_an_admin(session, user)
    user.active = active
    revoked = revoke_tokens(session, user.id)
    audit.record(session, at=now, actor=actor, action="user_enabled" if active else "user_disabled", user=user,
                 detail={"tokens_revoked": revoked})


def change_role(session: Session, user: User, role: str, commune_codes: list[str], *, actor: User,
                now: datetime) -> None:
    if role not in ROLES:
        raise AccountError("unknown_role", f"unknown role {role!r}")
    before = {"role": user.role, "commune_codes": json.loads(user.commune_codes or "[]")}
    after = {"role": role, "commune_codes": list(dict.fromkeys(commune_codes))}
    if before == after:
        return
    if role != "admin":
        _keep_an_admin(session, user)
    user.role, user.commune_codes = role, json.dumps(after["commune_codes"])
    _mirror(session, user, {"role": role, "commune_code": (after["commune_codes"] or [None])[0]}, now)
    revoked = revoke_tokens(session, user.id)
    audit.record(session, at=now, actor=actor, action="role_changed", user=user,
                 detail={"before": before, "after": after, "tokens_revoked": revoked})


def _mirror(session: Session, user: User, fields: dict[str, object], now: datetime) -> None:
    """The account's synced users row follows it, so laptops see the new role at their next pull."""
    row = store.load(session, "users", user.id)
    if row is None:
        return
    seq = store.next_seq(session)
    for name, value in {**fields, "updated_at": now.isoformat()}.items():
        if row.data.get(name) != value:
            row.data[name], row.field_seq[name] = value, seq
    row.version = seq
    store.save(session, row)
    scope.refresh(session, "users", user.id, lambda: store.next_seq(session), saved=row)


def reset_password(session: Session, user: User, password: str, *, actor: User, now: datetime) -> None:
    password_policy.check(user.username, password)
    user.password_hash = hash_password(password)
    revoked = revoke_tokens(session, user.id)
    audit.record(session, at=now, actor=actor, action="password_reset", user=user, detail={"tokens_revoked": revoked})


def find_login(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def check_password(session: Session, username: str, password: str) -> User | None:
    """The account when the password is right, disabled or not (the caller tells a disabled one apart)."""
    user = find_login(session, username)
    if user is None:
        hash_password(password)  # same cost whether or not the name exists
        return None
    return user if verify_password(user.password_hash, password) else None


def issue_token(session: Session, user: User, device_id: str, device_name: str, now: datetime | None = None) -> str:
    token = secrets.token_urlsafe(32)
    session.add(Token(id=str(uuid.uuid4()), token_hash=token_digest(token), user_id=user.id, device_id=device_id,
                      device_name=device_name, created_at=now or datetime.now(UTC), revoked=False))
    session.flush()
    return token


# Built once: under load, building the statement cost more than running it.
_TOKEN_LOOKUP = select(Token, User).join(User, User.id == Token.user_id).where(Token.token_hash == bindparam("b_hash"))


def expires_at(token: Token, idle: timedelta) -> datetime:
    """Sliding: a token lasts ``idle`` from its last use (its creation, if never used)."""
    last = token.last_used_at or token.created_at
    return last.replace(tzinfo=last.tzinfo or UTC) + idle


def user_for_token(session: Session, token: str) -> tuple[User, Token] | str:
    """The token's user, or why not: token_invalid (unknown or revoked) | account_disabled. Whether it expired
    is the caller's to check (expires_at), with the server's clock."""
    found = session.execute(_TOKEN_LOOKUP, {"b_hash": token_digest(token)}).first()
    if found is None:
        return "token_invalid"
    row, user = found
    # Disabled first: disabling revokes the tokens too, and the device should be told why.
    if not user.active:
        return "account_disabled"
    if row.revoked:
        return "token_invalid"
    return user, row
