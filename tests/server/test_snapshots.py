"""Pull pages and check digests reused for the next device of the same scope at the same sequence
number, and never once anything has changed."""

from __future__ import annotations

from server_world import change, new_id, row

from ocop_server.snapshots import SnapshotCache


def test_the_cache_computes_each_key_once_and_keeps_only_the_most_recent_entries():
    cache, made = SnapshotCache(size=2), []

    def make(value):
        made.append(value)
        return value

    assert [cache.get_or_make(k, lambda k=k: make(k)) for k in ("a", "a", "b", "c", "a")] == ["a", "a", "b", "c", "a"]
    assert made == ["a", "b", "c", "a"]  # "a" was pushed out by "b" and "c", then made again
    assert (cache.hits, cache.misses) == (1, 4)


def test_a_second_device_of_the_same_scope_gets_the_same_page_from_the_cache(world):
    snapshots = world.server.app.state.snapshots
    first = world.client("admin").pull(0, limit=1000)
    hits = snapshots.hits
    again = world.login("admin", "máy thứ hai").pull(0, limit=1000)
    assert snapshots.hits == hits + 1
    assert again == first


def test_a_pull_after_a_change_sees_the_change(world):
    admin = world.client("admin")
    before = admin.pull(0, limit=1000)
    before_digest = admin.check(before.cursor)
    producer = new_id()
    assert world.push_one("admin", change("producers", producer, row(
        name="HTX mới", kind="cooperative", commune_code="18073"))).status == "applied"
    after = admin.pull(0, limit=1000, digest=True)
    assert producer not in {r.id for r in before.rows}
    assert producer in {r.id for r in after.rows} and after.cursor > before.cursor
    assert after.digest.cursor == after.cursor and after.digest.combined != before_digest.combined


def test_users_of_different_scopes_never_share_a_cached_page(world):
    """Same cursor, same sequence number: the officer of commune 18652 must not get 18073's page."""
    officer1 = {r.id for r in world.pull_all("officer1")}
    officer2 = {r.id for r in world.pull_all("officer2")}
    assert world.ids["P1"] in officer1 and world.ids["P1"] not in officer2
    assert world.ids["P2"] in officer2 and world.ids["P2"] not in officer1
    head = world.client("admin").pull(0, 1000).cursor
    check1, check2 = (world.client(u).check(head) for u in ("officer1", "officer2"))
    assert check1.combined != check2.combined


def test_a_large_page_is_sent_compressed_and_reads_the_same_as_plain(world):
    """A page is gzip-compressed once per snapshot; a client that takes no gzip gets the same JSON plain."""
    import json

    import requests
    from server_world import headers

    url = f"{world.url}/sync/pull"
    body = {"cursor": 0, "limit": 1000}
    packed = requests.post(url, json=body, headers={**headers(world.token("admin")), "Accept-Encoding": "gzip"},
                           timeout=10)
    plain = requests.post(url, json=body, headers={**headers(world.token("admin")), "Accept-Encoding": "identity"},
                          timeout=10)
    assert packed.headers.get("Content-Encoding") == "gzip" and "Content-Encoding" not in plain.headers
    assert int(packed.headers["Content-Length"]) < int(plain.headers["Content-Length"])
    assert json.loads(packed.content) == json.loads(plain.content)  # requests inflates gzip itself
