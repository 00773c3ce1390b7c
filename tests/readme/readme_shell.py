"""A person's shell for README examples: bash with the installed commands on PATH and a throw-away home folder."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sysconfig
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PASSWORD = "readme-example-pass"  # the admin's password, and so the one `ocop sync` logs in with
COMMAND_TIMEOUT = 120.0
SERVER_START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def scripts_dir() -> Path:
    """Where `ocop` and `ocop-server` are installed for the interpreter running the tests (.venv/bin)."""
    path = Path(sysconfig.get_path("scripts"))
    for name in ("ocop", "ocop-server"):
        if not (path / name).exists():
            raise FileNotFoundError(f"{path / name} is missing: install the project (pip install -e '.[dev]')")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Result:
    line: str
    returncode: int
    output: str  # stdout and stderr as a terminal interleaves them

    def describe(self) -> str:
        return f"$ {self.line}\n(exit {self.returncode})\n{self.output.rstrip()}"


@dataclass
class Shell:
    """Runs lines in bash as typed, from `cwd`, where HOME and the XDG folders (platformdirs' defaults for the
    laptop's and the server's data) are inside `root`; the caller's password variables and OCOP_DATA_DIR are
    dropped so only what the example says decides."""

    root: Path
    preamble: str = ""  # shell definitions run before each line
    env: dict[str, str] = field(init=False)
    cwd: Path = field(init=False)

    def __post_init__(self) -> None:
        home = self.root / "home"
        self.cwd = self.root / "work"
        for path in (home, self.cwd):
            path.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OCOP_", "XDG_"))}
        env.update(
            PATH=f"{scripts_dir()}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}",
            HOME=str(home),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_STATE_HOME=str(home / ".local" / "state"),
            QT_QPA_PLATFORM="offscreen",
            OCOP_ADMIN_PASSWORD=PASSWORD,
            OCOP_PASSWORD=PASSWORD,
        )
        self.env = env

    @property
    def home(self) -> Path:
        return Path(self.env["HOME"])

    def _argv(self, line: str) -> list[str]:
        bash = shutil.which("bash")
        if bash is None:
            raise FileNotFoundError("the README's examples are shell lines: bash is needed to run them")
        return [bash, "-c", f"{self.preamble}\n{line}" if self.preamble else line]

    def run(self, line: str, timeout: float = COMMAND_TIMEOUT) -> Result:
        """One foreground line. Its own session and no stdin: a password prompt fails at once instead of
        waiting on the terminal running the tests."""
        proc = subprocess.Popen(self._argv(line), cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop_group(proc)
            out, _ = proc.communicate()
            return Result(line, -1, out.decode("utf-8", "replace") + f"\n[killed after {timeout:g} s]")
        return Result(line, proc.returncode, out.decode("utf-8", "replace"))

    def background(self, line: str, log: Path) -> Terminal:
        """A line ending in `&`, left running as in its own terminal: bash waits for the job, so its exit
        status is the job's (create-admin failing, or the server stopping)."""
        with log.open("wb") as sink:
            proc = subprocess.Popen(self._argv(f"{line}\nwait $!"), cwd=self.cwd, env=self.env,
                                    stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        return Terminal(line, proc, log)


@dataclass
class Terminal:
    line: str
    proc: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_healthy(self, port: int, timeout: float = SERVER_START_TIMEOUT) -> Result | None:
        """Poll /health until the server answers (None); the finished job's result if it ended first, or a
        result saying it never answered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return Result(self.line, self.proc.returncode, self.output())
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                    if json.load(answer).get("status") == "ok":
                        return None
            except (urllib.error.URLError, OSError, ValueError):
                pass
            time.sleep(0.2)
        return Result(self.line, -1, self.output() + f"\n[/health on port {port} silent for {timeout:.0f} s]")

    def stop(self) -> None:
        _stop_group(self.proc)


def _signal_group(pgid: int, sig: int) -> bool:
    """Whether the group still had a process to signal."""
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        return False
    return True


def _group_alive(pgid: int) -> bool:
    """Whether a process of the group still runs. On Linux zombies do not count: orphans killed with the group
    wait for init to reap them, which some containers' init does only every second or so."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        return _signal_group(pgid, 0)
    for stat in proc.glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        state, _ppid, group = text[text.rindex(")") + 2:].split()[:3]
        if int(group) == pgid and state != "Z":
            return True
    return False


def _stop_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the line's whole process group (bash and the server it started), then SIGKILL to whatever
    is left after a bounded wait: the job's children may outlive bash, and none may outlive the test."""
    pgid = proc.pid
    _signal_group(pgid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        proc.poll()  # reaps bash, whose zombie would otherwise keep the group alive
        if not _group_alive(pgid):
            break
        time.sleep(0.1)
    else:
        _signal_group(pgid, signal.SIGKILL)
    proc.wait(timeout=STOP_TIMEOUT)
