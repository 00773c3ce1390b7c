"""The dossier list: the table model without widgets, then the page on demo data."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ocop_core.domain.recognition import add_months
from ocop_core.domain.text import fold
from ocop_desktop.db.models import CouncilResult, Dossier, Product
from ocop_desktop.db.schema import Database
from ocop_desktop.services import dossier_list, dossiers, recognitions
from ocop_desktop.services.changes import Changes
from ocop_desktop.services.dossier_list import load_dossier_rows, subgroup_names
from ocop_desktop.services.dossier_rows import DossierRow
from ocop_desktop.ui.dossiers import list_model as m
from ocop_desktop.ui.dossiers.list_page import DossierListPage
from ocop_desktop.ui.runner import Runner

TODAY = date(2026, 6, 1)
NOW = datetime(2026, 5, 1, tzinfo=UTC)
BAD_INPUT = ["'; DROP TABLE dossiers; --", "\" OR 1=1 --", "%_%", "🍊🐟 nước mắm 🙂", "a" * 10_000, "\x00\t\u200b",
             "   ", "ﾅﾝ\u0301", "*", "NEAR(nuoc mam)", "\\", "Đ" * 300]


def _row(n: int, product: str, **fields) -> DossierRow:
    values = dict(id=f"id-{n}", code=f"HS-2026-{n:04d}", status="draft", kind="new", product_name=product,
                  producer_name=f"HTX {product}", commune_code="18073", commune_name="Phường Thành Sen",
                  subgroup_code="I.1.a", stars=None, expires_on=None)
    return DossierRow(**{**values, **fields})


ROWS = [
    _row(1, "Nước mắm Phú Khương", status="closed", stars=4, expires_on=TODAY + timedelta(days=40)),
    _row(2, "Đào rừng", commune_code="18100", commune_name="Xã Đức Thọ", stars=3,
         expires_on=TODAY + timedelta(days=400)),
    _row(3, "Dừa xiêm", status="submitted", subgroup_code="I.2.b"),
    _row(4, "Ăn liền", stars=5, expires_on=TODAY - timedelta(days=3)),
    _row(5, "Âm thực", commune_code="18100", commune_name="Xã Đức Thọ"),
    _row(6, "An toàn", status="closed", stars=3, expires_on=TODAY + timedelta(days=150)),
    _row(7, "Bánh đa vừng", producer_name="Cơ sở bánh đa Nguyên Lâm"),
]


def _model(rows=ROWS, **filters) -> m.DossierTableModel:
    model = m.DossierTableModel(today=TODAY)
    model.set_rows(list(rows), {"I.1.a": "Rau, củ, quả, hạt tươi"})
    model.set_filter(m.DossierFilter(**filters))
    return model


def _shown(model: m.DossierTableModel, column: int = m.PRODUCT) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _ids(model: m.DossierTableModel) -> set[str]:
    return {model.index(r, 0).data(m.ID_ROLE) for r in range(model.rowCount())}


@pytest.fixture
def demo_model(demo_db: Database) -> m.DossierTableModel:
    """The model over the 60 demo dossiers, unfiltered and unsorted."""
    model = m.DossierTableModel()
    with demo_db.session() as session:
        model.set_rows(load_dossier_rows(session), subgroup_names(session))
    return model


def test_model_passes_the_model_tester(qtmodeltester, demo_model: m.DossierTableModel):
    """The model keeps Qt's item-model contract unfiltered, filtered, sorted, and while filters change."""
    model = demo_model
    qtmodeltester.check(model)
    model.sort(m.PRODUCER, Qt.SortOrder.DescendingOrder)
    model.set_filter(m.DossierFilter(text="nuoc", status="closed"))
    qtmodeltester.check(model)
    for text in ("n", "nu", "", "zzz", "hs"):
        model.set_filter(replace(model.filter, text=text))
    model.sort(m.EXPIRY, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_headers_are_vietnamese():
    """Every column has a Vietnamese title; the stars and expiry columns show words a reader expects."""
    model = _model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == ["Mã hồ sơ", "Sản phẩm", "Chủ thể", "Xã/phường", "Nhóm sản phẩm", "Trạng thái", "Hạng sao",
                      "Hết hạn"]
    first = [model.index(model.row_of("id-1"), c).data() for c in (m.STATUS, m.STARS, m.EXPIRY, m.GROUP)]
    assert first == ["Đã kết thúc", "★★★★", "11/07/2026", "Rau, củ, quả, hạt tươi"]
    assert model.index(model.row_of("id-3"), m.GROUP).data() == "I.2.b"  # a code no criteria set names


def test_unaccented_search_finds_accented_names(demo_model: m.DossierTableModel):
    """"nuoc mam" finds "Nước mắm" products; "d" finds "đ"; words may come in any order and any field."""
    model = demo_model
    model.set_filter(m.DossierFilter(text="nuoc mam"))
    assert model.rowCount() > 0
    assert all("nước mắm" in (p + " " + model.index(r, m.PRODUCER).data()).lower()
               for r, p in enumerate(_shown(model)))
    assert _shown(_model(text="dao RUNG")) == ["Đào rừng"]
    assert _shown(_model(text="nguyen lam banh")) == ["Bánh đa vừng"]
    assert _shown(_model(text="hs-2026-0005")) == ["Âm thực"]
    assert set(_shown(_model(text="duc tho"))) == {"Âm thực", "Đào rừng"}


def test_sorting_follows_the_vietnamese_alphabet():
    """"Ă" and "Â" sort after "A", "Đ" after "D"; descending is the exact reverse."""
    model = _model()
    model.sort(m.PRODUCT, Qt.SortOrder.AscendingOrder)
    assert _shown(model) == ["An toàn", "Ăn liền", "Âm thực", "Bánh đa vừng", "Dừa xiêm", "Đào rừng",
                             "Nước mắm Phú Khương"]
    ranks = [model.index(r, m.PRODUCT).data(m.SORT_ROLE) for r in range(model.rowCount())]
    assert ranks == sorted(ranks)
    model.sort(m.PRODUCT, Qt.SortOrder.DescendingOrder)
    assert _shown(model)[0] == "Nước mắm Phú Khương" and _shown(model)[-1] == "An toàn"


def test_sorting_by_status_stars_and_expiry():
    """Status sorts in workflow order, stars by number, expiry soonest first with none last."""
    model = _model()
    model.sort(m.STATUS, Qt.SortOrder.AscendingOrder)
    assert _shown(model, m.STATUS)[0] == "Nháp" and _shown(model, m.STATUS)[-1] == "Đã kết thúc"
    model.sort(m.STARS, Qt.SortOrder.DescendingOrder)
    assert _shown(model, m.STARS)[:2] == ["★★★★★", "★★★★"]
    model.sort(m.EXPIRY, Qt.SortOrder.AscendingOrder)
    assert _shown(model)[:4] == ["Ăn liền", "Nước mắm Phú Khương", "An toàn", "Đào rừng"]
    assert _shown(model, m.EXPIRY)[-1] == ""


def test_sorting_keeps_a_filter():
    """Sorting a filtered list reorders only what is shown."""
    model = _model(commune="18100")
    model.sort(m.PRODUCT, Qt.SortOrder.DescendingOrder)
    assert _shown(model) == ["Đào rừng", "Âm thực"]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"commune": "18100"}, {"id-2", "id-5"}),
    ({"group": "I.2.b"}, {"id-3"}),
    ({"status": "closed"}, {"id-1", "id-6"}),
    ({"stars": 3}, {"id-2", "id-6"}),
    ({"stars": 0}, {"id-3", "id-5", "id-7"}),
    ({"expiring_days": 183}, {"id-1", "id-6"}),
    ({"expiring_days": 30}, set()),
    ({"status": "closed", "stars": 4, "text": "phu khuong"}, {"id-1"}),
])
def test_each_filter(filters, expected):
    """Commune, product group, status, stars (0: never recognised), expiry window: alone and combined.
    An already expired recognition is not "about to expire"."""
    assert _ids(_model(**filters)) == expected


def test_typing_and_deleting_match_a_full_scan(demo_model: m.DossierTableModel):
    """Results remembered while typing and deleting are exactly what a fresh scan finds."""
    model, rows = demo_model, [demo_model.row_at(r) for r in range(demo_model.rowCount())]
    hay = {r.id: fold(f"{r.code} {r.product_name} {r.producer_name} {r.commune_name}") for r in rows}
    for query in ("nuoc mam phu", "ha tinh", "cam bu", "hs-"):
        steps = [query[:k] for k in range(1, len(query) + 1)] + [query[:k] for k in range(len(query), -1, -1)]
        for text in steps:
            model.set_filter(replace(model.filter, text=text))
            expected = {i for i, h in hay.items() if all(w in h for w in fold(text).split())}
            assert _ids(model) == expected, text


@pytest.mark.parametrize("text", BAD_INPUT)
def test_odd_search_text_only_filters(text):
    """SQL, wildcards, emoji, control characters, very long text: the list filters and stays consistent."""
    model = _model()
    model.set_filter(m.DossierFilter(text=text))
    assert all(model.index(r, 0).data(m.ID_ROLE) for r in range(model.rowCount()))
    model.set_filter(m.DossierFilter())
    assert model.rowCount() == len(ROWS)


@pytest.fixture
def page(qtbot, context) -> DossierListPage:
    page = DossierListPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def test_page_lists_demo_dossiers_and_saves_a_screenshot(page: DossierListPage, screenshots: Path):
    """The page loads every demo dossier, counts them, offers communes to filter by, and looks right."""
    assert page.count_label.text() == "60 / 60 hồ sơ"
    assert page.commune_box.count() > 2 and page.commune_box.itemText(0) == "Tất cả"
    assert page.search.placeholderText() == "Tìm hồ sơ, sản phẩm, chủ thể, xã…"
    shot = screenshots / "dossiers.png"
    assert page.grab().save(str(shot))
    assert shot.stat().st_size > 10_000


def test_page_search_and_filters_update_the_count(page: DossierListPage, qtbot):
    """Typing and choosing filters narrow the table, and the count says how many are shown."""
    qtbot.keyClicks(page.search, "nuoc mam")
    shown = page.model.rowCount()
    assert 0 < shown < 60 and page.count_label.text() == f"{shown} / 60 hồ sơ"
    page.search.clear()
    page.status_box.setCurrentIndex(page.status_box.findData("closed"))
    assert {page.model.row_at(r).status for r in range(page.model.rowCount())} == {"closed"}
    page.stars_box.setCurrentIndex(page.stars_box.findData(0))
    assert all(page.model.row_at(r).stars is None for r in range(page.model.rowCount()))


@pytest.mark.parametrize("text", BAD_INPUT[:6])
def test_page_survives_odd_search_text(page: DossierListPage, qtbot, text: str):
    """Pasted or typed odd text in the search box just filters; the page keeps working."""
    page.search.setText(text)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.count_label.text().endswith("/ 60 hồ sơ")
    page.search.clear()
    assert page.model.rowCount() == 60


def test_expiring_checkbox_shows_recognitions_ending_within_six_months(page: DossierListPage, context):
    """A recognition ending in two months appears under "Sắp hết hạn"; the rest are outside the window."""
    decided = add_months(add_months(date.today(), 2), -36)
    with context.runner.db.session() as session:
        # A dossier the council approved that no decision names yet: the demo recognises closed ones only.
        target_id = session.scalar(select(Dossier.id).join(CouncilResult, CouncilResult.dossier_id == Dossier.id).where(
            Dossier.status == "evaluated", CouncilResult.approved_at.is_not(None), CouncilResult.final_stars >= 3)
            .order_by(Dossier.code))
    target = next(page.model.row_at(r) for r in range(page.model.rowCount()) if page.model.row_at(r).id == target_id)
    context.runner.write(lambda s: recognitions.record_recognition(
        s, dossier_id=target.id, decision_no="9/QĐ-UBND", decision_date=decided, issuing_body="UBND tỉnh",
        user_id=context.user.user_id, role="admin"), done=page.on_changes)
    page.expiring_box.setChecked(True)
    assert target.id in _ids(page.model)
    end = date.today() + timedelta(days=183)
    assert all(date.today() < page.model.row_at(r).expires_on <= end for r in range(page.model.rowCount()))


def test_on_changes_reloads_only_for_what_the_list_shows(page: DossierListPage, context, qtbot):
    """A new dossier appears after its Changes arrive; a change to councils does not reload the list."""
    with context.runner.db.session() as session:
        product_id = session.scalar(select(Product.id).limit(1))
    context.runner.write(lambda s: dossiers.create_dossier(s, product_id=product_id, kind="renewal"),
                         done=page.on_changes)
    assert page.count_label.text() == "61 / 61 hồ sơ"
    with qtbot.assertNotEmitted(page.model.modelReset):
        page.on_changes(Changes.of("councils", "x"))


def test_selection_survives_filtering_and_reload(page: DossierListPage, qtbot):
    """The dossier a person selected stays selected while a search still shows it and after a reload."""
    page._select_row(5)
    chosen = page.model.row_at(5)
    qtbot.keyClicks(page.search, fold(chosen.product_name)[:4])
    assert page.model.data(page.table.currentIndex(), m.ID_ROLE) == chosen.id
    page.on_changes(Changes.of("dossiers", chosen.id))
    assert page.model.data(page.table.currentIndex(), m.ID_ROLE) == chosen.id


def test_double_click_and_enter_open_the_dossier(page: DossierListPage, qtbot):
    """Double-clicking a row, or pressing Enter on it, emits that dossier's id."""
    table, expected = page.table, page.model.row_at(2).id
    centre = table.visualRect(page.model.index(2, m.PRODUCT)).center()
    # A real double-click starts with a press; QTest's double-click event alone would not.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(page.dossier_activated, timeout=1000) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [expected]
    page._select_row(4)
    with qtbot.waitSignal(page.dossier_activated, timeout=1000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [page.model.row_at(4).id]


def test_page_loads_on_the_database_thread_and_coalesces_reloads(qtbot, demo_db: Database, context, monkeypatch):
    """With a real background thread the list arrives through the event loop; three loads asked for while
    one runs make one more read, and only its answer is shown."""
    reads = []
    monkeypatch.setattr(dossier_list, "load_dossier_rows", lambda s: reads.append(1) or load_dossier_rows(s))
    runner = Runner(demo_db)
    try:
        page = DossierListPage(replace(context, runner=runner))
        qtbot.addWidget(page)
        resets, busy = [], []
        page.model.modelReset.connect(lambda: resets.append(page.model.total_count()))
        runner.busy.connect(busy.append)
        page.reload()
        page.reload()
        # busy(False) comes with the last answer, so by then all three have been delivered.
        qtbot.waitUntil(lambda: busy[-1:] == [False] and bool(resets), timeout=10_000)
        assert resets == [60] and len(reads) == 2 and page.count_label.text() == "60 / 60 hồ sơ"
    finally:
        runner.shutdown()


def test_a_failed_load_is_said_in_words(qtbot, context, monkeypatch):
    """When the database cannot be read the page says so in Vietnamese instead of showing an empty list."""
    monkeypatch.setattr(dossier_list, "load_dossier_rows",
                        lambda s: s.connection().exec_driver_sql("SELECT * FROM no_such_table"))
    page = DossierListPage(context)
    qtbot.addWidget(page)
    assert page.count_label.text().startswith("Không tải được danh sách hồ sơ. Đã xảy ra lỗi:")
    assert "no such table" in page.count_label.text()
