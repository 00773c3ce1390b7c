"""The shell README examples run in: isolated from the user's folders, never waiting on a prompt, leaving no process."""

from __future__ import annotations

import os
import time
from pathlib import Path

from readme_shell import Shell, scripts_dir


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for init to reap it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:
        os.kill(pid, 0)  # no /proc here: a signal to a gone process raises
        return True
    return stat[stat.rindex(")") + 2] != "Z"


def test_line_sees_a_throwaway_home_and_the_installed_commands(tmp_path: Path):
    """A line runs from the work folder with HOME and XDG_DATA_HOME inside the test's folder, the project's
    commands first on PATH, and the caller's OCOP_DATA_DIR gone so only the example's options choose."""
    result = Shell(tmp_path).run('echo "$PWD|$HOME|$XDG_DATA_HOME|${OCOP_DATA_DIR-unset}|$(command -v ocop)"')
    assert result.returncode == 0, result.describe()
    work, home, data, data_dir, ocop = result.output.strip().split("|")
    assert Path(work) == tmp_path / "work"
    assert Path(home) == tmp_path / "home" and Path(data).is_relative_to(tmp_path / "home")
    assert data_dir == "unset"
    assert Path(ocop) == scripts_dir() / "ocop"


def test_a_prompt_reads_end_of_input_instead_of_waiting(tmp_path: Path):
    """A line asking for input gets end-of-input at once (a password prompt fails, it never hangs the run)."""
    result = Shell(tmp_path).run("read answer; echo status=$?", timeout=10)
    assert result.output.strip() == "status=1"


def test_a_line_over_its_time_is_killed(tmp_path: Path):
    """A line still running at its timeout is killed with its children and reported as exit -1."""
    result = Shell(tmp_path).run("sleep 30 & sleep 30", timeout=0.5)
    assert result.returncode == -1 and "killed after" in result.output


def _read_pid(path: Path, timeout: float = 10) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = path.read_text().strip() if path.exists() else ""
        if text:
            return int(text)
        time.sleep(0.02)
    raise AssertionError(f"{path} not written within {timeout} s")


def test_stopping_a_background_line_ends_every_process_it_started(tmp_path: Path):
    """stop() ends the terminal's bash and the job it started in the background, grandchildren included."""
    shell = Shell(tmp_path)
    terminal = shell.background("(sleep 30 & echo $! > sleep.pid; wait) &", tmp_path / "t.log")
    try:
        grandchild = _read_pid(shell.cwd / "sleep.pid")
        assert _running(grandchild) and terminal.proc.poll() is None, terminal.output()
    finally:
        terminal.stop()
    assert terminal.proc.returncode is not None
    assert not _running(grandchild)


def test_background_exit_status_is_the_jobs(tmp_path: Path):
    """A background line whose job fails ends its terminal with the job's status, which the wait reports."""
    terminal = Shell(tmp_path).background("false && sleep 30 &", tmp_path / "t.log")
    try:
        failed = terminal.wait_healthy(port=1, timeout=10)
    finally:
        terminal.stop()
    assert failed is not None and failed.returncode == 1
