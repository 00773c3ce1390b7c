"""The map's row of dossier filters: the same five the dossier list offers, bound to the one shared filter."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QPushButton, QWidget

from ocop_desktop import formats, words
from ocop_desktop.services.dossier_rows import choices
from ocop_desktop.ui.dossier_filter import SharedDossierFilter
from ocop_desktop.ui.dossiers.list_model import EXPIRY_WARNING_DAYS, DossierFilter

if TYPE_CHECKING:  # the service (SQLAlchemy) loads on the database thread, not with this screen
    from ocop_desktop.services.producer_map import ProducerMap


class MapFilterBar(QWidget):
    def __init__(self, shared: SharedDossierFilter, parent: QWidget | None = None):
        super().__init__(parent)
        self.shared = shared
        self.commune_box, self.group_box, self.status_box, self.stars_box = (self._combo() for _ in range(4))
        self._fill(self.status_box, list(words.dossier_statuses().items()))
        self._fill(self.stars_box, [(n, formats.stars(n or None)) for n in (5, 4, 3, 0)])
        self.expiring_box = QCheckBox(self.tr("Sắp hết hạn công nhận"), self)
        self.expiring_box.setToolTip(self.tr("Công nhận OCOP hết hạn trong 6 tháng tới"))
        self.clear_button = QPushButton(self.tr("Bỏ lọc"), self)
        self.clear_button.setToolTip(self.tr("Bỏ mọi bộ lọc (cả trong danh sách Hồ sơ)"))
        # Two rows, as in the dossier list: in one, the map section could not be narrower than 1,000 px.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for n, (label, box) in enumerate(((self.tr("Xã/phường:"), self.commune_box), (self.tr("Nhóm:"), self.group_box),
                                          (self.tr("Trạng thái:"), self.status_box),
                                          (self.tr("Hạng sao:"), self.stars_box))):
            caption = QLabel(label, self)
            caption.setBuddy(box)
            layout.addWidget(caption, n // 2, (n % 2) * 2)
            layout.addWidget(box, n // 2, (n % 2) * 2 + 1)
        layout.addWidget(self.expiring_box, 0, 4)
        layout.addWidget(self.clear_button, 1, 4)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        for box in (self.commune_box, self.group_box, self.status_box, self.stars_box):
            box.currentIndexChanged.connect(self._choose)
        self.expiring_box.toggled.connect(self._choose)
        self.clear_button.clicked.connect(shared.clear)
        shared.changed.connect(self.show_filter)
        self.show_filter(shared.value)

    def _combo(self) -> QComboBox:
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        box.setMaxVisibleItems(20)
        return box

    def set_choices(self, data: ProducerMap) -> None:
        """The communes and product groups that dossiers have, as the list offers them."""
        rows = data.dossiers
        self._fill(self.commune_box, choices((r.commune_code, r.commune_name) for r in rows))
        self._fill(self.group_box, choices((g, data.group_names.get(g, g)) for g in {r.subgroup_code for r in rows}))
        self.show_filter(self.shared.value)

    def _fill(self, box: QComboBox, items: list[tuple[Hashable, str]]) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("Tất cả"), None)
        for value, label in items:
            box.addItem(label, value)
        box.blockSignals(False)

    def _choose(self) -> None:
        self.shared.set(DossierFilter(
            commune=self.commune_box.currentData(), group=self.group_box.currentData(),
            status=self.status_box.currentData(), stars=self.stars_box.currentData(),
            expiring_days=EXPIRY_WARNING_DAYS if self.expiring_box.isChecked() else None))

    def show_filter(self, value: DossierFilter) -> None:
        for box, wanted in ((self.commune_box, value.commune), (self.group_box, value.group),
                            (self.status_box, value.status), (self.stars_box, value.stars)):
            position = box.findData(wanted) if wanted is not None else 0
            box.blockSignals(True)
            if position < 0:  # chosen in the list before the map had its choices: shown, not dropped
                box.addItem(str(wanted), wanted)
                position = box.count() - 1
            box.setCurrentIndex(position)
            box.blockSignals(False)
        self.expiring_box.blockSignals(True)
        self.expiring_box.setChecked(value.expiring_days is not None)
        self.expiring_box.blockSignals(False)
        self.clear_button.setEnabled(value != DossierFilter())
