"""Helpers for the workflow and lock tests: dossiers brought to a status the legitimate way, approved results,
submitted sheets, and pushes of one change as a given role's account."""

from __future__ import annotations

from server_world import World, change, full_lines, new_id, row, sheet_fields

from ocop_core.domain.dossier_status import STATUSES

HOME, ELSEWHERE = "18073", "18652"  # officer1's commune, officer2's
PRODUCT = {HOME: "PR1", ELSEWHERE: "PR2"}
APPROVED_AT = "2026-11-28T09:00:00+00:00"
STARS = 4


def ok(result) -> None:
    assert result.status == "applied", result.reason


def update(world: World, username: str, entity: str, row_id: str, **new):
    """Pushes a change of ``row_id`` from its current server values to ``new`` (op delete for deleted=True)."""
    current = world.current(entity, row_id)
    op = "delete" if new.get("deleted") is True else "update"
    return world.push_one(username, change(entity, row_id, {k: (current.get(k), v) for k, v in new.items()}, op))


def approved_result(world: World, dossier: str, stars: int = STARS) -> str:
    """C1 is given the dossier and its chair records and approves a result for it (session E1)."""
    ok(world.push_one("admin", change("council_assignments", new_id(), row(council_id=world.ids["C1"],
                                                                             dossier_id=dossier))))
    result = new_id()
    ok(world.push_one("chair1", change("council_results", result, row(
        session_id=world.ids["E1"], dossier_id=dossier, n_sheets=3, member_totals_json="[]", recommendation="recognise",
        band_stars=stars, final_stars=stars, approved_at=APPROVED_AT, approved_by=world.users["chair1"]))))
    return result


def dossier_at(world: World, status: str, commune: str = HOME, approved: bool | None = None) -> str:
    """A new dossier of ``commune`` moved by the admin, one move at a time, to ``status``. ``approved``
    (by default: when the status needs it) gives it C1's approved result first."""
    dossier = new_id()
    ok(world.push_one("admin", change("dossiers", dossier, row(
        product_id=world.ids[PRODUCT[commune]], code=f"HS-{dossier[:8]}", kind="new", commune_code=commune,
        status="draft"))))
    if approved if approved is not None else status in ("evaluated", "closed"):
        approved_result(world, dossier)
    for target in STATUSES[1:STATUSES.index(status) + 1]:
        extra = {"result_stars": STARS} if target == "evaluated" else {}
        ok(update(world, "admin", "dossiers", dossier, status=target, **extra))
    return dossier


def document_of(world: World, dossier: str) -> str:
    document = new_id()
    ok(world.push_one("admin", change("dossier_documents", document, row(
        dossier_id=dossier, doc_type="lab_test_report", title="Phiếu kiểm nghiệm", sha256="cd" * 32, size=3))))
    return document


def submitted_sheet(world: World, username: str, member: str) -> tuple[str, list[str]]:
    """A complete sheet of ``member`` pushed and submitted by ``username``: its id and its lines' ids."""
    sheet = new_id()
    lines, total = full_lines(world)
    line_ids = [new_id() for _ in lines]
    changes = [change("score_sheets", sheet, sheet_fields(world, member))]
    changes += [change("score_lines", i, row(sheet_id=sheet, **line)) for i, line in zip(line_ids, lines, strict=True)]
    changes.append(change("score_sheets", sheet, {"status": ("draft", "submitted"), "total": (None, total),
                                                  "submitted_at": (None, "2026-01-10T09:00:00+07:00")}, "update"))
    results = world.client(username).push(changes).results
    assert {r.status for r in results} == {"applied"}, [r.reason for r in results if r.status != "applied"]
    return sheet, line_ids


def draft_sheet(world: World, username: str, member: str) -> str:
    sheet = new_id()
    ok(world.push_one(username, change("score_sheets", sheet, sheet_fields(world, member))))
    return sheet


def refused_with(result, status: str, code: str) -> bool:
    """The push was refused with this status, for this rule (the reason starts with its code)."""
    return result.status == status and (result.reason or "").startswith(f"{code}:")
