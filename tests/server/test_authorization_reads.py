"""What each user pulls: members their councils only, officers their communes, viewers public rows."""

from __future__ import annotations

import hashlib

import requests
from server_world import change, headers, new_id, row

C2_WORLD = ("P2", "PR2", "D2", "DD2", "C2", "E2", "A2", "M3", "S3")


def _ids(world, username: str) -> set[str]:
    return {r.id for r in world.pull_all(username)}


def test_a_member_pulls_their_councils_dossier(world):
    """member1 (C1) receives D1, its product, producer and document, and C1 itself."""
    assert {world.ids[k] for k in ("D1", "PR1", "P1", "DD1", "C1", "E1", "A1", "R1")} <= _ids(world, "member1")


def test_a_member_pulls_nothing_of_another_council(world):
    """member1 receives none of C2's rows (its dossier, product, producer, members, sheets)."""
    assert not {world.ids[k] for k in C2_WORLD} & _ids(world, "member1")


def test_a_member_pulls_no_other_members_sheet(world):
    """member1 receives their own sheet but not member2's."""
    pulled = _ids(world, "member1")
    assert world.ids["S1"] in pulled and world.ids["S2"] not in pulled


def test_a_chair_pulls_every_sheet_of_their_council(world):
    """chair1 receives all C1 sheets and no C2 sheet."""
    pulled = _ids(world, "chair1")
    assert {world.ids[k] for k in ("S1", "S2", "S_sec", "S_chair")} <= pulled and world.ids["S3"] not in pulled


def test_a_member_asking_for_dossiers_gets_only_their_councils(world):
    """member3 (C2) pulling the dossiers entity alone gets D2 and nothing else."""
    rows = world.client("member3").pull(0, limit=1000, entity="dossiers").rows
    assert {r.id for r in rows} == {world.ids["D2"]}


def test_an_officer_pulls_only_their_commune(world):
    """officer1 (18073) receives P1/PR1/D1 but nothing of commune 18652."""
    pulled = _ids(world, "officer1")
    assert {world.ids[k] for k in ("P1", "PR1", "D1", "DD1")} <= pulled
    assert not {world.ids[k] for k in ("P2", "PR2", "D2", "DD2")} & pulled


def test_a_viewer_pulls_public_rows_only(world):
    """The viewer receives the criteria set and their own user row, nothing else."""
    rows = world.pull_all("viewer1")
    assert {r.entity for r in rows} == {"criteria_set_versions", "users"}
    assert {r.id for r in rows if r.entity == "users"} == {world.users["viewer1"]}


def test_a_viewers_check_covers_public_entities_only(world):
    """/sync/check for the viewer digests only what the viewer may see."""
    cursor = world.client("admin").push([]).server_seq
    entities = world.client("viewer1").check(cursor).entities
    assert set(entities) == {"criteria_set_versions", "users"} and entities["users"].count == 1


def test_the_admin_pulls_everything(world):
    """The admin receives every world row of both communes and councils."""
    assert set(world.ids.values()) <= _ids(world, "admin")


def _attached(world, dossier: str) -> str:
    """A file uploaded by the admin and attached to ``dossier``; its hash."""
    data = f"giấy chứng nhận {dossier} {new_id()}".encode()
    sha = hashlib.sha256(data).hexdigest()
    admin = world.client("admin")
    admin.upload_state(sha, len(data))
    assert admin.upload_chunk(sha, 0, data).complete
    if dossier:
        document = change("dossier_documents", new_id(), row(dossier_id=world.ids[dossier], doc_type="other",
                                                             title="Giấy chứng nhận", sha256=sha, size=len(data)))
        assert world.push_one("admin", document).status == "applied"
    return sha


def _download(world, username: str, sha: str) -> int:
    return requests.get(f"{world.url}/files/{sha}", headers=headers(world.token(username)), timeout=10).status_code


def test_a_file_goes_only_to_those_who_see_its_dossier(world):
    """D2's attachment: its commune's officer and its council's member get it; D1's people get 404, the same
    answer as for a file the server never had, so a hash known from elsewhere tells nothing."""
    sha = _attached(world, "D2")
    assert {u: _download(world, u, sha) for u in ("admin", "officer2", "member3", "officer1", "member1", "chair1",
                                                    "viewer1")} == {
        "admin": 200, "officer2": 200, "member3": 200, "officer1": 404, "member1": 404, "chair1": 404, "viewer1": 404}
    assert _download(world, "officer1", "0" * 64) == 404


def test_a_file_no_row_names_goes_to_admins_only(world):
    sha = _attached(world, "")
    assert (_download(world, "admin", sha), _download(world, "officer1", sha), _download(world, "member1", sha)) == (
        200, 404, 404)


def test_a_deleted_document_no_longer_opens_its_file(world):
    """Once its document is deleted, the file is refused to the commune that had it (admins still get it)."""
    sha = _attached(world, "D1")
    assert _download(world, "officer1", sha) == 200
    [document] = [r for r in world.pull_all("officer1")
                  if r.entity == "dossier_documents" and r.data.get("sha256") == sha]
    deleted = change("dossier_documents", document.id, {"deleted": (False, True)}, op="delete",
                     base_version=document.version)
    assert world.push_one("admin", deleted).status == "applied"
    assert (_download(world, "officer1", sha), _download(world, "admin", sha)) == (404, 200)
