"""The council journey in the real app on a real X server at 1366×768, driven as a person drives it: the admin
creates a council from accounts (typed, Enter adds a member) and assigns a dossier; the chair and a member each
score it with the keyboard alone (F8 to the next criterion, 1 for its first option, F8 on a complete sheet to
"Nộp phiếu"), logging in and out with Ctrl+Shift+L; the chair approves it in Hội đồng.

Each step is checked in the database the app writes; screenshots: build/screenshots/x11_journey_*.png.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from x11_tools import Display, require_tools, window_screenshot
from xdisplay import build_demo, ocop_process, x_display

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "build" / "screenshots"
MAIN_TITLE = "OCOP Hà Tĩnh — Đánh giá sản phẩm"
COUNCIL = "Hoi dong thu nghiem X11"  # xdotool drops a Vietnamese letter now and then under load
SETTLE_S = 1.5
# Where things are with the window maximised on 1366×768 (the sections' list is 170 px wide).
COUNCILS_TAB = (310, 90)  # Quản trị: the "Hội đồng" tab
NEW_COUNCIL = (963, 122)  # "Lập hội đồng mới…"
FIRST_WAITING = (380, 371)  # the first dossier waiting to be assigned
ASSIGN = (697, 694)  # "Giao cho hội đồng →"
FIRST_SHEET = (260, 126)  # Chấm điểm: the first row (a sheet not started comes first)
START_SHEET = (749, 157)  # "Bắt đầu chấm"
APPROVE = (222, 706)  # Hội đồng: "Phê duyệt"
# In the council form (900×660), from its top-left corner.
FORM_NAME, FORM_ACCOUNT, FORM_OK = (525, 21), (257, 192), (746, 636)
ANSWERS_AT_MOST = 60  # criteria and sub-items on the sheet, with room to spare

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb and openbox are Linux's")]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 dossiers: enough that some forwarded ones are not before the demo's council yet."""
    return build_demo(tmp_path_factory.mktemp("x11journey") / "data", scale=150)


def _query(data: Path, sql: str, *args: object) -> list[tuple]:
    with closing(sqlite3.connect(data / "ocop.sqlite3")) as con:
        return con.execute(sql, args).fetchall()


def _until(check: Callable[[], bool], what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.2)


def _log_in(display: Display, username: str) -> str:
    display.activate(display.wait_window("Đăng nhập"))
    display.type(username)
    display.key("Tab")
    display.type("ocop-demo")
    display.key("Return")
    window = display.wait_window(MAIN_TITLE)
    display.activate(window)
    time.sleep(SETTLE_S)
    return window


def _switch_user(display: Display, username: str) -> str:
    display.key("ctrl+shift+l")
    return _log_in(display, username)


def _create_council(display: Display, data: Path) -> None:
    """Quản trị → Hội đồng → Lập hội đồng mới…: a name, the chair and a member picked from accounts by typing
    their login (Tab to the role, C for Chủ tịch, Enter adds), then "Lập hội đồng" with its evaluation session."""
    display.key("ctrl+6")
    time.sleep(SETTLE_S)
    display.click(*COUNCILS_TAB)
    time.sleep(SETTLE_S)
    display.click(*NEW_COUNCIL)
    form = display.wait_window("Lập hội đồng đánh giá")
    display.activate(form)
    time.sleep(SETTLE_S)
    inner = display.run("xwininfo", "-id", form)  # the form's own corner, inside the frame openbox draws
    left, top = (int(inner.split("Absolute upper-left X:")[1].split()[0]),
                 int(inner.split("Absolute upper-left Y:")[1].split()[0]))
    display.click(left + FORM_NAME[0], top + FORM_NAME[1])
    display.type(COUNCIL)
    display.click(left + FORM_ACCOUNT[0], top + FORM_ACCOUNT[1])
    for login, role_key in (("chutich", "C"), ("thanhvien", None)):
        display.type(login)
        time.sleep(0.5)
        display.key("Tab")
        if role_key:
            display.type(role_key)
        display.key("Return")
        time.sleep(0.5)
    window_screenshot(display, form, SHOTS / "x11_journey_1_council_form.png")
    display.click(left + FORM_OK[0], top + FORM_OK[1])
    _until(lambda: _query(data, "SELECT count(*) FROM councils c JOIN evaluation_sessions e ON e.council_id = c.id "
                                "WHERE c.name = ?", COUNCIL) == [(1,)], "the council and its session stored")


def _assign_first_waiting(display: Display, data: Path) -> None:
    time.sleep(SETTLE_S)  # the new council is chosen and the dossiers waiting are listed behind the first paint
    display.click(*FIRST_WAITING)
    time.sleep(0.5)
    display.click(*ASSIGN)
    _until(lambda: _assigned(data) == 1, "one dossier assigned to the new council")
    time.sleep(SETTLE_S)
    display.screenshot(SHOTS / "x11_journey_2_assigned.png")


def _assigned(data: Path) -> int:
    return _query(data, "SELECT count(*) FROM council_assignments a JOIN councils c ON c.id = a.council_id "
                        "WHERE c.name = ? AND NOT a.deleted", COUNCIL)[0][0]


def _submitted(data: Path) -> int:
    return _query(data, "SELECT count(*) FROM score_sheets s JOIN evaluation_sessions e ON e.id = s.session_id "
                        "JOIN councils c ON c.id = e.council_id WHERE c.name = ? AND s.status = 'submitted'",
                  COUNCIL)[0][0]


def _score_with_the_keyboard(display: Display, data: Path, who: str) -> None:
    """Chấm điểm: the dossier waiting is the first row; "Bắt đầu chấm", then F8 and 1 until every criterion
    is answered; F8 then lands on "Nộp phiếu": Space, and in the question Tab to "Nộp phiếu" ("Quay lại" is
    the default, so Enter never submits by accident) and Space."""
    before = _submitted(data)
    display.key("ctrl+2")
    time.sleep(SETTLE_S)
    display.click(*FIRST_SHEET)
    time.sleep(SETTLE_S)
    display.click(*START_SHEET)
    time.sleep(SETTLE_S)
    for _ in range(ANSWERS_AT_MOST):
        display.key("F8")
        display.key("1")
    time.sleep(SETTLE_S)
    display.screenshot(SHOTS / f"x11_journey_3_sheet_{who}.png")
    display.key("F8")
    display.key("space")
    question = display.wait_window("Nộp phiếu chấm")
    window_screenshot(display, question, SHOTS / f"x11_journey_4_submit_{who}.png")
    display.key("Tab")
    display.key("space")
    _until(lambda: _submitted(data) == before + 1, f"{who}'s sheet submitted")


def _approve(display: Display, data: Path) -> None:
    """Hội đồng opens on the latest session (the new council's) with its one dossier chosen; Phê duyệt, and
    Alt+C answers "Có"."""
    display.key("ctrl+3")
    time.sleep(SETTLE_S)
    display.screenshot(SHOTS / "x11_journey_5_council_view.png")
    display.click(*APPROVE)
    window_screenshot(display, display.wait_window("Phê duyệt kết quả"), SHOTS / "x11_journey_6_approve.png")
    display.key("alt+c")
    _until(lambda: _query(data, "SELECT count(*) FROM council_results r JOIN evaluation_sessions e ON "
                                "e.id = r.session_id JOIN councils c ON c.id = e.council_id WHERE c.name = ? AND "
                                "r.approved_at IS NOT NULL AND r.n_sheets = 2", COUNCIL) == [(1,)],
           "the result approved with both sheets")
    time.sleep(SETTLE_S)
    display.screenshot(SHOTS / "x11_journey_7_approved.png")


def test_create_council_assign_score_and_approve_in_the_real_app(demo_dir: Path, tmp_path: Path) -> None:
    """Admin creates a council and assigns a dossier; chair and member score it by keyboard; the chair approves."""
    require_tools()
    data = tmp_path / "data"
    shutil.copytree(demo_dir, data)
    (data / "ui.ini").write_text("[setup]\nmode=demo\ndemo_data=true\n", encoding="utf-8")
    with x_display(size="1366x768") as env:
        env = {**env, "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "xcb"}
        os.makedirs(env["XDG_CONFIG_HOME"], exist_ok=True)
        display = Display(env)
        log = (tmp_path / "app.log").open("w")
        app = ocop_process("--data-dir", data, "app", env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _log_in(display, "admin")
            _create_council(display, data)
            _assign_first_waiting(display, data)
            _switch_user(display, "chutich")
            _score_with_the_keyboard(display, data, "chutich")
            _switch_user(display, "thanhvien")
            _score_with_the_keyboard(display, data, "thanhvien")
            _switch_user(display, "chutich")
            _approve(display, data)
            assert app.poll() is None, (tmp_path / "app.log").read_text()
        except BaseException:
            display.screenshot(SHOTS / "x11_journey_failed.png")  # where it stopped, to look at
            raise
        finally:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
            log.close()
