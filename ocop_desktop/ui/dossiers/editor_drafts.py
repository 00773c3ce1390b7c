"""The dossier editor's drafts: its forms' unsaved edits kept as a draft as the officer types, a draft of an
earlier run put back into them, and the editor's answers to the main window before it closes."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLabel

from ocop_desktop import formats
from ocop_desktop.drafts import Draft, DraftField, describe
from ocop_desktop.i18n import _t
from ocop_desktop.services.dossier_view import DossierView
from ocop_desktop.ui.dossiers import editor_checks
from ocop_desktop.ui.dossiers.forms import FieldForm
from ocop_desktop.ui.dossiers.producer_form import LocationForm
from ocop_desktop.ui.draft_keeper import DraftKeeper, Saved

if TYPE_CHECKING:
    from ocop_desktop.ui.dossiers.editor import DossierEditor

Forms = dict[str, FieldForm]  # "dossier" | "producer" | "product" | "location" -> its form


def label_of(form: FieldForm, key: str) -> str:
    """The field's label as the form shows it, without the mark of a required field."""
    box = form.widgets[key].parentWidget()  # add_field puts each field in a box with its error line
    label = form.form.labelForField(box) if box is not None else None
    return label.text().rstrip(" *") if isinstance(label, QLabel) else key


def _shown(form: FieldForm, key: str, value: Any) -> str:
    widget = form.widgets[key]
    if value is None:
        return _t("(để trống)")
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(value, float):
        return formats.decimal(Decimal(str(value)))
    return str(value)


def unsaved_fields(forms: Forms) -> dict[str, DraftField]:
    """Every edited field, keyed "section.field", with its label and its value as a person reads it."""
    return {f"{section}.{key}": DraftField(label_of(form, key), value, _shown(form, key, value))
            for section, form in forms.items() for key, value in form.changed().items()}


def put_back(forms: Forms, draft: Draft) -> list[FieldForm]:
    """Shows the draft's values in the forms as unsaved edits (the stored values stay the baseline, so the
    editor offers to save or revert them); returns the forms it filled, in the draft's order."""
    filled: list[FieldForm] = []
    for name, field in draft.fields.items():
        section, _, key = name.partition(".")
        form = forms.get(section)
        if form is None or key not in form.widgets:
            continue  # a field a later version of the form no longer has
        if isinstance(form, LocationForm):
            # No position at all is an unchecked box; a position needs the box ticked for its boxes to count.
            form.known.setChecked(field.value is not None)
        if field.value is not None:
            form.set_value(key, field.value)
        filled.append(form)
    return filled


def forms_of(editor: DossierEditor) -> Forms:
    return {"dossier": editor.dossier_form, "producer": editor.producer_form, "product": editor.product_form,
            "location": editor.location_form}


def watch(editor: DossierEditor) -> DraftKeeper:
    """The editor's draft keeper, set as ``editor.drafts``; a dossier whose draft was chosen at the start opens
    now, and when the keeper's ``reopen`` is called later."""
    keeper = DraftKeeper(editor.context, "dossier", "dossiers", editor, unsaved=lambda: unsaved_names(editor),
                         save=lambda done: save_for_leaving(editor, done), discard=editor.discard)

    def restore(dossier_id: str) -> None:
        if not editor.has_unsaved_edits():  # never over edits on screen: the draft waits for its dossier
            editor._open(dossier_id)

    keeper.restore_requested.connect(restore)
    editor.drafts = keeper  # before the dossier opens: showing it looks its draft up
    keeper.reopen()
    return keeper


def keep(editor: DossierEditor) -> None:
    """After each edit: the forms' unsaved edits become the dossier's draft (none: the draft goes)."""
    view = editor.view
    if view is None:
        return
    fields = unsaved_fields(forms_of(editor))
    if fields:
        editor.drafts.typed(view.dossier.id, f"{view.dossier.code} · {view.product.name}", fields)
    else:
        editor.drafts.forget(view.dossier.id)


def put_back_draft(editor: DossierEditor, view: DossierView) -> None:
    """A draft left by an earlier run (a crash, or one chosen at the start) comes back as unsaved edits."""
    draft = editor.drafts.find(view.dossier.id)
    if draft is None:
        return
    if not editor_checks.may_edit(view):
        editor.drafts.forget(view.dossier.id)  # shown once, in full, so it can still be copied
        editor._say(_t("Bản nháp chưa lưu của hồ sơ này không dùng được nữa vì hồ sơ không còn sửa được; những gì "
                       "đã nhập: {typed}").format(typed=describe(draft, limit=300)))
        return
    filled = put_back(forms_of(editor), draft)
    if filled:
        editor.tabs.setCurrentIndex(editor_checks.tab_of(editor, filled[0]))  # where the typing was
        editor._say(_t("Đã khôi phục những gì bạn nhập dở lúc {when} (chưa lưu): kiểm tra rồi bấm “Lưu thay đổi”, "
                       "hoặc “Huỷ thay đổi” để bỏ.").format(when=formats.recent(draft.saved_at)), error=False)


def unsaved_names(editor: DossierEditor) -> list[str]:
    view = editor.view
    if view is None or not editor.has_unsaved_edits():
        return []
    labels = ", ".join(field.label for field in unsaved_fields(forms_of(editor)).values())
    return [_t("Hồ sơ {code} · {product}: {fields}").format(code=view.dossier.code, product=view.product.name,
                                                            fields=labels)]


def save_for_leaving(editor: DossierEditor, done: Saved) -> None:
    if editor._saving:  # the save on its way decides; the person asks again once it has ended
        done(False)
        return
    editor.drafts.waiting = done
    editor.save(then=lambda: editor.drafts.answered(True))
