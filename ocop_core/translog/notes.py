"""C2SP signed notes, tlog checkpoints and witness cosignatures (cosignature/v1), with Ed25519 keys.

Formats: https://c2sp.org/signed-note, https://c2sp.org/tlog-checkpoint, https://c2sp.org/tlog-cosignature.
A checkpoint is the text ``origin\\nsize\\nbase64(root)\\n``; a signature line is
``— name base64(key id ‖ signature)``, the key id being the first 4 bytes of
SHA-256(name ‖ "\\n" ‖ algorithm ‖ public key) (algorithm 0x01 for Ed25519, 0x04 for a cosignature, whose
signature is an 8-byte big-endian time ‖ Ed25519 over "cosignature/v1\\ntime T\\n" ‖ checkpoint text).
"""

from __future__ import annotations

import base64
import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ocop_core.errors import OcopError

ED25519 = 0x01
COSIGNATURE_V1 = 0x04
SIGNATURE_PREFIX = "— "
MAX_NOTE_BYTES = 1 << 20


class NoteError(OcopError, ValueError):
    """A note, checkpoint, key or signature that is malformed or does not verify."""

    def __init__(self, explanation: str) -> None:
        super().__init__("log_note_invalid", explanation)


def _strict_b64(text: str, what: str) -> bytes:
    """Base64 with one spelling per value: the unused bits of the last character must be zero, or a
    changed character could decode to the same bytes and a tampered note would still read as signed."""
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError as error:  # binascii.Error, or non-ASCII text
        raise NoteError(f"{what} is not base64") from error
    if base64.b64encode(raw).decode() != text:
        raise NoteError(f"{what} is not canonical base64")
    return raw


def key_id(name: str, algorithm: int, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + bytes([algorithm]) + public_key).digest()[:4]


def _check_name(name: str) -> None:
    if not name or any(c.isspace() or c == "+" for c in name) or not name.isprintable():
        raise NoteError(f"a key name has no spaces, no '+' and no control characters: {name!r}")


@dataclass(frozen=True)
class Verifier:
    """A named Ed25519 public key; ``algorithm`` says whether it signs checkpoints or co-signs them."""

    name: str
    public_key: bytes
    algorithm: int = ED25519

    def __post_init__(self) -> None:
        _check_name(self.name)
        if len(self.public_key) != 32 or self.algorithm not in (ED25519, COSIGNATURE_V1):
            raise NoteError("an Ed25519 public key is 32 bytes")

    @property
    def key_id(self) -> bytes:
        return key_id(self.name, self.algorithm, self.public_key)

    def encode(self) -> str:
        """The vkey text ``name+hexid+base64(alg ‖ key)`` that people pin and pass to ``--key``."""
        blob = base64.b64encode(bytes([self.algorithm]) + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{blob}"

    @classmethod
    def decode(cls, text: str) -> Verifier:
        try:
            name, hex_id, blob = text.strip().split("+", 2)
            raw = base64.b64decode(blob, validate=True)
        except ValueError as error:
            raise NoteError("not a verifier key (name+id+key)") from error
        if len(raw) != 33:
            raise NoteError("not an Ed25519 verifier key")
        verifier = cls(name, raw[1:], raw[0])
        if verifier.key_id.hex() != hex_id.lower():
            raise NoteError("the key id does not match the key")
        return verifier

    def fingerprint(self) -> str:
        """What a person compares by eye: the SHA-256 of the vkey, in groups of four."""
        digest = hashlib.sha256(self.encode().encode()).hexdigest()[:32]
        return " ".join(digest[i:i + 4] for i in range(0, 32, 4))

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class Signer:
    name: str
    private_key: bytes
    algorithm: int = ED25519

    @classmethod
    def generate(cls, name: str, algorithm: int = ED25519) -> Signer:
        _check_name(name)
        raw = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
        return cls(name, raw, algorithm)

    @property
    def verifier(self) -> Verifier:
        public = Ed25519PrivateKey.from_private_bytes(self.private_key).public_key()
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return Verifier(self.name, raw, self.algorithm)

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.private_key).sign(message)

    def encode(self) -> str:
        """The secret key text ``PRIVATE+KEY+name+id+base64(alg ‖ seed)`` (the Go note package's shape)."""
        blob = base64.b64encode(bytes([self.algorithm]) + self.private_key).decode()
        return f"PRIVATE+KEY+{self.name}+{self.verifier.key_id.hex()}+{blob}"

    @classmethod
    def decode(cls, text: str) -> Signer:
        parts = text.strip().split("+", 4)
        if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
            raise NoteError("not a signing key")
        try:
            raw = base64.b64decode(parts[4], validate=True)
        except ValueError as error:  # binascii.Error, or non-ASCII text
            raise NoteError("not a signing key") from error
        if len(raw) != 33:
            raise NoteError("not an Ed25519 signing key")
        signer = cls(parts[2], raw[1:], raw[0])
        if signer.verifier.key_id.hex() != parts[3].lower():
            raise NoteError("the key id does not match the key")
        return signer


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def text(self) -> str:
        lines = [self.origin, str(self.size), base64.b64encode(self.root).decode(), *self.extensions]
        return "".join(line + "\n" for line in lines)

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        lines = text.split("\n")
        if len(lines) < 4 or lines[-1] != "" or any(line == "" for line in lines[:-1]):
            raise NoteError("a checkpoint is origin, size and root hash, one per line")
        origin, size, root = lines[0], lines[1], lines[2]
        if not size.isdigit() or (size != "0" and size.startswith("0")) or not size.isascii():
            raise NoteError("the checkpoint's size is not a decimal number")
        raw = _strict_b64(root, "the checkpoint's root")
        if len(raw) != 32:
            raise NoteError("the checkpoint's root is not a SHA-256 hash")
        return cls(origin, int(size), raw, tuple(lines[3:-1]))


@dataclass(frozen=True)
class Signature:
    name: str
    key_id: bytes
    payload: bytes

    def line(self) -> str:
        return f"{SIGNATURE_PREFIX}{self.name} {base64.b64encode(self.key_id + self.payload).decode()}\n"


@dataclass(frozen=True)
class SignedNote:
    text: str
    signatures: tuple[Signature, ...]

    def encode(self) -> str:
        return self.text + "\n" + "".join(s.line() for s in self.signatures)

    @classmethod
    def parse(cls, data: str) -> SignedNote:
        if len(data.encode()) > MAX_NOTE_BYTES:
            raise NoteError("the note is too large")
        text, separator, block = data.rpartition("\n\n")
        if not separator or not text:
            raise NoteError("a signed note is its text, a blank line, and signature lines")
        text += "\n"
        if any(not c.isprintable() for c in text.replace("\n", "")):
            raise NoteError("the note text holds control characters")
        signatures = []
        for line in block.split("\n")[:-1] if block.endswith("\n") else [None]:
            if line is None or not line.startswith(SIGNATURE_PREFIX):
                raise NoteError("a signature line starts with '— ' and the block ends with a newline")
            name, _, blob = line[len(SIGNATURE_PREFIX):].partition(" ")
            raw = _strict_b64(blob, "a signature")
            if len(raw) < 5 or not name:
                raise NoteError("a signature line is too short")
            signatures.append(Signature(name, raw[:4], raw[4:]))
        if not signatures:
            raise NoteError("the note has no signature")
        return cls(text, tuple(signatures))

    def signed_by(self, verifier: Verifier) -> int | None:
        """None unless a valid signature by ``verifier`` is on the note; for a cosignature, its time."""
        for signature in self.signatures:
            if signature.name != verifier.name or signature.key_id != verifier.key_id:
                continue
            if verifier.algorithm == ED25519 and verifier.verify(self.text.encode(), signature.payload):
                return 0
            if verifier.algorithm == COSIGNATURE_V1 and len(signature.payload) == 72:
                time: int = struct.unpack(">Q", signature.payload[:8])[0]
                if verifier.verify(cosigned_message(self.text, time), signature.payload[8:]):
                    return time
        return None


def cosigned_message(checkpoint_text: str, time: int) -> bytes:
    return f"cosignature/v1\ntime {time}\n".encode() + checkpoint_text.encode()


def sign_note(text: str, signer: Signer) -> SignedNote:
    if not text.endswith("\n"):
        raise NoteError("a note's text ends with a newline")
    signature = Signature(signer.name, signer.verifier.key_id, signer.sign(text.encode()))
    return SignedNote(text, (signature,))


def cosign(note: SignedNote, witness: Signer, time: int) -> SignedNote:
    """``note`` with the witness's cosignature added (the witness has checked consistency first)."""
    if witness.algorithm != COSIGNATURE_V1:
        raise NoteError("a witness key co-signs with algorithm 0x04")
    payload = struct.pack(">Q", time) + witness.sign(cosigned_message(note.text, time))
    others = tuple(s for s in note.signatures if s.key_id != witness.verifier.key_id)
    return SignedNote(note.text, (*others, Signature(witness.name, witness.verifier.key_id, payload)))


def open_checkpoint(data: str, log_key: Verifier, witnesses: tuple[Verifier, ...] = ()) -> Checkpoint:
    """The checkpoint in ``data`` if the log signed it and every named witness co-signed it; else NoteError."""
    note = SignedNote.parse(data)
    if note.signed_by(log_key) is None:
        raise NoteError(f"the checkpoint is not signed by the log key {log_key.name}")
    for witness in witnesses:
        if note.signed_by(witness) is None:
            raise NoteError(f"the checkpoint is not co-signed by the witness {witness.name}")
    checkpoint = Checkpoint.parse(note.text)
    if checkpoint.origin != log_key.name:
        raise NoteError("the checkpoint's origin is not the log's name")
    return checkpoint
