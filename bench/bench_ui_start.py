"""Cold start to a usable main window with 50,000 dossiers, against a bare PySide6 window started the
same way in the same run; and the peak memory of the app once the list is loaded and searched.

`QT_QPA_PLATFORM=offscreen python -m bench.bench_ui_start [N]`

"Usable" means the window is painted and its dossier list holds every dossier, ready to scroll, search,
filter and sort. The list comes from the copy the previous start saved (ui/dossiers/list_cache.py) while
the database opens behind it; the time until the database is open, the list checked against it and the
editor built is printed too, and so is a first start with no saved copy. Each start is a new process,
so imports and the interpreter count, as for a person.

The measured path is the main window built before the database has opened (app.main_window, the
composition app.start uses after the login). In the app a login comes first: its window is measured
too, and the database opens behind it, so after the login the main window is built with it open.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = 5


def _bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    app.exec()


def _app(data_dir: str, expected: int) -> None:
    """What ``app.start`` does once the login is accepted, in a new process: the main window built by
    the app's own composition (``app.main_window``), the database opening behind the first paint."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.app import database_opener, main_window, ui_settings
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.ui import translations
    from ocop_desktop.ui.context import CurrentUser
    from ocop_desktop.ui.runner import Runner

    app = QApplication(sys.argv)
    paths = AppPaths(Path(data_dir)).ensure()
    settings = ui_settings(paths)
    translations.install(app, "vi")
    runner = Runner(open_database=database_opener(paths))
    # A secretary: Hồ sơ is their first screen (an admin's is Tổng quan), and they see every dossier.
    user = CurrentUser("00000000-0000-4000-8000-000000000001", "admin", "Quản trị viên", "secretary")
    window = main_window(paths, runner, settings, user)  # opens the database once it is painted
    window.show()
    app.processEvents()
    print("SHOWN", flush=True)  # painted and answering input
    workspace = window.pages["dossiers"]
    page = workspace.list_page
    model, search = page.model, page.search

    def poll_ready() -> None:
        if model.total_count() < expected:
            QTimer.singleShot(2, poll_ready)
            return
        # The list is on screen whole: it can be scrolled, searched, filtered and sorted.
        print("READY", flush=True)
        poll_checked()

    def poll_checked() -> None:
        if page.loading or workspace.editor is None:
            QTimer.singleShot(5, poll_checked)
            return
        # The database is open, the list checked against it (reloaded if it had changed), the editor built.
        print("CHECKED", flush=True)
        for text in ("n", "nu", "nuo", "nuoc", "nuoc ", "nuoc m", "nuoc ma", "nuoc mam", ""):
            search.setText(text)  # what typing does: one filter per keystroke
            app.processEvents()
        print(f"RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        app.quit()

    QTimer.singleShot(0, poll_ready)
    app.exec()
    runner.close()


def _login(data_dir: str) -> None:
    """A real start (``app.start``) up to its login window, painted and taking keystrokes; the database
    opens behind it while a person types."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.app import database_opener, start, ui_settings
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.ui import translations
    from ocop_desktop.ui.runner import Runner

    app = QApplication(sys.argv)
    paths = AppPaths(Path(data_dir)).ensure()
    settings = ui_settings(paths)
    translations.install(app, "vi")
    runner = Runner(open_database=database_opener(paths))

    def shown() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(1, shown)
            return
        print("READY", flush=True)
        dialog.reject()

    QTimer.singleShot(0, shown)
    start(paths, runner, settings)
    runner.close()


def _timed(args: list[str]) -> dict[str, float | list[str]]:
    """Seconds from launching the process to each line it prints, and the lines."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bench.bench_ui_start", *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    seen: dict[str, float | list[str]] = {"lines": []}
    for line in proc.stdout:
        seen["lines"].append(line.strip())
        seen.setdefault(line.split()[0], time.perf_counter() - start)
    if proc.wait() != 0 or "READY" not in seen:
        raise RuntimeError(f"start failed: {seen['lines'][-5:]}")
    return seen


def run(n: int = 50_000, rounds: int = ROUNDS) -> None:
    from bench.bench_ui_filter import build
    from ocop_desktop.app import ui_settings
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.ui.dossiers import list_cache

    with tempfile.TemporaryDirectory() as data_dir:
        paths = AppPaths(Path(data_dir)).ensure()
        db = build(n)
        db.close()
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{db.path}{suffix}").exists():
                shutil.move(f"{db.path}{suffix}", f"{paths.database}{suffix}")
        cache = paths.cache / list_cache.FILE_NAME
        # The first start on this laptop has no saved list: it loads from the database, then saves it.
        first = _timed(["--child", "app", data_dir, str(n)])
        assert cache.exists(), "the first start saved no list"
        settings = ui_settings(paths)
        settings.setValue("setup/mode", "server")  # a laptop set up for the province: login first
        settings.setValue("setup/server_url", "http://127.0.0.1:9")
        settings.sync()
        bare, warm, login = [], [], []
        for _ in range(rounds):  # alternated, so a busy moment of the machine hits all alike
            bare.append(_timed(["--child", "bare"])["READY"])
            warm.append(_timed(["--child", "app", data_dir, str(n)]))
            login.append(_timed(["--child", "login", data_dir])["READY"])
    bare_s, login_s = statistics.median(bare), statistics.median(login)

    def median(key: str, runs: list[dict]) -> float:
        return statistics.median(r[key] for r in runs)

    ready, shown, checked = median("READY", warm), median("SHOWN", warm), median("CHECKED", warm)
    print(f"cold start, {n} dossiers: bare PySide6 window {bare_s:.2f} s (median of {rounds}); main window "
          f"painted with every dossier listed {ready:.2f} s, ratio {ready / bare_s:.2f}x (target <= 3x)")
    print(f"  after that, in the background: database open, list checked current, editor built at {checked:.2f} s "
          f"({checked / bare_s:.2f}x); window first painted at {shown:.2f} s")
    print(f"  first start on a laptop (no saved list yet): list full at {first['READY']:.2f} s "
          f"({first['READY'] / bare_s:.2f}x)")
    print(f"  the app's real start shows its login window at {login_s:.2f} s ({login_s / bare_s:.2f}x); the database "
          f"opens while the person types, so after the login the main window is built with it open")
    rss = [int(line.split()[1]) for r in [first, *warm] for line in r["lines"] if line.startswith("RSS")]
    print(f"peak memory with {n} dossiers loaded and searched: {max(rss) / 1024:.0f} MB RSS (target <= 400 MB)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        if sys.argv[2] == "bare":
            _bare()
        elif sys.argv[2] == "login":
            _login(sys.argv[3])
        else:
            _app(sys.argv[3], int(sys.argv[4]))
    else:
        run(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
