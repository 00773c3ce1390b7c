"""A labelled form whose every field carries its own error line and knows whether it was edited."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import words
from ocop_desktop.services import registry

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"
W = TypeVar("W", bound=QWidget)
Check = Callable[[Any], str]  # a field's value -> why saving it would be refused, "" when it would not


def text_check(entity: str, field: str) -> Check:
    """The save's own checks that need no database (the synced entity's length limit, letters in a phone),
    worded as the save's refusal would be, for the form to say while the person types."""
    def check(value: Any) -> str:
        problem = registry.field_problem(entity, field, value)
        return words.error_text(problem) if problem is not None else ""
    return check


def fill_combo(combo: QComboBox, pairs: Iterable[tuple[str, str]]) -> None:
    """Replaces the items but keeps the chosen one (even when the new list lacks it): a refresh must
    not look like an edit."""
    combo.blockSignals(True)
    chosen, chosen_text = combo.currentData(), combo.currentText()
    combo.clear()
    for code, text in pairs:
        combo.addItem(text, code)
    if chosen is not None and combo.findData(chosen) < 0:
        combo.addItem(chosen_text, chosen)
    combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else -1)
    combo.blockSignals(False)


class FieldForm(QWidget):
    """Fields keyed by the service's field names, so a ServiceError's field finds its widget."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A form stretched across a wide screen is hard to read line by line.
        self.setMaximumWidth(860)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.checks: dict[str, Check] = {}
        self._baseline: dict[str, Any] = {}

    def add_field(self, key: str, label: str, widget: W, hint: str = "", check: Check | None = None) -> W:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            note = QLabel(hint, box)
            note.setWordWrap(True)
            note.setEnabled(False)  # greyed: guidance, not data
            column.addWidget(note)
        error = QLabel(box)
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setVisible(False)
        error.setObjectName(f"error_{key}")
        column.addWidget(error)
        self.form.addRow(label, box)
        widget.setObjectName(key)
        self.widgets[key] = widget
        self.errors[key] = error
        if check is not None:
            self.checks[key] = check
        self._connect(key, widget)
        return widget

    def _connect(self, key: str, widget: QWidget) -> None:
        def on_edit(*_args) -> None:
            # A refusal the form can check again stays until the value passes; any other (the save's, on a
            # value only the database can judge) goes as soon as the officer starts fixing it.
            self._say(key, self.checks[key](self.value(key)) if key in self.checks else "")
            self.edited.emit()

        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(on_edit)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(on_edit)
        elif isinstance(widget, QDoubleSpinBox):
            widget.valueChanged.connect(on_edit)

    def value(self, key: str) -> Any:
        widget = self.widgets[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QDoubleSpinBox):
            return widget.value()
        raise TypeError(type(widget).__name__)

    def set_value(self, key: str, value: Any) -> None:
        widget = self.widgets[key]
        widget.blockSignals(True)
        try:
            if isinstance(widget, QLineEdit):
                widget.setText(value or "")
                widget.setCursorPosition(0)  # long names show their start, not their end
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index < 0 and value is not None:
                    # A code the lists no longer hold (an older criteria set): shown, not silently replaced.
                    widget.addItem(self.tr("{code} (không có trong danh mục hiện hành)").format(code=value), value)
                    index = widget.count() - 1
                widget.setCurrentIndex(index)
            elif isinstance(widget, QDoubleSpinBox):
                widget.setValue(float(value or 0.0))
        finally:
            widget.blockSignals(False)

    def load(self, values: dict[str, Any], keep_edits: bool = False) -> None:
        """Shows stored values; with ``keep_edits`` a field the user has edited keeps the user's value,
        so a refresh after a sync changes only the fields nobody is typing in."""
        edited = set(self.changed()) if keep_edits else set()
        for key, value in values.items():
            if key not in edited:
                self.set_value(key, value)
        # The baseline is what the widget shows for the stored value (a text box may normalise it).
        for key, value in values.items():
            if key in edited:
                self._baseline[key] = value
            else:
                self._baseline[key] = self.value(key)
        self.clear_errors()

    def changed(self) -> dict[str, Any]:
        return {key: self.value(key) for key in self._baseline if self.value(key) != self._baseline[key]}

    def revert(self) -> None:
        for key, value in self._baseline.items():
            self.set_value(key, value)
        self.clear_errors()

    def show_error(self, key: str, text: str) -> bool:
        label = self.errors.get(key)
        if label is None:
            return False
        label.setText(text)
        label.setVisible(True)
        self.widgets[key].setFocus()
        return True

    def _say(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].setVisible(bool(text))

    def problems(self) -> dict[str, str]:
        """Every edited field whose value the save would refuse, with the reason: shown at once, all of them."""
        found = {key: self.checks[key](self.value(key)) for key in self.changed() if key in self.checks}
        return {key: text for key, text in found.items() if text}

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)

    def set_editable(self, editable: bool) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)
