"""Creating a dossier: its producer and product, registered already or new, then the dossier, in one save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import words
from ocop_desktop.i18n import _t
from ocop_desktop.services import new_dossier
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.new_dossier import DuplicateProducer, NewDossierChoices, ProductChoice
from ocop_desktop.ui import window_geometry
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.duplicates_box import DuplicatesBox
from ocop_desktop.ui.dossiers.forms import ERROR_STYLE, FieldForm, fill_combo
from ocop_desktop.ui.dossiers.producer_form import ProducerForm
from ocop_desktop.ui.dossiers.product_form import ProductForm

EXISTING, NEW = 0, 1


def _searchable(combo: QComboBox) -> QComboBox:
    """A long list found by typing any part of a name, marks or not ("cuong nga" finds "Cường Nga")."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(_t("Gõ tên để tìm…"))
    return combo


class _Choice(QGroupBox):
    """A registered row to pick, or a form for a new one."""

    mode_changed = Signal(int)

    def __init__(self, title: str, existing: str, new: str, form: FieldForm, parent: QWidget):
        super().__init__(title, parent)
        self.existing_button, self.new_button = QRadioButton(existing, self), QRadioButton(new, self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.existing_button, EXISTING)
        self.group.addButton(self.new_button, NEW)
        self.combo = _searchable(QComboBox(self))
        self.combo.setMinimumContentsLength(30)
        self.form = form
        layout = QVBoxLayout(self)
        for widget in (self.existing_button, self.combo, self.new_button, form):
            layout.addWidget(widget)
        self.group.idToggled.connect(self._toggled)
        self.existing_button.setChecked(True)
        self._mode(EXISTING)

    def _toggled(self, mode: int, on: bool) -> None:
        if on:
            self._mode(mode)

    def _mode(self, mode: int) -> None:
        self.combo.setEnabled(mode == EXISTING)
        self.form.setVisible(mode == NEW)
        self.mode_changed.emit(mode)

    @property
    def mode(self) -> int:
        return self.group.checkedId()

    def set_mode(self, mode: int) -> None:
        (self.new_button if mode == NEW else self.existing_button).setChecked(True)


class NewDossierDialog(QDialog):
    """Asks, then registers in one service call: a refusal leaves everything typed in place, beside its reason."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.created: Changes | None = None
        self._allow_similar = False  # the person has looked at the similar producers and says this is another
        self.setWindowTitle(self.tr("Tạo hồ sơ mới"))
        body = QWidget(self)
        column = QVBoxLayout(body)
        self.producer_form, self.product_form = ProducerForm(), ProductForm()
        self.producer = _Choice(self.tr("1. Chủ thể"), self.tr("Chủ thể đã đăng ký:"),
                                self.tr("Chủ thể mới"), self.producer_form, body)
        self.duplicates = DuplicatesBox(body)
        self.product = _Choice(self.tr("2. Sản phẩm"), self.tr("Sản phẩm đã đăng ký của chủ thể:"),
                               self.tr("Sản phẩm mới"), self.product_form, body)
        dossier = QGroupBox(self.tr("3. Hồ sơ"), body)
        self.kind = QComboBox(dossier)
        fill_combo(self.kind, words.dossier_kinds().items())
        self.kind.setCurrentIndex(0)
        QFormLayout(dossier).addRow(self.tr("Loại hồ sơ"), self.kind)
        for widget in (self.producer, self.duplicates, self.product, dossier):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(self.tr("Tạo hồ sơ"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        window_geometry.fit_dialog(self, QSize(760, 640), parent)  # smaller on a 600-px screen: the forms scroll
        self._connect()
        user = context.user
        self.create_button.setEnabled(False)  # until the choices are in
        context.runner.read(lambda s: new_dossier.new_dossier_choices(s, user_id=user.user_id, role=user.role),
                            done=self._fill, failed=self._failed)

    def _connect(self) -> None:
        self.producer.mode_changed.connect(self._producer_mode)
        self.producer.combo.currentIndexChanged.connect(self._producer_chosen)
        self.duplicates.use_requested.connect(self._use_registered)
        self.duplicates.go_on_changed.connect(lambda on: setattr(self, "_allow_similar", on))
        for form in (self.producer.form, self.product.form):
            form.edited.connect(self._edited)

    def _fill(self, choices: NewDossierChoices) -> None:
        form = self.producer_form
        fill_combo(form.commune, choices.communes)
        form.commune.setCurrentIndex(0 if len(choices.communes) == 1 else -1)
        product_form = self.product_form
        fill_combo(product_form.subgroup, [(s.code, f"{s.code} · {s.name} ({s.group_name})")
                                           for s in choices.subgroups])
        product_form.subgroup.setCurrentIndex(-1)
        product_form.criteria_note.setVisible(not choices.subgroups)
        product_form.criteria_note.setText(self.tr("Chưa có bộ tiêu chí nào có hiệu lực trên máy này; hãy đồng bộ."))
        combo = self.producer.combo
        combo.blockSignals(True)
        combo.clear()
        for p in choices.producers:
            combo.addItem(self.tr("{name} — {commune}").format(name=p.name, commune=p.commune_name), p.id)
        combo.setCurrentIndex(-1)
        combo.blockSignals(False)
        if not choices.producers:
            self.producer.set_mode(NEW)
        self.producer.existing_button.setEnabled(bool(choices.producers))
        self._producer_mode(self.producer.mode)
        self.create_button.setEnabled(True)

    def _producer_mode(self, mode: int) -> None:
        if mode == NEW:
            self.product.set_mode(NEW)  # a producer not yet registered has no product registered either
        self.product.existing_button.setEnabled(mode == EXISTING and self.product.combo.count() > 0)
        self.duplicates.clear()

    def _producer_chosen(self) -> None:
        producer_id = self.producer.combo.currentData()
        if producer_id is None:
            return
        self.context.runner.read(lambda s: new_dossier.producer_products(s, producer_id),
                                 done=self._fill_products, failed=self._failed)

    def _fill_products(self, products: tuple[ProductChoice, ...]) -> None:
        combo = self.product.combo
        combo.clear()
        for p in products:
            text = self.tr("{name} (đang có hồ sơ {code})").format(name=p.name, code=p.open_dossier) \
                if p.open_dossier else p.name
            combo.addItem(text, p.id)
        self.product.existing_button.setEnabled(bool(products) and self.producer.mode == EXISTING)
        self.product.set_mode(EXISTING if products else NEW)

    def _use_registered(self, producer_id: str) -> None:
        """The person recognised a registered producer among the duplicates: it is chosen instead."""
        index = self.producer.combo.findData(producer_id)
        if index >= 0:
            self.producer.set_mode(EXISTING)
            self.producer.combo.setCurrentIndex(index)
        self.message.setVisible(False)

    def _edited(self) -> None:
        self.message.setVisible(False)
        if self.sender() is self.producer.form:
            self.duplicates.clear()  # what was compared has changed: compared again at the next save
            self._allow_similar = False

    def values(self) -> dict[str, Any]:
        """The service's arguments for what is on screen."""
        args: dict[str, Any] = {"kind": self.kind.currentData(), "allow_similar": self._allow_similar}
        if self.producer.mode == NEW:
            form = self.producer.form
            args["new_producer"] = {key: form.value(key) for key in form.widgets} | {
                "commune_code": form.value("commune_code") or ""}
        else:
            args["producer_id"] = self.producer.combo.currentData() or ""
        if self.product.mode == NEW:
            form = self.product.form
            args["new_product"] = {key: form.value(key) or "" for key in form.widgets}
        else:
            args["product_id"] = self.product.combo.currentData() or ""
        return args

    def register(self) -> None:
        forms = [c.form for c in (self.producer, self.product) if c.mode == NEW]
        problems = [(form, key, text) for form in forms for key, text in _all_problems(form).items()]
        for form, key, text in problems:
            form.show_error(key, text)
        if problems:
            self._say(self.tr("Chưa tạo: hãy sửa các ô được đánh dấu đỏ."))
            return
        args, user = self.values(), self.context.user
        self.create_button.setEnabled(False)
        self.context.runner.write(lambda s: new_dossier.register_dossier(s, user_id=user.user_id, role=user.role,
                                                                         **args),
                                  done=self._created, failed=self._refused)

    def _created(self, changes: Changes) -> None:
        self.created = changes
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, DuplicateProducer):
            self.duplicates.show_matches(exc, usable=lambda row_id: self.producer.combo.findData(row_id) >= 0)
            self._say(words.error_text(exc))
            return
        field = exc.field if isinstance(exc, ServiceError) else ""
        target = self._form_for(exc)
        if target is not None and target.show_error(field, words.error_text(exc)):
            self._say(self.tr("Chưa tạo: hãy sửa ô được đánh dấu đỏ."))
        else:
            self._say(self.tr("Chưa tạo: {reason}").format(reason=words.error_text(exc)))

    def _form_for(self, exc: Exception) -> FieldForm | None:
        """The new producer's or product's form the refusal is about ("name" is in both: the product's once
        the producer has passed)."""
        if not isinstance(exc, ServiceError) or exc.code in ("dossier_out_of_scope", "dossier_open"):
            return None
        if self.product.mode == NEW and exc.code in ("product_registered", "subgroup_not_in_criteria_set"):
            return self.product.form
        if self.producer.mode == NEW and exc.field in self.producer.form.widgets:
            return self.producer.form
        if self.product.mode == NEW and exc.field in self.product.form.widgets:
            return self.product.form
        return None

    def _failed(self, exc: Exception) -> None:
        self._say(words.error_text(exc))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)


def _all_problems(form: FieldForm) -> dict[str, str]:
    """Every field of a new row the save would refuse without asking the database, lists left unchosen too."""
    found = {key: form.checks[key](form.value(key)) for key in form.checks}
    unchosen = {key: words.code_text("required") for key, widget in form.widgets.items()
                if isinstance(widget, QComboBox) and widget.currentData() is None}
    return {key: text for key, text in (found | unchosen).items() if text}
