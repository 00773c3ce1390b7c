"""One criterion on the sheet: its options as radio choices (per sub-item when it has some) and a comment."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ocop_core.domain.criteria import Criterion, Option
from ocop_desktop.formats import decimal
from ocop_desktop.services.sheet_view import comment_slot
from ocop_desktop.ui.scoring import colours


class OptionChoice(QWidget):
    """A radio button with a label that wraps: real option texts are whole sentences, and a
    QRadioButton's own text never wraps in a narrow column."""

    def __init__(self, option: Option, parent: QWidget | None = None):
        super().__init__(parent)
        self.option = option
        self.setObjectName("option")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.radio = QRadioButton(self)
        self.radio.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        pts = decimal(option.points)
        self.radio.setAccessibleName(self.tr("{code}) {label}, {points} điểm").format(
            code=option.code, label=option.label, points=pts))
        self.label = QLabel(f"<span style='color:{colours.MUTED}'>{html.escape(option.code)})</span> "
                            f"{html.escape(option.label)}", self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.points_label = QLabel(self.tr("{points} điểm").format(points=pts), self)
        self.points_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.points_label.setMinimumWidth(56)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.points_label, 0)
        for watched in (self.label, self.points_label, self.radio):
            watched.installEventFilter(self)
        self.radio.toggled.connect(lambda _on: self.refresh_look())
        self._look: tuple[str, bool] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.radio:
            if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self.refresh_look()
            return False
        if kind == QEvent.Type.MouseButtonRelease and self.radio.isEnabled():
            # The words are the larger target; clicking them must choose exactly like the button.
            self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
            if not self.radio.isChecked():
                self.radio.click()
            return True
        return super().eventFilter(watched, event)

    def refresh_look(self) -> None:
        """Restyles only on a change: re-polishing every option on every click made clicks slow."""
        checked = self.radio.isChecked()
        look = "focused" if self.radio.hasFocus() else ("chosen" if checked else "")
        if (look, checked) == self._look:
            return
        self._look = (look, checked)
        self.setProperty("look", look)
        repolish(self)
        # A read-only sheet must stay legible: the chosen answer is bold, never only a greyed-out dot.
        for label in (self.label, self.points_label):
            font = label.font()
            font.setBold(checked)
            label.setFont(font)


def repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class CriterionRow(QFrame):
    chosen = Signal(str, object, str)  # criterion, sub-item (str or None), option
    commented = Signal(str, object, str)  # criterion, sub-item the comment is kept on, text

    def __init__(self, criterion: Criterion, parent: QWidget | None = None):
        super().__init__(parent)
        self.criterion = criterion
        self.setObjectName("criterion")
        self._groups: dict[str | None, QButtonGroup] = {}
        self._choices: dict[str | None, dict[str, OptionChoice]] = {}
        self._saved_comment = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(self._header())
        if criterion.guidance:
            guidance = QLabel(criterion.guidance, self)
            guidance.setObjectName("guidance")
            guidance.setWordWrap(True)
            layout.addWidget(guidance)
        for sub in criterion.subitems or (None,):
            if sub is not None:
                # "Tiểu mục a", not "a)": the options under it are lettered a), b) ... too.
                title = QLabel(self.tr("Tiểu mục {code}: {name} — tối đa {points} điểm").format(
                    code=sub.code, name=sub.name, points=decimal(sub.max_points)), self)
                title.setObjectName("subitem")
                title.setWordWrap(True)
                layout.addWidget(title)
            self._add_options(layout, sub.code if sub else None, sub.options if sub else criterion.options)
        self.comment = QLineEdit(self)
        self.comment.setAccessibleName(self.tr("Nhận xét tiêu chí {code}").format(code=criterion.code))
        self.comment.editingFinished.connect(self._comment_done)
        layout.addWidget(self.comment)
        self._editable = True
        self._state = ""
        self.set_state(answered=False, failed=False)

    def _header(self) -> QHBoxLayout:
        """Title (and the mandatory badge under it) on the left, maximum and state on the right: kept in
        two narrow columns so the sheet still fits beside the list on a 1280-pixel screen."""
        c = self.criterion
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(2)
        right.setSpacing(2)
        title = QLabel(f"<b>{html.escape(c.code)}</b>&nbsp;&nbsp;{html.escape(c.name)}", self)
        title.setObjectName("criterionTitle")
        title.setWordWrap(True)
        left.addWidget(title)
        if c.mandatory is not None:
            badge = QLabel(self.tr("Bắt buộc từ {n}★").format(n=c.mandatory.from_stars), self)
            badge.setToolTip(self.tr("Điều kiện bắt buộc: chưa đạt thì sản phẩm không được xếp từ {n} sao trở lên.")
                             .format(n=c.mandatory.from_stars))
            badge.setObjectName("badge")
            left.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        most = QLabel(self.tr("tối đa {points} điểm").format(points=decimal(c.max_points)), self)
        most.setObjectName("muted")
        right.addWidget(most, 0, Qt.AlignmentFlag.AlignRight)
        self.tag = QLabel(self)
        self.tag.setObjectName("tag")
        # Wrapped: on one line "Chưa đạt điều kiện bắt buộc" made the sheet too wide for a 1024-pixel screen.
        self.tag.setWordWrap(True)
        self.tag.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.tag, 0, Qt.AlignmentFlag.AlignRight)
        right.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 0)
        return row

    def _add_options(self, layout: QVBoxLayout, slot: str | None, options: tuple[Option, ...]) -> None:
        group = QButtonGroup(self)
        group.setExclusive(True)
        self._groups[slot] = group
        self._choices[slot] = {}
        for option in options:
            choice = OptionChoice(option, self)
            if slot is not None:
                choice.layout().setContentsMargins(22, 2, 6, 2)  # under their sub-item's heading
            group.addButton(choice.radio)
            choice.radio.installEventFilter(self)
            self._choices[slot][option.code] = choice
            layout.addWidget(choice)
        group.buttonClicked.connect(lambda button, s=slot: self._clicked(s, button))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            slot = next((s for s, choices in self._choices.items()
                         if any(c.radio is watched for c in choices.values())), None)
            picked = self._option_for_key(slot, event)
            if picked is not None and picked.isEnabled():
                picked.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if not picked.isChecked():
                    picked.click()
                return True
        return super().eventFilter(watched, event)

    def _option_for_key(self, slot: str | None, event: QKeyEvent) -> QRadioButton | None:
        """The option a key names, as the printed sheet letters them: "b" is option b), "2" the second one.
        Keys with Ctrl or Alt are left alone, so shortcuts still reach the window."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return None
        key = event.text().strip().lower()
        choices = list(self._choices.get(slot, {}).values())
        if len(key) != 1 or not choices:
            return None
        if key.isdigit():
            return choices[int(key) - 1].radio if 0 < int(key) <= len(choices) else None
        return next((c.radio for c in choices if c.option.code.lower() == key), None)

    def _clicked(self, slot: str | None, button: QAbstractButton) -> None:
        chosen = next((code for code, choice in self._choices[slot].items() if choice.radio is button), None)
        if chosen is not None:  # last: what it sets off may rebuild the sheet and drop this row
            self.chosen.emit(self.criterion.code, slot, chosen)

    def _comment_done(self) -> None:
        text = self.comment.text().strip()
        if self._editable and self.comment.isEnabled() and text != self._saved_comment:
            self._saved_comment = text
            self.commented.emit(self.criterion.code, comment_slot(self.criterion), text)

    # -- what the sheet asks of a row --

    def option_button(self, slot: str | None, option: str) -> QRadioButton:
        return self._choices[slot][option].radio

    def set_choice(self, slot: str | None, option: str | None) -> None:
        """Shows a saved answer (or none) without announcing it as a new choice."""
        choices = self._choices.get(slot, {})
        if option in choices:
            choices[option].radio.setChecked(True)
            return
        group = self._groups.get(slot)
        checked = group.checkedButton() if group else None
        if checked is not None:
            # An exclusive group never lets its last button go: lift that rule for the moment.
            group.setExclusive(False)
            checked.setChecked(False)
            group.setExclusive(True)

    def set_comment(self, text: str) -> None:
        self._saved_comment = text
        self.comment.setText(text)

    def unsaved_comment(self) -> str | None:
        """The comment typed and not saved yet (it is saved when the box is left), None when there is none."""
        text = self.comment.text().strip()
        return text if self._editable and self.comment.isEnabled() and text != self._saved_comment else None

    def save_comment(self) -> None:
        self._comment_done()

    def revert_comment(self) -> None:
        self.comment.setText(self._saved_comment)

    def unanswered_slots(self, answered: set[tuple[str, str | None]]) -> list[str | None]:
        return [s for s in self.criterion.slots if (self.criterion.code, s) not in answered]

    def focus_slot(self, slot: str | None) -> None:
        buttons = list(self._choices[slot].values())
        target = next((c.radio for c in buttons if c.radio.isChecked()), buttons[0].radio)
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_editable(self, editable: bool, comment_open: bool) -> None:
        self._editable = editable
        for choices in self._choices.values():
            for choice in choices.values():
                choice.radio.setEnabled(editable)
        # Read-only comments stay selectable text rather than a greyed-out box.
        self.comment.setReadOnly(not editable)
        self.comment.setEnabled(comment_open or not editable)
        self.comment.setPlaceholderText(
            self.tr("Nhận xét (không bắt buộc)") if comment_open or not editable
            else self.tr("Chọn phương án trước khi ghi nhận xét"))
        self.comment.setVisible(editable or bool(self.comment.text()))

    def set_state(self, answered: bool, failed: bool) -> None:
        state = "failed" if failed else ("answered" if answered else "unanswered")
        if state == self._state:
            return
        self._state = state
        self.setProperty("state", state)
        self.tag.setProperty("state", state)
        self.tag.setText(self.tr("Chưa đạt điều kiện bắt buộc") if failed else self.tr("Chưa chấm"))
        self.tag.setVisible(state != "answered")
        repolish(self)
        repolish(self.tag)
