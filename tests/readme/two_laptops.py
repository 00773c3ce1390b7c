"""The README's two-laptop walk-through run line by line, and what it promises checked on the laptops' files."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from readme_blocks import Block
from readme_shell import Result, Shell, Terminal, free_port

README_PORT = "8765"
# The tables holding "A's work": what a council and its officers register and score.
WORK_TABLES = ("producers", "products", "dossiers", "score_sheets")


def localize(line: str, root: Path, port: int) -> str:
    """The line as typed, with the two things a shared test machine cannot give it: /tmp/ becomes a private
    folder (other runs use /tmp/laptop-a too) and port 8765 a free one (another server may hold it)."""
    line = line.replace("/tmp/", f"{root}/tmp/")
    return re.sub(rf"(?<!\d){README_PORT}(?!\d)", str(port), line)


def server_on_port(port: int) -> str:
    """`ocop-server` with no --port listens on its default, 8765: the same word, moved to the free port.
    An explicit --port on the line comes first and is overridden, and create-admin ignores it."""
    return f'ocop-server() {{ command ocop-server "$@" --port {port}; }}'


def is_background(line: str) -> bool:
    return line.endswith("&") and not line.endswith("&&")


@dataclass
class Walkthrough:
    """One run of the block: every line's result, and the terminals left running until stop()."""

    shell: Shell
    port: int
    lines: list[str] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    terminals: list[Terminal] = field(default_factory=list)

    def run(self, block: Block) -> None:
        for command in block.commands:
            line = localize(command.text, self.shell.root, self.port)
            self.lines.append(line)
            if not is_background(line):
                self.results.append(self.shell.run(line))
                continue
            terminal = self.shell.background(line, self.shell.root / f"terminal-{len(self.terminals) + 1}.log")
            self.terminals.append(terminal)
            failed = terminal.wait_healthy(self.port)
            if failed is not None:
                # Every later line talks to this server: their failures would only repeat this one.
                self.results.append(failed)
                return

    def stop(self) -> None:
        for terminal in self.terminals:
            terminal.stop()

    def server_logs(self) -> str:
        return "\n".join(f"--- {t.line}\n{t.output().rstrip()}" for t in self.terminals)

    def data_dirs(self) -> tuple[Path | None, list[Path]]:
        """Laptop A is the data folder the demo data is built in; every other --data-dir is a laptop that
        should receive A's work."""
        laptop_a = None
        others: list[Path] = []
        for line in self.lines:
            for folder in re.findall(r"--data-dir[ =](\S+)", line):
                path = self.shell.cwd / folder
                if " demo-data" in line:
                    laptop_a = path
                elif path not in others:
                    others.append(path)
        return laptop_a, [path for path in others if path != laptop_a]


def work_ids(data_dir: Path) -> dict[str, set[str]]:
    """The ids in each work table of a laptop's database, read without writing to it."""
    database = data_dir / "ocop.sqlite3"
    if not database.exists():
        return {table: set() for table in WORK_TABLES}
    con = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return {table: {row[0] for row in con.execute(f"SELECT id FROM {table}")} for table in WORK_TABLES}
    finally:
        con.close()


def missing_work(laptop_a: Path, laptop_b: Path) -> list[str]:
    """How laptop B falls short of holding all of A's work (empty when it holds it all)."""
    a, b = work_ids(laptop_a), work_ids(laptop_b)
    problems = [f"laptop A ({laptop_a}) has no {table}" for table in ("producers", "dossiers") if not a[table]]
    for table in WORK_TABLES:
        lost = a[table] - b[table]
        if lost:
            problems.append(f"{laptop_b.name} lacks {len(lost)} of A's {len(a[table])} {table}")
    return problems


def new_walkthrough(root: Path) -> Walkthrough:
    port = free_port()
    return Walkthrough(Shell(root, preamble=server_on_port(port)), port)
