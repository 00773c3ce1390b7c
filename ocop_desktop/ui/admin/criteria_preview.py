"""A criteria set previewed on the evaluators' own scoring sheet, one product set at a time, read-only."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ocop_core.domain.criteria import CriteriaSet
from ocop_desktop.services.sheet_view import preview_view
from ocop_desktop.ui import window_geometry
from ocop_desktop.ui.scoring.sheet_widget import SheetWidget


class CriteriaPreviewDialog(QDialog):
    """The very widget a council member scores on, in its preview mode: what the admin checks is what
    evaluators will get, with no sheet written anywhere."""

    def __init__(self, criteria_set: CriteriaSet, parent: QWidget | None = None):
        super().__init__(parent)
        self.criteria_set = criteria_set
        self.setWindowTitle(self.tr("Xem trước bộ tiêu chí {code}").format(code=criteria_set.code))
        window_geometry.fit_dialog(self, QSize(1180, 760), parent)  # 760 px is more than a laptop's 768 leaves
        self.chooser = QComboBox(self)
        for ps in criteria_set.product_sets:
            self.chooser.addItem(f"{ps.code} — {ps.name}", ps.code)
        self.used_by = QLabel(self)
        self.used_by.setTextFormat(Qt.TextFormat.PlainText)
        self.used_by.setWordWrap(True)
        self.used_by.setStyleSheet("color:#555;")
        self.sheet = SheetWidget(None, self)  # no context: a preview never reads or writes the database
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Phiếu đánh giá:"), self))
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.used_by)
        layout.addWidget(self.sheet, 1)
        layout.addWidget(buttons)
        self.chooser.currentIndexChanged.connect(lambda _: self.show_product_set(self.chooser.currentData()))
        if criteria_set.product_sets:
            self.show_product_set(criteria_set.product_sets[0].code)

    def show_product_set(self, code: str) -> None:
        product_set = self.criteria_set.product_set(code)
        if product_set is None:
            return
        subgroups = [f"{s.code} {s.name}" for s in self.criteria_set.subgroups() if s.product_set == code]
        mode = self.tr("đánh giá tại chỗ") if product_set.evaluation_mode == "site_visit" else self.tr("chấm trên mẫu")
        self.used_by.setText(self.tr("Dùng cho phân nhóm: {subgroups} · Cách chấm: {mode}").format(
            subgroups="; ".join(subgroups) or "—", mode=mode))
        self.sheet.show_view(preview_view(self.criteria_set, product_set))
