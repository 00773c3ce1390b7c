"""Syncing by itself: a laptop that finds the server again sends its work without a click, and every
screen shows what a sync brought (a real server on 127.0.0.1, two laptops)."""

from __future__ import annotations

import sync_world
from sync_world import Laptop, server_row

from ocop_desktop.services import dossiers, registry
from ocop_desktop.sync.engine import SyncReport
from ocop_desktop.ui.dossiers.list_page import DossierListPage
from ocop_desktop.ui.status_bar import SyncStatusBar
from ocop_desktop.ui.sync_controller import AUTO_SYNC_EVERY, SyncController

live_server, make_laptop = sync_world.live_server, sync_world.make_laptop  # fixtures


def _dossier(laptop: Laptop) -> tuple[str, str]:
    """A producer, product and dossier made on ``laptop`` as its officer would; the dossier's id and code."""
    with laptop.session() as session:
        producer = registry.create_producer(session, name="HTX Cam Vũ Quang", kind="cooperative",
                                            commune_code="18073").id
        product = registry.create_product(session, producer_id=producer, name="Cam bù Hương Sơn",
                                          subgroup_code="I.1.a").id
        dossier = dossiers.create_dossier(session, product_id=product).id
        session.commit()
        from ocop_desktop.db.models import Dossier

        return dossier, session.get(Dossier, dossier).code


def _controller(laptop: Laptop) -> tuple[SyncController, list]:
    controller = SyncController(laptop.context)
    laptop.context.sync = controller
    ended: list = []
    controller.finished.connect(ended.append)
    return controller, ended


def test_the_server_answering_again_sends_the_work_by_itself(make_laptop, live_server, qtbot):
    """Offline, nothing happens; the first answer starts a sync; the next answers wait their turn
    (every AUTO_SYNC_EVERY answers); going offline and back starts one again."""
    laptop = make_laptop("xa-huong-son", synchronous=False)
    dossier, _code = _dossier(laptop)
    controller, ended = _controller(laptop)
    controller.server_answered(False)
    assert ended == [] and not controller.running
    controller.server_answered(True)
    assert controller.running and controller.automatic
    qtbot.waitUntil(lambda: len(ended) == 1, timeout=20_000)
    assert isinstance(ended[0], SyncReport) and ended[0].pushed == 3
    assert server_row(live_server, "dossiers", dossier)["status"] == "draft"
    # its own rows coming back change nothing here (its user's row is new to it, so that one counts)
    assert set(ended[0].pulled_ids) <= {"users"} and dossier not in ended[0].pulled_ids.get("dossiers", set())
    for _ in range(AUTO_SYNC_EVERY - 2):
        controller.server_answered(True)
    qtbot.wait(100)
    assert len(ended) == 1 and not controller.running
    controller.server_answered(False)
    controller.server_answered(True)
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=20_000)
    assert isinstance(ended[1], SyncReport) and ended[1].pushed == 0


def test_a_sync_shows_what_it_brought_on_every_screen(make_laptop, qtbot):
    """A dossier made on another laptop appears in this laptop's open list as soon as its sync ends,
    and the status bar says the sync happened; no restart, no click elsewhere."""
    here, there = make_laptop("tinh"), make_laptop("xa")
    page = DossierListPage(here.context)
    qtbot.addWidget(page)
    here.runner.changed.connect(page.on_changes)  # as the main window forwards changes to its pages
    before = page.model.total_count()
    dossier, code = _dossier(there)
    there_sync, _ = _controller(there)
    assert there_sync.start()
    controller, ended = _controller(here)
    bar = SyncStatusBar(here.context)
    qtbot.addWidget(bar)
    bar.refresh()  # as the main window does once it is built
    assert bar.last_sync.text() == "Chưa đồng bộ lần nào"
    broadcast = []
    here.runner.changed.connect(broadcast.append)
    assert controller.start()
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    assert ended[0].pulled >= 3
    # the rows it brought, by id: an editor open on another dossier is left alone
    assert dossier in broadcast[-1].ids and {"dossiers", "products", "producers"} <= broadcast[-1].entities
    assert page.model.total_count() == before + 1 and page.model.row_of(dossier) >= 0
    assert code in page.model.columns.codes
    assert bar.last_sync.text().startswith("Đồng bộ lần cuối:")


def test_the_status_bar_says_a_sync_is_running(make_laptop, qtbot):
    laptop = make_laptop("xa-ky-anh", synchronous=False)
    controller, ended = _controller(laptop)
    bar = SyncStatusBar(laptop.context)
    qtbot.addWidget(bar)
    bar.set_online(True)
    assert controller.start()
    assert bar.connection.text() == "● Đang đồng bộ…"
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    assert bar.connection.text() == "● Trực tuyến"


def test_the_status_bar_probe_starts_the_sync(make_laptop, live_server, qtbot):
    """The window's own probe is what notices the server: its answer starts the sync, no click."""
    laptop = make_laptop("xa-thach-ha", synchronous=False)
    dossier, _code = _dossier(laptop)
    _, ended = _controller(laptop)
    bar = SyncStatusBar(laptop.context)
    qtbot.addWidget(bar)
    bar.probe()
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    assert bar.online and isinstance(ended[0], SyncReport) and ended[0].pushed == 3
    assert server_row(live_server, "dossiers", dossier)


def test_a_failed_sync_stays_visible_in_the_status_bar(make_laptop, qtbot):
    """An automatic sync that fails (here: no login could be made) says so in the status bar, with the
    reason as its tooltip, instead of only on the sync screen nobody has open."""
    laptop = make_laptop("xa-can-loc")
    controller, ended = _controller(laptop)
    bar = SyncStatusBar(laptop.context)
    qtbot.addWidget(bar)

    def no_login():
        raise RuntimeError("token đã bị thu hồi")

    laptop.context.make_client = no_login
    assert controller.start() is False
    assert len(ended) == 1 and bar.connection.text() == "● Đồng bộ lỗi"
    assert bar.connection.toolTip()


def test_the_sync_screen_opened_during_an_automatic_sync_shows_it_running(make_laptop, qtbot):
    from ocop_desktop.ui.sync_page import SyncPage

    laptop = make_laptop("xa-nghi-xuan", synchronous=False)
    _dossier(laptop)
    controller, ended = _controller(laptop)
    controller.server_answered(True)
    page = SyncPage(laptop.context)
    qtbot.addWidget(page)
    assert page.running and page.cancel_button.isEnabled() and not page.sync_button.isEnabled()
    assert page.progress_panel.isVisibleTo(page)
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    assert not page.running and page.sync_button.isEnabled()


def test_demo_data_waits_for_a_first_sync_by_hand(make_laptop, qtbot):
    """A laptop that held demo data and was then pointed at a server sends nothing by itself until a person
    has started one sync; after that it syncs by itself like any other."""
    laptop = make_laptop("may-thu", synchronous=False)
    _dossier(laptop)
    controller = SyncController(laptop.context, first_by_hand=True)
    ended: list = []
    controller.finished.connect(ended.append)
    controller.server_answered(True, ever_synced=False)
    qtbot.wait(100)
    assert not controller.running and ended == []
    assert controller.start()  # the person's click
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    controller.server_answered(False, ever_synced=True)
    controller.server_answered(True, ever_synced=True)
    assert controller.running
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=20_000)
