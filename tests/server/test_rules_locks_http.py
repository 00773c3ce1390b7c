"""Locks on the real server: an evaluated or closed dossier and its documents stay as the council scored them,
for every role, the admin's included."""

from __future__ import annotations

import pytest
from rules_world import document_of, dossier_at, ok, refused_with, update
from server_world import ACTOR, ROLES, change, new_id, row

LOCKED = ("evaluated", "closed")
WRITERS = {"admin", "commune_officer"}


def _expect_locked(result, role: str) -> None:
    """Writers are refused by the lock; anyone else never gets that far (they write no dossiers at all)."""
    if role in WRITERS:
        assert refused_with(result, "rejected", "dossier_locked"), result.reason
    else:
        assert result.status == "forbidden", result.reason


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", LOCKED)
def test_a_scored_dossiers_fields_are_locked(world, role: str, status: str) -> None:
    """Editing the notes of an evaluated or closed dossier is refused and the notes stay."""
    dossier = dossier_at(world, status)
    _expect_locked(update(world, ACTOR[role], "dossiers", dossier, notes="sửa sau khi chấm"), role)
    assert world.current("dossiers", dossier)["notes"] == ""


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", LOCKED)
def test_a_scored_dossier_is_never_deleted(world, role: str, status: str) -> None:
    """Deleting an evaluated or closed dossier is refused and it stays."""
    dossier = dossier_at(world, status)
    _expect_locked(update(world, ACTOR[role], "dossiers", dossier, deleted=True), role)
    assert world.current("dossiers", dossier)["deleted"] is False


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", LOCKED)
@pytest.mark.parametrize("edit", [{"deleted": True}, {"title": "Đã thay"}], ids=["delete", "edit"])
def test_documents_the_council_scored_on_stay(world, role: str, status: str, edit: dict) -> None:
    """Removing or altering a document of an evaluated or closed dossier is refused and it stays as it was."""
    dossier = dossier_at(world, "forwarded", approved=True)
    document = document_of(world, dossier)
    ok(update(world, "admin", "dossiers", dossier, status="evaluated", result_stars=4))
    if status == "closed":
        ok(update(world, "admin", "dossiers", dossier, status="closed"))
    _expect_locked(update(world, ACTOR[role], "dossier_documents", document, **edit), role)
    stored = world.current("dossier_documents", document)
    assert (stored["deleted"], stored["title"]) == (False, "Phiếu kiểm nghiệm")


@pytest.mark.parametrize("role", sorted(WRITERS))
@pytest.mark.parametrize(("status", "expected"), [("evaluated", "applied"), ("closed", "rejected")])
def test_a_late_document_is_added_until_the_dossier_is_closed(world, role: str, status: str, expected: str) -> None:
    """A late certificate joins an evaluated dossier; a closed one takes nothing more."""
    dossier = dossier_at(world, status)
    result = world.push_one(ACTOR[role], change("dossier_documents", new_id(), row(
        dossier_id=dossier, doc_type="other", title="Bổ sung", sha256="cd" * 32, size=3)))
    assert result.status == expected, result.reason


@pytest.mark.parametrize("role", sorted(WRITERS))
def test_a_document_is_not_moved_out_of_a_scored_dossier(world, role: str) -> None:
    """Re-pointing an evaluated dossier's document at a draft of the same commune is refused."""
    scored, draft = dossier_at(world, "forwarded", approved=True), dossier_at(world, "draft")
    document = document_of(world, scored)
    ok(update(world, "admin", "dossiers", scored, status="evaluated", result_stars=4))
    assert refused_with(update(world, ACTOR[role], "dossier_documents", document, dossier_id=draft), "rejected",
                        "dossier_locked")


@pytest.mark.parametrize("role", sorted(WRITERS))
def test_the_outsiders_round_trip_is_refused_at_every_step(world, role: str) -> None:
    """The reported attack: back to draft, delete the documents, forward again. The first and second steps are
    refused, so the dossier stays evaluated with its document."""
    dossier = dossier_at(world, "forwarded", approved=True)
    document = document_of(world, dossier)
    ok(update(world, "admin", "dossiers", dossier, status="evaluated", result_stars=4))
    assert refused_with(update(world, ACTOR[role], "dossiers", dossier, status="draft"), "rejected",
                        "transition_not_allowed")
    assert refused_with(update(world, ACTOR[role], "dossier_documents", document, deleted=True), "rejected",
                        "dossier_locked")
    assert world.current("dossiers", dossier)["status"] == "evaluated"
    assert world.current("dossier_documents", document)["deleted"] is False
