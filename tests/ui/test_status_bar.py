"""The status bar: a fresh demo laptop is not greeted with thousands of unsent changes; sync times read locally."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ocop_desktop.app import database_opener
from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.paths import AppPaths
from ocop_desktop.services import registry
from ocop_desktop.services.sync_status import SyncStatus
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.runner import Runner
from ocop_desktop.ui.start.demo_progress import build_demo_data
from ocop_desktop.ui.status_bar import SyncStatusBar


def _bar(context: AppContext, qtbot) -> SyncStatusBar:
    bar = SyncStatusBar(context)
    qtbot.addWidget(bar)
    bar.refresh()
    return bar


def test_demo_data_is_not_unsent_until_a_server_is_set(tmp_path, admin_user, qtbot):
    """A demo built at the first start counts nothing as unsent on a laptop with no server (the tooltip says
    why); what the person then does counts one by one; once a server is set, the demo rows count too, since the
    first sync will send them."""
    paths = AppPaths(tmp_path / "data").ensure()
    runner = Runner(open_database=database_opener(paths), synchronous=True)
    try:
        runner.start()
        assert build_demo_data(runner, 12)
        offline = AppContext(runner=runner, paths=paths, blobs=BlobStore(paths.blobs), user=admin_user)
        bar = _bar(offline, qtbot)
        assert bar.status.unsent == 0 and bar.unsent.text() == "0 thay đổi chưa gửi"
        assert "Dữ liệu mẫu" in bar.unsent.toolTip()
        runner.write(lambda s: registry.create_producer(s, name="HTX Chè Hương Sơn", kind="cooperative",
                                                        commune_code="18073"))
        assert bar.unsent.text() == "1 thay đổi chưa gửi"
        connected = AppContext(runner=runner, paths=paths, blobs=BlobStore(paths.blobs), user=admin_user,
                               server_url="http://127.0.0.1:9")
        counted = _bar(connected, qtbot)
        assert counted.status.unsent == bar.status.demo_kept + 1 > 100 and counted.unsent.toolTip() == ""
    finally:
        runner.close()


def test_the_last_sync_reads_as_a_time_today_and_a_date_before(context, qtbot):
    """Today's sync shows its local time only; an older one its day first, as the formats module writes it."""
    bar = _bar(context, qtbot)
    now = datetime.now(UTC)
    bar.show_status(SyncStatus(unsent=0, last_sync=now, open_conflicts=0))
    assert bar.last_sync.text() == "Đồng bộ lần cuối: " + now.astimezone().strftime("%H:%M")
    earlier = now - timedelta(days=40)
    bar.show_status(SyncStatus(unsent=0, last_sync=earlier.replace(tzinfo=None), open_conflicts=0))  # as stored
    assert bar.last_sync.text() == "Đồng bộ lần cuối: " + earlier.astimezone().strftime("%d/%m/%Y %H:%M")


def test_a_demo_built_by_the_command_line_is_not_unsent_either(tmp_path, admin_user, qtbot, capsys):
    """`ocop demo-data` then the app with no server: the status bar says 0 unsent, as after a demo built by the
    first start; the sync status service agrees, and with a server set the demo rows count."""
    from ocop_desktop.cli import main
    from ocop_desktop.services.sync_status import sync_status

    paths = AppPaths(tmp_path / "data").ensure()
    assert main(["--data-dir", str(paths.data_dir), "demo-data", "--scale", "12"]) == 0
    capsys.readouterr()
    runner = Runner(open_database=database_opener(paths), synchronous=True)
    try:
        runner.start()
        bar = _bar(AppContext(runner=runner, paths=paths, blobs=BlobStore(paths.blobs), user=admin_user), qtbot)
        assert bar.status.unsent == 0 and bar.unsent.text() == "0 thay đổi chưa gửi"
        assert bar.status.demo_kept > 100
        with runner.db.session() as session:
            assert sync_status(session, connected=False).unsent == 0
            assert sync_status(session, connected=True).unsent == bar.status.demo_kept
    finally:
        runner.close()
