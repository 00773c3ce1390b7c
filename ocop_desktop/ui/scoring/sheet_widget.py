"""The scoring sheet (phiếu chấm): every click saved at once, the result recomputed locally on each one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ocop_core.domain.scoring import Answer, SheetScore, score_sheet
from ocop_desktop.formats import clock, decimal, stars
from ocop_desktop.services import sheet_view, sheets
from ocop_desktop.services.sheet_view import PREVIEW, SheetView, comment_slot
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.documents_window import SheetDocuments
from ocop_desktop.ui.scoring import colours, sheet_drafts, sheet_state
from ocop_desktop.ui.scoring.criterion_row import CriterionRow
from ocop_desktop.ui.scoring.sheet_body import SheetBody
from ocop_desktop.ui.scoring.totals_panel import TotalsPanel
from ocop_desktop.words import error_text, sheet_statuses, word

Confirm = Callable[[QWidget, str, str, str], bool]
SIDE_WIDTH = 270
STATUS_COLOURS = {"draft": "#b45309", "submitted": "#15803d", "superseded": colours.MUTED, PREVIEW: "#1d4ed8"}


def ask_confirmation(parent: QWidget, title: str, text: str, accept: str) -> bool:
    """A question with Vietnamese buttons; "Quay lại" is the default so Enter never submits by accident."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QApplication.translate("scoring", "Quay lại"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class SheetWidget(QWidget):
    opened = Signal(str)  # a sheet is shown (after a rescore: the new draft)
    submitted = Signal(str)

    def __init__(self, context: AppContext | None, parent: QWidget | None = None, *, confirm: Confirm | None = None):
        super().__init__(parent)
        self.context = context
        self.confirm = confirm  # None: ask with a real dialog (looked up when needed, so tests may patch it)
        self._view: SheetView | None = None
        self._answers: dict[tuple[str, str | None], str] = {}
        self._score: SheetScore | None = None
        # The sheet's dossier's documents, in a window opened on request; a preview (no context) has none.
        self._documents = SheetDocuments(context, self, self._show_error) if context is not None else None
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: white; background: {colours.FAILED}; padding: 6px; border-radius: 4px;")
        self.message.hide()
        layout.addWidget(self.message)
        middle = QHBoxLayout()
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = SheetBody()
        self.scroll.setWidget(self.body)
        middle.addWidget(self.scroll, 1)
        middle.addWidget(sheet_state.side_column(self, self._side(), SIDE_WIDTH))
        layout.addLayout(middle, 1)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, self.next_unanswered,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_nothing()
        # A comment being typed survives a crash; a preview (no context) has nothing to keep.
        self.drafts = sheet_drafts.watch(self, context) if context is not None else None
        if self.drafts is not None:
            self.drafts.reopen()

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {colours.MUTED};")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        row.addLayout(titles, 1)
        self.status = QLabel(self)
        row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.documents_button = QPushButton(self.tr("Tài liệu hồ sơ…"), self)
        self.documents_button.setToolTip(self.tr("Xem các tài liệu của hồ sơ đang chấm (chỉ xem, mở cửa sổ riêng)"))
        self.documents_button.clicked.connect(self.show_documents)
        row.addWidget(self.documents_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        self.totals = TotalsPanel(self)
        self.totals.setFixedWidth(SIDE_WIDTH)
        self.totals.next_requested.connect(self.next_unanswered)
        side.addWidget(self.totals)
        side.addStretch(1)
        self.saved = QLabel(self)
        self.saved.setWordWrap(True)
        self.saved.setStyleSheet(f"color: {colours.MUTED};")
        self.saved.setFixedWidth(SIDE_WIDTH)
        side.addWidget(self.saved)
        self.submit_button = QPushButton(self.tr("Nộp phiếu"), self)
        self.submit_button.setStyleSheet("QPushButton { padding: 8px; font-weight: 600; }")
        self.submit_button.clicked.connect(self.submit)
        side.addWidget(self.submit_button)
        self.rescore_button = QPushButton(self.tr("Chấm lại"), self)
        self.rescore_button.setToolTip(self.tr("Tạo phiếu mới thay thế phiếu đã nộp, bắt đầu từ các lựa chọn cũ"))
        self.rescore_button.clicked.connect(self.rescore)
        side.addWidget(self.rescore_button)
        return side

    # -- what is shown --

    @property
    def view(self) -> SheetView | None:
        return self._view

    @property
    def score(self) -> SheetScore | None:
        return self._score

    def row(self, criterion: str) -> CriterionRow:
        return self.body.rows[criterion]

    def load(self, sheet_id: str) -> None:
        self.context.runner.read(lambda s: sheet_view.sheet_view(s, sheet_id), done=self.show_view,
                                 failed=self._show_error)

    def show_view(self, view: SheetView) -> None:
        same = self._view is not None and self._view.sheet_id == view.sheet_id and view.sheet_id is not None
        position = self.scroll.verticalScrollBar().value() if same else 0
        if not same:
            self.message.hide()  # an error belongs to the sheet it happened on
        self._view = view
        self._answers = {(a.criterion, a.subitem): a.option for a in view.answers}
        if self.body.layout_key == SheetBody.key_of(view):
            self.body.fill(view, self._answers)
        else:
            old = self.scroll.takeWidget()
            # Later, not now: this may run inside a click on one of the old body's own buttons.
            old.hide()
            old.deleteLater()
            self.body = SheetBody(view, self._answers)
            self.scroll.setWidget(self.body)
            sheet_state.read_in_order(self.scroll, self.body,
                                      (self.totals.next_button, self.submit_button, self.rescore_button))
            for row in self.body.rows.values():
                row.chosen.connect(self._choose)
                row.commented.connect(self._comment)
                row.comment.textEdited.connect(lambda _text: sheet_drafts.keep(self))
        self.totals.set_parts(view.parts, view.total_points)
        self.title.setText(view.product_name or view.product_set.name)
        details = [self.tr("Hồ sơ {code}").format(code=view.dossier_code) if view.dossier_code else "",
                   self.tr("Thành viên: {name}").format(name=view.member_name) if view.member_name else "",
                   view.criteria_set.title, view.product_set.name if view.product_name else ""]
        if view.supersedes_id:
            details.append(self.tr("Phiếu chấm lại"))
        self.subtitle.setText(" · ".join(d for d in details if d))
        colour = STATUS_COLOURS.get(view.status, colours.MUTED)
        self.status.setText(word(sheet_statuses(), view.status))
        self.status.setStyleSheet(f"color: white; background: {colour}; padding: 3px 10px; border-radius: 10px;"
                                  " font-weight: 600;")
        self.status.show()
        self.documents_button.setVisible(bool(view.sheet_id) and self.context is not None)
        self.submit_button.setVisible(view.editable)
        self.rescore_button.setVisible(view.status == "submitted")
        self.saved.setText(sheet_state.note(view))
        self._recompute()
        self.body.layout().activate()
        self.scroll.verticalScrollBar().setValue(position)
        if not same and view.sheet_id:
            sheet_drafts.put_back(self, view)
        if view.sheet_id:
            self.opened.emit(view.sheet_id)

    def _show_nothing(self) -> None:
        self.title.setText(self.tr("Chưa mở phiếu chấm nào"))
        self.subtitle.setText(self.tr("Chọn một hồ sơ trong danh sách để bắt đầu chấm."))
        self.status.hide()
        self.totals.hide()
        self.submit_button.hide()
        self.rescore_button.hide()
        self.documents_button.hide()

    def _recompute(self) -> None:
        """Recomputes the result with the domain function itself, so the screen cannot disagree with it."""
        view = self._view
        answers = [Answer(c, o, s) for (c, s), o in self._answers.items()]
        self._score = score_sheet(view.criteria_set, view.product_set, answers)
        failed = set(self._score.failed_criteria)
        preview = view.status == PREVIEW
        for code, row in self.body.rows.items():
            # A preview marks nothing as missing: there is nothing to answer in it.
            answered = preview or not row.unanswered_slots(set(self._answers))
            row.set_state(answered=answered, failed=code in failed)
            row.set_editable(view.editable, (code, comment_slot(row.criterion)) in self._answers)
        if preview:
            self.totals.show_preview(view.criteria_set.star_bands, len(view.criteria))
        else:
            self.totals.show_score(self._score, {c.code: c.name for c in view.criteria}, started=bool(self._answers))
        self.totals.show()
        # At once: left to posted events, wrapped lines settle over several passes, clipped meanwhile.
        self.totals.layout().activate()
        self.totals.updateGeometry()
        self.layout().activate()
        self.submit_button.setEnabled(view.editable and not self._score.unanswered)
        self.submit_button.setToolTip("" if self._score.complete else self.tr("Chấm đủ các tiêu chí rồi mới nộp được"))

    def show_documents(self) -> None:
        """The dossier's documents, read-only, in a window beside the sheet."""
        if self._view is not None and self._view.sheet_id and self._documents is not None:
            self._documents.open(self._view.sheet_id)

    def unanswered_count(self) -> int:
        return len(self._score.unanswered) if self._score else 0

    # -- user actions --

    def _choose(self, criterion: str, subitem: str | None, option: str) -> None:
        sheet_id = self._view.sheet_id
        self._answers[(criterion, subitem)] = option
        self._recompute()
        self.context.runner.write(
            lambda s: sheets.record_answer(s, sheet_id=sheet_id, criterion=criterion, option=option, subitem=subitem),
            done=self._saved, failed=self._save_failed)

    def _comment(self, criterion: str, subitem: str | None, text: str) -> None:
        sheet_id = self._view.sheet_id
        self.context.runner.write(
            lambda s: sheets.comment_criterion(s, sheet_id=sheet_id, criterion=criterion, comment=text,
                                               subitem=subitem),
            done=self._saved, failed=self._save_failed)

    def _saved(self, _changes) -> None:
        self.message.hide()
        sheet_drafts.keep(self)
        self.saved.setText(self.tr("Đã lưu lúc {time}").format(time=clock(datetime.now(), seconds=True)))

    def _save_failed(self, error: Exception) -> None:
        if self.drafts is not None:
            self.drafts.answered(False)
        self._show_error(error)
        if self._view and self._view.sheet_id:
            self.load(self._view.sheet_id)  # the screen goes back to what the database holds

    def _show_error(self, error: Exception) -> None:
        self.message.setText(error_text(error))
        self.message.show()

    def next_unanswered(self) -> None:
        """Moves to the first unanswered criterion after the one being worked on, wrapping round; on a
        complete sheet, to "Nộp phiếu", the one thing left to do."""
        if not self._view or not self._score:
            return
        if not self._score.unanswered:
            if self.submit_button.isVisible() and self.submit_button.isEnabled():
                self.submit_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        rows = list(self.body.rows.values())
        focus = self.window().focusWidget()  # the window's own, so it also works while another window is active
        current = next((i for i, r in enumerate(rows) if focus is not None and r.isAncestorOf(focus)), -1)
        for row in rows[current + 1:] + rows[:current + 1]:
            slots = row.unanswered_slots(set(self._answers))
            if slots:
                self.scroll.ensureWidgetVisible(row, 0, 24)
                if self._view.editable:
                    row.focus_slot(slots[0])
                return

    def submit(self) -> None:
        view, score = self._view, self._score
        if not view or not view.editable:
            return
        text = self.tr("Nộp phiếu chấm sản phẩm «{product}» với tổng điểm {total}/{max} ({stars})?\n\n"
                       "Phiếu đã nộp không sửa được nữa; muốn thay đổi phải chấm lại.").format(
            product=view.product_name, total=decimal(score.total), max=decimal(view.total_points),
            stars=stars(score.provisional_stars))
        if score.mandatory_failures:
            text += "\n\n" + self.tr("Lưu ý: chưa đạt điều kiện bắt buộc ở {codes}.").format(
                codes=", ".join(score.failed_criteria))
        if not (self.confirm or ask_confirmation)(self, self.tr("Nộp phiếu chấm"), text, self.tr("Nộp phiếu")):
            return
        sheet_id = view.sheet_id
        self.context.runner.write(lambda s: sheets.submit_sheet(s, sheet_id=sheet_id),
                                  done=lambda _c: self._after_submit(sheet_id), failed=self._show_error)

    def _after_submit(self, sheet_id: str) -> None:
        self.message.hide()
        self.load(sheet_id)
        self.submitted.emit(sheet_id)

    def rescore(self) -> None:
        view = self._view
        if not view or view.status != "submitted":
            return
        question = sheet_state.rescore_question(view)
        if not (self.confirm or ask_confirmation)(self, self.tr("Chấm lại"), question, self.tr("Chấm lại")):
            return
        sheet_id = view.sheet_id
        self.context.runner.write(lambda s: sheets.rescore_sheet(s, sheet_id=sheet_id),
                                  done=lambda changes: self.load(changes.id), failed=self._show_error)
