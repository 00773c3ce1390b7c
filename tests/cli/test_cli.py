"""The ocop command: exit codes and messages for good and bad input."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ocop_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources/criteria/sample-qd148-2023.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_validate_prints_code_and_hash(capsys):
    """A valid set prints its code and content hash and exits 0."""
    code, out, _ = run(capsys, "criteria", "validate", str(SAMPLE))
    assert code == 0
    assert "SAMPLE-QD148-2023" in out and "sha256:" in out


def test_validate_reports_every_problem_with_its_path(capsys, tmp_path: Path):
    """Two defects give two lines, each with its JSON path, and a non-zero exit."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["product_sets"][0]["parts"][0]["max_points"] = 41
    doc["star_bands"][1]["min_inclusive"] = 31
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "criteria", "validate", str(bad))
    assert code == 1
    assert "$.product_sets[0].parts[0].max_points" in err
    assert "$.star_bands[1].min_inclusive" in err


def test_validate_missing_file_is_a_clear_error(capsys, tmp_path: Path):
    """A missing file exits with a message naming it, not a traceback."""
    with pytest.raises(SystemExit) as exc:
        main(["criteria", "validate", str(tmp_path / "nope.json")])
    assert "nope.json" in str(exc.value.code)


def test_import_then_export_round_trips_the_hash(capsys, tmp_path: Path):
    """An imported set exports to a file with the same content hash."""
    data_dir = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data_dir, "criteria", "import", str(SAMPLE))[0] == 0
    target = tmp_path / "out.json"
    assert run(capsys, "--data-dir", data_dir, "criteria", "export", str(target))[0] == 0
    _, first, _ = run(capsys, "criteria", "validate", str(SAMPLE))
    _, second, _ = run(capsys, "criteria", "validate", str(target))
    assert first.split("sha256:")[1] == second.split("sha256:")[1]


def test_export_refuses_to_overwrite_without_force(capsys, tmp_path: Path):
    """An existing file is left alone unless --force is given."""
    data_dir = str(tmp_path / "data")
    run(capsys, "--data-dir", data_dir, "criteria", "import", str(SAMPLE))
    target = tmp_path / "keep.json"
    target.write_text("mine", encoding="utf-8")
    assert run(capsys, "--data-dir", data_dir, "criteria", "export", str(target))[0] == 1
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.slow
def test_demo_data_builds_every_status_and_is_not_repeated(capsys, tmp_path: Path):
    """demo-data fills every dossier status; --if-empty then leaves the database as it is."""
    data_dir = tmp_path / "data"
    assert run(capsys, "--data-dir", str(data_dir), "demo-data", "--scale", "30")[0] == 0
    con = sqlite3.connect(data_dir / "ocop.sqlite3")
    statuses = {r[0] for r in con.execute("SELECT DISTINCT status FROM dossiers")}
    count = con.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    con.close()
    assert statuses == {"draft", "submitted", "commune_checked", "forwarded", "evaluated", "closed"}
    assert run(capsys, "--data-dir", str(data_dir), "demo-data", "--if-empty")[0] == 0
    assert run(capsys, "--data-dir", str(data_dir), "demo-data")[0] == 1
    con = sqlite3.connect(data_dir / "ocop.sqlite3")
    assert con.execute("SELECT count(*) FROM dossiers").fetchone()[0] == count
    con.close()


def test_db_info_on_a_file_that_is_not_a_database(capsys, tmp_path: Path):
    """A foreign file in place of the database gives exit 3, a Vietnamese message, and stays unchanged."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "ocop.sqlite3").write_bytes(b"not a database at all" * 100)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "db", "info")
    assert code == 3
    assert "không phải cơ sở dữ liệu" in err
    assert (data_dir / "ocop.sqlite3").read_bytes() == b"not a database at all" * 100


def test_db_upgrade_and_info(capsys, tmp_path: Path):
    """db upgrade creates the schema; db info reports the revision and WAL mode."""
    data_dir = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data_dir, "db", "upgrade")[0] == 0
    code, out, _ = run(capsys, "--data-dir", data_dir, "db", "info")
    assert code == 0 and "journal_mode=wal" in out


def test_scale_must_be_positive(capsys, tmp_path: Path):
    """--scale 0 is refused before anything is written."""
    assert run(capsys, "--data-dir", str(tmp_path / "d"), "demo-data", "--scale", "0")[0] == 2
    assert not (tmp_path / "d" / "ocop.sqlite3").exists()


def test_ocop_server_forwards_to_the_server_command(tmp_path: Path):
    """`ocop server ...` becomes the separate `ocop-server` program (the desktop never imports the server)."""
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    done = subprocess.run([sys.executable, "-m", "ocop_desktop.cli", "--data-dir", str(tmp_path / "d"), "server",
                           "--database-url", url, "--threads", "0"], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "--threads" in done.stderr
    assert not (tmp_path / "server.sqlite3").exists()
