"""The "Bộ tiêu chí" tab: check a criteria file, preview it, keep it on this laptop or publish it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ocop_core.protocol import Row
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.criteria import import_criteria_set
from ocop_desktop.ui.admin.confirm import ask
from ocop_desktop.ui.admin.criteria_file import LoadedCriteria, read_criteria_file
from ocop_desktop.ui.admin.criteria_preview import CriteriaPreviewDialog
from ocop_desktop.ui.admin.criteria_report import (
    COL_DETAIL,
    COL_NUMBER,
    COL_PATH,
    COL_PROBLEM,
    COL_WHERE,
    ProblemTableModel,
)
from ocop_desktop.ui.admin.criteria_summary import summary_html
from ocop_desktop.ui.context import AppContext
from ocop_desktop.words import error_text

OK_STYLE, BAD_STYLE, NOTE_STYLE = "color:#1b7f3b;", "color:#b42318;", "color:#9a6700;"


class CriteriaTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.loaded: LoadedCriteria | None = None
        # Replaceable, so tests and scripted demos run without a modal dialog.
        self.choose_path: Callable[[], str] = self._ask_path
        self.confirm: Callable[[str, str], bool] = self._ask_confirm
        self.open_preview: Callable[[LoadedCriteria], None] = self._open_preview

        self.open_button = QPushButton(self.tr("Nhập tệp bộ tiêu chí…"), self)
        self.preview_button = QPushButton(self.tr("Xem trước"), self)
        self.save_button = QPushButton(self.tr("Lưu vào máy"), self)
        self.publish_button = QPushButton(self.tr("Ban hành lên máy chủ"), self)
        self.open_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.preview_button, self.save_button, self.publish_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.publish_note = self._label(NOTE_STYLE)
        self.headline = self._label("font-weight:600;")
        self.result = self._label("")

        self.problems = ProblemTableModel(self)
        self.table = self._make_table()
        self.summary = QTextBrowser(self)
        self.summary.setOpenLinks(False)
        intro = self._label("color:#555;")
        intro.setText(self.tr(
            "Chọn tệp JSON của bộ tiêu chí (định dạng phiên bản 1). Ứng dụng kiểm tra toàn bộ tệp và liệt kê mọi "
            "lỗi kèm vị trí; chỉ tệp không có lỗi mới được xem trước, lưu vào máy hoặc ban hành lên máy chủ tỉnh."))
        intro.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(self)
        for page in (intro, self.table, self.summary):
            self.stack.addWidget(page)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.publish_note)
        layout.addWidget(self.headline)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.result)

        self.open_button.clicked.connect(self.open_file)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.publish_button.clicked.connect(self.publish)
        self._publishing = False
        self._loading = 0
        self._update_buttons()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.problems)
        table.setWordWrap(True)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the next control; arrows move in it
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setStyleSheet("QTableView::item { padding: 3px 4px; }")
        header = table.horizontalHeader()
        for column, mode in ((COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents),
                             (COL_PATH, QHeaderView.ResizeMode.Interactive),
                             (COL_WHERE, QHeaderView.ResizeMode.Interactive),
                             (COL_PROBLEM, QHeaderView.ResizeMode.Interactive),
                             (COL_DETAIL, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        for column, width in ((COL_PATH, 330), (COL_WHERE, 250), (COL_PROBLEM, 300)):
            table.setColumnWidth(column, width)
        return table

    def _label(self, style: str) -> QLabel:
        label = QLabel(self)
        # Plain text: a file name or a server message must never be read as HTML.
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def can_publish(self) -> bool:
        return bool(self.context.server_url) and self.context.make_client is not None

    def _update_buttons(self) -> None:
        valid = self.loaded is not None and self.loaded.valid
        self.preview_button.setEnabled(valid)
        self.save_button.setEnabled(valid)
        self.publish_button.setEnabled(valid and self.can_publish and not self._publishing)
        if not self.can_publish:
            why = self.tr("Chưa cấu hình máy chủ tỉnh: máy này đang làm việc ngoại tuyến nên chưa thể ban hành. "
                          "Vẫn có thể kiểm tra, xem trước và lưu bộ tiêu chí vào máy.")
            self.publish_note.setText(why)
            self.publish_button.setToolTip(why)
        self.publish_note.setVisible(not self.can_publish)

    def _say(self, text: str, style: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(style)

    def on_changes(self, changes: Changes) -> None:
        """Nothing here shows stored rows: the report is about the file, not the database."""

    def open_file(self) -> None:
        path = self.choose_path()
        if path:
            self.load_path(path)

    def load_path(self, path: str) -> None:
        self.headline.setText(self.tr("Đang kiểm tra tệp…"))
        self._say("", "")
        self._loading += 1
        ticket = self._loading
        # Off the UI thread: a large file takes a moment to validate, and it needs no database.
        self.context.runner.network(lambda: read_criteria_file(path),
                                    done=lambda loaded: self.show_loaded(loaded, ticket),
                                    failed=lambda error: self._say(error_text(error), BAD_STYLE))

    def show_loaded(self, loaded: LoadedCriteria, ticket: int | None = None) -> None:
        if ticket is not None and ticket != self._loading:
            return  # an earlier file finished after a later one was chosen: the later one is what counts
        self.loaded = loaded
        if loaded.valid:
            self.problems.set_problems(())
            self.headline.setText(self.tr("Tệp “{name}”: không có lỗi.").format(name=loaded.name))
            self.headline.setStyleSheet("font-weight:600;" + OK_STYLE)
            self.summary.setHtml(summary_html(loaded.criteria_set, loaded.digest, loaded.name))
            self.stack.setCurrentWidget(self.summary)
        else:
            self.problems.set_problems(loaded.problems, loaded.document)
            self.table.resizeRowsToContents()
            self.headline.setText(self.tr(
                "Tệp “{name}” có {n} lỗi, chưa thể lưu hay ban hành. Hãy sửa tệp theo danh sách dưới đây rồi nhập "
                "lại; không có gì bị thay đổi.").format(name=loaded.name, n=len(loaded.problems)))
            self.headline.setStyleSheet("font-weight:600;" + BAD_STYLE)
            self.stack.setCurrentWidget(self.table)
        self._update_buttons()

    def preview(self) -> None:
        if self.loaded is not None and self.loaded.valid:
            self.open_preview(self.loaded)

    def save(self) -> None:
        loaded = self.loaded
        if loaded is None or not loaded.valid:
            return
        self.context.runner.write(lambda session: import_criteria_set(session, loaded.raw),
                                  done=lambda changes: self._saved(loaded, changes),
                                  failed=lambda error: self._say(error_text(error), BAD_STYLE))

    def _saved(self, loaded: LoadedCriteria, changes: Changes) -> None:
        code = loaded.criteria_set.code
        if changes.entities:
            self._say(self.tr("Đã lưu phiên bản “{code}” vào máy này; có thể chọn phiên bản này khi lập hội đồng.")
                      .format(code=code), OK_STYLE)
        else:
            self._say(self.tr("Máy này đã có phiên bản “{code}” với đúng nội dung này; không có gì thay đổi.")
                      .format(code=code), OK_STYLE)

    def publish(self) -> None:
        loaded, make = self.loaded, self.context.make_client
        if loaded is None or not loaded.valid or not self.can_publish or make is None:
            return
        cs = loaded.criteria_set
        question = self.tr(
            "Ban hành phiên bản “{code}” ({title}) lên máy chủ tỉnh?\n\nSau khi ban hành, phiên bản này không thể "
            "sửa hay thu hồi: mọi thay đổi sau này phải là một phiên bản mới. Các máy sẽ nhận phiên bản này ở lần "
            "đồng bộ tới.").format(code=cs.code, title=cs.title)
        if not self.confirm(self.tr("Ban hành bộ tiêu chí"), question):
            return
        self._publishing = True
        self._update_buttons()
        self._say(self.tr("Đang gửi lên máy chủ tỉnh…"), "")
        canonical = loaded.canonical
        def send():
            client = make()
            try:
                return client.publish(canonical)
            finally:
                client.close()

        self.context.runner.network(send, done=lambda row: self._published(loaded, row), failed=self._publish_failed)

    def _published(self, loaded: LoadedCriteria, row: Row) -> None:
        self._publishing = False
        self._update_buttons()
        self._say(self.tr("Đã ban hành “{code}” lên máy chủ tỉnh. Các máy sẽ nhận phiên bản này ở lần đồng bộ tới.")
                  .format(code=loaded.criteria_set.code), OK_STYLE)

    def _publish_failed(self, error: Exception) -> None:
        self._publishing = False
        self._update_buttons()
        self._say(self.tr("Chưa ban hành: {reason}").format(reason=error_text(error)), BAD_STYLE)

    def _ask_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp bộ tiêu chí"), "",
                                              self.tr("Bộ tiêu chí (*.json);;Mọi tệp (*)"))
        return path

    def _ask_confirm(self, title: str, text: str) -> bool:
        return ask(self, title, text, self.tr("Ban hành"))

    def _open_preview(self, loaded: LoadedCriteria) -> None:
        CriteriaPreviewDialog(loaded.criteria_set, self).exec()
