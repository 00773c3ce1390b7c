"""The always-visible running result of a sheet: part totals, overall, stars, mandatory failures, gaps."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_core.domain.criteria import Part, StarBand
from ocop_core.domain.scoring import SheetScore
from ocop_desktop.formats import decimal, stars
from ocop_desktop.ui.scoring import colours


class TotalsPanel(QFrame):
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("totals")
        self.setStyleSheet("QFrame#totals { background: white; border: 1px solid #e2e8f0; border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        self.heading = QLabel(self.tr("Kết quả tạm tính"), self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        layout.addWidget(self.heading)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        self._grid.setVerticalSpacing(6)
        layout.addLayout(self._grid)
        self._part_labels: dict[str, QLabel] = {}
        self._part_max: dict[str, str] = {}
        layout.addSpacing(6)
        self.caption = QLabel(self)
        self.caption.setStyleSheet(f"color: {colours.MUTED};")
        layout.addWidget(self.caption)
        self.total = QLabel(self)
        self.total.setStyleSheet("font-size: 24px; font-weight: 700;")
        layout.addWidget(self.total)
        self.stars = QLabel(self)
        self.stars.setStyleSheet("font-size: 18px; color: #b45309;")
        layout.addWidget(self.stars)
        self.band_note = QLabel(self)
        self.band_note.setWordWrap(True)
        layout.addWidget(self.band_note)
        self.failures = QLabel(self)
        self.failures.setWordWrap(True)
        self.failures.setTextFormat(Qt.TextFormat.RichText)
        self.failures.setStyleSheet(f"color: {colours.FAILED};")
        layout.addWidget(self.failures)
        self.unanswered = QLabel(self)
        self.unanswered.setWordWrap(True)
        layout.addWidget(self.unanswered)
        self.next_button = QPushButton(self.tr("Đến tiêu chí chưa chấm (F8)"), self)
        self.next_button.setToolTip(self.tr("Chuyển đến tiêu chí chưa chấm tiếp theo"))
        self.next_button.clicked.connect(self.next_requested)
        layout.addWidget(self.next_button)

    def set_parts(self, parts: tuple[Part, ...], total_points: Decimal) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self._part_labels.clear()
        for row, part in enumerate(parts):
            name = QLabel(f"{html.escape(part.code)}. {html.escape(part.name)}", self)
            name.setWordWrap(True)
            value = QLabel(self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(value, row, 1)
            self._part_labels[part.code] = value
            self._part_max[part.code] = decimal(part.max_points)
        self._total_max = decimal(total_points)

    def show_score(self, score: SheetScore, titles: dict[str, str], started: bool = True) -> None:
        """``started``: at least one answer given; before that the sheet has no rank, not the lowest one."""
        for code, label in self._part_labels.items():
            label.setText(f"<b>{decimal(score.part_totals.get(code))}</b> / {self._part_max[code]}")
        self.caption.setText(self.tr("Tổng điểm"))
        self.total.setText(f"{decimal(score.total)} / {self._total_max}")
        done = not score.unanswered
        self.heading.setText(self.tr("Kết quả") if done else self.tr("Kết quả tạm tính"))
        if started:
            self.stars.setText(self.tr("Hạng: {stars} ({n} sao)").format(stars=stars(score.provisional_stars),
                                                                         n=score.provisional_stars))
            self.stars.setStyleSheet("font-size: 18px; color: #b45309;")
        else:
            self.stars.setText(self.tr("Hạng: chưa xếp hạng (chưa chấm tiêu chí nào)"))
            self.stars.setStyleSheet(f"font-size: 14px; color: {colours.MUTED};")
        self.stars.show()
        capped = started and score.provisional_stars < score.band_stars
        self.band_note.setVisible(capped)
        self.band_note.setStyleSheet(f"color: {colours.FAILED};")
        if capped:
            self.band_note.setText(self.tr("Theo điểm đạt {band} sao, nhưng chưa đạt điều kiện bắt buộc nên chỉ "
                                           "được {n} sao.").format(band=score.band_stars, n=score.provisional_stars))
        self.failures.setVisible(bool(score.mandatory_failures))
        items = "".join(
            "<li>" + self.tr("{code} {title} (bắt buộc từ {n}★)").format(
                code=html.escape(f.criterion), title=html.escape(titles.get(f.criterion, "")), n=f.from_stars)
            + "</li>" for f in score.mandatory_failures)
        heading = self.tr("Điều kiện bắt buộc chưa đạt:")  # outside the f-string, where lupdate finds it
        self.failures.setText(f"<b>{heading}</b>"
                              f"<ul style='margin-left: -20px'>{items}</ul>")
        count = len(score.unanswered)
        if count:
            self.unanswered.setText(self.tr("Còn %n tiêu chí chưa chấm", "", count))
            self.unanswered.setStyleSheet(f"color: {colours.UNANSWERED}; font-weight: 600;")
        else:
            self.unanswered.setText(self.tr("Đã chấm đủ tất cả tiêu chí"))
            self.unanswered.setStyleSheet("color: #15803d; font-weight: 600;")
        self.next_button.setVisible(bool(count))

    def show_preview(self, star_bands: tuple[StarBand, ...], n_criteria: int) -> None:
        """A preview has nothing scored: it shows the scale instead, maxima and star bands."""
        self.heading.setText(self.tr("Thang điểm"))
        for code, label in self._part_labels.items():
            label.setText(f"<b>{self._part_max[code]}</b>")
        self.caption.setText(self.tr("Tổng điểm tối đa"))
        self.total.setText(self._total_max)
        self.stars.hide()
        self.failures.hide()
        self.next_button.hide()
        self.band_note.setStyleSheet(f"color: {colours.MUTED};")
        self.band_note.setText("<br>".join(self._band(b) for b in star_bands))
        self.band_note.show()
        self.unanswered.setText(self.tr("Phiếu có %n tiêu chí.", "", n_criteria))
        self.unanswered.setStyleSheet(f"color: {colours.MUTED};")

    def _band(self, band: StarBand) -> str:
        low, high = decimal(band.lower), decimal(band.upper)
        if band.lower == 0:
            return self.tr("{n}★: dưới {high} điểm").format(n=band.stars, high=high)
        if band.upper_inclusive:
            return self.tr("{n}★: từ {low} đến {high} điểm").format(n=band.stars, low=low, high=high)
        return self.tr("{n}★: từ {low} đến dưới {high} điểm").format(n=band.stars, low=low, high=high)
