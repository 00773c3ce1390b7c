"""The new-council form: the council's decision, its criteria version, and its members."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
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
from ocop_desktop.ui.admin.council_models import MemberDraft, member_model
from ocop_desktop.ui.admin.criteria_summary import set_statuses
from ocop_desktop.ui.texts import member_roles


@dataclass(frozen=True)
class NewCouncil:
    name: str
    admin_unit_code: str
    criteria_set_id: str | None
    decision_no: str
    decision_date: date | None
    members: tuple[MemberDraft, ...]


class NewCouncilDialog(QDialog):
    """Stays open while the council is written, so a refusal is shown beside what the admin typed."""

    def __init__(self, units: list[tuple[str, str]], versions: list[VersionRow],
                 submit: Callable[[NewCouncilDialog, NewCouncil], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle(self.tr("Lập hội đồng đánh giá, phân hạng sản phẩm OCOP"))
        self.resize(860, 640)
        form = self._council_fields(units, versions)
        group, add, remove = self._member_group()
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b42318;")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Lập hội đồng"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        add.clicked.connect(self.add_member)
        self.member_name.returnPressed.connect(self.add_member)
        remove.clicked.connect(self.remove_selected)
        # A secretary keeps the minutes and usually does not score; the admin can still tick the box.
        self.member_role.currentIndexChanged.connect(
            lambda _: self.member_scores.setChecked(self.member_role.currentData() != "secretary"))
        # Enter in the member's name adds the member; it must not also press "Lập hội đồng".
        for button in (add, remove, *buttons.buttons()):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)

    def _council_fields(self, units: list[tuple[str, str]], versions: list[VersionRow]) -> QFormLayout:
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("VD: Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh năm 2026"))
        self.name.setMaxLength(300)
        self.unit = QComboBox(self)
        for code, name in units:
            self.unit.addItem(self.tr("Cấp tỉnh — {name}").format(name=name), code)
        self.version = QComboBox(self)
        statuses = set_statuses()
        for v in versions:
            self.version.addItem(f"{v.code} — {v.title} ({statuses.get(v.status, v.status)})", v.id)
        self.version.addItem(self.tr("Chưa chọn (chọn sau)"), None)
        self.decision_no = QLineEdit(self)
        self.decision_no.setPlaceholderText(self.tr("VD: 1234/QĐ-UBND; để trống nếu chưa có quyết định"))
        self.decision_no.setMaxLength(64)
        self.decision_date = QDateEdit(QDate.currentDate(), self)
        self.decision_date.setDisplayFormat("dd/MM/yyyy")
        self.decision_date.setCalendarPopup(True)
        form = QFormLayout()
        form.addRow(self.tr("Tên hội đồng:"), self.name)
        form.addRow(self.tr("Cấp, địa bàn:"), self.unit)
        form.addRow(self.tr("Bộ tiêu chí áp dụng:"), self.version)
        form.addRow(self.tr("Số quyết định thành lập:"), self.decision_no)
        form.addRow(self.tr("Ngày quyết định:"), self.decision_date)
        return form

    def _member_group(self) -> tuple[QGroupBox, QPushButton, QPushButton]:
        """The member table and the row that adds one; returns the group and its add and remove buttons."""
        self.members = member_model(self)
        self.member_table = QTableView(self)
        self.member_table.setModel(self.members)
        self.member_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.member_table.verticalHeader().hide()
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents)):
            self.member_table.horizontalHeader().setSectionResizeMode(column, mode)
        self.member_name = QLineEdit(self)
        self.member_name.setPlaceholderText(self.tr("Họ và tên"))
        self.member_role = QComboBox(self)
        for code, words in member_roles().items():
            self.member_role.addItem(words, code)
        self.member_role.setCurrentIndex(self.member_role.findData("member"))
        self.member_org = QLineEdit(self)
        self.member_org.setPlaceholderText(self.tr("Đơn vị công tác"))
        self.member_scores = QCheckBox(self.tr("Chấm điểm"), self)
        self.member_scores.setChecked(True)
        add = QPushButton(self.tr("Thêm thành viên"), self)
        remove = QPushButton(self.tr("Xoá thành viên đã chọn"), self)
        entry = QHBoxLayout()
        entry.addWidget(self.member_name, 2)
        entry.addWidget(self.member_role, 1)
        entry.addWidget(self.member_org, 2)
        entry.addWidget(self.member_scores)
        entry.addWidget(add)
        group = QGroupBox(self.tr("Thành viên hội đồng"), self)
        group_layout = QVBoxLayout(group)
        group_layout.addLayout(entry)
        group_layout.addWidget(self.member_table, 1)
        group_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        return group, add, remove

    def add_member(self) -> None:
        name = self.member_name.text().strip()
        if not name:
            self.error.setText(self.tr("Hãy nhập họ và tên thành viên."))
            return
        member = MemberDraft(name, self.member_role.currentData(), self.member_org.text().strip(),
                             self.member_scores.isChecked())
        self.members.set_rows([*self.members.rows(), member])
        self.member_name.clear()
        self.member_org.clear()
        self.member_role.setCurrentIndex(self.member_role.findData("member"))
        self.member_scores.setChecked(True)
        self.error.clear()
        self.member_name.setFocus()

    def remove_selected(self) -> None:
        chosen = {i.row() for i in self.member_table.selectionModel().selectedRows()}
        self.members.set_rows([m for i, m in enumerate(self.members.rows()) if i not in chosen])

    def values(self) -> NewCouncil:
        decision_no = self.decision_no.text().strip()
        # Without a decision number the date would describe nothing, so it is stored only with one.
        decision_date = self.decision_date.date().toPython() if decision_no else None
        return NewCouncil(name=self.name.text().strip(), admin_unit_code=self.unit.currentData() or "",
                          criteria_set_id=self.version.currentData(), decision_no=decision_no,
                          decision_date=decision_date, members=tuple(self.members.rows()))

    def problem(self, values: NewCouncil) -> str:
        if not values.name:
            return self.tr("Hãy nhập tên hội đồng.")
        if not values.admin_unit_code:
            return self.tr("Chưa có đơn vị hành chính cấp tỉnh trong dữ liệu của máy này.")
        if not any(m.role == "chair" for m in values.members):
            # The quorum rule needs the chair present, so a council without one could never decide.
            return self.tr("Hội đồng cần có Chủ tịch; hãy thêm thành viên với vai trò Chủ tịch.")
        return ""

    def try_accept(self) -> None:
        values = self.values()
        problem = self.problem(values)
        if problem:
            self.error.setText(problem)
            return
        self.ok_button.setEnabled(False)
        self.error.setText(self.tr("Đang lưu…"))
        self.submit(self, values)

    def failed(self, text: str) -> None:
        self.ok_button.setEnabled(True)
        self.error.setText(text)
