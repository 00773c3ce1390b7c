"""`ocop verify`: a proof bundle checked offline, good and bad, in words a consumer understands."""

from __future__ import annotations

import base64
import json

import pytest

from ocop_core.translog.entries import canonical
from ocop_core.translog.merkle import MemoryTree, inclusion_proof
from ocop_core.translog.notes import COSIGNATURE_V1, Checkpoint, Signer, cosign, sign_note
from ocop_desktop.cli import main

LOG = Signer.generate("ocop.hatinh.gov.vn/nhat-ky")
WITNESS = Signer.generate("bo-nong-nghiep.gov.vn/nhan-chung", COSIGNATURE_V1)
RECOGNITION = {"kind": "recognition_issued", "recognition_id": "g1", "product_id": "p1", "stars": 4,
               "decision_no": "123/QĐ-UBND", "logged_at": "2026-12-03T08:00:00+00:00"}


def _bundle(signer: Signer = LOG, body_of=canonical, witnessed: bool = False) -> dict:
    tree = MemoryTree()
    bodies = [canonical({"kind": "lot_recorded", "n": i}) for i in range(6)]
    bodies.insert(4, canonical(RECOGNITION))
    for body in bodies:
        tree.append(body)
    note = sign_note(Checkpoint(signer.name, tree.size, tree.root()).text(), signer)
    if witnessed:
        note = cosign(note, WITNESS, 1_765_000_000)
    proof = [base64.b64encode(h).decode() for h in inclusion_proof(4, tree.size, tree.node)]
    return {"format": "ocop-log-bundle/1", "log_key": signer.verifier.encode(), "checkpoint": note.encode(),
            "entries": [{"index": 4, "body": body_of(RECOGNITION).decode()}], "proofs": [proof]}


def _run(tmp_path, bundle, *extra: str) -> int:
    path = tmp_path / "bang-chung.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False) if isinstance(bundle, dict) else bundle)
    return main(["--data-dir", str(tmp_path / "data"), "verify", str(path), *extra])


def test_a_good_bundle_says_what_it_proves_and_what_it_does_not(tmp_path, capsys):
    assert _run(tmp_path, _bundle(witnessed=True), "--key", LOG.verifier.encode(),
                "--witness", WITNESS.verifier.encode()) == 0
    out = capsys.readouterr().out
    assert "quyết định công nhận sản phẩm OCOP" in out and "vị trí 5 của 7 mục" in out
    assert "KHÔNG chứng minh nội dung được ghi là đúng sự thật" in out
    assert "bo-nong-nghiep.gov.vn/nhan-chung" in out and "Chưa có khoá tin cậy" not in out


def test_without_a_pinned_key_it_warns_to_compare_the_fingerprint(tmp_path, capsys):
    assert _run(tmp_path, _bundle()) == 0
    assert "Chưa có khoá tin cậy" in capsys.readouterr().out


def test_a_key_given_as_a_file_works(tmp_path):
    key_file = tmp_path / "tinh.pub"
    key_file.write_text(LOG.verifier.encode() + "\n")
    assert _run(tmp_path, _bundle(), "--key", str(key_file)) == 0


@pytest.mark.parametrize(("bundle", "says"), [
    (_bundle(body_of=lambda e: canonical({**e, "stars": 5})), "bản ghi đã bị sửa"),
    (_bundle(signer=Signer.generate(LOG.name)), "khoá của nhật ký không khớp"),
    ("{not json", "không phải gói bằng chứng"),
    ({"format": "ocop-log-bundle/1"}, "không phải gói bằng chứng"),
])
def test_a_bad_bundle_fails_and_names_what_failed(tmp_path, capsys, bundle, says):
    assert _run(tmp_path, bundle, "--key", LOG.verifier.encode()) == 1
    assert says in capsys.readouterr().err


def test_a_missing_witness_signature_fails(tmp_path, capsys):
    assert _run(tmp_path, _bundle(), "--key", LOG.verifier.encode(), "--witness", WITNESS.verifier.encode()) == 1
    assert "chữ ký của điểm kiểm" in capsys.readouterr().err


def test_a_tampered_checkpoint_fails(tmp_path, capsys):
    bundle = _bundle()
    bundle["checkpoint"] = bundle["checkpoint"].replace("\n7\n", "\n8\n")
    assert _run(tmp_path, bundle, "--key", LOG.verifier.encode()) == 1


def test_bad_keys_and_missing_files_are_usage_errors(tmp_path, capsys):
    assert _run(tmp_path, _bundle(), "--key", "not-a-key") == 2
    assert main(["--data-dir", str(tmp_path / "d"), "verify", str(tmp_path / "nope.json")]) == 2
    assert "Không đọc được tệp" in capsys.readouterr().err
