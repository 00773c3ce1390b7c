"""The check's digests can be computed from docs/sync-protocol.md alone: this test follows the document's
steps with hashlib over rows pulled as raw JSON (no project code) and gets the server's answer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import requests
from server_world import change, headers, new_id, row

DOC = Path(__file__).resolve().parents[2] / "docs" / "sync-protocol.md"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _documented_digests(rows: list[dict]) -> tuple[str, dict[str, dict]]:
    """Steps 2-4 of "Check: the digests", as written there."""
    lines: dict[str, list[str]] = {}
    for r in rows:
        lines.setdefault(r["entity"], []).append(f"{r['id']}:{r['version']}")
    entities = {name: {"count": len(found), "digest": _sha256("\n".join(sorted(found)))}
                for name, found in lines.items()}
    combined = _sha256("\n".join(f"{name}:{d['count']}:{d['digest']}" for name, d in sorted(entities.items())))
    return combined, entities


def _pull_everything(world, username: str) -> tuple[list[dict], dict]:
    """Step 1: every row in scope, page after page (a later page's copy of a row replaces the earlier one),
    asking the last page for its digests."""
    rows, cursor = {}, 0
    while True:
        response = requests.post(world.url + "/sync/pull", json={"cursor": cursor, "limit": 7, "digest": True},
                                 headers=headers(world.token(username)), timeout=30)
        assert response.status_code == 200, response.text[:300]
        page = response.json()
        rows |= {(r["entity"], r["id"]): r for r in page["rows"]}
        cursor = page["cursor"]
        if not page["more"]:
            return list(rows.values()), page["digest"]


@pytest.mark.parametrize("username", ["admin", "officer1", "member1"])
def test_the_documented_digest_is_the_servers(world, username):
    """For three scopes, tombstones included, the digests computed from the document equal the ones the last
    page carries, at that page's cursor."""
    producer = new_id()
    fields = row(name="HTX Kẹo cu đơ", kind="cooperative", commune_code="18073")
    assert world.push_one("admin", change("producers", producer, fields)).status == "applied"
    assert world.push_one("admin", change("producers", producer, {}, "delete")).status == "applied"
    rows, digest = _pull_everything(world, username)
    combined, entities = _documented_digests(rows)
    assert digest["entities"] == entities and digest["combined"] == combined
    assert digest["cursor"] >= max(r["version"] for r in rows)  # the snapshot's sequence, rows in scope or not


def test_the_check_endpoint_names_the_cursor_its_digests_describe(world):
    """/sync/check answers at the server's own cursor; sending the documented combined digest of a state
    pulled up to it gets an empty entity list."""
    rows, digest = _pull_everything(world, "officer2")
    combined, _ = _documented_digests(rows)
    response = requests.post(world.url + "/sync/check", json={"cursor": digest["cursor"], "combined": combined},
                             headers=headers(world.token("officer2")), timeout=30)
    assert response.json() == {"combined": combined, "entities": {}, "cursor": digest["cursor"]}


def test_an_empty_scope_digests_to_the_hash_of_nothing():
    """Step 4's corner, as the document states it."""
    assert _documented_digests([])[0] == _sha256("")
    assert "SHA-256 of the empty string" in DOC.read_text(encoding="utf-8")
