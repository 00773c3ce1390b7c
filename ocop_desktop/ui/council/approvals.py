"""Approving council results from the council page: one dossier, or every selected one in a single action."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ocop_desktop.formats import decimal, stars
from ocop_desktop.i18n import _t
from ocop_desktop.services import councils
from ocop_desktop.services.council_batch import BatchApproval, approve_results
from ocop_desktop.services.council_view import DossierRow
from ocop_desktop.words import error_text

if TYPE_CHECKING:
    from ocop_desktop.ui.council.council_page import CouncilPage

APPROVER_ROLES = ("admin", "secretary", "chair")
LISTED = 8  # codes named in a question before "…": the summary afterwards names every one


def _codes(rows: Sequence[DossierRow]) -> str:
    return ", ".join(r.code for r in rows[:LISTED]) + ("…" if len(rows) > LISTED else "")


def batch_question(rows: Sequence[DossierRow]) -> str:
    """What the approver is asked before a batch: how many can be approved and how many will be refused."""
    ready = [r for r in rows if r.can_approve]
    waiting = [r for r in rows if not r.can_approve]
    text = _t("Phê duyệt kết quả của %n hồ sơ đã chọn?", "", len(rows))
    if ready:
        text += "\n\n" + _t("Đủ điều kiện: %n hồ sơ ({codes}).", "", len(ready)).format(codes=_codes(ready))
    if waiting:
        text += "\n" + _t("Chưa đủ điều kiện hoặc đã phê duyệt, sẽ không được phê duyệt: %n hồ sơ ({codes}).", "",
                          len(waiting)).format(codes=_codes(waiting))
    return text + "\n\n" + _t("Sau khi phê duyệt, kết quả không thay đổi được nữa.")


def batch_summary(outcome: BatchApproval, codes: dict[str, str]) -> str:
    """Every dossier of the batch: those approved, then each refused one with its reason."""
    parts = []
    if outcome.approved:
        parts.append(_t("Đã phê duyệt %n hồ sơ: {codes}.", "", len(outcome.approved)).format(
            codes=", ".join(codes.get(d, d) for d in outcome.approved)))
    if outcome.refused:
        lines = "\n".join(f"– {codes.get(d, d)}: {error_text(error)}" for d, error in outcome.refused)
        parts.append(_t("Không phê duyệt được %n hồ sơ:", "", len(outcome.refused)) + "\n" + lines)
    return "\n\n".join(parts) or _t("Không có hồ sơ nào được chọn.")


# Each action takes the page it works for: the confirmation, the one service call, and what is said afterwards.


def may_approve(page: CouncilPage) -> bool:
    return page.context.user.role in APPROVER_ROLES


def approve(page: CouncilPage) -> None:
    row, view = page.current_row(), page.view
    if row is None or view is None or not row.can_approve or not may_approve(page):
        return
    question = _t("Phê duyệt kết quả hồ sơ {code} ({product}): điểm trung bình {mean}, {stars}?\n"
                  "Sau khi phê duyệt, kết quả không thay đổi được nữa.").format(
        code=row.code, product=row.product, mean=decimal(row.mean), stars=stars(row.final_stars))
    if not page.confirm(_t("Phê duyệt kết quả"), question):
        return
    evaluation_id, dossier_id, user_id = view.evaluation_id, row.dossier_id, page.context.user.user_id
    chair_present = view.chair_present
    page.context.runner.write(
        lambda s: councils.approve_council_result(s, evaluation_id=evaluation_id, dossier_id=dossier_id,
                                                  approved_by=user_id, chair_present=chair_present),
        done=lambda _c: page.say(_t("Đã phê duyệt kết quả hồ sơ {code}.").format(code=row.code)),
        failed=page.show_error)


def approve_selected(page: CouncilPage) -> None:
    rows, view = page.selected_rows(), page.view
    if len(rows) < 2 or view is None or not may_approve(page):
        return
    if not page.confirm(_t("Phê duyệt nhiều hồ sơ"), batch_question(rows)):
        return
    evaluation_id, user_id, chair_present = view.evaluation_id, page.context.user.user_id, view.chair_present
    ids, codes = [r.dossier_id for r in rows], {r.dossier_id: r.code for r in rows}

    def done(outcome: BatchApproval) -> None:
        summary = batch_summary(outcome, codes)
        page.say(summary.split("\n")[0], error=not outcome.approved)
        page.inform(_t("Kết quả phê duyệt"), summary)
    page.context.runner.write(
        lambda s: approve_results(s, approved_by=user_id, evaluation_id=evaluation_id, dossier_ids=ids,
                                  chair_present=chair_present),
        done=done, failed=page.show_error)
