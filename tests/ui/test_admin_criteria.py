"""The "Bộ tiêu chí" tab: a broken file's report, bad files refused, a valid file previewed, saved and published."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from ocop_desktop.db.models import ChangeJournal, CriteriaSetVersion
from ocop_desktop.services.criteria import MAX_CRITERIA_BYTES
from ocop_desktop.sync.client import ServerClient
from ocop_desktop.ui.admin.admin_page import AdminPage
from ocop_desktop.ui.admin.criteria_file import display_name, read_criteria_file
from ocop_desktop.ui.admin.criteria_preview import CriteriaPreviewDialog
from ocop_desktop.ui.admin.criteria_report import COL_DETAIL, COL_PATH, COL_PROBLEM, COL_WHERE, ProblemTableModel
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.runner import Runner
from ocop_server.models import Record
from ocop_server.testing import LiveServer

NEW_ID = "5b0d7c1e-2a4f-4c3b-9e8d-000000002026"


def _write(tmp_path: Path, name: str, document: dict) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def sample(sample_148_bytes: bytes) -> dict:
    return json.loads(sample_148_bytes)


@pytest.fixture
def broken_file(sample: dict, tmp_path: Path) -> str:
    """The sample with three mistakes an admin makes: wrong part maximum, a typo'd key, an overlapping band."""
    sheet = sample["product_sets"][0]
    sheet["parts"][1]["max_points"] = 30
    sheet["parts"][0]["criterion_groups"][0]["criteria"][0]["mandatroy"] = {"from_stars": 3}
    sample["star_bands"][1]["min_inclusive"] = 25
    return _write(tmp_path, "bo-tieu-chi-loi.json", sample)


@pytest.fixture
def new_version_file(sample: dict, tmp_path: Path) -> str:
    """A valid version the demo database does not have yet."""
    sample["criteria_set"].update(id=NEW_ID, code="HT-2026-THU", title="Bộ tiêu chí OCOP Hà Tĩnh 2026 (thử)")
    return _write(tmp_path, "bo-tieu-chi-2026.json", sample)


@pytest.fixture
def page(context: AppContext, qtbot) -> AdminPage:
    page = AdminPage(context)
    qtbot.addWidget(page)
    context.runner.changed.connect(page.on_changes)  # as the main window does
    return page


def _versions(demo_db) -> int:
    with demo_db.session() as s:
        return s.scalar(select(func.count()).select_from(CriteriaSetVersion))


def test_a_broken_file_lists_every_problem_with_its_path_and_words(page: AdminPage, broken_file: str) -> None:
    """Each mistake appears with its JSON path, the part it is in, and Vietnamese words; nothing can be saved."""
    tab = page.criteria_tab
    tab.choose_path = lambda: broken_file
    tab.open_button.click()
    rows = {tab.problems.problem(r).path: r for r in range(tab.problems.rowCount())}
    assert "$.product_sets[0].parts[1].max_points" in rows
    assert "$.product_sets[0].parts[0].criterion_groups[0].criteria[0].mandatroy" in rows
    text = lambda path, col: tab.problems.index(rows[path], col).data()  # noqa: E731
    assert text("$.product_sets[0].parts[1].max_points", COL_PROBLEM) == \
        "Tổng điểm tối đa các tiêu chí khác điểm tối đa của phần."
    assert text("$.product_sets[0].parts[1].max_points", COL_WHERE) == "Phiếu PS-I.1.a › Phần B"
    assert "khai báo 30, cộng lại được 25" in text("$.product_sets[0].parts[1].max_points", COL_DETAIL)
    assert tab.problems.index(rows["$.product_sets[0].parts[1].max_points"], COL_PATH).data(
        Qt.ItemDataRole.ToolTipRole) == "$.product_sets[0].parts[1].max_points"
    assert any(p.code == "band_overlap" for p in tab.loaded.problems)
    assert "lỗi" in tab.headline.text() and "bo-tieu-chi-loi.json" in tab.headline.text()
    assert tab.stack.currentWidget() is tab.table
    assert not tab.save_button.isEnabled() and not tab.preview_button.isEnabled()


def test_the_problem_model_passes_the_model_tester(qtmodeltester, broken_file: str) -> None:
    """The report's model is a well-behaved Qt table, empty and full."""
    model = ProblemTableModel()
    qtmodeltester.check(model)
    loaded = read_criteria_file(broken_file)
    model.set_problems(loaded.problems, loaded.document)
    qtmodeltester.check(model)
    assert model.rowCount() == len(loaded.problems) >= 3


@pytest.mark.parametrize("content, code", [
    (b"{ \"schema_version\": 1, ", "invalid_json"),
    ("{\"tiêu_chí\": 1}".encode("utf-16"), "not_utf8"),
    (b"   \n", "file_empty"),
    (b"[1, 2, 3]", "wrong_type"),
])
def test_bad_files_are_reported_plainly_and_change_nothing(page: AdminPage, demo_db, tmp_path: Path,
                                                           content: bytes, code: str) -> None:
    """Not JSON, not UTF-8, empty or the wrong shape: one clear problem, no button to save, no new version."""
    path = tmp_path / "tep.json"
    path.write_bytes(content)
    before = _versions(demo_db)
    tab = page.criteria_tab
    tab.load_path(str(path))
    assert [p.code for p in tab.loaded.problems][:1] == [code]
    assert tab.problems.index(0, COL_PROBLEM).data() not in ("", code)  # words, not the code
    assert not tab.save_button.isEnabled() and not tab.publish_button.isEnabled()
    tab.save()
    assert _versions(demo_db) == before


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """Size is checked from the file system, so a multi-gigabyte file costs nothing to refuse."""
    path = tmp_path / "lon.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_CRITERIA_BYTES + 1)
    loaded = read_criteria_file(path)
    assert [p.code for p in loaded.problems] == ["file_too_large"] and loaded.raw == b""


def test_folders_missing_files_and_fifos_are_refused(tmp_path: Path) -> None:
    """Only regular files are read: a FIFO would block the reader forever."""
    assert read_criteria_file(tmp_path).problems[0].code == "not_a_file"
    assert read_criteria_file(tmp_path / "khong-co.json").problems[0].code == "file_missing"
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "ong.json")
        assert read_criteria_file(tmp_path / "ong.json").problems[0].code == "not_a_file"


def test_a_disguised_file_name_is_shown_as_it_really_is() -> None:
    """Right-to-left overrides, line breaks and markup-looking names cannot change what the admin reads."""
    assert display_name("/tmp/bo\u202enosj.exe") == "bonosj.exe"
    assert display_name("/tmp/a\nb.json") == "ab.json"
    assert len(display_name("/tmp/" + "x" * 300 + ".json")) == 80
    assert display_name("/tmp/../..") == ".."


def test_a_markup_name_is_shown_as_text(page: AdminPage, tmp_path: Path) -> None:
    """A name that looks like HTML stays plain text in the headline (labels never interpret it)."""
    path = tmp_path / "<b>x<img src=y>.json"
    path.write_bytes(b"{}")
    page.criteria_tab.load_path(str(path))
    assert "<b>x<img src=y>.json" in page.criteria_tab.headline.text()


def test_a_valid_file_shows_its_summary_and_previews_each_sheet(page: AdminPage, new_version_file: str,
                                                                qtbot) -> None:
    """Code, name, dates, parts with maxima, criteria count and hash; the preview lists parts down to options."""
    tab = page.criteria_tab
    shown = []
    tab.open_preview = shown.append
    tab.load_path(new_version_file)
    summary = tab.summary.toPlainText()
    for expected in ("HT-2026-THU", "Bộ tiêu chí OCOP Hà Tĩnh 2026 (thử)", "từ 24/02/2023", "A 40 · B 25 · C 35",
                     tab.loaded.digest, "148/QĐ-TTg ngày 24/02/2023"):
        assert expected in summary
    assert tab.stack.currentWidget() is tab.summary and tab.save_button.isEnabled()
    tab.preview_button.click()
    assert shown == [tab.loaded]
    dialog = CriteriaPreviewDialog(tab.loaded.criteria_set)
    qtbot.addWidget(dialog)
    assert dialog.sheet.view.status == "preview" and dialog.sheet.status.text() == "Xem trước"
    assert "A.1.1" in dialog.sheet.body.rows and not dialog.sheet.submit_button.isVisibleTo(dialog)


def test_the_preview_switches_between_product_sets(sample: dict, tmp_path: Path, qtbot) -> None:
    """With two sheets in the file, the chooser shows each one on the evaluators' sheet widget."""
    second = json.loads(json.dumps(sample["product_sets"][0]))
    second.update(code="PS-I.1.b", name="Phiếu đánh giá: Thực phẩm sơ chế (thử)")
    second["parts"][0]["criterion_groups"][0]["criteria"][0]["code"] = "A.1.9"
    sample["product_sets"].append(second)
    sample["product_groups"][0]["categories"][0]["subgroups"][0]["product_set"] = "PS-I.1.b"
    loaded = read_criteria_file(_write(tmp_path, "hai-phieu.json", sample))
    assert loaded.valid, loaded.problems
    dialog = CriteriaPreviewDialog(loaded.criteria_set)
    qtbot.addWidget(dialog)
    assert dialog.chooser.count() == 2 and "A.1.1" in dialog.sheet.body.rows
    assert "Dùng cho phân nhóm: —" in dialog.used_by.text()
    dialog.chooser.setCurrentIndex(1)
    assert dialog.sheet.view.product_set.code == "PS-I.1.b" and "A.1.9" in dialog.sheet.body.rows
    assert "I.1.a" in dialog.used_by.text()


def test_saving_a_valid_file_stores_and_journals_the_version_once(page: AdminPage, new_version_file: str,
                                                                  demo_db) -> None:
    """"Lưu vào máy" adds the version with its journal entry; saving again says nothing changed."""
    tab = page.criteria_tab
    tab.load_path(new_version_file)
    tab.save_button.click()
    assert "Đã lưu" in tab.result.text()
    with demo_db.session() as s:
        assert s.get(CriteriaSetVersion, NEW_ID).content_hash == tab.loaded.digest
        assert s.scalar(select(func.count()).select_from(ChangeJournal).where(ChangeJournal.entity_id == NEW_ID)) == 1
    tab.save_button.click()
    assert "không có gì thay đổi" in tab.result.text()


def test_without_a_server_publishing_is_disabled_and_explained(page: AdminPage, new_version_file: str) -> None:
    """Offline laptops can check and save, but the publish button is off with the reason next to it."""
    tab = page.criteria_tab
    tab.load_path(new_version_file)
    assert not tab.publish_button.isEnabled()
    assert tab.publish_note.isVisibleTo(page) and "Chưa cấu hình máy chủ tỉnh" in tab.publish_note.text()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "server").start()
    live.create_user("admin", "mat-khau-123", "admin", full_name="Quản trị tỉnh")
    yield live
    live.stop()


@pytest.fixture
def online_context(context: AppContext, server: LiveServer) -> Iterator[AppContext]:
    client = ServerClient(server.url, "11111111-2222-4333-8444-555555555555", retries=0)
    client.login("admin", "mat-khau-123", "Máy quản trị")
    context.server_url, context.make_client = server.url, lambda: client
    yield context
    client.close()


def test_publishing_from_the_page_puts_the_version_on_the_server(online_context: AppContext, server: LiveServer,
                                                                  sample_148_bytes: bytes, tmp_path: Path,
                                                                  qtbot) -> None:
    """After confirming, the server holds the version with the same content hash; declining sends nothing."""
    page = AdminPage(online_context)
    qtbot.addWidget(page)
    tab = page.criteria_tab
    (tmp_path / "qd148.json").write_bytes(sample_148_bytes)
    tab.load_path(str(tmp_path / "qd148.json"))
    version_id = tab.loaded.criteria_set.id
    questions = []
    tab.confirm = lambda title, text: questions.append(text) or False
    tab.publish_button.click()
    with server.app.state.sessions() as s:
        assert s.get(Record, ("criteria_set_versions", version_id)) is None
    assert "không thể sửa hay thu hồi" in questions[0]
    tab.confirm = lambda title, text: True
    tab.publish_button.click()
    assert "Đã ban hành" in tab.result.text(), tab.result.text()
    with server.app.state.sessions() as s:
        record = s.get(Record, ("criteria_set_versions", version_id))
        assert json.loads(record.data)["content_hash"] == tab.loaded.digest
    assert tab.publish_button.isEnabled()


def test_a_refused_publish_is_explained_in_vietnamese(online_context: AppContext, server: LiveServer,
                                                      sample: dict, tmp_path: Path, qtbot) -> None:
    """The same id with other content is refused by the server; the admin reads why and what to do."""
    page = AdminPage(online_context)
    qtbot.addWidget(page)
    tab = page.criteria_tab
    tab.confirm = lambda title, text: True
    tab.load_path(_write(tmp_path, "a.json", sample))
    tab.publish()
    sample["criteria_set"]["title"] = "Tiêu đề khác"
    tab.load_path(_write(tmp_path, "b.json", sample))
    tab.publish()
    assert "không sửa được" in tab.result.text() and "phiên bản mới" in tab.result.text()


def test_with_the_threaded_runner_the_report_and_the_save_arrive_on_the_ui_thread(context: AppContext, demo_db,
                                                                                   new_version_file: str,
                                                                                   qtbot) -> None:
    """The file is checked on a worker and saved on the database thread; the tab hears back on its own thread."""
    threaded = Runner(demo_db)
    try:
        page = AdminPage(replace(context, runner=threaded))
        qtbot.addWidget(page)
        tab = page.criteria_tab
        tab.load_path(new_version_file)
        qtbot.waitUntil(lambda: tab.loaded is not None and tab.save_button.isEnabled(), timeout=10_000)
        tab.save_button.click()
        qtbot.waitUntil(lambda: "Đã lưu" in tab.result.text(), timeout=10_000)
        assert _versions(demo_db) >= 3
    finally:
        threaded.shutdown()
