"""The wire's field rules (what the server accepts) are what the desktop's tables can store, column by column."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from ocop_core.entities import ENTITIES, parse_rule
from ocop_desktop.db.sync_store import models
from ocop_desktop.db.types import DecimalText, UTCDateTime


def _columns(entity: str) -> dict[str, sa.Column]:
    return {c.name: c for c in models()[entity].__table__.columns if c.name != "server_version"}


def _length(column: sa.Column) -> int | None:
    if isinstance(column.type, UTCDateTime):
        return None  # always the same ISO form, never typed by a person
    impl = column.type.impl if isinstance(column.type, DecimalText) else column.type
    return getattr(impl, "length", None)


def _default(column: sa.Column) -> tuple[bool, object]:
    default = column.default
    if default is None or not default.is_scalar:
        return False, None  # a callable default (id, timestamps) is never filled by a pulled row
    return True, default.arg


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_nullable_fields_are_the_nullable_columns(entity: str):
    """A field may be null on the wire exactly when its column may hold NULL: the server never accepts a
    null that a laptop's NOT NULL column would refuse."""
    rules = ENTITIES[entity].rules
    assert {n: r.nullable for n, r in rules.items()} == {n: c.nullable for n, c in _columns(entity).items()}


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_defaults_are_the_columns_scalar_defaults(entity: str):
    """A field an insert may leave out is one the laptop's table fills, with the same value."""
    rules = ENTITIES[entity].rules
    assert {n: (r.has_default, r.default) for n, r in rules.items()} == \
        {n: _default(c) for n, c in _columns(entity).items()}


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_required_fields_are_the_not_null_columns_without_default(entity: str):
    """What an insert must carry is every NOT NULL column the laptop cannot fill by itself."""
    required = {n for n, r in ENTITIES[entity].rules.items() if r.required}
    assert required == {n for n, c in _columns(entity).items() if not c.nullable and not _default(c)[0]}
    assert {"created_at", "updated_at", "id"} <= required


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_lengths_are_the_columns_lengths(entity: str):
    """A text or decimal field's maximum length is its column's."""
    rules = ENTITIES[entity].rules
    assert {n: r.max_length for n, r in rules.items() if r.kind in ("text", "decimal")} == \
        {n: _length(c) for n, c in _columns(entity).items() if ENTITIES[entity].rules[n].kind in ("text", "decimal")}


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_unique_sets_are_the_tables_unique_constraints(entity: str):
    """Every unique constraint or index of the table is declared on the wire, and no other."""
    table = models()[entity].__table__
    found = {tuple(c.name for c in u.columns) for u in table.constraints if isinstance(u, sa.UniqueConstraint)}
    found |= {tuple(c.name for c in i.columns) for i in table.indexes if i.unique}
    found |= {(c.name,) for c in table.columns if c.unique}
    assert {u.fields for u in ENTITIES[entity].unique} == found


def test_a_rule_is_read_from_its_short_form():
    """The short form names the kind, NULL, the length, the default and the range."""
    rule = parse_rule("int? =3 1..5")
    assert (rule.kind, rule.nullable, rule.has_default, rule.default, rule.minimum, rule.maximum) == \
        ("int", True, True, 3, 1, 5)
    assert parse_rule("text 64 =").default == "" and parse_rule("text 64 =").max_length == 64
    assert parse_rule("text 300").required and not parse_rule("text? 10").required
    with pytest.raises(ValueError):
        parse_rule("string 10")
