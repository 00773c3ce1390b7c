"""A witness against the real server: it co-signs a log that only grows, and raises the alarm, with
evidence, when the province's database is rewritten by hand."""

from __future__ import annotations

import json

import pytest
import requests

from ocop_core.translog.notes import COSIGNATURE_V1, SignedNote, Signer, Verifier, cosign, open_checkpoint
from ocop_desktop.cli import main
from ocop_desktop.sync.witness import Alarm, Witness
from ocop_server.testing import LiveServer, rewrite_log_history
from ocop_server.translog import log

WITNESS = Signer.generate("bo-nnmt.gov.vn/nhan-chung", COSIGNATURE_V1)


@pytest.fixture
def server(tmp_path):
    live = LiveServer(tmp_path / "server", witness_keys=(WITNESS.verifier.encode(),)).start()
    yield live
    live.stop()


def _append(server: LiveServer, n: int, start: int = 0) -> None:
    with server.app.state.write_sessions() as session:
        log.append(session, [("production_lots", f"lot-{i}", {"kind": "lot_recorded", "lot_code": f"L{i}"})
                             for i in range(start, start + n)], server.app.state.log_signer)
        session.commit()


def _log_key(server: LiveServer) -> Verifier:
    return Verifier.decode(requests.get(server.url + "/log/key", timeout=10).text)


def _witness(server: LiveServer, tmp_path) -> Witness:
    return Witness(server.url, _log_key(server), WITNESS, tmp_path / "state.json")


def test_the_witness_cosigns_a_growing_log_and_laptops_can_require_it(server, tmp_path):
    _append(server, 5)
    witness = _witness(server, tmp_path)
    assert witness.step(now=1_765_000_000).size == 5
    _append(server, 3, start=5)
    assert witness.step(now=1_765_000_100).size == 8
    served = requests.get(server.url + "/log/checkpoint", timeout=10).text
    assert open_checkpoint(served, _log_key(server), (WITNESS.verifier,)).size == 8
    assert SignedNote.parse(served).signed_by(WITNESS.verifier) == 1_765_000_100


def _rewrite_history(server: LiveServer) -> None:
    rewrite_log_history(server, b"L0", b"L9")


def test_a_rewritten_history_is_an_alarm_with_evidence(server, tmp_path):
    _append(server, 6)
    witness = _witness(server, tmp_path)
    witness.step(now=1)
    _rewrite_history(server)
    with pytest.raises(Alarm) as caught:
        witness.step(now=2)
    assert "viết lại" in str(caught.value)
    assert caught.value.evidence["seen"]["size"] == 6 and "proof" in caught.value.evidence


def _cli(server: LiveServer, tmp_path, key_file, *extra: str) -> int:
    return main(["--data-dir", str(tmp_path / "data"), "witness", "--server", server.url, "--key",
                 _log_key(server).encode(), "--witness-key", str(key_file), "--once", *extra])


def test_the_command_line_witness_cosigns_then_alarms_on_a_rewrite(server, tmp_path, capsys):
    _append(server, 4)
    key_file = tmp_path / "w" / "nhan-chung.key"
    key_file.parent.mkdir()
    key_file.write_text(WITNESS.encode())
    assert _cli(server, tmp_path, key_file) == 0
    assert "Đã kiểm và đồng ký điểm kiểm 4 mục" in capsys.readouterr().out
    _rewrite_history(server)
    assert _cli(server, tmp_path, key_file) == 3
    assert "CẢNH BÁO" in capsys.readouterr().err
    assert len(list(key_file.parent.glob("bang-chung-canh-bao-*.json"))) == 1


def test_a_new_witness_key_is_made_private_and_the_server_says_it_is_not_accepted_yet(server, tmp_path, capsys):
    _append(server, 4)
    key_file = tmp_path / "w" / "nhan-chung.key"
    assert _cli(server, tmp_path, key_file, "--name", "so-khcn.example/nc") == 1
    captured = capsys.readouterr()
    assert "Đã tạo khoá nhân chứng" in captured.out and "chưa nhận chữ ký" in captured.err
    assert key_file.stat().st_mode & 0o077 == 0
    assert "so-khcn.example/nc" not in requests.get(server.url + "/log/checkpoint", timeout=10).text


def test_cosignatures_of_unknown_witnesses_or_checkpoints_are_refused(server):
    _append(server, 2)
    note = requests.get(server.url + "/log/checkpoint", timeout=10).text
    headers = {"X-OCOP-Protocol": "2", "Authorization": "Witness x"}

    def post(text: str) -> requests.Response:
        return requests.post(server.url + "/log/cosignature", data=text.encode(), headers=headers, timeout=10)

    stranger = Signer.generate("stranger.example/w", COSIGNATURE_V1)
    assert post(cosign(SignedNote.parse(note), stranger, 5).encode()).json()["code"] == "cosignature_unknown_witness"
    forged_text = note.split("\n\n")[0].replace("\n2\n", "\n3\n") + "\n"
    forged = cosign(SignedNote(forged_text, SignedNote.parse(note).signatures), WITNESS, 5)
    assert post(forged.encode()).status_code == 409
    assert post("not a note").status_code == 400
    assert post(cosign(SignedNote.parse(note), WITNESS, 5).encode()).status_code == 200
    assert json.dumps(requests.get(server.url + "/log/checkpoint", timeout=10).text).count("bo-nnmt") == 1
