"""What a service changed, so each screen refreshes only that."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    entities: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    id: str | None = field(default=None)  # the row the intent was about (the new one, for a create)

    @classmethod
    def of(cls, entity: str, row_id: str, *more: tuple[str, str]) -> Changes:
        pairs = [(entity, row_id), *more]
        return cls(frozenset(e for e, _ in pairs), frozenset(i for _, i in pairs), row_id)

    @classmethod
    def of_rows(cls, entity: str, ids: list[str]) -> Changes:
        """Many rows of one entity, made or changed together (an import): no single row is the intent's."""
        return cls(frozenset({entity}) if ids else frozenset(), frozenset(ids))

    def row_id(self) -> str:
        """``id`` where the intent was about one row, as every create is; a programming error otherwise."""
        if self.id is None:
            raise ValueError("these changes are about no single row")
        return self.id

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entities | other.entities, self.ids | other.ids, self.id or other.id)
