"""A rule's "no": a code, the parameters a person needs, and whether it is about who asks or about what."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Refusal:
    """``forbidden`` marks a refusal because of who asks (role, scope): the server answers it "forbidden",
    and any other refusal "rejected", as docs/sync-protocol.md defines them."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    forbidden: bool = False

    def reason(self) -> str:
        """``code: name=value, ...``, the form of a refused change's reason on the wire (the code first, so a
        laptop words it without parsing the rest)."""
        detail = ", ".join(f"{name}={value}" for name, value in sorted(self.params.items()))
        return f"{self.code}: {detail}" if detail else f"{self.code}: refused"


def refused(code: str, /, *, forbidden: bool = False, **params: Any) -> Refusal:
    return Refusal(code, dict(params), forbidden)
