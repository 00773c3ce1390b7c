"""A council's own rules (rules_json: rounding, decimals, spread, quorum, chair) on the real server: a pushed
council whose rules a laptop's create_council would refuse is rejected ``invalid: rules_json: rules.<key>``, by
the same core check (ocop_core.domain.council.check_council_rules), and the server keeps the row as it was."""

from __future__ import annotations

import json

import pytest
from rules_world import ok, update
from server_world import World, change, new_id, row


def _council(world: World, rules: object) -> object:
    text = rules if isinstance(rules, str) else json.dumps(rules)
    return world.push_one("admin", change("councils", new_id(), row(
        name="Hội đồng quy tắc", admin_unit_code="42", criteria_set_id=world.criteria["id"], rules_json=text)))


@pytest.mark.parametrize(("rules", "where"), [
    ({"decimals": 7}, "rules.decimals: out_of_range"),
    ({"decimals": True}, "rules.decimals: out_of_range"),
    ({"rounding": "down"}, "rules.rounding: out_of_range"),
    ({"quorum_fraction": "1.5"}, "rules.quorum_fraction: out_of_range"),
    ({"quorum_fraction": 0}, "rules.quorum_fraction: out_of_range"),
    ({"max_member_spread": -1}, "rules.max_member_spread: out_of_range"),
    ({"chair_required": "yes"}, "rules.chair_required: out_of_range"),
    ({"lucky": 7}, "rules.lucky: unknown_field"),
    ("[1, 2]", "rules_json: not a JSON object"),
    ("{decimals", "rules_json: not JSON"),
])
def test_a_new_council_with_rules_a_laptop_refuses_is_rejected(world: World, rules: object, where: str) -> None:
    """Each out-of-bounds or unknown rule, and text that is no JSON object, is rejected with its key named."""
    result = _council(world, rules)
    assert result.status == "rejected"
    assert result.reason.startswith("invalid: rules_json: ") and where in result.reason, result.reason


def test_rules_within_bounds_are_applied(world: World) -> None:
    """Rules the laptop accepts (the bounds themselves included) are stored as sent."""
    rules = {"decimals": 6, "rounding": "half_even", "max_member_spread": None, "quorum_fraction": "1",
             "chair_required": False}
    result = _council(world, rules)
    ok(result)
    text = json.dumps(rules)
    stored = [r for r in world.pull_all("admin") if r.entity == "councils" and r.data["rules_json"] == text]
    assert len(stored) == 1


def test_an_edit_to_bad_rules_is_rejected_and_the_stored_rules_stay(world: World) -> None:
    """Changing an existing council's rules to a rounding nobody knows is refused; its stored rules are unchanged,
    and a later valid edit still goes through."""
    council = world.ids["C2"]
    before = world.current("councils", council)["rules_json"]
    result = update(world, "admin", "councils", council, rules_json=json.dumps({"rounding": "ceiling"}))
    assert result.status == "rejected" and "rules.rounding: out_of_range" in result.reason, result.reason
    assert world.current("councils", council)["rules_json"] == before
    ok(update(world, "admin", "councils", council, rules_json=json.dumps({"decimals": 1})))
    assert json.loads(world.current("councils", council)["rules_json"]) == {"decimals": 1}
