"""The server's account administration (/admin/users, /admin/audit) and token renewal (/auth/renew), over the
one HTTP client (sync/client.py): the admin screen's calls, each a method."""

from __future__ import annotations

from pydantic import BaseModel, TypeAdapter

from ocop_core.account_messages import AuditEntry, PasswordReset, RenewResponse, RoleChange, UserInfo
from ocop_desktop.sync.client import ServerClient, SyncError

_USERS = TypeAdapter(list[UserInfo])
_AUDIT = TypeAdapter(list[AuditEntry])


class AccountsClient:
    def __init__(self, client: ServerClient):
        self.client = client

    def _send(self, method: str, path: str, body: BaseModel | None = None) -> bytes:
        return self.client.request(method, path, body=body).content

    def users(self) -> list[UserInfo]:
        return _USERS.validate_json(self._send("GET", "/admin/users"))

    def disable(self, user_id: str) -> UserInfo:
        return UserInfo.model_validate_json(self._send("POST", f"/admin/users/{user_id}/disable"))

    def enable(self, user_id: str) -> UserInfo:
        return UserInfo.model_validate_json(self._send("POST", f"/admin/users/{user_id}/enable"))

    def change_role(self, user_id: str, role: str, commune_codes: list[str]) -> UserInfo:
        body = RoleChange(role=role, commune_codes=commune_codes)
        return UserInfo.model_validate_json(self._send("PUT", f"/admin/users/{user_id}/role", body))

    def reset_password(self, user_id: str, password: str) -> UserInfo:
        body = PasswordReset(password=password)
        return UserInfo.model_validate_json(self._send("POST", f"/admin/users/{user_id}/password", body))

    def audit(self, limit: int = 200, user_id: str | None = None) -> list[AuditEntry]:
        query = f"?limit={limit}" + (f"&user_id={user_id}" if user_id else "")
        return _AUDIT.validate_json(self._send("GET", f"/admin/audit{query}"))

    def renew(self) -> RenewResponse:
        """A fresh token in place of the client's, which the server revokes at once; the client keeps the new one."""
        answer = RenewResponse.model_validate_json(self._send("POST", "/auth/renew"))
        self.client.token = answer.token
        return answer


__all__ = ["AccountsClient", "SyncError"]
