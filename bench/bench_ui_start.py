"""Cold start to a usable main window with 50,000 dossiers, against a bare PySide6 window started the
same way in the same run; and the peak memory of the app once the list is loaded and searched.

`QT_QPA_PLATFORM=offscreen python -m bench.bench_ui_start [N]`

"Usable" means the window is shown and the dossier list holds every dossier (it loads on the
database thread). Each start is a new process, so imports and the interpreter count, as for a person.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = 3


def _bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    app.exec()


def _app(database: str, expected: int, data_dir: str) -> None:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.db.blobstore import BlobStore
    from ocop_desktop.db.schema import open_database
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.ui import translations
    from ocop_desktop.ui.context import AppContext, CurrentUser
    from ocop_desktop.ui.main_window import MainWindow
    from ocop_desktop.ui.runner import Runner
    from ocop_desktop.ui.sections import default_sections

    app = QApplication(sys.argv)
    translations.install(app, "vi")
    paths = AppPaths(Path(data_dir)).ensure()
    db = open_database(Path(database))
    runner = Runner(db)
    user = CurrentUser("00000000-0000-4000-8000-000000000001", "admin", "Quản trị viên", "admin")
    context = AppContext(runner=runner, paths=paths, blobs=BlobStore(paths.blobs), user=user)
    settings = QSettings(str(paths.data_dir / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, default_sections(), settings)
    window.show()
    app.processEvents()
    print("SHOWN", flush=True)  # painted, answering input; the list still loading on the database thread
    model = window.pages["dossiers"].list_page.model
    search = window.pages["dossiers"].list_page.search

    def poll() -> None:
        if model.total_count() < expected:
            QTimer.singleShot(5, poll)
            return
        print("READY", flush=True)
        for text in ("n", "nu", "nuo", "nuoc", "nuoc ", "nuoc m", "nuoc ma", "nuoc mam", ""):
            search.setText(text)  # what typing does: one filter per keystroke
            app.processEvents()
        print(f"RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        app.quit()

    QTimer.singleShot(0, poll)
    app.exec()
    runner.shutdown()
    db.close()


def _timed(args: list[str]) -> tuple[float, list[str], float | None]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bench.bench_ui_start", *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines, ready, shown = [], None, None
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith("SHOWN") and shown is None:
            shown = time.perf_counter() - start
        if line.startswith("READY") and ready is None:
            ready = time.perf_counter() - start
    if proc.wait() != 0 or ready is None:
        raise RuntimeError(f"start failed: {lines[-5:]}")
    return ready, lines, shown


def run(n: int = 50_000) -> None:
    from bench.bench_ui_filter import build

    db = build(n)
    database = str(db.path)
    db.close()
    bare, app, shown, rss = [], [], [], []
    for _ in range(ROUNDS):  # alternated, so a busy moment of the machine hits both alike
        bare.append(_timed(["--child", "bare"])[0])
        with tempfile.TemporaryDirectory() as data_dir:
            seconds, lines, painted = _timed(["--child", "app", database, str(n), data_dir])
        app.append(seconds)
        shown.append(painted)
        rss += [int(line.split()[1]) for line in lines if line.startswith("RSS")]
    bare_s, app_s = statistics.median(bare), statistics.median(app)
    print(f"cold start, {n} dossiers: bare PySide6 window {bare_s:.2f} s, main window with the list loaded "
          f"{app_s:.2f} s (median of {ROUNDS}), ratio {app_s / bare_s:.2f}x (target <= 3x); the window itself is "
          f"painted and answering after {statistics.median(shown):.2f} s "
          f"({statistics.median(shown) / bare_s:.2f}x), the list filling in behind it")
    print(f"peak memory with {n} dossiers loaded and searched: {max(rss) / 1024:.0f} MB RSS (target <= 400 MB)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        if sys.argv[2] == "bare":
            _bare()
        else:
            _app(sys.argv[3], int(sys.argv[4]), sys.argv[5])
    else:
        run(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
