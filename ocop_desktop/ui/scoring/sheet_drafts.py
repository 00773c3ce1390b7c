"""The scoring sheet's drafts: a comment typed and not yet saved (it is saved when its box is left) kept as a
draft, put back and saved when the sheet opens again, and the sheet's answers to the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_desktop.drafts import DraftField, describe
from ocop_desktop.formats import recent
from ocop_desktop.i18n import _t
from ocop_desktop.services.sheet_view import SheetView
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.draft_keeper import DraftKeeper, Saved

if TYPE_CHECKING:
    from ocop_desktop.ui.scoring.sheet_widget import SheetWidget


def watch(sheet: SheetWidget, context: AppContext) -> DraftKeeper:
    """The sheet's draft keeper; its ``reopen`` opens a sheet whose draft was chosen at the start."""
    keeper = DraftKeeper(context, "sheet", "scoring", sheet, unsaved=lambda: unsaved_names(sheet),
                         save=lambda done: save_comments(sheet, done), discard=lambda: discard(sheet))

    def restore(sheet_id: str) -> None:
        if sheet.view is not None and sheet.view.sheet_id == sheet_id:
            put_back(sheet, sheet.view)
        else:
            sheet.load(sheet_id)

    keeper.restore_requested.connect(restore)
    return keeper


def unsaved_comments(sheet: SheetWidget) -> dict[str, str]:
    return {code: text for code, row in sheet.body.rows.items() if (text := row.unsaved_comment()) is not None}


def keep(sheet: SheetWidget) -> None:
    """After each keystroke in a comment, and each save: the unsaved comments become the sheet's draft."""
    view = sheet.view
    if sheet.drafts is None or view is None or not view.sheet_id:
        return
    comments = unsaved_comments(sheet)
    if comments:
        fields = {code: DraftField(_t("Nhận xét {code}").format(code=code), text, text)
                  for code, text in comments.items()}
        sheet.drafts.typed(view.sheet_id, view.product_name or view.product_set.name, fields)
    else:
        sheet.drafts.forget(view.sheet_id)


def put_back(sheet: SheetWidget, view: SheetView) -> None:
    """A comment left unsaved by an earlier run comes back and is saved, like any finished comment."""
    keeper, sheet_id = sheet.drafts, view.sheet_id
    draft = keeper.find(sheet_id) if keeper is not None and sheet_id else None
    if keeper is None or sheet_id is None or draft is None:
        return
    rows = {code: sheet.body.rows.get(code) for code in draft.fields}
    usable = {code: row for code, row in rows.items() if row is not None and row.comment.isEnabled()}
    if not view.editable or not usable:
        keeper.forget(sheet_id)  # shown once, in full, so it can still be copied
        sheet.message.setText(_t("Nhận xét chưa lưu của phiếu này không dùng được nữa vì phiếu không còn sửa "
                                 "được; những gì đã nhập: {typed}").format(typed=describe(draft, limit=300)))
        sheet.message.show()
        return
    for code, row in usable.items():
        row.comment.setText(str(draft.fields[code].value))
        row.save_comment()
    sheet.saved.setText(_t("Đã khôi phục và lưu nhận xét bạn gõ dở lúc {when}.").format(when=recent(draft.saved_at)))


def unsaved_names(sheet: SheetWidget) -> list[str]:
    comments, view = unsaved_comments(sheet), sheet.view
    if not comments or view is None:
        return []
    return [_t("Phiếu chấm {product}: nhận xét {codes}").format(product=view.product_name or view.product_set.name,
                                                              codes=", ".join(comments))]


def save_comments(sheet: SheetWidget, done: Saved) -> None:
    """Saves every unsaved comment, then tells ``done``; a refused one answers False first (the sheet says why)."""
    keeper, context = sheet.drafts, sheet.context
    if keeper is None or context is None:  # a preview holds nothing to save
        done(True)
        return
    keeper.waiting = done
    for row in sheet.body.rows.values():
        if row.unsaved_comment() is not None:
            row.save_comment()
    # The database thread runs work in order: this read ends after every comment above was written.
    context.runner.read(lambda _session: None, done=lambda _none: keeper.answered(True))


def discard(sheet: SheetWidget) -> None:
    for row in sheet.body.rows.values():
        if row.unsaved_comment() is not None:
            row.revert_comment()
    if sheet.drafts is not None and sheet.view is not None and sheet.view.sheet_id:
        sheet.drafts.forget(sheet.view.sheet_id)
