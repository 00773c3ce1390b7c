"""Credentials kept on the laptop: an Argon2 verifier for offline login (never the password), and the sync
token, never in plain text in the database.

The token goes to the OS keyring where there is a usable one; otherwise it is encrypted (AES-GCM) with a
key kept in a 0600 file under the user's configuration folder, outside the data folder. Both are named
after the data folder's path and the user: a database copied alone (to another machine, or another
folder) opens no token, and its owner is asked to log in again, which the offline verifier never allows
to sync. A token an older version stored in plain text is sealed at the first start and wiped from the
file (secure_delete, then the WAL truncated).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from ocop_desktop.db.models import Credential
from ocop_desktop.db.types import utcnow
from ocop_desktop.paths import PRIVATE_FILE, config_dir, make_private_dir

IN_KEYRING = "keyring:"  # the column's value when the keyring holds the token
SEALED = "aesgcm1:"  # followed by base64(nonce + ciphertext)
SERVICE = "ocop-sync-token"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredCredential:
    """A credential as the app reads it, the token opened (None: none, or not openable here)."""

    username: str
    user_id: str
    full_name: str
    role: str
    verifier: str
    token: str | None
    server_url: str
    last_online_login: datetime | None


def remember(session: Session, *, username: str, user_id: str, full_name: str, role: str, verifier: str,
             token: str | None, server_url: str) -> None:
    cred = session.get(Credential, username) or Credential(username=username)
    cred.user_id, cred.full_name, cred.role, cred.verifier = user_id, full_name, role, verifier
    cred.token = vault_for(session).seal(username, token) if token else None
    cred.server_url, cred.last_online_login = server_url, utcnow()
    session.merge(cred)


def find(session: Session, username: str) -> StoredCredential | None:
    cred = session.get(Credential, username)
    if cred is None:
        return None
    return StoredCredential(cred.username, cred.user_id, cred.full_name, cred.role, cred.verifier,
                            vault_for(session).open(username, cred.token), cred.server_url, cred.last_online_login)


def seal_plaintext_tokens(engine: Engine) -> int:
    """Seals every token an older version left in plain text and wipes the plain bytes; returns how many."""
    with engine.connect() as conn:
        rows = conn.execute(select(Credential.username, Credential.token).where(
            Credential.token.is_not(None), Credential.token != "", Credential.token.not_like(f"{IN_KEYRING}%"),
            Credential.token.not_like(f"{SEALED}%"))).all()
        if not rows:
            conn.rollback()
            return 0
        vault = TokenVault(_data_dir(engine))
        # Freed and overwritten space is zeroed, so the old value does not linger in the file's pages.
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        for username, token in rows:
            conn.execute(update(Credential).where(Credential.username == username)
                         .values(token=vault.seal(username, token or "")))
        conn.commit()
        raw: Any = conn.connection.driver_connection
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the WAL may still hold a page with the plain token
        raw.execute("PRAGMA secure_delete = OFF")
    folder = _data_dir(engine)
    if folder is not None:
        # The copy taken before a migration (at this very start, too) holds the same plain token.
        for copy in sorted((folder / "backups").glob("*.sqlite3")):
            _seal_copy(copy, vault)
    log.info("sealed %d sync token(s) an older version kept in plain text", len(rows))
    return len(rows)


def _seal_copy(path: Path, vault: TokenVault) -> None:
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA secure_delete = ON")
        rows = conn.execute("SELECT username, token FROM credentials WHERE token IS NOT NULL AND token != ''"
                            " AND token NOT LIKE ? AND token NOT LIKE ?", (f"{IN_KEYRING}%", f"{SEALED}%")).fetchall()
        for username, token in rows:
            conn.execute("UPDATE credentials SET token = ? WHERE username = ?", (vault.seal(username, token), username))
        conn.commit()
    except sqlite3.Error as exc:
        log.warning("backup %s left as it is: %s", path, exc)
    finally:
        conn.close()


def vault_for(session: Session) -> TokenVault:
    return TokenVault(_data_dir(session.get_bind().engine))


def _data_dir(engine: Engine) -> Path | None:
    database = engine.url.database
    return Path(database).resolve().parent if database and database != ":memory:" else None


class TokenVault:
    """Seals and opens tokens for one data folder; ``backend``: a keyring backend (default: the OS's, if
    usable and not turned off by $OCOP_KEYRING=off)."""

    def __init__(self, data_dir: Path | None, backend: Any = None, keys: Path | None = None):
        self.name = hashlib.sha256(str(data_dir).encode()).hexdigest()[:32] if data_dir else None
        self.backend = backend if backend is not None else _os_keyring()
        self.keys = keys or config_dir() / "token-keys"

    def _slot(self, username: str) -> str:
        return f"{self.name}/{username}"

    def seal(self, username: str, token: str) -> str | None:
        if self.name is None:
            return None  # a database without a folder (in memory) keeps no token
        if self.backend is not None:
            try:
                self.backend.set_password(SERVICE, self._slot(username), token)
                return IN_KEYRING
            except Exception as exc:  # any backend failure (locked, no bus): the key file still works
                log.warning("keyring refused the token (%s); sealing it with the key file", exc)
        nonce = os.urandom(12)
        key = self._key(create=True)
        assert key is not None  # made when missing
        sealed = _aes(key).encrypt(nonce, token.encode(), self._slot(username).encode())
        return SEALED + base64.b64encode(nonce + sealed).decode()

    def open(self, username: str, stored: str | None) -> str | None:
        if not stored or self.name is None:
            return None
        if stored == IN_KEYRING:
            try:
                return self.backend.get_password(SERVICE, self._slot(username)) if self.backend else None
            except Exception as exc:
                log.warning("keyring unreadable: %s", exc)
                return None
        if not stored.startswith(SEALED):
            return stored  # plain text of an older version, until seal_plaintext_tokens runs
        key = self._key(create=False)
        if key is None:
            return None  # another folder's or another machine's database: log in again
        from cryptography.exceptions import InvalidTag

        try:
            blob = base64.b64decode(stored[len(SEALED):], validate=True)
            return _aes(key).decrypt(blob[:12], blob[12:], self._slot(username).encode()).decode()
        except (InvalidTag, binascii.Error, ValueError):
            return None

    def _key(self, create: bool) -> bytes | None:
        path = self.keys / f"{self.name}.key"
        with contextlib.suppress(FileNotFoundError):
            key = path.read_bytes()
            if len(key) == 32:
                return key
        if not create:
            return None
        make_private_dir(self.keys)
        key = os.urandom(32)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(handle, "wb") as out:
            out.write(key)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        return key


def _aes(key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # only when a token is sealed or opened

    return AESGCM(key)


def _os_keyring() -> Any:
    """The OS keyring backend, or None where there is no usable one (a server, CI, a bare desktop). Not
    cached here: the keyring library keeps the backend it chose."""
    if os.environ.get("OCOP_KEYRING", "").lower() in ("off", "0", "no"):
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        usable = not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0
    except Exception:
        return None
    return backend if usable else None
