"""The council form, new or edited: the council's decision, its criteria version, members chosen from accounts,
and (for a new council) its first evaluation session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.assignments import VersionRow
from ocop_desktop.services.council_setup import Account, CouncilDetail, CouncilDraft, Seat, Sitting
from ocop_desktop.ui import window_geometry
from ocop_desktop.ui.admin.account_picker import AccountPicker
from ocop_desktop.ui.admin.confirm import ask
from ocop_desktop.ui.admin.council_models import member_model
from ocop_desktop.words import criteria_set_statuses, member_roles, word

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class FormChoices:
    """What the form offers: the provinces, the criteria versions and the accounts on this laptop."""

    units: list[tuple[str, str]]
    versions: list[VersionRow]
    accounts: list[Account]


Submit = Callable[["CouncilDialog", CouncilDraft, "Sitting | None"], None]


class CouncilDialog(QDialog):
    """Stays open while the council is written, so a refusal is shown beside what the admin typed. Enter never
    writes the council: in a member's fields it adds the member, elsewhere it does nothing."""

    def __init__(self, choices: FormChoices, submit: Submit, detail: CouncilDetail | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.submit = submit
        self.detail = detail
        self._saving = False
        # Replaceable in tests: (title, question) -> yes.
        self.confirm: Callable[[str, str], bool] = lambda title, text: ask(self, title, text, self.tr("Đồng ý"))
        self.accounts = {a.id: a for a in choices.accounts}
        editing = detail is not None
        self.setWindowTitle(self.tr("Sửa hội đồng") if editing else
                            self.tr("Lập hội đồng đánh giá, phân hạng sản phẩm OCOP"))
        form = self._council_fields(choices.units, choices.versions)
        group = self._member_group(choices.accounts)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b42318;")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Lưu thay đổi") if editing else self.tr("Lập hội đồng"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(group, 1)
        if not editing:
            column.addWidget(self._session_group())
        layout = QVBoxLayout(self)
        layout.addWidget(window_geometry.scrolled(body), 1)  # on a 600-px screen the fields scroll, not the buttons
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        window_geometry.fit_dialog(self, QSize(900, 660), parent)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        if detail is not None:
            self._fill(detail.draft)
        self._initial = self.values()
        # The scroll area takes the fields after the buttons in the focus chain, so Qt would start on "Lập hội
        # đồng", where a stray space submits an empty form; and with no name there is nothing to submit yet.
        self.name.textChanged.connect(self._update_ok)
        self._update_ok()
        self.name.setFocus()

    def _council_fields(self, units: list[tuple[str, str]], versions: list[VersionRow]) -> QFormLayout:
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("VD: Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh năm 2026"))
        self.name.setMaxLength(300)
        self.unit = QComboBox(self)
        for code, name in units:
            self.unit.addItem(self.tr("Cấp tỉnh — {name}").format(name=name), code)
        self.version = QComboBox(self)
        statuses = criteria_set_statuses()
        for v in versions:
            self.version.addItem(f"{v.code} — {v.title} ({word(statuses, v.status)})", v.id)
        self.version.addItem(self.tr("Chưa chọn (chọn sau)"), None)
        self.decision_no = QLineEdit(self)
        self.decision_no.setPlaceholderText(self.tr("VD: 1234/QĐ-UBND; để trống nếu chưa có quyết định"))
        self.decision_no.setMaxLength(64)
        self.decision_date = self._date_edit()
        form = QFormLayout()
        form.addRow(self.tr("Tên hội đồng:"), self.name)
        form.addRow(self.tr("Cấp, địa bàn:"), self.unit)
        form.addRow(self.tr("Bộ tiêu chí áp dụng:"), self.version)
        form.addRow(self.tr("Số quyết định thành lập:"), self.decision_no)
        form.addRow(self.tr("Ngày quyết định:"), self.decision_date)
        return form

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def _member_group(self, accounts: list[Account]) -> QGroupBox:
        self.members = member_model({a.id: a.username for a in accounts}, self)
        self.member_table = QTableView(self)
        self.member_table.setModel(self.members)
        self.member_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.member_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.member_table.verticalHeader().hide()
        self.member_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        header = self.member_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.member_account = AccountPicker(accounts, self)
        self.member_role = QComboBox(self)
        for code, words in member_roles().items():
            self.member_role.addItem(words, code)
        self.member_role.setCurrentIndex(self.member_role.findData("member"))
        self.member_org = QLineEdit(self)
        self.member_org.setPlaceholderText(self.tr("Đơn vị công tác"))
        self.member_scores = QCheckBox(self.tr("Chấm điểm"), self)
        self.member_scores.setChecked(True)
        self.add_button = QPushButton(self.tr("Thêm thành viên"), self)
        self.remove_button = QPushButton(self.tr("Bỏ thành viên đã chọn"), self)
        entry = QHBoxLayout()
        entry.addWidget(self.member_account, 3)
        entry.addWidget(self.member_role, 1)
        entry.addWidget(self.member_org, 2)
        entry.addWidget(self.member_scores)
        entry.addWidget(self.add_button)
        group = QGroupBox(self.tr("Thành viên hội đồng (chọn từ tài khoản người dùng)"), self)
        group_layout = QVBoxLayout(group)
        group_layout.addLayout(entry)
        group_layout.addWidget(self.member_table, 1)
        group_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_selected)
        # A secretary keeps the minutes and usually does not score; the admin can still tick the box.
        self.member_role.currentIndexChanged.connect(
            lambda _: self.member_scores.setChecked(self.member_role.currentData() != "secretary"))
        return group

    def _session_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Phiên đánh giá"), self)
        self.open_session = QCheckBox(self.tr("Mở phiên đánh giá cùng hội đồng, ngày họp:"), group)
        self.held_on = self._date_edit()
        hint = QLabel(self.tr("Thành viên chỉ thấy các hồ sơ được giao trong “Chấm điểm” khi hội đồng có phiên "
                              "đánh giá đang mở. Có thể mở phiên sau, ở nút “Mở phiên đánh giá…”."), group)
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555;")
        row = QHBoxLayout()
        row.addWidget(self.open_session)
        row.addWidget(self.held_on)
        row.addStretch(1)
        layout = QVBoxLayout(group)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.version.currentIndexChanged.connect(lambda _: self._session_possible())
        self._session_possible()
        return group

    def _session_possible(self) -> None:
        """A session scores against a criteria version: without one chosen it cannot be opened yet."""
        possible = self.version.currentData() is not None
        self.open_session.setEnabled(possible)
        self.open_session.setChecked(possible)
        self.held_on.setEnabled(possible)
        self.open_session.setToolTip("" if possible else self.tr("Hãy chọn bộ tiêu chí để mở phiên đánh giá."))

    def _fill(self, draft: CouncilDraft) -> None:
        self.name.setText(draft.name)
        self.unit.setCurrentIndex(max(0, self.unit.findData(draft.admin_unit_code)))
        self.version.setCurrentIndex(self.version.findData(draft.criteria_set_id))
        self.decision_no.setText(draft.decision_no)
        if draft.decision_date is not None:
            self.decision_date.setDate(draft.decision_date)
        self.members.set_rows(list(draft.seats))

    # ---- members -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER_KEYS:
            if self.focusWidget() in (self.member_account, self.member_account.lineEdit(), self.member_org,
                                      self.member_role, self.member_scores, self.add_button):
                self.add_member()
            event.accept()
            return
        super().keyPressEvent(event)

    def add_member(self) -> None:
        if not self.member_account.typed():
            self.error.setText(self.tr("Hãy gõ tên hoặc tên đăng nhập rồi chọn tài khoản của thành viên."))
            return
        account = self.accounts.get(self.member_account.account_id() or "")
        if account is None:
            self.error.setText(self.tr("“{text}” không khớp đúng một tài khoản; hãy chọn trong danh sách.").format(
                text=self.member_account.typed()))
            return
        seated = self.members.rows()
        if any(s.user_id == account.id for s in seated):
            self.error.setText(self.tr("{name} đã có trong hội đồng.").format(name=account.full_name))
            return
        # Taking a stored member out and back in keeps their seat, and the sheets they have started.
        stored = next((s.member_id for s in self.detail.draft.seats if s.user_id == account.id), None) \
            if self.detail else None
        seat = Seat(self.member_role.currentData(), account.id, stored, self.member_org.text().strip(),
                    self.member_scores.isChecked(), account.full_name)
        self.members.set_rows([*seated, seat])
        self.member_account.clear_choice()
        self.member_org.clear()
        self.member_role.setCurrentIndex(self.member_role.findData("member"))
        self.member_scores.setChecked(True)
        self.error.clear()
        self.member_account.setFocus()

    def remove_selected(self) -> None:
        chosen = {i.row() for i in self.member_table.selectionModel().selectedRows()}
        self.members.set_rows([m for i, m in enumerate(self.members.rows()) if i not in chosen])

    # ---- the council -------------------------------------------------------------------------------
    def values(self) -> CouncilDraft:
        decision_no = self.decision_no.text().strip()
        # Without a decision number the date would describe nothing, so it is stored only with one.
        decision_date = self.decision_date.date().toPython() if decision_no else None
        return CouncilDraft(name=self.name.text().strip(), admin_unit_code=self.unit.currentData() or "",
                            criteria_set_id=self.version.currentData(), decision_no=decision_no,
                            decision_date=decision_date, seats=tuple(self.members.rows()))

    def sitting(self) -> Sitting | None:
        if self.detail is not None or not self.open_session.isChecked():
            return None
        return Sitting(self.held_on.date().toPython())

    def problem(self, values: CouncilDraft) -> str:
        if self.member_account.typed():
            return self.tr("“{text}” chưa được thêm vào hội đồng: bấm “Thêm thành viên” hoặc xoá ô tài khoản.").format(
                text=self.member_account.typed())
        if not values.name:
            return self.tr("Hãy nhập tên hội đồng.")
        if not values.admin_unit_code:
            return self.tr("Chưa có đơn vị hành chính cấp tỉnh trong dữ liệu của máy này.")
        if sum(1 for m in values.seats if m.role == "chair") != 1:
            # The quorum rule needs the chair present, so a council without one could never decide.
            return self.tr("Hội đồng cần đúng một thành viên với vai trò Chủ tịch.")
        return ""

    def _dropped_work(self, values: CouncilDraft) -> str:
        """Names of removed members who have sheets being scored, with how many."""
        if self.detail is None:
            return ""
        kept = {s.member_id for s in values.seats}
        dropped = [s for s in self.detail.draft.seats if s.member_id not in kept and self.detail.draft_sheets.get(
            s.member_id or "")]
        return ", ".join(self.tr("{name} (%n phiếu đang chấm)", "", self.detail.draft_sheets[s.member_id or ""])
                         .format(name=s.full_name) for s in dropped)

    def _update_ok(self) -> None:
        named = bool(self.name.text().strip())
        self.ok_button.setEnabled(named and not self._saving)
        self.ok_button.setToolTip("" if named else self.tr("Hãy nhập tên hội đồng."))

    def try_accept(self) -> None:
        values = self.values()
        problem = self.problem(values)
        if problem:
            self.error.setText(problem)
            return
        dropped = self._dropped_work(values)
        if dropped and not self.confirm(self.tr("Bỏ thành viên đang chấm"), self.tr(
                "Bỏ khỏi hội đồng: {names}.\n\nCác phiếu đang chấm dở của họ sẽ bị xoá. Tiếp tục?").format(
                names=dropped)):
            return
        self._saving = True
        self._update_ok()
        self.error.setText(self.tr("Đang lưu…"))
        self.submit(self, values, self.sitting())

    def failed(self, text: str) -> None:
        self._saving = False
        self._update_ok()
        self.error.setText(text)

    def reject(self) -> None:
        """Closing with Escape or "Huỷ" asks first when something was typed: a council's members take a while
        to enter, and one key would lose them."""
        changed = self.values() != self._initial or bool(self.member_account.typed())
        if changed and not self._saving and not self.confirm(
                self.tr("Đóng biểu mẫu"), self.tr("Đóng mà không lưu? Những gì đã nhập sẽ mất.")):
            return
        super().reject()
