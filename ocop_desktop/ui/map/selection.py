"""Which producers the map shows under the shared dossier filter, how each marker looks, and their clusters.

Pure Python over frozen values, so it runs off the UI thread. A producer is shown when one of its dossiers
passes the filter (the dossier list's own ``matching``, so both sections show the same set); with no filter
at all, every located producer is, a producer without a dossier yet included. The cluster index is keyed by
the data version and the filter, so it is rebuilt only when the producers or the filter changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ocop_core.domain.dossier_status import STATUSES
from ocop_desktop.maps.clusters import ClusterIndex, ClusterStore, MapPoint
from ocop_desktop.services.dossier_rows import DossierRow
from ocop_desktop.ui.dossiers.list_model import DossierColumns, DossierFilter, matching
from ocop_desktop.ui.map.markers import STAGES, MarkerStyle, star_band

if TYPE_CHECKING:  # the service (SQLAlchemy) loads on the database thread, not with this screen
    from ocop_desktop.services.producer_map import MapProducer, ProducerMap

_STATUS_RANK = {status: i for i, status in enumerate(STATUSES)}


@dataclass(frozen=True)
class MapSelection:
    data: ProducerMap
    filter: DossierFilter
    index: ClusterIndex
    styles: dict[str, MarkerStyle]  # producer id -> its marker
    dossiers: dict[str, list[DossierRow]]  # producer id -> its dossiers passing the filter
    producers: dict[str, MapProducer]  # every producer passing the filter, located or not
    unlocated: int  # of those, how many have no position yet

    @property
    def shown(self) -> int:
        return self.index.point_count


def style_of(rows: list[DossierRow]) -> MarkerStyle:
    """Best stars among the producer's products; shape from its dossier furthest along the workflow."""
    if not rows:
        return MarkerStyle(0, "none")
    furthest = max(rows, key=lambda r: _STATUS_RANK.get(r.status, -1))
    return MarkerStyle(max(star_band(r.stars) for r in rows), STAGES.get(furthest.status, "preparing"))


def select(data: ProducerMap, shared: DossierFilter, store: ClusterStore) -> MapSelection:
    """The producers and markers for ``shared`` (its text is ignored: the map searches places apart)."""
    active = shared != DossierFilter()
    if active:
        cols = DossierColumns.of(data.dossiers)
        rows = [data.dossiers[i] for i in matching(cols, shared, data.today)]
    else:
        rows = data.dossiers
    by_producer: dict[str, list[DossierRow]] = {}
    for row in rows:
        producer = data.producer_of.get(row.id)
        if producer is not None:
            by_producer.setdefault(producer, []).append(row)
    producers = {p.id: p for p in data.producers if not active or p.id in by_producer}
    located = [p for p in producers.values() if p.lat is not None and p.lon is not None]
    key = (data.version or id(data), shared)
    index = store.index(key, lambda: [MapPoint(p.id, p.lat, p.lon) for p in located])
    styles = {p.id: style_of(by_producer.get(p.id, [])) for p in located}
    return MapSelection(data, shared, index, styles, by_producer, producers, len(producers) - len(located))
