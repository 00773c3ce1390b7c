"""Building the demo province on the database thread while a progress dialog says how far it has got."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ocop_desktop.ui.runner import Runner


class _Relay(QObject):
    """Lives on the UI thread: a report emitted on the database thread reaches the dialog queued."""

    moved = Signal(int, int)  # done, total


def build_demo_data(runner: Runner, scale: int, parent: QWidget | None = None, *, at_once: bool = False) -> bool:
    """Builds the demo province unless the database holds one already; True when it was built now.

    Returns once the work is over; meanwhile the UI thread turns an event loop, so the dialog keeps
    painting and moving. Raises what the work raised (a database that could not be opened, say).
    ``at_once`` (a first start, when the data cannot be there yet): the dialog shows before the database
    has even opened, which takes seconds on a first start; otherwise it shows at the first report, so
    nothing flashes when the data is there.
    """
    relay = _Relay()
    shown: list[QProgressDialog] = [_dialog(0, parent)] if at_once else []

    def moved(done: int, total: int) -> None:
        if not shown:
            shown.append(_dialog(total, parent))
        if shown[0].maximum() != total:
            shown[0].setMaximum(total)  # from "busy" to how far it has got
            shown[0].setLabelText(QCoreApplication.translate("app", "Đang tạo dữ liệu mẫu…"))
        shown[0].setValue(min(done, total))

    relay.moved.connect(moved)
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def finish(key: str) -> Callable[[object], None]:
        def record(value: object) -> None:
            outcome[key] = value
            loop.quit()
        return record

    def work(new_session) -> bool:
        # Loaded here, off the UI thread: the services bring SQLAlchemy.
        from ocop_desktop.services.demo_data import ensure_built
        from ocop_desktop.services.sync_status import mark_demo_data

        built = ensure_built(new_session, scale, lambda phase, done, total: relay.moved.emit(done, total)) is not None
        if built:  # its rows stay off the unsent count until a server is set (services/sync_status.py)
            with new_session() as session:
                mark_demo_data(session)
                session.commit()
        return built

    runner.write_in_batches(work, done=finish("built"), failed=finish("error"))
    if not outcome:  # a synchronous runner (tests) has finished already
        loop.exec()
    for dialog in shown:
        dialog.close()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return bool(outcome.get("built"))


def _dialog(total: int, parent: QWidget | None) -> QProgressDialog:
    """``total`` 0: a busy bar, while the database is prepared and nothing can be counted yet."""
    label = (QCoreApplication.translate("app", "Đang tạo dữ liệu mẫu…") if total
             else QCoreApplication.translate("app", "Đang chuẩn bị cơ sở dữ liệu…"))
    dialog = QProgressDialog(label, "", 0, total, parent)
    dialog.setWindowTitle(QCoreApplication.translate("app", "OCOP Hà Tĩnh — Dữ liệu mẫu"))
    dialog.setMinimumWidth(420)
    dialog.setCancelButton(None)  # half a province is no use: the build runs to its end
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    return dialog
