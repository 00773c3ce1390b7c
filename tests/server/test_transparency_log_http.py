"""The transparency log over real HTTP: what the server appends with each event, the proofs anyone can
fetch without an account, and a hand-edited database caught by the proofs."""

from __future__ import annotations

import base64
import json

import pytest
import requests
from server_world import CRITERIA_TEXT, World

from ocop_core.translog.bundles import BundleError, verify_bundle
from ocop_core.translog.merkle import leaf_hash, verify_consistency, verify_inclusion
from ocop_core.translog.notes import Verifier, open_checkpoint
from ocop_server.app import create_app
from ocop_server.settings import Settings
from ocop_server.translog.keys import LogKeyMissing
from ocop_server.translog.tables import LogEntry


def _get(world: World, path: str, **params) -> requests.Response:
    return requests.get(world.url + path, params=params, timeout=10)


def _key(world: World) -> Verifier:
    return Verifier.decode(_get(world, "/log/key").text)


def _checkpoint(world: World):
    return open_checkpoint(_get(world, "/log/checkpoint").text, _key(world))


def _hashes(response: requests.Response) -> list[bytes]:
    assert response.status_code == 200, response.text
    return [base64.b64decode(h) for h in response.json()["hashes"]]


def _second_criteria_set() -> str:
    document = json.loads(CRITERIA_TEXT)
    document["criteria_set"]["id"] = "6f1d7c9e-1b1a-4c55-9d0e-0a0b0c0d0e0f"
    document["criteria_set"]["code"] += "-LOG"
    return json.dumps(document, ensure_ascii=False)


def test_publishing_a_criteria_set_is_logged_and_provable_without_an_account(world: World):
    checkpoint = _checkpoint(world)
    assert checkpoint.size >= 1
    entries = _get(world, "/log/entries", start=0, end=checkpoint.size).json()
    published = [e for e in entries if json.loads(e["body"])["criteria_set_id"] == world.criteria["id"]]
    assert len(published) == 1 and json.loads(published[0]["body"])["kind"] == "criteria_set_published"
    for entry in entries:
        proof = _hashes(_get(world, "/log/inclusion", index=entry["index"], size=checkpoint.size))
        verify_inclusion(entry["index"], checkpoint.size, leaf_hash(entry["body"].encode()), proof, checkpoint.root)


def test_the_log_only_grows_and_old_checkpoints_stay_consistent(world: World):
    before = _checkpoint(world)
    world.client("admin").publish(_second_criteria_set())
    after = _checkpoint(world)
    assert after.size == before.size + 1
    proof = _hashes(_get(world, "/log/consistency", old=before.size, new=after.size))
    verify_consistency(before.size, after.size, before.root, after.root, proof)


def test_a_bundle_verifies_offline_against_the_pinned_key(world: World):
    response = _get(world, f"/log/bundle/criteria_set_versions/{world.criteria['id']}")
    verified = verify_bundle(response.text, _key(world))
    assert [entry["kind"] for _, entry in verified.entries] == ["criteria_set_published"]


def test_a_hand_edited_entry_no_longer_proves(world: World, server):
    with server.app.state.write_sessions() as session:
        entry = session.query(LogEntry).filter_by(entity_id=world.criteria["id"]).one()
        original = bytes(entry.body)
        entry.body = original.replace(b"criteria_set_published", b"criteria_set_publishex")
        session.commit()
    try:
        response = _get(world, f"/log/bundle/criteria_set_versions/{world.criteria['id']}")
        with pytest.raises(BundleError) as caught:
            verify_bundle(response.text, _key(world))
        assert caught.value.what == "inclusion"
    finally:
        with server.app.state.write_sessions() as session:
            session.query(LogEntry).filter_by(entity_id=world.criteria["id"]).one().body = original
            session.commit()


@pytest.mark.parametrize(("path", "params"), [
    ("/log/inclusion", {"index": 5, "size": 1}), ("/log/inclusion", {"index": 0, "size": 10**9}),
    ("/log/consistency", {"old": 9, "new": 2}), ("/log/entries", {"start": 0, "end": 5000}),
    ("/log/inclusion", {"index": -1, "size": 1}), ("/log/inclusion", {"index": "x", "size": 1}),
])
def test_impossible_proof_requests_are_refused_clearly(world: World, path, params):
    response = _get(world, path, **params)
    assert 400 <= response.status_code < 500, response.text


@pytest.mark.parametrize("tail", ["recognitions/" + "9" * 36, "x" * 65 + "/1", "recognitions/..%2F..%2Fetc",
                                  "%E2%80%AE/1"])
def test_a_record_not_in_the_log_is_an_honest_404(world: World, tail):
    assert _get(world, "/log/bundle/" + tail).status_code == 404


def test_the_server_refuses_to_start_without_its_signing_key(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 's.sqlite3'}", files_dir=tmp_path / "files",
                        log_key_file=tmp_path / "missing.key")
    with pytest.raises(LogKeyMissing, match="create-log-key"):
        create_app(settings)
