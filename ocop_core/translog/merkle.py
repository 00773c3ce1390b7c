"""RFC 9162 §2.1 Merkle tree hashes, inclusion and consistency proofs, and their verification.

Proofs are built from the hashes of *perfect* subtrees only (``node(level, index)`` covers leaves
``index·2^level … (index+1)·2^level − 1``): those never change once the log has grown past them, so a
server stores each one once, at append, and any proof at any size is O(log n) lookups.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from ocop_core.errors import OcopError

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()

NodeLookup = Callable[[int, int], bytes]
"""(level, index) -> the hash of that perfect subtree; level 0 is the leaf hashes."""


class ProofError(OcopError, ValueError):
    """A proof that does not verify, or a request for one that cannot exist."""

    def __init__(self, explanation: str) -> None:
        super().__init__("log_proof_failed", explanation)


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two smaller than ``size`` (size ≥ 2)."""
    return 1 << ((size - 1).bit_length() - 1)


def append_nodes(index: int, leaf: bytes, node: NodeLookup) -> list[tuple[int, int, bytes]]:
    """The perfect-subtree hashes that appending leaf number ``index`` (its hash ``leaf``) completes,
    lowest level first: the leaf itself, then one parent per trailing one-bit of ``index``."""
    made = [(0, index, leaf)]
    level, position, current = 0, index, leaf
    while position & 1:
        current = node_hash(node(level, position - 1), current)
        level, position = level + 1, position >> 1
        made.append((level, position, current))
    return made


def range_hash(start: int, end: int, node: NodeLookup) -> bytes:
    """MTH of leaves [start, end) where the range is a subtree of some tree: ``start`` is a multiple of a
    power of two at least ``end − start`` rounded up, as every range in a proof is."""
    if end <= start:
        return EMPTY_ROOT
    pieces: list[bytes] = []
    position = start
    while position < end:
        level = (end - position).bit_length() - 1
        pieces.append(node(level, position >> level))
        position += 1 << level
    result = pieces.pop()
    while pieces:
        result = node_hash(pieces.pop(), result)
    return result


def root_hash(size: int, node: NodeLookup) -> bytes:
    return range_hash(0, size, node)


def inclusion_proof(index: int, size: int, node: NodeLookup) -> list[bytes]:
    """PATH(index, D[size]) of RFC 9162 §2.1.3.1, leaf to root."""
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of {size}")
    path: list[bytes] = []
    start, end = 0, size
    while end - start > 1:
        k = _split(end - start)
        if index - start < k:
            path.append(range_hash(start + k, end, node))
            end = start + k
        else:
            path.append(range_hash(start, start + k, node))
            start += k
    path.reverse()
    return path


def consistency_proof(old_size: int, new_size: int, node: NodeLookup) -> list[bytes]:
    """PROOF(old_size, D[new_size]) of RFC 9162 §2.1.4.1."""
    if not 0 <= old_size <= new_size:
        raise ProofError(f"no consistency proof from {old_size} to {new_size}")
    if old_size in (0, new_size):
        return []
    path: list[bytes] = []
    start, end, m, complete = 0, new_size, old_size, True
    while m != end - start:
        k = _split(end - start)
        if m <= k:
            path.append(range_hash(start + k, end, node))
            end = start + k
        else:
            path.append(range_hash(start, start + k, node))
            start, m, complete = start + k, m - k, False
    if not complete:
        path.append(range_hash(start, end, node))
    path.reverse()
    return path


def _check_hashes(*hashes: bytes) -> None:
    if any(len(h) != HASH_SIZE for h in hashes):
        raise ProofError("a hash is not 32 bytes")


def root_from_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root that ``proof`` leads to from ``leaf`` (RFC 9162 §2.1.3.2)."""
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of {size}")
    _check_hashes(leaf, *proof)
    fn, sn, result = index, size - 1, leaf
    for sibling in proof:
        if sn == 0:
            raise ProofError("the proof is longer than the tree is deep")
        if fn & 1 or fn == sn:
            result = node_hash(sibling, result)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            result = node_hash(result, sibling)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError("the proof is shorter than the tree is deep")
    return result


def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes) -> None:
    """Raises ProofError unless ``leaf`` is leaf number ``index`` of the tree of ``size`` with ``root``."""
    _check_hashes(root)
    if root_from_inclusion(index, size, leaf, proof) != root:
        raise ProofError("the inclusion proof leads to another root")


def verify_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes,
                       proof: Sequence[bytes]) -> None:
    """Raises ProofError unless the tree of ``new_size`` with ``new_root`` extends the tree of ``old_size``
    with ``old_root`` (RFC 9162 §2.1.4.2): nothing logged before was changed or removed."""
    if not 0 <= old_size <= new_size:
        raise ProofError(f"a log cannot shrink from {old_size} to {new_size}")
    if old_size == new_size:
        if proof or old_root != new_root:
            raise ProofError("two different roots for the same size")
        return
    if old_size == 0:
        if proof:
            raise ProofError("a proof from the empty tree must be empty")
        return
    if not proof:
        raise ProofError("the consistency proof is empty")
    _check_hashes(old_root, new_root, *proof)
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    first = second = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("the proof is longer than the tree is deep")
        if fn & 1 or fn == sn:
            first, second = node_hash(c, first), node_hash(c, second)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            second = node_hash(second, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0 or first != old_root or second != new_root:
        raise ProofError("the consistency proof does not join the two roots")


class MemoryTree:
    """A whole tree in memory: for tests, the witness's replay, and a laptop checking a range of entries."""

    def __init__(self) -> None:
        self.nodes: dict[tuple[int, int], bytes] = {}
        self.size = 0

    def node(self, level: int, index: int) -> bytes:
        return self.nodes[(level, index)]

    def append(self, data: bytes) -> int:
        for level, index, value in append_nodes(self.size, leaf_hash(data), self.node):
            self.nodes[(level, index)] = value
        self.size += 1
        return self.size - 1

    def root(self, size: int | None = None) -> bytes:
        return root_hash(self.size if size is None else size, self.node)
