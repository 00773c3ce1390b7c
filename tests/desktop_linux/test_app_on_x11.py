"""The real app on a real X server with a window manager, at a laptop's 1366×768 and a netbook's 1024×600:
logged in by typing, every main section opened with Ctrl+1…6 and photographed, the window whole on the screen.

The screenshots are build/screenshots/x11_<size>_<section>.png, to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from x11_tools import Box, Display, require_tools
from xdisplay import build_demo, ocop_process, x_display

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "build" / "screenshots"
SECTIONS = ("dossiers", "scoring", "councils", "map", "sync", "admin", "overview", "tasks")  # Ctrl+1…8
MAIN_TITLE = "OCOP Hà Tĩnh — Đánh giá sản phẩm"
SETTLE_S = 1.5  # a section is built when first opened and reads its data behind the first paint
# Where the first row of a section's list is on the screen: the window maximised, the list just right of the
# 170-pixel list of sections.
FIRST_ROW = {"dossiers": (260, 190), "scoring": (260, 126)}

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb and openbox are Linux's")]




@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with demo data (30 dossiers) built by the command line, as a person would."""
    return build_demo(tmp_path_factory.mktemp("x11") / "data")


def _data_for_one_run(demo_dir: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(demo_dir, data)
    # The first-run choice already made: offline with the demo data (which is there, so nothing is built).
    (data / "ui.ini").write_text("[setup]\nmode=demo\ndemo_data=true\n", encoding="utf-8")
    return data


def _log_in(display: Display) -> None:
    login = display.wait_window("Đăng nhập")
    display.activate(login)
    display.type("admin")
    display.key("Tab")
    display.type("ocop-demo")
    display.key("Return")


def _photograph_sections(display: Display, window: str, size: str, screen: Box) -> list[str]:
    """Opens each section with its shortcut (in the two lists, the first row too: a dossier, a sheet) and
    saves the screen; returns what did not fit."""
    problems = []
    for number, key in enumerate(SECTIONS, start=1):
        display.key(f"ctrl+{number}")
        time.sleep(SETTLE_S)
        if key in FIRST_ROW:
            display.click(*FIRST_ROW[key])
            time.sleep(SETTLE_S)
        display.screenshot(SHOTS / f"x11_{size}_{key}.png")
        frame = display.frame(window)
        if not frame.inside(screen):
            problems.append(f"{key}: the window {frame} is not inside the screen {screen}")
    return problems


@pytest.mark.parametrize("size", ["1366x768", "1024x600"])
def test_the_app_opens_inside_the_screen_and_shows_every_section(demo_dir: Path, tmp_path: Path, size: str):
    """Started with `ocop --data-dir D app`, logged in as admin by typing: the main window, frame and status
    bar included, lies inside the screen in every section, and each section is photographed."""
    require_tools()
    data = _data_for_one_run(demo_dir, tmp_path)
    with x_display(size=size) as env:
        env = {**env, "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "xcb"}
        os.makedirs(env["XDG_CONFIG_HOME"], exist_ok=True)
        display = Display(env)
        log = (tmp_path / "app.log").open("w")
        app = ocop_process("--data-dir", data, "app", env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _log_in(display)
            window = display.wait_window(MAIN_TITLE)
            display.activate(window)
            time.sleep(SETTLE_S)
            screen = display.screen()
            assert screen == Box(0, 0, *map(int, size.split("x")))
            problems = _photograph_sections(display, window, size, screen)
            assert app.poll() is None, (tmp_path / "app.log").read_text()
        finally:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
            log.close()
    assert not problems, problems
