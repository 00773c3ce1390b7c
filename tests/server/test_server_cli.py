"""`ocop-server`: its options are checked before a server or a database is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_server.cli import _settings, build_parser, main


def test_server_threads_must_be_positive(tmp_path: Path):
    """--threads 0 is refused with a message before a server or a database is made."""
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    with pytest.raises(SystemExit) as stop:
        main(["--database-url", url, "--files-dir", str(tmp_path / "files"), "--threads", "0"])
    assert "--threads" in str(stop.value)
    assert not (tmp_path / "server.sqlite3").exists()


def test_server_threads_reach_the_settings(tmp_path: Path):
    """--threads sets the number of request threads."""
    args = build_parser().parse_args(["--database-url", f"sqlite:///{tmp_path / 's.db'}", "--threads", "7"])
    assert _settings(args).worker_threads == 7
