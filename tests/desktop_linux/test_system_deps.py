"""`make run` on a desktop Linux: every library Qt's xcb platform plugin needs is there, and Qt starts on X."""

from __future__ import annotations

import ctypes
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from xdisplay import x_display

REPO = Path(__file__).resolve().parents[2]
PLUGIN = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")


def test_the_xcb_plugin_links_against_nothing_missing():
    """ldd finds every library the plugin is linked against (the setup script installs them)."""
    out = subprocess.run(["ldd", str(PLUGIN)], capture_output=True, text=True, check=True).stdout
    assert "not found" not in out, out


def test_the_cursor_library_qt_opens_at_run_time_is_there():
    """Qt >= 6.5 dlopens libxcb-cursor, which ldd cannot see; without it xcb refuses to load."""
    ctypes.CDLL("libxcb-cursor.so.0")


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
])
def test_the_setup_script_names_debian_packages_after_sonames(soname: str, package: str):
    """A library ldd reports missing is mapped to the Debian package that ships it."""
    script = f'source <(sed -n "/^package_of()/,/^}}/p" {REPO / "scripts/system-deps.sh"}); package_of {soname}'
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True).stdout.strip()
    assert out == package


def test_qt_starts_on_a_real_x_display():
    """A widget is shown through the xcb plugin on Xvfb: what `make run` does on a desktop."""
    code = ("from PySide6.QtWidgets import QApplication, QLabel\n"
            "app = QApplication(['ocop', '-platform', 'xcb'])\n"
            "w = QLabel('Nước mắm'); w.show(); app.processEvents()\n"
            "print(app.platformName(), w.isVisible())\n")
    with x_display(window_manager=False) as env:
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["xcb", "True"]
