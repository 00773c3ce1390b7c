"""A labelled form whose every field carries its own error line and knows whether it was edited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"


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
        self._baseline: dict[str, Any] = {}

    def add_field(self, key: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
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
        self._connect(key, widget)
        return widget

    def _connect(self, key: str, widget: QWidget) -> None:
        def on_edit(*_args) -> None:
            self.errors[key].setVisible(False)  # the officer is fixing it: the old reason no longer applies
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
