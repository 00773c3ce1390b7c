"""The dossier editor an officer works in offline: producer, product, documents, location, workflow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import words
from ocop_desktop.services import dossiers
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.dossier_view import DossierView, load_dossier_view
from ocop_desktop.services.errors import NotFound
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers import dialogs, editor_checks, editor_drafts
from ocop_desktop.ui.dossiers.documents_panel import DocumentsPanel
from ocop_desktop.ui.dossiers.forms import ERROR_STYLE, FieldForm
from ocop_desktop.ui.dossiers.location_picker import LocationPicker
from ocop_desktop.ui.dossiers.producer_form import LocationForm, ProducerForm
from ocop_desktop.ui.dossiers.product_form import DossierForm, ProductForm
from ocop_desktop.ui.dossiers.save_work import Edits, Refused, save_work
from ocop_desktop.ui.dossiers.workflow import WorkflowBar, allowed_moves, is_reversible
from ocop_desktop.ui.lots.panel import LotsPanel
from ocop_desktop.ui.recognitions.panel import RecognitionPanel

_WATCHED = frozenset({"dossiers", "products", "producers", "dossier_documents"})
TAB_DOSSIER, TAB_PRODUCER, TAB_PRODUCT, TAB_DOCUMENTS, TAB_LOCATION, TAB_RECOGNITION, TAB_LOTS = range(7)
# Shown by the recognition and lot tabs, which load them themselves.
_TRACED = frozenset({"recognitions", "production_lots", "lot_photos", "council_results"})


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _note_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    # Two lines always: a longer note must not push the form up as it appears.
    label.setMinimumHeight(2 * label.fontMetrics().lineSpacing() + 4)
    return label


class DossierEditor(QWidget):
    shown = Signal(str)  # a dossier's id, each time one is displayed
    dirty_changed = Signal(bool)
    _saved_note = ""  # said beside the save button, where saving cannot move the form

    # long: the editor's widgets, built in the order they stand on screen; each tab's content has its own module.
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        # Replaceable in tests: a modal dialog would block an offscreen run.
        self.ask_unsaved: Callable[[], str] = lambda: dialogs.ask_unsaved(self)  # "save" | "discard" | "cancel"
        self.confirm: Callable[[str], bool] = lambda question: dialogs.ask_confirm(self, question)
        self.view: DossierView | None = None
        self._requested: str | None = None
        self._dirty = False
        self._saving = False  # a save is on its way: a second click must not send it twice
        self.stack = QStackedWidget(self)
        self.empty = QLabel(self.tr("Chọn một hồ sơ trong danh sách để xem và chỉnh sửa."), self, enabled=False)
        self.stack.addWidget(self.empty)
        page = QWidget(self)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        layout = QVBoxLayout(page)
        self.title = QLabel(page)
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(page)
        self.subtitle.setWordWrap(True)
        self.workflow = WorkflowBar(page)
        self.workflow.move_requested.connect(self.request_move)
        self.banner = QLabel(page)
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        for widget in (self.title, self.subtitle, self.workflow, self.banner):
            layout.addWidget(widget)

        self.dossier_form, self.producer_form = DossierForm(), ProducerForm()
        self.product_form, self.location_form = ProductForm(), LocationForm(picker=LocationPicker(context))
        self.documents = DocumentsPanel(context)
        self.documents.documents_changed.connect(lambda _changes: self.reload())
        self.tabs = QTabWidget(page)
        self.tabs.addTab(_scrolled(self.dossier_form), self.tr("Hồ sơ"))
        self.tabs.addTab(_scrolled(self.producer_form), self.tr("Chủ thể"))
        self.tabs.addTab(_scrolled(self.product_form), self.tr("Sản phẩm"))
        self.tabs.addTab(self.documents, self.tr("Tài liệu"))
        self.tabs.addTab(_scrolled(self.location_form), self.tr("Vị trí"))
        self._add_recognition_tabs(context)
        layout.addWidget(self.tabs, 1)
        for form in self._forms():
            form.edited.connect(self._edited)
        bottom = QHBoxLayout()
        self.dirty_label = _note_label(page)
        bottom.addWidget(self.dirty_label, 1)
        self.revert_button = QPushButton(self.tr("Huỷ thay đổi"), page)
        self.revert_button.clicked.connect(self.discard)
        self.save_button = QPushButton(self.tr("Lưu thay đổi"), page)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Lưu vào máy này (Ctrl+S); sẽ gửi lên máy chủ khi đồng bộ."))
        self.save_button.clicked.connect(lambda: self.save())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save())
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self._set_dirty(False)
        self.drafts = editor_drafts.watch(self)  # what is typed survives a crash; the window asks before quitting

    def _add_recognition_tabs(self, context: AppContext) -> None:
        """Công nhận and Lô sản xuất load their own rows: decisions and lots are not fields of the dossier's form."""
        self.recognition, self.lots = RecognitionPanel(context), LotsPanel(context)
        self.recognition.changed.connect(lambda _changes: self.lots.reload())  # a decision opens or closes lots
        self.tabs.addTab(self.recognition, self.tr("Công nhận"))
        self.tabs.addTab(self.lots, self.tr("Lô sản xuất"))

    def load(self, dossier_id: str) -> bool:
        """Shows a dossier, first asking what to do with unsaved edits. False: the user chose to stay, the
        save failed, or (background runner) the save is still running; ``shown`` tells which dossier is
        on screen, so a list can put its selection back."""
        if self.view is not None and dossier_id == self.view.dossier.id:
            return True
        if self.has_unsaved_edits():
            choice = self.ask_unsaved()
            if choice == "cancel":
                return False
            if choice == "save":
                self.save(then=lambda: self._open(dossier_id))
                return self._requested == dossier_id
            self._revert_forms()
        self._open(dossier_id)
        return True

    def reload(self, quiet: bool = False) -> None:
        if self.view is not None:
            self._open(self.view.dossier.id, keep_edits=True, quiet=quiet)

    def on_changes(self, changes: Changes) -> None:
        """Refreshes when something this dossier shows changed elsewhere (another screen, a sync)."""
        if self.view is None:
            return
        if changes.entities & _TRACED:
            self.recognition.reload()
            self.lots.reload()
        if changes.ids & self.view.related_ids or (not changes.ids and changes.entities & _WATCHED):
            if self.has_unsaved_edits():
                self._say(self.tr("Hồ sơ vừa được cập nhật từ nơi khác; các ô bạn đang sửa được giữ nguyên."))
            self._open(self.view.dossier.id, keep_edits=True, quiet=self.has_unsaved_edits())

    def _open(self, dossier_id: str, keep_edits: bool = False, quiet: bool = False) -> None:
        self._requested = dossier_id
        user = self.context.user
        self.context.runner.read(lambda session: load_dossier_view(session, dossier_id, user_id=user.user_id,
                                                                   role=user.role),
                                 done=lambda view: self._show(view, keep_edits, quiet),
                                 failed=lambda exc: self._load_failed(dossier_id, exc))

    def _show(self, view: DossierView, keep_edits: bool, quiet: bool) -> None:
        if view.dossier.id != self._requested:
            return  # the user has moved on to another dossier meanwhile
        same = self.view is not None and self.view.dossier.id == view.dossier.id
        keep = keep_edits and same
        self.view = view
        if not same:
            self._saved_note = ""
        d, p = view.dossier, view.product
        self.title.setText(f"{d.code} · {p.name}")
        self.subtitle.setText(self.tr("{producer} · {commune} · {kind}").format(
            producer=view.producer.name, commune=view.producer.commune_name,
            kind=words.word(words.dossier_kinds(), d.kind)))
        editable = editor_checks.may_edit(view)
        self.workflow.show_view(view)
        self.dossier_form.show_view(view, keep)
        self.producer_form.show_view(view, keep)
        self.product_form.show_view(view, keep)
        self.location_form.show_view(view, keep)
        self.documents.show_view(view)
        self.recognition.show_dossier(d.id)
        self.lots.show_product(p.id)
        for form in self._forms():
            form.set_editable(editable)
        self.tabs.setTabText(TAB_DOCUMENTS, self.tr("Tài liệu ({n})").format(n=len(view.documents)))
        if not quiet:
            self._say("" if editable else self._lock_note(d.status), error=False)
        self.stack.setCurrentIndex(1)
        if not keep:
            editor_drafts.put_back_draft(self, view)
        self._set_dirty(self.has_unsaved_edits())
        editor_drafts.keep(self)
        self.shown.emit(d.id)

    def _lock_note(self, _status: str) -> str:
        return editor_checks.lock_note(self.view) if self.view is not None else ""

    def _load_failed(self, dossier_id: str, exc: Exception) -> None:
        if dossier_id != self._requested:
            return
        if isinstance(exc, NotFound):
            self.view = None
            self.empty.setText(self.tr("Hồ sơ này không còn (có thể đã bị xoá trên máy khác)."))
            self.stack.setCurrentIndex(0)
            self._set_dirty(False)
            return
        self._say(words.error_text(exc))

    def has_unsaved_edits(self) -> bool:
        return self.view is not None and any(form.changed() for form in self._forms())

    def _collect(self) -> Edits:
        return {"producer": {**self.producer_form.changed(), **self.location_form.changed()},
                "product": self.product_form.changed(), "dossier": self.dossier_form.changed()}

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Saves every edited section as one transaction: all of it, or (on a refusal) none of it."""
        if self.view is None or self._saving:
            return
        edits = self._collect()
        if not any(edits.values()):
            if then:
                then()
            return
        stopped = editor_checks.stopped(self, edits)
        if stopped is not None:
            self._save_failed(stopped)
            return
        ids = {"producer": self.view.producer.id, "product": self.view.product.id, "dossier": self.view.dossier.id}
        for form in self._forms():
            form.clear_errors()

        def saved(_changes: Changes) -> None:
            self._saving = False
            self.drafts.forget(ids["dossier"])  # before the reload, which would put the draft back
            self._saved_note = self.tr("✓ Đã lưu vào máy này; sẽ gửi lên máy chủ ở lần đồng bộ tới.")
            self.note(self._saved_note)
            if then is not None:
                then()
            else:
                # Edits typed while a background save ran are kept; otherwise the stored (cleaned) values show.
                self._open(self.view.dossier.id, keep_edits=self._collect() != edits, quiet=True)

        self._saving = True
        self._set_dirty(True)
        self.context.runner.write(save_work(edits, ids), done=saved, failed=self._save_failed)

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self.drafts.answered(False)
        self._set_dirty(self.has_unsaved_edits())
        if not isinstance(exc, Refused):
            self.note(self.tr("Chưa lưu: {reason}").format(reason=words.error_text(exc)), error=True)
            return
        error = exc.error
        form: FieldForm = {"product": self.product_form, "dossier": self.dossier_form}.get(exc.section) or (
            self.location_form if error.field in self.location_form.errors else self.producer_form)
        if form.show_error(error.field, words.error_text(error)):
            self.tabs.setCurrentIndex(next(i for i in range(self.tabs.count())
                                           if self.tabs.widget(i).isAncestorOf(form)))
            self.note(self.tr("Chưa lưu gì: hãy sửa ô được đánh dấu đỏ rồi lưu lại. Những gì bạn đã nhập vẫn còn."),
                      error=True)
        else:
            self.note(self.tr("Chưa lưu: {reason}").format(reason=words.error_text(error)), error=True)

    def discard(self) -> None:
        self._revert_forms()
        self._say("")

    def _revert_forms(self) -> None:
        for form in self._forms():
            form.revert()
        self._set_dirty(self.has_unsaved_edits())
        if self.view is not None:
            self.drafts.forget(self.view.dossier.id)

    def request_move(self, target: str) -> None:
        if self.view is None or target not in allowed_moves(self.view):
            return
        if self.has_unsaved_edits():
            choice = self.ask_unsaved()
            if choice == "cancel":
                return
            if choice == "save":
                self.save(then=lambda: self._move(target))
                return
            self._revert_forms()
        self._move(target)

    def _move(self, target: str) -> None:
        view = self.view
        if view is None:
            return
        statuses = words.dossier_statuses()
        current = view.dossier.status
        if not is_reversible(view, target) and not self.confirm(
                self.tr("Chuyển hồ sơ {code} sang “{target}”?\nSau bước này không tự quay lại “{current}” được.")
                .format(code=view.dossier.code, target=statuses.get(target, target),
                        current=statuses.get(current, current))):
            return
        dossier_id, user = view.dossier.id, self.context.user
        self.context.runner.write(lambda session: dossiers.change_dossier_status(
                                      session, dossier_id, target, user_id=user.user_id, role=user.role),
                                  done=lambda _c: self._open(dossier_id, keep_edits=True),
                                  failed=self._move_failed)

    def _move_failed(self, exc: Exception) -> None:
        self._say(words.error_text(exc))
        self.reload(quiet=True)  # the status may have changed elsewhere: show what the workflow allows now

    def _forms(self) -> tuple[FieldForm, ...]:
        return (self.dossier_form, self.producer_form, self.product_form, self.location_form)

    def _edited(self) -> None:
        self._set_dirty(self.has_unsaved_edits())
        editor_drafts.keep(self)

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty and not self._saving)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self._saved_note = ""
        self.note(self.tr("● Có thay đổi chưa lưu") if dirty else self._saved_note)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def note(self, text: str, error: bool = False) -> None:
        """Says how the last save went, or that there are edits to save, beside the save button."""
        self.dirty_label.setText(text)
        self.dirty_label.setStyleSheet(ERROR_STYLE if error else "")

    def _say(self, text: str, error: bool = True) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(ERROR_STYLE if error else "")
        self.banner.setVisible(bool(text))
