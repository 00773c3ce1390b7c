"""The "Ứng dụng" menu's map entries: import a province-supplied MBTiles basemap, and (admins) the online source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)

from ocop_desktop import words
from ocop_desktop.i18n import _t
from ocop_desktop.maps.basemaps import import_basemap
from ocop_desktop.maps.errors import MapError
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.map.sources import OnlineSettings, imported_dir, load_online, save_online


def add_map_actions(menu: QMenu, window: Any) -> None:
    """Adds the entries to ``menu``; ``window`` is the main window (its context, and its map page if built)."""
    action = menu.addAction(_t("Nhập bản đồ nền (MBTiles)…"))
    action.triggered.connect(lambda: choose_basemap(window, window.context, lambda: _refresh(window)))
    if window.context.user.is_admin:
        online = menu.addAction(_t("Nguồn bản đồ trực tuyến…"))
        online.triggered.connect(lambda: edit_online_source(window, window.context, lambda: _refresh(window)))


def _refresh(window: Any) -> None:
    page = window.pages.get("map")
    if page is not None:
        page.reload_sources()


def choose_basemap(parent: QWidget, context: AppContext, done: Callable[[], None],
                   choose: Callable[[], str] | None = None,
                   tell: Callable[[str, str, bool], None] | None = None) -> None:
    """Asks for a file, checks and copies it on a background thread, then says what happened. A file that
    is damaged, not MBTiles or not a raster basemap is refused with the reason; nothing is copied."""
    chosen = choose() if choose is not None else QFileDialog.getOpenFileName(
        parent, _t("Chọn tệp bản đồ nền"), str(Path.home()), _t("Bản đồ nền MBTiles (*.mbtiles);;Mọi tệp (*)"))[0]
    say = tell or (lambda title, text, ok: _message(parent, title, text, ok))
    if not chosen:
        return
    target = imported_dir(context.paths)

    def imported(path: Path) -> None:
        say(_t("Đã nhập bản đồ nền"),
            _t("Đã nhập {name}. Bản đồ dùng tệp này trước bản đồ nền có sẵn.").format(name=path.name), True)
        done()

    def refused(error: Exception) -> None:
        say(_t("Không nhập được bản đồ nền"), _why(error), False)

    context.runner.network(lambda: import_basemap(Path(chosen), target), done=imported, failed=refused)


def _message(parent: QWidget, title: str, text: str, ok: bool) -> None:
    (QMessageBox.information if ok else QMessageBox.warning)(parent, title, text)


def _why(error: Exception) -> str:
    if isinstance(error, OSError):
        return words.code_text("unwritable", path=getattr(error, "filename", "") or "", detail=error.strerror or "")
    return words.error_text(error)


class OnlineSourceDialog(QDialog):
    """An admin's optional online XYZ source: off by default; the address is checked before it is kept."""

    def __init__(self, settings: OnlineSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nguồn bản đồ trực tuyến"))
        self.result_settings: OnlineSettings | None = None
        self.enabled = QCheckBox(self.tr("Tải thêm bản đồ trực tuyến khi có mạng"), self)
        self.enabled.setChecked(settings.enabled)
        self.template = QLineEdit(settings.template, self)
        self.template.setPlaceholderText("https://tiles.example.vn/{z}/{x}/{y}.png")
        self.attribution = QLineEdit(settings.attribution, self)
        self.attribution.setPlaceholderText(self.tr("Ví dụ: © Sở Tài nguyên và Môi trường Hà Tĩnh"))
        self.contact = QLineEdit(settings.contact, self)
        self.contact.setPlaceholderText(self.tr("Thư điện tử hoặc trang web của đơn vị dùng bản đồ"))
        note = QLabel(self.tr("Chỉ tải những ô bản đồ đang xem, tối đa hai ô một lúc, và lưu lại để dùng khi mất "
                              "mạng. Chỉ dùng nguồn mà nhà cung cấp cho phép."), self)
        note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow(self.tr("Địa chỉ ô bản đồ"), self.template)
        form.addRow(self.tr("Ghi nguồn"), self.attribution)
        form.addRow(self.tr("Liên hệ"), self.contact)
        form.addRow(note)
        form.addRow(self.error)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        settings = OnlineSettings(self.template.text().strip(), self.attribution.text().strip(),
                                  self.contact.text().strip(), self.enabled.isChecked())
        if settings.template or settings.enabled:
            try:
                settings.config()
            except MapError as exc:
                self.error.setText(words.error_text(exc))
                self.error.show()
                return
        self.result_settings = settings
        super().accept()


def edit_online_source(parent: QWidget, context: AppContext, done: Callable[[], None]) -> None:
    dialog = OnlineSourceDialog(load_online(context.paths), parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_settings is not None:
        save_online(context.paths, dialog.result_settings)
        done()
