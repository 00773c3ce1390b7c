"""The main window. A plain frame for now: the working screens arrive with the desktop-app issue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Overview:
    producers: int
    products: int
    dossiers: int
    unsent_changes: int
    database: str


class MainWindow(QMainWindow):
    def __init__(self, overview: Overview):
        super().__init__()
        self.setWindowTitle(self.tr("OCOP Hà Tĩnh — Đánh giá sản phẩm"))
        self.resize(900, 600)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        title = QLabel(self.tr("Chương trình Mỗi xã một sản phẩm (OCOP)"), central)
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        layout.addWidget(title)
        self.summary = QLabel(
            self.tr("{producers} chủ thể · {products} sản phẩm · {dossiers} hồ sơ").format(
                producers=overview.producers, products=overview.products, dossiers=overview.dossiers),
            central)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            self.tr("Ngoại tuyến · {n} thay đổi chưa gửi · {db}").format(n=overview.unsent_changes,
                                                                       db=overview.database))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
