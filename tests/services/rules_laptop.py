"""Helpers for the laptop's rule tests: people of each role, dossiers brought to a status through the services,
and a council result approved the way a council approves it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from sqlalchemy.orm import Session

from ocop_core.domain.dossier_status import STATUSES
from ocop_core.domain.scoring import extreme_answers
from ocop_desktop.db.models import ScoreSheet, User
from ocop_desktop.services import assignments, councils, criteria, dossiers, sheets

BUNDLED_148 = Path(__file__).resolve().parents[2] / "resources" / "criteria" / "sample-qd148-2023.json"
HOME, ELSEWHERE = "18073", "18652"  # the test dossier's commune (conftest.COMMUNE), and another
ADMIN = "00000000-0000-4000-8000-00000000ad01"
AS_ADMIN = {"user_id": ADMIN, "role": "admin"}  # the logged-in person a service call needs


def person(session: Session, role: str, commune: str | None = None) -> dict[str, str]:
    """An account of ``role`` on this laptop (commune officers serve ``commune``, HOME by default): the
    keyword arguments a service takes for the logged-in person."""
    if role == "admin":
        return {"user_id": ADMIN, "role": "admin"}
    user = User(username=f"{role}-{commune or HOME}", full_name="Người dùng thử", role=role,
                commune_code=(commune or HOME) if role == "commune_officer" else None)
    session.add(user)
    session.flush()
    return {"user_id": user.id, "role": role}


def move(session: Session, dossier_id: str, *targets: str) -> None:
    """The admin moves the dossier, one move at a time."""
    for target in targets:
        dossiers.change_dossier_status(session, dossier_id, target, **AS_ADMIN)


def approve(session: Session, council: SimpleNamespace, dossier_id: str) -> int:
    """The forwarded dossier is put before the council, every member submits an all-best sheet and the result
    is approved: its final stars."""
    assignments.assign_dossier(session, council_id=council.id, dossier_id=dossier_id)
    for member in council.members:
        sheet_id = sheets.start_sheet(session, dossier_id=dossier_id, member_id=member,
                                      evaluation_id=council.evaluation_id).id
        _, product_set = sheets.sheet_context(session, session.get(ScoreSheet, sheet_id))
        sheets.record_answers(session, sheet_id=sheet_id, answers=extreme_answers(product_set, best=True))
        sheets.submit_sheet(session, sheet_id=sheet_id)
    councils.approve_council_result(session, approved_by=ADMIN, evaluation_id=council.evaluation_id,
                                    dossier_id=dossier_id)
    return councils.stored_result(session, council.evaluation_id, dossier_id).final_stars


def bring_to(session: Session, council: SimpleNamespace, dossier_id: str, status: str,
             approved: bool | None = None) -> None:
    """The draft dossier moved by the admin to ``status``; ``approved`` (by default: when the status needs it)
    gets the council's approved result on the way, once the dossier is forwarded."""
    path = STATUSES[1:STATUSES.index(status) + 1]
    forwarded = STATUSES.index("forwarded")
    move(session, dossier_id, *path[:forwarded])
    if approved if approved is not None else status in ("evaluated", "closed"):
        approve(session, council, dossier_id)
    move(session, dossier_id, *path[forwarded:])


def evaluate(session: Session, dossier_id: str) -> int:
    """For tests without a council of their own: a provincial council on the bundled 148 sample approves a result
    for the forwarded dossier. Its final stars."""
    version = criteria.import_criteria_set(session, BUNDLED_148.read_bytes()).id
    council_id = councils.create_council(session, name="Hội đồng OCOP tỉnh Hà Tĩnh", admin_unit_code="42").id
    members = [councils.add_member(session, council_id=council_id, full_name=f"Thành viên {i}",
                                   role="chair" if i == 0 else "member").id for i in range(5)]
    evaluation = councils.open_evaluation(session, council_id=council_id, criteria_set_id=version).id
    return approve(session, SimpleNamespace(id=council_id, members=members, evaluation_id=evaluation), dossier_id)
