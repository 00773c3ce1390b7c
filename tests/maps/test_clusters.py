"""Producer clusters: invariants at every zoom, expansion, paging, unlocated producers, rebuild by version."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.maps.clusters import Cluster, ClusterIndex, ClusterOptions, ClusterStore, MapPoint, build_index
from ocop_desktop.maps.errors import MapError
from ocop_desktop.maps.mercator import Z_REF, to_world

OPTIONS = ClusterOptions(max_zoom=16)


def _producers(n: int, seed: int = 7) -> list[MapPoint]:
    """Producers bunched around a few villages in Hà Tĩnh, some sharing one spot, as real data does."""
    rnd = random.Random(seed)
    villages = [(rnd.uniform(17.95, 18.7), rnd.uniform(105.2, 106.4)) for _ in range(12)]
    points = []
    for i in range(n):
        lat, lon = villages[i % len(villages)]
        spread = 0.0 if i % 9 == 0 else rnd.uniform(0.0005, 0.05)
        points.append(MapPoint(f"p{i}", lat + rnd.gauss(0, spread), lon + rnd.gauss(0, spread)))
    return points


def _leaf_keys(index: ClusterIndex, cluster_id: int) -> list[str]:
    return index.leaves(cluster_id, limit=10**9)


@pytest.fixture(scope="module")
def index() -> ClusterIndex:
    return build_index(_producers(1500), data_version=1, options=OPTIONS)


def test_at_every_zoom_counts_add_up_and_each_producer_is_in_exactly_one_item(index: ClusterIndex):
    """From z0 to beyond max zoom, the items partition the producers and each count is its leaf count."""
    everyone = sorted(f"p{i}" for i in range(1500))
    for zoom in range(0, OPTIONS.max_zoom + 3):
        items = index.at_zoom(zoom)
        assert sum(item.count for item in items) == 1500, zoom
        members: list[str] = []
        for item in items:
            keys = [item.key] if item.is_point else _leaf_keys(index, item.id)
            assert len(keys) == item.count
            members.extend(k for k in keys if k is not None)
        assert sorted(members) == everyone, zoom


def test_clusters_grow_coarser_as_the_map_zooms_out(index: ClusterIndex):
    """Fewer items at each zoom out; one item per producer beyond max zoom; a handful at the province view."""
    sizes = [len(index.at_zoom(z)) for z in range(0, OPTIONS.max_zoom + 2)]
    assert sizes == sorted(sizes)
    assert sizes[-1] == 1500 and all(item.is_point for item in index.at_zoom(OPTIONS.max_zoom + 1))
    assert sizes[8] <= 12


def test_a_cluster_sits_at_the_weighted_centre_of_its_producers(index: ClusterIndex):
    """The centroid (in Mercator pixels) of a cluster is the mean of its producers' positions."""
    producers = {p.key: p for p in _producers(1500)}
    big = max(index.at_zoom(10), key=lambda c: c.count)
    xs, ys = zip(*(to_world(producers[k].lat, producers[k].lon) for k in _leaf_keys(index, big.id)),  # type: ignore[arg-type]
                 strict=True)
    assert big.x == pytest.approx(sum(xs) / len(xs), rel=1e-9)
    assert big.y == pytest.approx(sum(ys) / len(ys), rel=1e-9)
    assert to_world(big.lat, big.lon) == pytest.approx((big.x, big.y), rel=1e-9)


def _owners(index: ClusterIndex, zoom: int) -> dict[str, Cluster]:
    """Which item holds each producer at a zoom."""
    return {key: item for item in index.at_zoom(zoom)
            for key in ([item.key] if item.is_point else _leaf_keys(index, item.id)) if key is not None}


def test_the_expansion_zoom_splits_a_cluster(index: ClusterIndex):
    """Zooming to a cluster's expansion zoom shows its producers in at least two items there: its children."""
    checked = 0
    owners = {zoom: _owners(index, zoom) for zoom in range(0, OPTIONS.max_zoom + 2)}
    for zoom in (4, 8, 11, 14, 16):
        for cluster in (c for c in index.at_zoom(zoom) if not c.is_point):
            target = index.expansion_zoom(cluster.id)
            assert zoom < target <= OPTIONS.max_zoom + 1
            holders = {owners[target][key].id: owners[target][key] for key in _leaf_keys(index, cluster.id)}
            assert len(holders) >= 2
            assert sum(h.count for h in holders.values()) == cluster.count
            assert sorted(c.id for c in index.children(cluster.id)) == sorted(holders)
            checked += 1
    assert checked > 20


def test_leaves_page_through_a_cluster_without_gaps_or_repeats(index: ClusterIndex):
    """Pages of 7 from offset 0 give every producer of the cluster exactly once, in a stable order."""
    cluster = max(index.at_zoom(6), key=lambda c: c.count)
    pages = [index.leaves(cluster.id, limit=7, offset=start) for start in range(0, cluster.count, 7)]
    flat = [key for page in pages for key in page]
    assert len(flat) == len(set(flat)) == cluster.count
    assert flat == index.leaves(cluster.id, limit=cluster.count)
    assert index.leaves(cluster.id, limit=7, offset=cluster.count) == []


def test_a_bounding_box_query_returns_exactly_the_items_inside(index: ClusterIndex):
    """The grid-indexed query agrees with a plain filter over every item at that zoom."""
    west, south, east, north = 105.6, 18.1, 106.0, 18.5
    for zoom in (5, 9, 12, 15, 18):
        inside = index.clusters(zoom, west, south, east, north)
        expected = [c for c in index.at_zoom(zoom) if west <= c.lon <= east and south <= c.lat <= north]
        assert sorted(c.id for c in inside) == sorted(c.id for c in expected)


def test_a_producer_without_a_location_is_reported_and_the_rest_are_clustered():
    """No location, NaN or an impossible latitude: a coded problem each, and the others still on the map."""
    points = [MapPoint("a", 18.3, 105.9), MapPoint("b", None, 105.9), MapPoint("c", float("nan"), 105.0),
              MapPoint("d", 95.0, 105.0), MapPoint("e", 18.31, 105.91)]
    index = build_index(points, options=OPTIONS)
    assert [(p.code, p.params["key"]) for p in index.problems] == [
        ("point_no_location", "b"), ("point_bad_location", "c"), ("point_bad_location", "d")]
    assert index.point_count == 2
    assert sum(c.count for c in index.at_zoom(3)) == 2


def test_an_empty_set_and_an_unknown_cluster_id():
    """No producers is an empty map, not an error; asking about a cluster that does not exist is one."""
    index = build_index([], options=OPTIONS)
    assert index.at_zoom(10) == [] and index.clusters(10, -180, -85, 180, 85) == []
    with pytest.raises(MapError) as caught:
        index.expansion_zoom(12345)
    assert caught.value.code == "cluster_unknown"


def test_the_store_rebuilds_only_when_the_data_version_changes():
    """Same version: the same index, no rebuild; a new version: a new index from the loader."""
    store = ClusterStore(OPTIONS)
    calls = []

    def load() -> list[MapPoint]:
        calls.append(1)
        return _producers(50)

    first = store.index(("producers", 3), load)
    assert store.index(("producers", 3), load) is first
    second = store.index(("producers", 4), load)
    assert second is not first and second.data_version == ("producers", 4)
    assert (len(calls), store.builds) == (2, 2)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(17.9, 18.8), st.floats(105.0, 106.6)), max_size=60),
       st.integers(min_value=0, max_value=17))
def test_no_two_items_at_a_zoom_are_closer_than_the_radius_when_both_are_producers(coords: list[tuple[float, float]],
                                                                                   zoom: int):
    """Two lone producers within the radius of each other would have been merged at that zoom."""
    index = build_index([MapPoint(str(i), lat, lon) for i, (lat, lon) in enumerate(coords)], options=OPTIONS)
    singles = [c for c in index.at_zoom(zoom) if c.is_point]
    if zoom > OPTIONS.max_zoom:
        return
    radius = OPTIONS.radius_px * 2.0 ** (Z_REF - zoom)
    for i, a in enumerate(singles):
        for b in singles[i + 1:]:
            assert math.hypot(a.x - b.x, a.y - b.y) > radius * (1 - 1e-9)
