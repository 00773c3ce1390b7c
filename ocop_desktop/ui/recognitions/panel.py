"""Hồ sơ's "Công nhận" tab: the product's decisions with their validity today, and the admin's record, renew, revoke."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_core.domain.dates import vietnam_today
from ocop_desktop import formats, words
from ocop_desktop.i18n import _t
from ocop_desktop.services import recognitions
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.recognitions import DEFAULT_ISSUING_BODY, RecognitionInfo, RecognitionsView
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers import dialogs
from ocop_desktop.ui.dossiers.forms import ERROR_STYLE
from ocop_desktop.ui.recognitions import decision_dialog
from ocop_desktop.words import lots as lot_words

COL_NUMBER, COL_DATE, COL_BODY, COL_STARS, COL_LAST_DAY, COL_STATUS = range(6)
# Green while it holds, amber in the notice window, red once it no longer does.
STATUS_STYLE = {"valid": "color: #1b5e20;", "expiring": "color: #8a5a00;", "expired": "color: #b00020;",
                "revoked": "color: #b00020;"}


def summary(info: RecognitionInfo) -> str:
    """One sentence a person reads first: stars, decision, and whether it holds today."""
    status = words.word(lot_words.recognition_statuses(), info.status)
    text = _t("{stars} · Quyết định {number} ngày {day} của {body}").format(
        stars=formats.stars(info.stars), number=info.decision_no, day=formats.day(info.decision_date),
        body=info.issuing_body)
    if info.status == "revoked":
        return _t("{text}\n{status} từ ngày {day}. Lý do: {reason}").format(
            text=text, status=status, day=formats.day(info.revoked_on), reason=info.revocation_reason)
    return _t("{text}\n{status} · hiệu lực đến hết ngày {last_day} · thông báo gia hạn từ {notice}").format(
        text=text, status=status, last_day=formats.day(info.last_day), notice=formats.day(info.notice_date))


class RecognitionPanel(QWidget):
    changed = Signal(object)  # Changes, after a decision was recorded or revoked

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        # Replaceable in tests: a modal dialog would block an offscreen run.
        self.ask_decision: Callable[..., decision_dialog.Decision | None] = (
            lambda **kw: decision_dialog.ask_decision(self, **kw))
        self.ask_revocation: Callable[..., tuple[date, str] | None] = (
            lambda **kw: decision_dialog.ask_withdrawal(self, **kw))
        self.confirm: Callable[[str], bool] = lambda question: dialogs.ask_confirm(self, question)
        self.today: Callable[[], date] = vietnam_today
        self.view: RecognitionsView | None = None
        self._dossier_id: str | None = None
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Số quyết định"), self.tr("Ngày"), self.tr("Cơ quan ban hành"),
                                              self.tr("Sao"), self.tr("Hiệu lực đến hết"), self.tr("Tình trạng")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(COL_BODY, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        bar = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Ghi quyết định công nhận…"), self)
        self.record_button.clicked.connect(self.record)
        self.revoke_button = QPushButton(self.tr("Thu hồi quyết định…"), self)
        self.revoke_button.clicked.connect(self.revoke)
        bar.addWidget(self.record_button)
        bar.addWidget(self.revoke_button)
        bar.addStretch(1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        for widget in (self.status, self.hint, self.table):
            layout.addWidget(widget)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        self._update_buttons()

    def show_dossier(self, dossier_id: str) -> None:
        self._dossier_id = dossier_id
        self.reload()

    def reload(self) -> None:
        if self._dossier_id is None:
            return
        dossier_id, user, today = self._dossier_id, self.context.user, self.today()
        self.context.runner.read(lambda s: recognitions.load_recognitions(s, dossier_id, today=today,
                                                                          user_id=user.user_id, role=user.role),
                                 done=self._show, failed=self._failed)

    def _show(self, view: RecognitionsView) -> None:
        if view.dossier_id != self._dossier_id:
            return
        self.view = view
        current = view.current
        self.status.setText(summary(current) if current else self.tr("Sản phẩm chưa có quyết định công nhận OCOP."))
        self.status.setStyleSheet("font-size: 14px; font-weight: 600;" + (STATUS_STYLE[current.status] if current
                                                                          else ""))
        self.table.setRowCount(len(view.recognitions))
        statuses = lot_words.recognition_statuses()
        for row, r in enumerate(view.recognitions):
            cells = (r.decision_no, formats.day(r.decision_date), r.issuing_body, formats.stars(r.stars),
                     formats.day(r.last_day), words.word(statuses, r.status))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.hint.setText(self._hint(view))
        self._update_buttons()

    def _hint(self, view: RecognitionsView) -> str:
        if view.recognised_here:
            return self.tr("Kết quả của hồ sơ này đã có quyết định công nhận.")
        if view.approved_stars is None:
            return self.tr("Quyết định công nhận được ghi khi kết quả hội đồng của hồ sơ này đã được phê duyệt.")
        if view.approved_stars < 3:
            return self.tr("Kết quả đã phê duyệt dưới 3 sao: không được công nhận.")
        if not view.may_record:
            return self.tr("Chỉ quản trị tỉnh ghi quyết định công nhận.")
        return self.tr("Kết quả hội đồng đã phê duyệt {stars}: có thể ghi quyết định của UBND tỉnh.").format(
            stars=formats.stars(view.approved_stars))

    def _selected(self) -> RecognitionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if self.view is None or not rows:
            return None
        return self.view.recognitions[rows[0].row()]

    def _update_buttons(self) -> None:
        view = self.view
        renewal = view is not None and bool(view.recognitions)
        self.record_button.setText(self.tr("Gia hạn công nhận…") if renewal else self.tr("Ghi quyết định công nhận…"))
        self.record_button.setEnabled(view is not None and view.can_record)
        chosen = self._selected()
        self.revoke_button.setEnabled(view is not None and view.may_record and chosen is not None
                                      and chosen.revoked_on is None)

    def record(self) -> None:
        view = self.view
        if view is None or not view.can_record or view.approved_stars is None:
            return
        previous = next((r for r in view.recognitions if r.revoked_on is None), None)
        decision = self.ask_decision(stars=view.approved_stars, today=self.today(), renewal=previous is not None,
                                     issuing_body=previous.issuing_body if previous else DEFAULT_ISSUING_BODY)
        if decision is None:
            return
        user, dossier_id = self.context.user, view.dossier_id
        values: dict[str, Any] = {
            "dossier_id": dossier_id, "decision_no": decision.decision_no, "decision_date": decision.decision_date,
            "issuing_body": decision.issuing_body, "user_id": user.user_id, "role": user.role}
        if previous is not None:
            self._write(lambda s: recognitions.renew_recognition(s, recognition_id=previous.id, **values))
        else:
            self._write(lambda s: recognitions.record_recognition(s, **values))

    def revoke(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen.revoked_on is not None:
            return
        answer = self.ask_revocation(title=self.tr("Thu hồi quyết định công nhận"), today=self.today(),
                                     question=self.tr("Thu hồi quyết định {number}? Sản phẩm sẽ không còn được công "
                                                      "nhận từ ngày chọn.").format(number=chosen.decision_no))
        if answer is None:
            return
        on, reason = answer
        if not self.confirm(self.tr("Xác nhận thu hồi quyết định {number} từ ngày {day}?\nViệc thu hồi không huỷ "
                                    "được.").format(number=chosen.decision_no, day=formats.day(on))):
            return
        user = self.context.user
        self._write(lambda s: recognitions.revoke_recognition(s, recognition_id=chosen.id, on=on, reason=reason,
                                                              user_id=user.user_id, role=user.role))

    def _write(self, action: Callable[..., Changes]) -> None:
        self.message.setText("")
        self.context.runner.write(action, done=self._written, failed=self._failed)

    def _written(self, changes: Changes) -> None:
        self.reload()
        self.changed.emit(changes)

    def _failed(self, exc: Exception) -> None:
        self.message.setText(self.tr("Chưa lưu: {reason}").format(reason=words.error_text(exc)))
