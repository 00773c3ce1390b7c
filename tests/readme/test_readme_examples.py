"""README.md's command examples run as a person would type them, so the docs cannot describe a flow that fails."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from readme_blocks import all_commands, alternatives, command_words, instantiate, options, section_block
from readme_shell import Result, Shell
from two_laptops import README_PORT, missing_work, new_walkthrough

from ocop_core.domain.canonical import content_hash
from ocop_core.domain.criteria_loader import load_document
from ocop_server.cli import build_parser as server_parser

REPO_ROOT = Path(__file__).resolve().parents[2]
CRITERIA_FILES = sorted((REPO_ROOT / "resources" / "criteria").glob("*.json"))
WALKTHROUGH = "Two laptops and a server"
DEMO_SCALE = 5


def _criteria(path: Path) -> tuple[str, str]:
    criteria_set, document = load_document(path.read_bytes())
    return criteria_set.code, content_hash(document)


@dataclass(frozen=True)
class Run:
    """One way to run an example: values for its placeholders, then per alternative (`a | b`) a pattern its
    output must contain ({home} is the throw-away home folder), and optionally a criteria file it must write."""

    values: dict[str, str]
    expect: tuple[str, ...]
    writes: tuple[str, Path] | None = None  # (file written in the working folder, its source)


def _criteria_runs() -> dict[str, list[Run]]:
    sets = {path: _criteria(path) for path in CRITERIA_FILES}
    by_date = sorted(CRITERIA_FILES, key=lambda p: load_document(p.read_bytes())[0].effective_from or date.min)
    newest, oldest = (re.escape(sets[p][0]) for p in (by_date[-1], by_date[0]))
    return {
        "ocop criteria validate FILE": [
            Run({"FILE": str(p)}, (rf"Hợp lệ: {re.escape(code)} sha256:{digest}",))
            for p, (code, digest) in sets.items()],
        "ocop criteria import FILE": [
            Run({"FILE": str(p)}, (rf"(Đã nhập|Đã có sẵn \(không thay đổi\)): {re.escape(code)} sha256:{digest}",))
            for p, (code, digest) in sets.items()],
        # Without --code the newest set by effective date; with it, the one named.
        "ocop criteria export FILE [--code CODE]": [
            Run({"FILE": "newest.json"}, (rf"Đã xuất {newest} ra newest\.json",), ("newest.json", by_date[-1])),
            Run({"FILE": "by-code.json", "CODE": sets[by_date[0]][0]}, (rf"Đã xuất {oldest} ra by-code\.json",),
                ("by-code.json", by_date[0])),
        ],
    }


# Examples run here, in README order (a line may depend on one above it, as for a person following along).
RUNS: dict[str, list[Run]] = {
    "ocop demo-data [--scale N]": [
        Run({"N": str(DEMO_SCALE)}, (rf"{DEMO_SCALE} hồ sơ.* tại {{home}}/",))],
    **_criteria_runs(),
    "ocop db upgrade | info": [
        Run({}, (r"Lược đồ đã ở phiên bản \w+",
                 rf"Tệp: {{home}}/.*\n.*journal_mode=wal\n.*hồ sơ: {DEMO_SCALE}\n"))],
    "ocop-server create-admin [--username admin]": [
        Run({}, (r"Đã tạo tài khoản quản trị admin",))],
}

# Examples that wait on a network or run until stopped: their --help must name every option the README shows.
HELP_ONLY = {
    "ocop-server [--database-url URL] [--port 8765]": "serves until stopped; the walk-through starts it for real",
    "ocop sync --server https://HOST --username U": "needs a server and an account; the walk-through syncs",
    "ocop-server --public-base-url https://ocop.hatinh.gov.vn": "serves until stopped; tests/public run the "
                                                                "server with the setting",
    "ocop verify BUNDLE [--key KEY]": "needs a bundle from a server; tests/cli/test_verify_cli.py checks them",
    "ocop witness --server URL --key KEY --witness-key FILE --name NAME": "follows a server until stopped; "
                                                                          "tests/sync/test_witness.py runs it",
    "ocop-server create-log-key [--log-origin NAME]": "create-admin above already made the key, and this refuses "
                                                      "to overwrite one",
}

SKIPPED = {
    "make run": "installs, then opens the Qt app and waits for a person (tests/ui cover the app)",
    "make test": "is the whole suite, this test included",
    "make test-postgres": "installs and starts PostgreSQL (root), then reruns tests/server and tests/sync for minutes",
    ".venv/bin/python -m pytest -m 'not slow' tests/sync": "a test run inside the test run; the suite runs tests/sync",
    "pre-commit install": "writes the developer's .git/hooks and needs pre-commit, which no extra installs",
    "make bench": "benchmarks take minutes; tests/test_benchmarks.py checks the bench code",
    "make screenshots": "is pytest tests/ui -k screenshot, which the suite itself runs",
    "scripts/update-translations.sh": "rewrites resources/translations/ocop_en.ts in the working tree",
}


def _walkthrough_lines() -> set[str]:
    return {command.text for command in section_block(WALKTHROUGH).commands}


def test_every_readme_command_is_run_or_listed():
    """A README command line that is neither run by these tests nor listed as skipped with a reason fails the
    build: nobody adds an untested example."""
    covered = _walkthrough_lines() | set(RUNS) | set(HELP_ONLY) | set(SKIPPED)
    untested = [f"{c.text}   (under '{c.section}')" for c in all_commands() if c.text not in covered]
    assert not untested, "README command lines nobody runs; add them to RUNS, HELP_ONLY or SKIPPED:\n" + \
        "\n".join(untested)


def test_every_listed_command_is_in_the_readme():
    """An example run or skipped here that the README no longer shows fails: the lists describe the README."""
    shown = {command.text for command in all_commands()}
    stale = sorted((set(RUNS) | set(HELP_ONLY) | set(SKIPPED)) - shown)
    assert not stale, f"listed here but gone from the README: {stale}"


def test_walkthrough_port_is_the_server_default():
    """The walk-through starts `ocop-server` with no --port and syncs to :8765, so 8765 must be the server's
    default; this is what lets the test move both to a free port together."""
    lines = _walkthrough_lines()
    assert any(f"127.0.0.1:{README_PORT}" in line for line in lines), lines
    assert str(server_parser().get_default("port")) == README_PORT


@pytest.mark.slow
def test_two_laptops_walkthrough(tmp_path: Path):
    """Every line of 'Two laptops and a server, by hand' exits 0 when typed in a shell with the server in the
    background, and laptop B then holds all of laptop A's work."""
    walk = new_walkthrough(tmp_path)
    try:
        walk.run(section_block(WALKTHROUGH))
    finally:
        walk.stop()
    failed = [r for r in walk.results if r.returncode != 0]
    problems = [r.describe() for r in failed]
    server_db = walk.shell.home / ".local" / "share" / "ocop-server" / "server.sqlite3"
    if not server_db.exists():
        problems.append(f"the server's database is not in the throw-away home's data folder ({server_db})")
    laptop_a, others = walk.data_dirs()
    if laptop_a is None or not others:
        problems.append(f"no demo laptop and receiving laptop among the lines: {walk.lines}")
    else:
        problems += [p for b in others for p in missing_work(laptop_a, b)]
    if not problems:
        return
    report = "\n\n".join(problems) + "\n\nserver terminal:\n" + walk.server_logs()
    raise AssertionError(report)


def _check(shell: Shell, run: Run, result: Result, pattern: str) -> list[str]:
    expected = pattern.replace("{home}", re.escape(str(shell.home)))
    if result.returncode != 0 or not re.search(expected, result.output):
        return [f"{result.describe()}\n(expected output matching {expected!r})"]
    if run.writes is None:
        return []
    written, source = run.writes
    target = shell.cwd / written
    if not target.exists() or _criteria(target) != _criteria(source):
        return [f"{result.describe()}\n({target} should hold {source.name}'s set, code and content hash)"]
    return []


def _help_problems(shell: Shell, template: str) -> list[str]:
    result = shell.run(" ".join([*command_words(template), "--help"]))
    absent = [option for option in options(template) if option not in result.output]
    if result.returncode != 0 or absent:
        return [f"{result.describe()}\n(options the README shows, missing from --help: {absent})"]
    return []


@pytest.mark.slow
def test_other_commands_run(tmp_path: Path):
    """Each README command that can run headless runs as shown, in README order, exits 0 and prints what it
    promises (the set's code and hash, the dossiers made, the database in the user's data folder); the ones
    that serve or sync print every README option in their --help."""
    shell = Shell(tmp_path)
    problems: list[str] = []
    for command in all_commands():
        if command.text in HELP_ONLY:
            problems += _help_problems(shell, command.text)
        for run in RUNS.get(command.text, []):
            forms = alternatives(command.text)
            assert len(forms) == len(run.expect), f"{command.text!r}: one expected pattern per alternative"
            for form, pattern in zip(forms, run.expect, strict=True):
                problems += _check(shell, run, shell.run(instantiate(form, run.values)), pattern)
    assert not problems, "\n\n".join(problems)
