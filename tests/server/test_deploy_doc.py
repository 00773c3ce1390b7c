"""docs/deploy.md: the command lines it tells a province to run are ones ocop-server accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from ocop_server.cli import _tls, build_parser

DOC = (Path(__file__).resolve().parents[2] / "docs" / "deploy.md").read_text(encoding="utf-8")


def test_the_systemd_unit_starts_the_server_with_options_it_knows():
    """The unit's ExecStart parses with ocop-server's own parser: no documented flag is made up."""
    command = re.search(r"^ExecStart=(.+)$", DOC, re.M)
    assert command is not None
    argv = shlex.split(command.group(1))
    assert argv[0].endswith("/ocop-server")
    args = build_parser().parse_args(argv[1:])
    assert (args.host, args.port, args.action) == ("127.0.0.1", 8765, "run")
    assert args.database_url.startswith("postgresql+psycopg://")


def test_the_direct_tls_line_names_both_files():
    line = next(x for x in DOC.splitlines() if x.startswith("ocop-server --host 0.0.0.0"))
    args = build_parser().parse_args(shlex.split(line.replace("...", ""))[1:])
    assert args.certfile and args.keyfile


def test_the_doc_covers_proxy_systemd_postgres_backup_and_restore():
    for needed in ("reverse_proxy 127.0.0.1:8765", "proxy_pass http://127.0.0.1:8765", "[Service]",
                   "createdb --owner=ocop ocop", "pg_dump --format=custom", "pg_restore --dbname=ocop",
                   "OCOP_CA_BUNDLE", "--allow-http", ".backup"):
        assert needed in DOC, needed
    assert _tls(build_parser().parse_args([])) == {}
