"""The product's fields (phân nhóm from the criteria set) and the dossier's own fields."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ocop_desktop import formats, words
from ocop_desktop.services.dossier_view import DossierView
from ocop_desktop.services.errors import ServiceError
from ocop_desktop.services.registry import check_gtin
from ocop_desktop.ui.dossiers.forms import FieldForm, fill_combo, text_check


class ProductForm(FieldForm):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # No maximum lengths: a paste cut to fit would lose its end unseen; a long one is said beside the box.
        self.add_field("name", self.tr("Tên sản phẩm *"), QLineEdit(self), check=text_check("products", "name"))
        self.subgroup = self.add_field("subgroup_code", self.tr("Phân nhóm *"), QComboBox(self))
        self.subgroup.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criteria_note = QLabel(self)
        self.criteria_note.setWordWrap(True)
        self.criteria_note.setEnabled(False)
        self.form.addRow("", self.criteria_note)
        self.add_field("external_code", self.tr("Mã sản phẩm (nếu có)"), QLineEdit(self),
                       check=text_check("products", "external_code"))
        gtin = self.add_field("gtin", self.tr("Mã GTIN (mã vạch, nếu có)"), QLineEdit(self), check=_gtin_check)
        gtin.setPlaceholderText(self.tr("8, 12, 13 hoặc 14 chữ số, ví dụ 893…"))
        description = self.add_field("description", self.tr("Mô tả sản phẩm"), QPlainTextEdit(self),
                                     check=text_check("products", "description"))
        description.setPlaceholderText(self.tr("Thành phần, quy cách đóng gói, đặc điểm nổi bật…"))

    def show_view(self, view: DossierView, keep_edits: bool = False) -> None:
        # The product group leads each entry, so two phân nhóm with similar names are not confused.
        choices = [(s.code, f"{s.code} · {s.name} ({s.group_name})") for s in view.subgroups]
        if [self.subgroup.itemData(i) for i in range(self.subgroup.count())] != [c for c, _ in choices]:
            fill_combo(self.subgroup, choices)
        if view.criteria_set_title:
            self.criteria_note.setText(self.tr("Theo bộ tiêu chí: {title}").format(title=view.criteria_set_title))
        else:
            self.criteria_note.setText(self.tr("Chưa có bộ tiêu chí nào có hiệu lực trên máy này; hãy đồng bộ."))
        p = view.product
        self.load({"name": p.name, "subgroup_code": p.subgroup_code, "external_code": p.external_code,
                   "gtin": p.gtin, "description": p.description}, keep_edits)


def _gtin_check(value: object) -> str:
    """The GS1 check digit is verified as the GTIN is typed, worded as the save would refuse it."""
    try:
        check_gtin(str(value or ""))
    except ServiceError as error:
        return words.error_text(error)
    return ""


class DossierForm(FieldForm):
    """What belongs to the dossier itself: its kind and the officer's notes; the rest is shown only."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.code = QLabel(self)
        self.form.addRow(self.tr("Mã hồ sơ"), self.code)
        self.kind = self.add_field("kind", self.tr("Loại hồ sơ"), QComboBox(self))
        fill_combo(self.kind, words.dossier_kinds().items())
        self.submitted = QLabel(self)
        self.form.addRow(self.tr("Ngày nộp"), self.submitted)
        self.result = QLabel(self)
        self.form.addRow(self.tr("Kết quả"), self.result)
        notes = self.add_field("notes", self.tr("Ghi chú"), QPlainTextEdit(self))
        notes.setPlaceholderText(self.tr("Ghi chú của cán bộ về hồ sơ (thiếu giấy tờ, hẹn bổ sung…)"))
        for label in (self.code, self.submitted, self.result):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_view(self, view: DossierView, keep_edits: bool = False) -> None:
        d = view.dossier
        self.code.setText(d.code)
        if d.submitted_at is None:
            self.submitted.setText(self.tr("Chưa nộp"))
        else:
            # Stored in UTC; the officer reads local time.
            moment = d.submitted_at if d.submitted_at.tzinfo else d.submitted_at.replace(tzinfo=UTC)
            self.submitted.setText(formats.moment(moment))
        self.result.setText(formats.stars(d.result_stars))
        self.load({"kind": d.kind, "notes": d.notes}, keep_edits)

