"""Who makes a change, as the rules need to know them: a role and the communes they serve."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("admin", "secretary", "chair", "member", "commune_officer", "viewer")


@dataclass(frozen=True)
class Actor:
    """``role`` is the account's role (ROLES); ``communes`` the commune codes a commune officer serves."""

    user_id: str
    role: str
    communes: frozenset[str] = frozenset()

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def serves(self, commune_code: str | None) -> bool:
        """The province's admin serves every commune; anyone else only the ones named on their account."""
        return self.is_admin or (commune_code is not None and commune_code in self.communes)
