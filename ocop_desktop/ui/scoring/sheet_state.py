"""What a sheet says about its state (saved as clicked, locked, replaced); how it reads by keyboard and on a small
screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

from ocop_desktop.i18n import _t
from ocop_desktop.services.sheet_view import SheetView


def note(view: SheetView) -> str:
    """Under the totals: how the sheet is saved, or why it cannot be changed and what to do instead."""
    if view.editable:
        return _t("Mỗi lựa chọn được lưu ngay khi bấm.")
    if view.status == "submitted":
        return _t("Phiếu đã nộp nên không sửa được. Muốn thay đổi, bấm «Chấm lại»: phiếu mới bắt đầu từ các lựa "
                  "chọn này và thay phiếu này khi được nộp.")
    if view.status == "superseded":
        return _t("Phiếu này đã được thay bằng một phiếu chấm lại; chỉ còn để xem.")
    return ""


def rescore_question(view: SheetView) -> str:
    return _t("Chấm lại sản phẩm «{product}»?\n\nMột phiếu nháp mới được tạo từ các lựa chọn của phiếu đã nộp; "
              "phiếu đã nộp được giữ lại và được thay bằng phiếu mới khi phiếu mới được nộp.").format(
        product=view.product_name)


def read_in_order(before: QWidget, body: QWidget, after: Sequence[QWidget]) -> None:
    """Tab goes from ``before`` through the body's controls, in the order they were made (the order they are
    read in), then on to ``after``. A body made for a new sheet would otherwise join the focus chain at its
    end, after the buttons it comes before."""
    previous = before
    inside = [w for w in body.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for widget in [*inside, *after]:
        QWidget.setTabOrder(previous, widget)
        previous = widget


def side_column(parent: QWidget, content: QLayout, width: int) -> QScrollArea:
    """The totals and the buttons under them, scrolled on a screen too short for them (1024×600) where they
    were squeezed until their lines overlapped."""
    panel = QWidget(parent)
    content.setContentsMargins(0, 0, 0, 0)
    panel.setLayout(content)
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(panel)
    area.setFixedWidth(width + area.verticalScrollBar().sizeHint().width())
    return area
