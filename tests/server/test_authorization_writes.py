"""Who may write what, seen through /sync/push results: each role against each entity kind."""

from __future__ import annotations

import json

import pytest
from rules_world import STARS, dossier_at
from server_world import ACTOR, CRITERIA_TEXT, ROLES, change, new_id, row, sheet_fields

from ocop_core.domain.canonical import canonical_json, content_hash

OWN_MEMBER = {"chair": "M_chair", "secretary": "M_sec", "member": "M1"}  # others borrow member1's
OWN_SHEET = {"chair": "S_chair", "secretary": "S_sec", "member": "S1"}


def _criteria_version() -> tuple[dict, str]:
    """A valid new criteria-set version (the sample under a new id and code) and its id."""
    document = json.loads(CRITERIA_TEXT)
    document["criteria_set"].update(id=new_id(), code=f"THU-{new_id()[:8]}")
    return row(code=document["criteria_set"]["code"], title="Bộ tiêu chí thử", status="published",
               effective_from="2026-01-01", content_hash=content_hash(document),
               canonical_json=canonical_json(document)), document["criteria_set"]["id"]


def _make(kind: str, world, role: str):
    """A new row of ``kind`` that ``role``'s actor would plausibly write (in their own scope where they have one)."""
    ids, me = world.ids, world.users[ACTOR[role]]
    if kind == "criteria_set_versions":
        fields, row_id = _criteria_version()
        return change(kind, row_id, fields)
    fields = {
        "producers": lambda: row(name="Cơ sở mới", kind="household", commune_code="18073"),
        "products": lambda: row(producer_id=ids["P1"], name="Mắm mới", commune_code="18073", subgroup_code="I.1.a"),
        "dossiers": lambda: row(product_id=ids["PR1"], code="HS-mới", commune_code="18073", status="draft"),
        "dossier_documents": lambda: row(dossier_id=ids["D1"], doc_type="photo", title="Ảnh", sha256="ab" * 32, size=3),
        "councils": lambda: row(name="Hội đồng mới", level="district", admin_unit_code="42"),
        "council_members": lambda: row(council_id=ids["C1"], user_id=me, full_name="Thành viên mới", role="member"),
        "council_assignments": lambda: row(council_id=ids["C1"], dossier_id=ids["D1"]),
        "evaluation_sessions": lambda: row(council_id=ids["C1"], held_on="2026-02-01", round=2,
                                           criteria_set_id=world.criteria["id"]),
        "score_sheets_own": lambda: sheet_fields(world, OWN_MEMBER.get(role, "M1")),
        "score_sheets_other": lambda: sheet_fields(world, "M2"),
        # A slot of its own for each push: a sheet holds one line per criterion and sub-item.
        "score_lines_own": lambda: row(sheet_id=ids[OWN_SHEET.get(role, "S1")], criterion_code="A.1.1",
                                       subitem_code=new_id()[:8], option_code="a", points="0"),
        "score_lines_other": lambda: row(sheet_id=ids["S2"], criterion_code="A.1.1", subitem_code=new_id()[:8],
                                         option_code="a", points="0"),
        "council_results": lambda: row(session_id=ids["E1"], dossier_id=ids["D1"], n_sheets=1,
                                       member_totals_json="{}", recommendation="none"),
        # A decision names a dossier the council approved, at its stars (ocop_core.rules.recognitions).
        "recognitions": lambda: row(product_id=ids["PR1"], dossier_id=dossier_at(world, "forwarded", approved=True),
                                    stars=STARS, issuing_body="UBND tỉnh",
                                    decision_no="12/QĐ-UBND", decision_date="2026-03-01", valid_until="2029-03-01",
                                    notice_date="2026-03-02"),
        "users": lambda: row(username=f"u-{new_id()[:8]}", full_name="Người mới", role="viewer"),
        "tasks": lambda: row(kind="check_dossier", title="Thẩm định", assignee_id=me, dossier_id=ids["D1"]),
        "devices": lambda: row(name="máy mới", platform="linux"),
        "conflicts": lambda: row(entity="producers", entity_id=ids["P1"], field="name", server_value='"a"',
                                 device_value='"b"', status="open"),
    }[kind]()
    return change(kind.removesuffix("_own").removesuffix("_other"), new_id(), fields)


EVERYONE_WHO_SCORES = {"admin", "chair", "secretary", "member"}
MAY_WRITE = {
    "producers": {"admin", "commune_officer"}, "products": {"admin", "commune_officer"},
    "dossiers": {"admin", "commune_officer"}, "dossier_documents": {"admin", "commune_officer"},
    "councils": {"admin"}, "council_members": {"admin"}, "council_assignments": {"admin"},
    "evaluation_sessions": {"admin"}, "criteria_set_versions": {"admin"},
    "score_sheets_own": EVERYONE_WHO_SCORES, "score_sheets_other": {"admin"},
    "score_lines_own": EVERYONE_WHO_SCORES, "score_lines_other": {"admin"},
    "council_results": {"admin", "chair", "secretary"},
    # Devices and conflicts are the server's own rows: no device makes one, an admin's neither.
    "recognitions": {"admin"}, "users": {"admin"}, "tasks": set(ROLES), "devices": set(), "conflicts": set(),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", sorted(MAY_WRITE))
def test_role_entity_write(world, role, kind):
    """A new row of each kind is applied for the roles allowed to write it and forbidden for all others."""
    result = world.push_one(ACTOR[role], _make(kind, world, role))
    expected = "applied" if role in MAY_WRITE[kind] else "forbidden"
    assert result.status == expected, result.reason


def test_a_forbidden_change_leaves_no_row(world):
    """A producer the viewer tried to create does not exist on the server."""
    ch = _make("producers", world, "viewer")
    assert world.push_one("viewer1", ch).status == "forbidden"
    assert ch.entity_id not in {r.id for r in world.client("admin").pull(0, limit=1000, entity="producers").rows}


def _update(world, username: str, entity: str, row_id: str, **new):
    """Pushes an update of ``row_id`` from its current server values to ``new``."""
    current = world.current(entity, row_id)
    op = "delete" if new.get("deleted") is True else "update"
    return world.push_one(username, change(entity, row_id, {k: (current.get(k), v) for k, v in new.items()}, op))


def _result(**fields) -> dict:
    """A council result's insert fields, with what every result carries."""
    return row(n_sheets=0, member_totals_json="{}", recommendation="none", **fields)


def test_a_member_cannot_change_another_members_sheet(world):
    """member1 editing member2's draft sheet is forbidden."""
    assert _update(world, "member1", "score_sheets", world.ids["S2"], total="99").status == "forbidden"


def test_a_chair_cannot_change_a_members_sheet(world):
    """Leading a council lets one read members' sheets, not write them."""
    assert _update(world, "chair1", "score_sheets", world.ids["S1"], total="1").status == "forbidden"


def test_an_officer_cannot_create_a_producer_in_another_commune(world):
    """officer1 (18073) creating a producer in 18652 is forbidden."""
    ch = change("producers", new_id(), row(name="Cơ sở lạ", commune_code="18652"))
    assert world.push_one("officer1", ch).status == "forbidden"


def test_an_officer_cannot_edit_another_communes_producer(world):
    """officer1 renaming officer2's producer is forbidden."""
    assert _update(world, "officer1", "producers", world.ids["P2"], name="Đổi tên").status == "forbidden"


def test_an_officer_cannot_move_a_producer_out_of_their_commune(world):
    """officer1 moving their own producer to 18652 is forbidden (the row's old and new commune both count)."""
    producer = new_id()
    assert world.push_one("officer1", change("producers", producer, row(name="Của tôi", kind="household",
                                                                        commune_code="18073"))).status == "applied"
    assert _update(world, "officer1", "producers", producer, commune_code="18652").status == "forbidden"


def test_an_officer_cannot_add_a_document_to_another_communes_dossier(world):
    """A dossier_document's commune comes from its dossier: officer1 on D2 is forbidden."""
    ch = change("dossier_documents", new_id(), row(dossier_id=world.ids["D2"], doc_type="photo", title="Ảnh"))
    assert world.push_one("officer1", ch).status == "forbidden"


def test_an_officer_cannot_add_a_product_to_another_communes_producer(world):
    """officer1 creating a product of officer2's producer (claiming commune 18073) is forbidden."""
    ch = change("products", new_id(), row(producer_id=world.ids["P2"], name="Mắm lạ", commune_code="18073"))
    assert world.push_one("officer1", ch).status == "forbidden"


def test_a_member_cannot_score_a_dossier_of_another_council(world):
    """member1 (C1) creating a sheet in C2's session for C2's dossier D2 is forbidden."""
    ch = change("score_sheets", new_id(), sheet_fields(world, "M1", dossier="D2", session="E2"))
    assert world.push_one("member1", ch).status == "forbidden"


def test_a_chair_cannot_take_over_another_councils_result(world):
    """chair1 (C1) moving a result of C2's session into C1's session is forbidden."""
    result_id = new_id()
    assert world.push_one("admin", change("council_results", result_id, _result(
        session_id=world.ids["E2"], dossier_id=world.ids["D2"], final_stars=3))).status == "applied"
    assert _update(world, "chair1", "council_results", result_id,
                   session_id=world.ids["E1"], final_stars=5).status == "forbidden"


def test_a_result_is_approved_only_in_ones_own_name(world):
    """chair1 approving R1 as themselves is applied; as secretary1, or with no approver, it is forbidden."""
    stamp = "2026-11-28T09:00:00+00:00"
    for approver in (world.users["secretary1"], None):
        assert _update(world, "chair1", "council_results", world.ids["R1"], approved_at=stamp,
                       approved_by=approver).status == "forbidden"
    assert _update(world, "chair1", "council_results", world.ids["R1"], approved_at=stamp,
                   approved_by=world.users["chair1"]).status == "applied"
    assert world.current("council_results", world.ids["R1"])["approved_by"] == world.users["chair1"]
    # changing the approver afterwards is an approval too
    assert _update(world, "secretary1", "council_results", world.ids["R1"],
                   approved_by=world.users["member1"]).status == "forbidden"


def test_an_approval_is_merged_whole_never_half(world):
    """A result approved before approvers were recorded (a time, no name): a leader whose laptop had not
    seen that approval approves too. The time conflicts, so the name does as well; the row does not end
    up with one leader's time and another's name."""
    result_id = new_id()
    first = "2026-11-27T08:00:00+00:00"
    assert world.push_one("admin", change("council_results", result_id, _result(
        session_id=world.ids["E1"], dossier_id=world.ids["D1"], approved_at=first))).status == "applied"
    stale = change("council_results", result_id, {"approved_at": (None, "2026-11-28T09:00:00+00:00"),
                                                   "approved_by": (None, world.users["chair1"])}, "update", 0)
    result = world.push_one("chair1", stale)
    assert result.status == "conflict" and {c.field for c in result.conflicts} == {"approved_at", "approved_by"}
    stored = world.current("council_results", result_id)
    assert (stored["approved_at"], stored.get("approved_by")) == (first, None)


def test_a_viewer_cannot_resolve_a_conflict(world):
    """A conflict on officer1's producer cannot be resolved by the viewer, who cannot even see it."""
    producer = new_id()
    world.push_one("officer1", change("producers", producer, row(name="Gốc", kind="household", commune_code="18073")))
    assert _update(world, "admin", "producers", producer, name="Admin sửa").status == "applied"
    clash = world.push_one("officer1", change("producers", producer, {"name": ("Gốc", "Xã sửa")}, "update", 1))
    assert clash.status == "conflict"
    conflict_id = clash.conflicts[0].conflict_id
    assert _update(world, "viewer1", "conflicts", conflict_id, status="resolved").status == "forbidden"


def test_a_member_gives_no_task_to_another_person(world):
    """Anyone notes a task for themselves (above); giving one to someone else is for assigners
    (ocop_core.rules.tasks), refused as forbidden."""
    ch = change("tasks", new_id(), row(kind="check_dossier", title="Việc cho người khác",
                                       assignee_id=world.users["member2"]))
    assert world.push_one("member1", ch).status == "forbidden"
