"""The line that says the dossier open in the editor is one the list's filters or search now hide."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.dossiers.forms import WARNING_STYLE
from ocop_desktop.ui.dossiers.list_page import DossierListPage


class HiddenByFilterNote(QWidget):
    """Said rather than acted on: closing the editor would throw away what is typed in it, and the person may
    well have filtered on purpose (a dossier just submitted leaves a list of drafts)."""

    def __init__(self, context: AppContext, list_page: DossierListPage, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.list_page = context, list_page
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        self.text = QLabel(self)
        self.text.setStyleSheet(WARNING_STYLE)
        self.text.setWordWrap(True)
        self.show_all = QPushButton(self.tr("Bỏ lọc"), self)
        self.show_all.setToolTip(self.tr("Bỏ mọi bộ lọc và ô tìm kiếm của danh sách hồ sơ"))
        self.show_all.clicked.connect(self.clear_filters)
        row.addWidget(self.text, 1)
        row.addWidget(self.show_all)
        # One line's height, never a share of the section's: the list and the editor keep the room.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()

    def update_for(self, dossier_id: str | None, code: str) -> None:
        """Shown while the editor's dossier (``dossier_id``, ``code``) is not among the rows the list shows."""
        hidden = dossier_id is not None and self.list_page.model.row_of(dossier_id) < 0 \
            and self.list_page.model.total_count() > 0
        self.text.setText(self.tr("Hồ sơ đang mở ({code}) không có trong danh sách vì bộ lọc hoặc ô tìm kiếm "
                                  "đang ẩn nó; bạn vẫn xem và sửa được ở bên cạnh.").format(code=code))
        self.setVisible(hidden)

    def clear_filters(self) -> None:
        self.list_page.search.clear()
        self.context.dossier_filter.clear()
