"""A council sets its own rounding, and its overrides are range-checked (issue 10, item 5.6; D6)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ocop_core.domain.council import mean_of
from ocop_core.domain.criteria import AggregationRules
from ocop_desktop.db.models import Council
from ocop_desktop.services import councils
from ocop_desktop.services.errors import ServiceError

PROVINCE = "42"


def test_council_sets_its_rounding(session: Session) -> None:
    """rounding half_even with 0 decimals: 70.5 rounds to 70 for this council, 71 under the set's half_up."""
    council_id = councils.create_council(session, name="Hội đồng", admin_unit_code=PROVINCE,
                                         rules={"rounding": "half_even", "decimals": 0}).id
    council = session.get(Council, council_id)
    assert council is not None
    rules = councils.council_rules(AggregationRules(), council)
    assert (rules.rounding, rules.decimals) == ("half_even", 0)
    assert mean_of([Decimal(70), Decimal(71)], rules) == Decimal(70)
    assert mean_of([Decimal(70), Decimal(71)], AggregationRules(decimals=0)) == Decimal(71)


@pytest.mark.parametrize(
    ("rules", "field"),
    [({"decimals": 9}, "rules.decimals"), ({"decimals": -1}, "rules.decimals"), ({"decimals": 1.5}, "rules.decimals"),
     ({"rounding": "up"}, "rules.rounding"), ({"quorum_fraction": 1.5}, "rules.quorum_fraction"),
     ({"quorum_fraction": 0}, "rules.quorum_fraction"), ({"max_member_spread": -1}, "rules.max_member_spread"),
     ({"max_member_spread": "ten"}, "rules.max_member_spread"), ({"chair_required": "yes"}, "rules.chair_required")],
)
def test_overrides_out_of_range_refused(session: Session, rules: dict[str, Any], field: str) -> None:
    """Each override out of its bounds is refused as out_of_range at its key."""
    with pytest.raises(ServiceError) as info:
        councils.create_council(session, name="Hội đồng", admin_unit_code=PROVINCE, rules=rules)
    assert (info.value.code, info.value.field) == ("out_of_range", field)


def test_unknown_override_still_refused(session: Session) -> None:
    """A key no council may set is unknown_field."""
    with pytest.raises(ServiceError) as info:
        councils.create_council(session, name="Hội đồng", admin_unit_code=PROVINCE, rules={"method": "median"})
    assert info.value.code == "unknown_field"


def test_in_range_overrides_accepted(session: Session) -> None:
    """Overrides within bounds, and a null spread (no limit), are accepted."""
    council_id = councils.create_council(
        session, name="Hội đồng", admin_unit_code=PROVINCE,
        rules={"decimals": 6, "quorum_fraction": 1, "max_member_spread": None, "chair_required": False}).id
    council = session.get(Council, council_id)
    assert council is not None
    rules = councils.council_rules(AggregationRules(), council)
    assert (rules.decimals, rules.quorum_fraction, rules.max_member_spread, rules.chair_required) == (
        6, Decimal(1), None, False)
