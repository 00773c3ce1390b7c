"""The log file under the data folder: every command opens it, background failures and crashes land in it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ocop_desktop import cli, logs
from ocop_desktop.cli import main
from ocop_desktop.paths import AppPaths
from ocop_desktop.ui.runner import Runner

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources/criteria/sample-qd148-2023.json"


def test_a_command_writes_its_log_under_the_data_folder_and_leaves_logging_as_it_was(tmp_path: Path, capsys):
    """`ocop db info` creates <data>/logs/ocop.log naming the command, and takes its handler away after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    assert main(["--data-dir", str(tmp_path / "data"), "db", "info"]) == 0
    text = (tmp_path / "data" / "logs" / "ocop.log").read_text(encoding="utf-8")
    assert " db (Python " in text
    assert (root.handlers, root.level) == (handlers, level)


def test_a_failing_background_job_is_logged_as_a_warning(qtbot, tmp_path: Path):
    """Work that fails on a runner thread is written to the log file as a warning, with its traceback."""
    file_log = logs.start(AppPaths(tmp_path), "app")
    runner = Runner(open_database=lambda: pytest.fail("network work needs no database"))
    errors: list[Exception] = []

    def lost_connection() -> None:
        raise ConnectionError("máy chủ không trả lời")

    try:
        runner.network(lost_connection, failed=errors.append)
        qtbot.waitUntil(lambda: bool(errors))
    finally:
        runner.close()
        file_log.stop()
    text = logs.log_file(AppPaths(tmp_path)).read_text(encoding="utf-8")
    assert "WARNING [ocop-net" in text and "background work failed" in text
    assert "ConnectionError: máy chủ không trả lời" in text and "Traceback" in text


def test_a_crash_in_a_command_is_logged_before_it_propagates(tmp_path: Path, monkeypatch):
    """An unexpected exception still reaches the terminal, and the log keeps it with its traceback."""
    def broken(args, paths):
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(cli, "cmd_db", broken)
    with pytest.raises(RuntimeError):
        main(["--data-dir", str(tmp_path), "db", "info"])
    text = logs.log_file(AppPaths(tmp_path)).read_text(encoding="utf-8")
    assert "ERROR" in text and "ocop db stopped on an error" in text
    assert "RuntimeError: hỏng giữa chừng" in text


def test_a_log_that_cannot_be_written_stops_no_command(tmp_path: Path, capsys):
    """A data folder that is a file: the log is skipped and a command that needs no folder still works."""
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("", encoding="utf-8")
    assert main(["--data-dir", str(not_a_folder), "criteria", "validate", str(SAMPLE)]) == 0
    assert "SAMPLE-QD148-2023" in capsys.readouterr().out


def test_the_log_rotates_at_a_megabyte_keeping_three(tmp_path: Path):
    """Past 1 MB the file moves to ocop.log.1; no more than three old files are kept."""
    file_log = logs.start(AppPaths(tmp_path), "app")
    try:
        for _ in range(5 * 1000):
            logging.getLogger("ocop_desktop.test").warning("x" * 1000)
    finally:
        file_log.stop()
    folder = tmp_path / "logs"
    assert sorted(p.name for p in folder.iterdir()) == ["ocop.log", "ocop.log.1", "ocop.log.2", "ocop.log.3"]
    assert all(p.stat().st_size <= logs.MAX_BYTES for p in folder.iterdir())
