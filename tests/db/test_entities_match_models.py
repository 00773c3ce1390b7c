"""The wire's entity list (shared with the server) matches the desktop's models field for field."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from ocop_core.entities import ENTITIES
from ocop_desktop.db.sync_store import models
from ocop_desktop.db.types import DecimalText, UTCDateTime


def _kind(column: sa.Column) -> str:
    t = column.type
    if isinstance(t, DecimalText):
        return "decimal"
    if isinstance(t, UTCDateTime):
        return "datetime"
    if isinstance(t, sa.Boolean):
        return "bool"
    if isinstance(t, sa.Integer):
        return "int"
    if isinstance(t, sa.Float | sa.Double):
        return "float"
    if isinstance(t, sa.Date):
        return "date"
    return "text"


def test_every_synced_model_is_on_the_wire():
    """Each synced table has an entity, and each entity a table."""
    assert set(models()) == set(ENTITIES)


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_fields_and_types_match_the_model(entity: str):
    """An entity's fields are its table's columns (less server_version) with the same types."""
    table = models()[entity].__table__
    columns = {c.name: _kind(c) for c in table.columns if c.name != "server_version"}
    assert ENTITIES[entity].fields == columns


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_parents_match_the_foreign_keys(entity: str):
    """An entity's parent links are its table's foreign keys."""
    table = models()[entity].__table__
    foreign = {c.name: fk.column.table.name for c in table.columns for fk in c.foreign_keys}
    assert ENTITIES[entity].parents == foreign
