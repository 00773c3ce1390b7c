"""Wire messages of account administration (/admin/users, /admin/audit, /auth/renew): the server writes them,
the laptop's admin screen reads them, from this one module."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

ROLES = ("admin", "secretary", "chair", "member", "commune_officer", "viewer")
MIN_PASSWORD = 10
COMMUNE_PATTERN = r"^[0-9]{1,10}$"


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UserInfo(_Wire):
    id: str
    username: str
    full_name: str
    role: str
    commune_codes: list[str]
    active: bool
    created_at: datetime
    devices: int = 0  # tokens neither revoked nor expired
    last_used_at: datetime | None = None


class RoleChange(_Wire):
    role: str = Field(max_length=24)
    commune_codes: list[str] = Field(default=[], max_length=100)


class PasswordReset(_Wire):
    password: str = Field(min_length=1, max_length=256)


class AuditEntry(_Wire):
    id: int
    at: datetime
    actor: str  # the admin's username, or "" for the server's own command line
    action: str  # user_created | user_disabled | user_enabled | role_changed | password_reset | tokens_revoked
    user_id: str
    username: str
    detail: dict[str, object]


class RenewResponse(_Wire):
    token: str
    expires_at: datetime
