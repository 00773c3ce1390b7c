"""The dossier list as last loaded, kept on disk so that the next start shows it at once.

It is a copy, never the record: the page shows it while the database opens on its thread, then asks
whether the database is still at the version the copy was read from (a counter moved by triggers on
every table the list reads) and loads the list again if not. marshal, not pickle: it loads only plain
values (a damaged or planted file can give wrong rows for a moment, never run code), and it is the
fastest reader of plain lists in the standard library. A CRC of the bytes stands in for checking each
value's type (2 ms instead of 20 at 50,000 rows): the writer is this module, so a file whose bytes are
intact has the shapes it wrote.
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
import zlib
from pathlib import Path

from ocop_desktop import __version__
from ocop_desktop.ui.dossiers.list_model import DossierColumns, Prepared

FILE_NAME = "dossier-list.bin"
FORMAT = 2
# The code that builds the list: a copy saved by another version of it (new columns, another fold or
# collation) is not this code's list, however current its data. A checksum of the sources, so nobody
# has to remember to bump a number.
_BUILT_BY = ("ocop_desktop/ui/dossiers/list_model.py", "ocop_desktop/ui/dossiers/list_cache.py",
             "ocop_desktop/services/dossier_rows.py", "ocop_desktop/services/dossier_list.py",
             "ocop_core/domain/text.py")
_PYTHON = tuple(sys.version_info[:2])  # marshal's format may change between Python versions
_HEADER = 4  # bytes of CRC-32 before the payload
# Columns whose every value differs (ids, codes, product names, search texts) are kept as one string cut
# at this character: splitting it makes 50,000 strings in C, four times faster than marshal reading them
# one by one. Columns of repeated values (communes, statuses) stay lists, where marshal shares each value.
_SEPARATOR = "\x1f"
_JOINED = frozenset({"ids", "codes", "products"})


@functools.cache
def code_version() -> str:
    root = Path(__file__).resolve().parents[3]
    crc = 0
    for name in _BUILT_BY:
        try:
            crc = zlib.crc32((root / name).read_bytes(), crc)
        except OSError:  # no sources (a frozen build): the version number alone
            crc = zlib.crc32(name.encode(), crc)
    return f"{__version__}:{crc:08x}"


def _identity(database: Path) -> list[int] | None:
    # The same counter value in another database file (deleted and made again) is another state.
    try:
        stat = database.stat()
    except OSError:
        return None
    return [stat.st_dev, stat.st_ino]


def save(path: Path, database: Path, prepared: Prepared) -> None:
    """Writes the copy whole or not at all (a temporary file renamed over the old one). Runs on the
    database thread after each load; a copy without a version is never written."""
    identity = _identity(database)
    if prepared.version is None or identity is None:
        return
    lists = [_pack(getattr(prepared.columns, name)) if name in _JOINED else getattr(prepared.columns, name)
             for name in DossierColumns.__slots__]
    payload = marshal.dumps((FORMAT, _PYTHON, code_version(), identity, prepared.version, len(prepared.haystacks),
                             lists, _pack(prepared.haystacks), dict(prepared.ranks), prepared.group_names,
                             dict(prepared.orders), prepared.communes, prepared.groups))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(zlib.crc32(payload).to_bytes(_HEADER, "big") + payload)
    os.replace(partial, path)


def load(path: Path, database: Path) -> Prepared | None:
    """The saved copy for ``database``, or None when there is none or it cannot be trusted to be
    well-formed (another format, another file, damaged): the page then simply waits for the load."""
    try:
        data = memoryview(path.read_bytes())
        if len(data) <= _HEADER or zlib.crc32(data[_HEADER:]) != int.from_bytes(data[:_HEADER], "big"):
            return None
        payload = marshal.loads(data[_HEADER:])
        if not isinstance(payload, tuple) or len(payload) != 13 or payload[:3] != (FORMAT, _PYTHON, code_version()):
            return None
        identity, version, n, lists, haystacks, *rest = payload[3:]
        if identity != _identity(database) or not isinstance(version, str):
            return None
        return _rebuild(version, n, lists, haystacks, *rest)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _pack(values: list[str]) -> str | list[str]:
    if any(_SEPARATOR in v for v in values):  # never in practice; still correct if it happens
        return values
    return _SEPARATOR.join(values)


def _unpack(packed: str | list[str], n: int) -> list[str]:
    if isinstance(packed, list):
        return packed
    return packed.split(_SEPARATOR) if n else []


def _rebuild(version: str, n: int, lists: list, haystacks: str | list, ranks: dict, group_names: dict,
             orders: dict, communes: list, groups: list) -> Prepared | None:
    # The shapes only: the CRC vouches for the values inside them. A wrong type raises TypeError.
    lists = [_unpack(values, n) if name in _JOINED else values
             for name, values in zip(DossierColumns.__slots__, lists, strict=True)]
    haystacks = _unpack(haystacks, n)
    columns_fit = all(isinstance(values, list) and len(values) == n for values in [*lists, haystacks])
    orders_fit = all(isinstance(o, list) and len(o) == n for o in [*ranks.values(), *orders.values()])
    if not (columns_fit and orders_fit and isinstance(group_names, dict)
            and isinstance(communes, list) and isinstance(groups, list)):
        return None
    return Prepared(DossierColumns(*lists), group_names, haystacks, ranks, version, orders, communes, groups)
