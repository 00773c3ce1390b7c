"""How the dossier list shares its width among its columns: the product's name first, never squeezed to a stub.

Qt's one stretching column took only what the fixed ones left: beside the editor on a 1920 screen the product
got 85 px ("Bánh đa v…") while the producer kept 215. Here the columns with long names give up room
together, down to a floor each; narrower still (beside the editor on a 1366 laptop), the columns the editor
shows anyway step aside, least needed first, so the code, the product and the status stay in view without a
sideways scroll bar. A wider list shows them again.
"""

from __future__ import annotations

from ocop_desktop.ui.dossiers import list_model as m

# What each column shows whole in most rows; the code, the status, the stars and the date never give way.
IDEAL = {m.CODE: 135, m.PRODUCT: 240, m.PRODUCER: 215, m.COMMUNE: 125, m.GROUP: 150, m.STATUS: 140, m.STARS: 80,
         m.EXPIRY: 95}
FLOOR = {m.PRODUCT: 170, m.PRODUCER: 140, m.COMMUNE: 100, m.GROUP: 105}  # the names that may shrink, and how far
FIXED = sum(w for c, w in IDEAL.items() if c not in FLOOR)


def wanted() -> int:
    """The width every column needs to show whole: what a wide screen gives the list."""
    return sum(IDEAL.values())


def least() -> int:
    """Below this the columns stop shrinking and the list scrolls sideways."""
    return FIXED + sum(FLOOR.values())


# Hidden in this order when even the floors do not fit: the editor beside the list shows each of them.
STEP_ASIDE = (m.GROUP, m.EXPIRY, m.COMMUNE, m.PRODUCER, m.STARS)


def hidden(room: int) -> frozenset[int]:
    """The columns left out of a table ``room`` px wide inside: none once the floors fit."""
    need, left_out = least(), set()
    for column in STEP_ASIDE:
        if need <= room:
            break
        need -= FLOOR.get(column, IDEAL[column])
        left_out.add(column)
    return frozenset(left_out)


def widths(room: int) -> dict[int, int]:
    """Each column's width for a table ``room`` px wide inside (a hidden one's for when it shows again); the
    product's name takes any width left over (or the rounding), so the shown columns fill the room exactly."""
    left_out = hidden(room)
    if left_out:  # the columns still shown at their floors, the product's name taking what is left
        sized = {c: FLOOR.get(c, w) for c, w in IDEAL.items()}
        shown = sum(w for c, w in sized.items() if c not in left_out and c != m.PRODUCT)
        sized[m.PRODUCT] = max(room - shown, FLOOR[m.PRODUCT])
        return sized
    sized = dict(IDEAL)
    flexible = room - FIXED
    ideal = sum(IDEAL[c] for c in FLOOR)
    floor = sum(FLOOR.values())
    if flexible < ideal:
        share = max(flexible - floor, 0) / (ideal - floor)
        for column, low in FLOOR.items():
            sized[column] = low + int(share * (IDEAL[column] - low))
    if flexible > floor:
        sized[m.PRODUCT] += flexible - sum(sized[c] for c in FLOOR)
    return sized
