"""A witness: follows a province's transparency log, checks that each new checkpoint extends the last one it
saw (a consistency proof), and co-signs it. Another agency (the ministry, a neighbouring province) runs it
to vouch that the province showed everyone the same log; a fork or a rollback raises the alarm instead."""

from __future__ import annotations

import base64
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_core.errors import OcopError
from ocop_core.translog.merkle import ProofError, verify_consistency
from ocop_core.translog.notes import COSIGNATURE_V1, Checkpoint, NoteError, SignedNote, Signer, Verifier, cosign
from ocop_desktop.sync.client import ServerClient, SyncError


class Alarm(OcopError):
    """The log broke its promise: ``evidence`` is what a person needs to show it."""

    def __init__(self, message: str, evidence: dict[str, Any]) -> None:
        super().__init__("witness_alarm", message)
        self.evidence = evidence


@dataclass
class State:
    size: int
    root: bytes
    note: str

    def save(self, path: Path) -> None:
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"size": self.size, "root": base64.b64encode(self.root).decode(),
                                         "note": self.note}), encoding="utf-8")
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> State | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(int(data["size"]), base64.b64decode(data["root"]), str(data["note"]))


def load_or_create_key(path: Path, name: str | None) -> tuple[Signer, bool]:
    if path.exists():
        return Signer.decode(path.read_text(encoding="utf-8")), False
    if not name:
        raise NoteError("chưa có khoá nhân chứng: hãy đặt tên bằng --name để tạo khoá mới")
    signer = Signer.generate(name, COSIGNATURE_V1)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(signer.encode() + "\n")
    return signer, True


def key_id_hex(signer: Signer) -> str:
    return signer.verifier.key_id.hex()


class NotAccepted(OcopError):
    """The log checked out, but the server does not take this witness's cosignature (an unknown key)."""

    def __init__(self, size: int) -> None:
        super().__init__("witness_not_accepted", size)


class Witness:
    def __init__(self, server: str, log_key: Verifier, signer: Signer, state_file: Path,
                 plain_http_hosts: set[str] | None = None) -> None:
        self.log_key, self.signer, self.state_file = log_key, signer, state_file
        # The log's endpoints need no account; the token only names the witness in the server's logs (the
        # cosignature itself is what the server checks).
        self.client = ServerClient(server, str(uuid.uuid5(uuid.NAMESPACE_URL, signer.name)),
                                   token=f"witness-{key_id_hex(signer)}", retries=2,
                                   plain_http_hosts=plain_http_hosts)

    def _get(self, path: str, **params: int) -> Any:
        return self.client.request("GET", path, params=params or None)

    def step(self, now: int | None = None) -> Checkpoint:
        """One round: fetch, check against what was seen, co-sign, hand the cosignature back."""
        note = self._get("/log/checkpoint").text
        try:
            checkpoint = Checkpoint.parse(SignedNote.parse(note).text)
            if SignedNote.parse(note).signed_by(self.log_key) is None:
                raise NoteError("the checkpoint is not signed by the log's key")
        except NoteError as error:
            raise Alarm(f"điểm kiểm không hợp lệ: {error}", {"checkpoint": note}) from error
        seen = State.load(self.state_file)
        if seen is not None:
            self._check_extends(seen, checkpoint, note)
        cosigned = cosign(SignedNote.parse(note), self.signer, now if now is not None else int(time.time()))
        State(checkpoint.size, checkpoint.root, note).save(self.state_file)
        try:
            self.client.request("POST", "/log/cosignature", data=cosigned.encode().encode(), resend=False)
        except SyncError as error:
            if error.status == 403:
                raise NotAccepted(checkpoint.size) from error
            raise
        return checkpoint

    def _check_extends(self, seen: State, checkpoint: Checkpoint, note: str) -> None:
        evidence = {"seen": {"size": seen.size, "root": base64.b64encode(seen.root).decode(), "note": seen.note},
                    "now": note}
        if checkpoint.size < seen.size:
            raise Alarm(f"nhật ký bị thu nhỏ: từ {seen.size} xuống {checkpoint.size} mục", evidence)
        if checkpoint.size == seen.size:
            if checkpoint.root != seen.root:
                raise Alarm("hai gốc khác nhau cho cùng một kích thước: nhật ký bị viết lại", evidence)
            return
        proof_json = self._get("/log/consistency", old=seen.size, new=checkpoint.size).json()
        evidence["proof"] = proof_json
        try:
            hashes = [base64.b64decode(h, validate=True) for h in proof_json["hashes"]]
            verify_consistency(seen.size, checkpoint.size, seen.root, checkpoint.root, hashes)
        except (ProofError, ValueError, KeyError, TypeError) as error:
            raise Alarm(f"nhật ký mới không nối tiếp nhật ký đã thấy ({error}): lịch sử đã bị viết lại",
                        evidence) from error


def write_evidence(folder: Path, alarm: Alarm) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bang-chung-canh-bao-{time.strftime('%Y%m%dT%H%M%S')}.json"
    path.write_text(json.dumps({"alarm": str(alarm), **alarm.evidence}, ensure_ascii=False, indent=1),
                    encoding="utf-8")
    return path
