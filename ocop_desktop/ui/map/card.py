"""The card a click on a producer opens beside the map: who, where, what it makes, its dossiers and stars."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ocop_core.domain.dates import vietnam_today
from ocop_desktop import formats, words
from ocop_desktop.services.dossier_rows import DossierRow
from ocop_desktop.ui.dossiers.list_model import EXPIRY_WARNING_DAYS

if TYPE_CHECKING:  # the service (SQLAlchemy) loads on the database thread, not with this screen
    from ocop_desktop.services.producer_map import MapProducer

_EXPIRED, _EXPIRING = QColor("#b3261e"), QColor("#9a5b00")


class ProducerCard(QFrame):
    open_dossier = Signal(str)  # a dossier id: "Mở hồ sơ"
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.producer: MapProducer | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(280)
        self.setMaximumWidth(380)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Đóng thẻ"))
        close.clicked.connect(self._close)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.products = QLabel(self)
        self.products.setWordWrap(True)
        self.dossiers = QListWidget(self)
        self.dossiers.setWordWrap(True)
        self.dossiers.itemDoubleClicked.connect(lambda _item: self._open())
        self.dossiers.currentItemChanged.connect(lambda *_: self._enable())
        self.open_button = QPushButton(self.tr("Mở hồ sơ"), self)
        self.open_button.setToolTip(self.tr("Mở hồ sơ đang chọn trong phần Hồ sơ"))
        self.open_button.clicked.connect(self._open)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.details)
        layout.addWidget(self._caption(self.tr("Sản phẩm")))
        layout.addWidget(self.products)
        layout.addWidget(self._caption(self.tr("Hồ sơ")))
        layout.addWidget(self.dossiers, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet("font-weight: 600; margin-top: 6px;")
        return label

    def show_producer(self, producer: MapProducer, dossiers: list[DossierRow], today: date | None = None) -> None:
        """Fills the card; the dossier shown first is the one furthest along, then by code."""
        today = today or vietnam_today()
        self.producer = producer
        self.title.setText(producer.name)
        lines = [words.word(words.producer_kinds(), producer.kind), producer.commune_name]
        if producer.address:
            lines.append(producer.address)
        if producer.lat is not None and producer.lon is not None:
            lines.append(self.tr("Vĩ độ {lat}, kinh độ {lon}").format(
                lat=formats.decimal(round(producer.lat, 5)), lon=formats.decimal(round(producer.lon, 5))))
        self.details.setText("\n".join(lines))
        self.products.setText("\n".join(f"• {name}" for name in producer.products) or self.tr("Chưa có sản phẩm"))
        self.dossiers.clear()
        for row in sorted(dossiers, key=lambda r: r.code, reverse=True):
            item = QListWidgetItem(self._dossier_text(row, today), self.dossiers)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            colour = self._expiry_colour(row, today)
            if colour:
                item.setForeground(colour)
        if not dossiers:
            QListWidgetItem(self.tr("Chưa có hồ sơ"), self.dossiers).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.dossiers.setCurrentRow(0)
        self._enable()
        self.show()

    def _dossier_text(self, row: DossierRow, today: date) -> str:
        status = words.word(words.dossier_statuses(), row.status)
        parts = [f"{row.code} · {row.product_name}", f"{status} · {formats.stars(row.stars)}"]
        if row.expires_on is not None:
            if row.expires_on <= today:
                parts.append(self.tr("Công nhận đã hết hạn ngày {day}").format(day=formats.day(row.expires_on)))
            else:
                parts.append(self.tr("Hết hạn công nhận ngày {day}").format(day=formats.day(row.expires_on)))
        return "\n".join(parts)

    @staticmethod
    def _expiry_colour(row: DossierRow, today: date) -> QColor | None:
        """The dossier list's colours: red once expired, amber within the renewal window."""
        if row.expires_on is None:
            return None
        days = (row.expires_on - today).days
        if days <= 0:
            return _EXPIRED
        return _EXPIRING if days <= EXPIRY_WARNING_DAYS else None

    def current_dossier(self) -> str | None:
        item = self.dossiers.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else None

    def _enable(self) -> None:
        self.open_button.setEnabled(self.current_dossier() is not None)

    def _open(self) -> None:
        dossier_id = self.current_dossier()
        if dossier_id is not None:
            self.open_dossier.emit(dossier_id)

    def _close(self) -> None:
        self.producer = None
        self.hide()
        self.closed.emit()
