"""A real X display for tests that use the app as a person would: Xvfb, a window manager, xdotool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "openbox", "xdotool")


def require_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(f"no {', '.join(missing)} here (scripts/test-deps.sh installs them on Debian)")


def _free_display() -> int:
    for number in range(90, 190):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@contextmanager
def x_display(size: str = "1366x768", window_manager: bool = True) -> Iterator[dict[str, str]]:
    """Starts Xvfb (and openbox) and yields an environment whose DISPLAY points at it."""
    require_tools()
    number = _free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": f":{number}"}
    env.pop("QT_QPA_PLATFORM", None)
    wm = None
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        if window_manager:
            wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.3)
        yield env
    finally:
        for process in (wm, server):
            if process is not None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()


def ocop_process(*args: str | Path, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen:
    """`ocop ARGS` as a person runs it, from this interpreter (so the tests' virtualenv)."""
    command = [sys.executable, "-c", "import sys; from ocop_desktop.cli import main; sys.exit(main())",
               *map(str, args)]
    return subprocess.Popen(command, env=env, **kwargs)  # type: ignore[call-overload]  # kwargs are Popen's


def build_demo(folder: Path, scale: int = 30, timeout: float = 180) -> Path:
    """A data folder with demo data built by the command line, as a person would."""
    built = ocop_process("--data-dir", folder, "demo-data", "--scale", str(scale), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    _out, err = built.communicate(timeout=timeout)
    assert built.returncode == 0, err
    return folder
