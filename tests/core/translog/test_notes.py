"""Signed checkpoints and witness cosignatures: they open only untouched, with the right keys."""

from __future__ import annotations

import pytest

from ocop_core.translog.notes import (
    COSIGNATURE_V1,
    Checkpoint,
    NoteError,
    SignedNote,
    Signer,
    Verifier,
    cosign,
    open_checkpoint,
    sign_note,
)

LOG = Signer.generate("ocop.hatinh.gov.vn/log")
WITNESS = Signer.generate("bo-nong-nghiep.gov.vn/witness", COSIGNATURE_V1)
CHECKPOINT = Checkpoint(LOG.name, 1234, bytes(range(32)))


def _signed(witnessed: bool = True) -> str:
    note = sign_note(CHECKPOINT.text(), LOG)
    return (cosign(note, WITNESS, 1_760_000_000) if witnessed else note).encode()


def test_a_signed_and_cosigned_checkpoint_opens():
    assert open_checkpoint(_signed(), LOG.verifier, (WITNESS.verifier,)) == CHECKPOINT
    assert SignedNote.parse(_signed()).signed_by(WITNESS.verifier) == 1_760_000_000


def test_the_text_has_the_c2sp_shape():
    text = _signed(witnessed=False)
    lines = text.split("\n")
    assert lines[:4] == [LOG.name, "1234", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", ""]
    assert lines[4].startswith("— ocop.hatinh.gov.vn/log ") and text.endswith("\n")


def test_keys_round_trip_through_their_text():
    assert Verifier.decode(LOG.verifier.encode()) == LOG.verifier
    assert Signer.decode(LOG.encode()) == LOG
    assert len(LOG.verifier.fingerprint().split()) == 8


@pytest.mark.parametrize("position", range(len(_signed())))
def test_changing_any_byte_of_a_cosigned_checkpoint_breaks_it(position):
    good = _signed()
    original = good[position]
    replacement = "A" if original != "A" else "B"
    if original == "\n":
        replacement = " "
    bad = good[:position] + replacement + good[position + 1:]
    with pytest.raises(NoteError):
        open_checkpoint(bad, LOG.verifier, (WITNESS.verifier,))


def test_a_checkpoint_signed_by_another_key_or_not_cosigned_is_refused():
    impostor = Signer.generate(LOG.name)
    forged = sign_note(CHECKPOINT.text(), impostor).encode()
    with pytest.raises(NoteError, match="not signed"):
        open_checkpoint(forged, LOG.verifier)
    with pytest.raises(NoteError, match="witness"):
        open_checkpoint(_signed(witnessed=False), LOG.verifier, (WITNESS.verifier,))


def test_a_cosignature_is_bound_to_its_time():
    note = SignedNote.parse(_signed())
    cosig = note.signatures[-1]
    shifted = bytes([cosig.payload[0] ^ 1]) + cosig.payload[1:]
    tampered = SignedNote(note.text, (note.signatures[0], type(cosig)(cosig.name, cosig.key_id, shifted)))
    assert tampered.signed_by(WITNESS.verifier) is None


@pytest.mark.parametrize("text", [
    "", "no blank line\n", "origin\n12\nAAAA\n\n— x AAAA\n", "origin\n012\n" + "A" * 43 + "=\n\n— x AAAAAAAA\n",
    "origin\n\u0661\n" + "A" * 43 + "=\n\n— x AAAAAAAA\n", "ori\x00gin\n1\n" + "A" * 43 + "=\n\n— x AAAAAAAA\n",
    "x" * (2 << 20),
])
def test_malformed_notes_are_refused_with_a_reason(text):
    with pytest.raises(NoteError):
        open_checkpoint(text, LOG.verifier)


@pytest.mark.parametrize("text", ["", "a+b", "name+00000000+AAAA", "name+zz+" + "A" * 44, "sp ace+1+AA=="])
def test_malformed_keys_are_refused(text):
    with pytest.raises(NoteError):
        Verifier.decode(text)
