"""What the dossier editor tells before and instead of saving: why a dossier is read-only, fields the save
would refuse, and that an edited producer is shared with other dossiers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_core.errors import OcopError
from ocop_desktop import words
from ocop_desktop.i18n import _t
from ocop_desktop.services.dossier_view import REGISTRY_WRITERS, DossierView
from ocop_desktop.ui.dossiers.forms import FieldForm
from ocop_desktop.ui.dossiers.save_work import Edits

if TYPE_CHECKING:
    from ocop_desktop.ui.dossiers.editor import DossierEditor


class NotSent(OcopError):
    """A save stopped on this laptop before it was sent: "fields_to_fix" (shown beside each field) or
    "save_declined" (the person chose not to change a shared producer)."""


def may_edit(view: DossierView) -> bool:
    """The dossier's fields take edits: its status lets them change, and the person looking may change them."""
    return view.dossier.editable and view.in_scope


def lock_note(view: DossierView) -> str:
    """Why the dossier is shown read-only, the person's own reason first: that one would outlast any status."""
    reader = view.reader
    if reader is not None and reader.role not in REGISTRY_WRITERS:
        return _t("Bạn chỉ có quyền xem hồ sơ.")
    if not view.in_scope:
        return _t("Hồ sơ của {commune}, ngoài các xã/phường tài khoản của bạn phụ trách: bạn chỉ xem, không sửa "
                  "được.").format(commune=view.producer.commune_name)
    return _t("Hồ sơ ở trạng thái “{status}”: thông tin đã dùng để đánh giá nên chỉ xem, không sửa.").format(
        status=words.word(words.dossier_statuses(), view.dossier.status))


def tab_of(editor: DossierEditor, form: FieldForm) -> int:
    return next(i for i in range(editor.tabs.count()) if (page := editor.tabs.widget(i)) and page.isAncestorOf(form))


def show_problems(editor: DossierEditor) -> bool:
    """Shows, beside each field, every edit the save would refuse, and opens the first one's tab: all of them
    at once, where a save would name only the first. True when there was one."""
    first: tuple[FieldForm, str] | None = None
    for form in editor._forms():
        for key, text in form.problems().items():
            form.show_error(key, text)
            first = first or (form, key)
    if first is None:
        return False
    form, key = first
    editor.tabs.setCurrentIndex(tab_of(editor, form))
    form.widgets[key].setFocus()
    return True


def shared_producer_question(view: DossierView, edits: Edits) -> str:
    """The question to ask before saving producer edits that other dossiers show too; "" when none do."""
    codes = view.producer.other_dossiers
    if not edits.get("producer") or not codes:
        return ""
    listed = ", ".join(codes[:5]) + ("…" if len(codes) > 5 else "")
    return _t("Chủ thể “{name}” có trong %n hồ sơ khác ({codes}). Thông tin chủ thể sửa ở đây sẽ đổi ở tất cả các "
              "hồ sơ đó.\n\nVẫn lưu?", "", len(codes)).format(name=view.producer.name, codes=listed)


def stopped(editor: DossierEditor, edits: Edits) -> NotSent | None:
    """Checks what needs no database before a save goes: refusals are shown instead, and a shared producer's
    edit goes only once the person has agreed to change it everywhere. None: the save may go."""
    view = editor.view
    if view is None:
        return NotSent("save_declined")
    if show_problems(editor):
        return NotSent("fields_to_fix")
    question = shared_producer_question(view, edits)
    return NotSent("save_declined") if question and not editor.confirm(question) else None
