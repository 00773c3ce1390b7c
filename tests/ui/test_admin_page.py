"""The admin page: two tabs for admins, a plain notice and no actions for everyone else; screenshots."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QTabWidget, QWidget

from ocop_desktop.ui.admin.admin_page import AdminPage
from ocop_desktop.ui.admin.criteria_preview import CriteriaPreviewDialog
from ocop_desktop.ui.context import AppContext


def test_admins_get_the_criteria_council_and_account_tabs(context: AppContext, qtbot) -> None:
    """The tabs are named in Vietnamese, criteria first, accounts (built when first opened) last."""
    page = AdminPage(context)
    qtbot.addWidget(page)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Bộ tiêu chí", "Hội đồng", "Tài khoản"]


def test_a_non_admin_sees_a_notice_and_no_actions(context: AppContext, qtbot) -> None:
    """A council member opening the page reads that it is for admins, and there is nothing to click."""
    context.user = replace(context.user, role="member")
    page = AdminPage(context)
    qtbot.addWidget(page)
    assert "chỉ dành cho quản trị viên" in page.notice.text()
    assert page.tabs is None and page.findChildren(QTabWidget) == []
    assert page.findChildren(QAbstractButton) == []


def _shot(page: QWidget, qtbot, path: Path, size: tuple[int, int] = (1280, 800)) -> None:
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    assert page.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_screenshot_of_a_validation_report(context: AppContext, qtbot, screenshots: Path, sample_148_bytes: bytes,
                                           tmp_path: Path) -> None:
    """admin_criteria.png: a file with a wrong part maximum, a typo'd key and a bad date, as the admin sees it."""
    document = json.loads(sample_148_bytes)
    sheet = document["product_sets"][0]
    sheet["parts"][1]["max_points"] = 30
    sheet["parts"][0]["criterion_groups"][0]["criteria"][0]["mandatroy"] = {"from_stars": 3}
    sheet["parts"][2]["criterion_groups"][0]["criteria"][1]["options"][0]["points"] = -1
    document["criteria_set"]["effective_from"] = "24/02/2023"
    path = tmp_path / "bo-tieu-chi-HT-2026.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    page = AdminPage(context)
    qtbot.addWidget(page)
    page.criteria_tab.load_path(str(path))
    assert page.criteria_tab.problems.rowCount() >= 4
    _shot(page, qtbot, screenshots / "admin_criteria.png")


def test_screenshot_of_a_valid_file_summary(context: AppContext, qtbot, screenshots: Path, sample_148_bytes: bytes,
                                            tmp_path: Path) -> None:
    """admin_criteria_ok.png: the success summary of a valid file."""
    path = tmp_path / "sample-qd148-2023.json"
    path.write_bytes(sample_148_bytes)
    page = AdminPage(context)
    qtbot.addWidget(page)
    page.criteria_tab.load_path(str(path))
    assert page.criteria_tab.loaded.valid
    _shot(page, qtbot, screenshots / "admin_criteria_ok.png")


def test_screenshot_of_the_councils_tab(context: AppContext, qtbot, screenshots: Path) -> None:
    """admin_councils.png: the demo council selected, dossiers waiting, two already assigned."""
    page = AdminPage(context)
    qtbot.addWidget(page)
    context.runner.changed.connect(page.on_changes)
    page.tabs.setCurrentWidget(page.councils_tab)
    tab = page.councils_tab
    before = tab.assigned.rowCount()
    tab.assignable_table.selectRow(0)
    tab.assign_selected()
    tab.assignable_table.selectRow(0)
    tab.assign_selected()
    assert tab.assigned.rowCount() == before + 2
    tab.assignable_table.selectRow(1)
    _shot(page, qtbot, screenshots / "admin_councils.png")


def test_screenshots_of_the_preview_and_the_new_council_form(context: AppContext, qtbot, screenshots: Path,
                                                              sample_148_bytes: bytes, tmp_path: Path) -> None:
    """admin_preview.png and admin_new_council.png: the two dialogs, filled as an admin would."""
    path = tmp_path / "sample-qd148-2023.json"
    path.write_bytes(sample_148_bytes)
    page = AdminPage(context)
    qtbot.addWidget(page)
    page.criteria_tab.load_path(str(path))
    preview = CriteriaPreviewDialog(page.criteria_tab.loaded.criteria_set, page)
    _shot(preview, qtbot, screenshots / "admin_preview.png", (1180, 760))
    shown = []
    page.councils_tab.show_dialog = shown.append
    page.councils_tab.new_button.click()
    form = shown[0]
    form.name.setText("Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh năm 2026")
    form.decision_no.setText("85/QĐ-UBND")
    for login, role, org in (("chutich", "chair", "Sở Nông nghiệp và Môi trường"),
                             ("thanhvien", "member", "Sở Công Thương"),
                             ("thuky", "secretary", "Văn phòng Điều phối nông thôn mới")):
        form.member_account.setEditText(login)
        form.member_role.setCurrentIndex(form.member_role.findData(role))
        form.member_org.setText(org)
        form.add_member()
    _shot(form, qtbot, screenshots / "admin_new_council.png", (900, 660))
