"""RFC 9162 tree hashes and proofs against the Certificate Transparency reference vectors, and for every
size and index by property."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop_core.translog.merkle import (
    EMPTY_ROOT,
    MemoryTree,
    ProofError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    verify_consistency,
    verify_inclusion,
)

VECTORS = json.loads((Path(__file__).parent / "rfc6962_vectors.json").read_text())
LEAVES = [bytes.fromhex(x) for x in VECTORS["leaves"]]
ROOTS = [bytes.fromhex(x) for x in VECTORS["roots"]]
SOME_HASH = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")


@pytest.fixture(scope="module")
def tree() -> MemoryTree:
    made = MemoryTree()
    for data in LEAVES:
        made.append(data)
    return made


def _hashes(items: list[str]) -> list[bytes]:
    return [bytes.fromhex(x) for x in items]


def test_the_empty_tree_is_the_hash_of_nothing():
    assert MemoryTree().root() == EMPTY_ROOT
    assert EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_roots_of_every_prefix_match_the_reference(tree):
    assert [tree.root(size) for size in range(1, 9)] == ROOTS


@pytest.mark.parametrize("case", VECTORS["inclusion"], ids=lambda c: f"{c['leaf']}of{c['size']}")
def test_inclusion_proofs_match_the_reference_and_verify(tree, case):
    index, size = case["leaf"] - 1, case["size"]
    assert inclusion_proof(index, size, tree.node) == _hashes(case["proof"])
    verify_inclusion(index, size, leaf_hash(LEAVES[index]), _hashes(case["proof"]), ROOTS[size - 1])


@pytest.mark.parametrize("case", VECTORS["consistency"], ids=lambda c: f"{c['size1']}to{c['size2']}")
def test_consistency_proofs_match_the_reference_and_verify(tree, case):
    old, new = case["size1"], case["size2"]
    assert consistency_proof(old, new, tree.node) == _hashes(case["proof"])
    verify_consistency(old, new, ROOTS[old - 1], ROOTS[new - 1], _hashes(case["proof"]))


def _inclusion_probes(index, size, leaf, proof, root):
    yield index + 1, size, leaf, proof, root
    yield index ^ 2, size, leaf, proof, root
    yield index, size * 2, leaf, proof, root
    yield index, size // 2, leaf, proof, root
    yield index, size, leaf_hash(b"WrongLeaf"), proof, root
    yield index, size, leaf, proof, EMPTY_ROOT
    yield index, size, leaf, proof, SOME_HASH
    yield index, size, leaf, [*proof, root], root
    yield index, size, leaf, [root, *proof], root
    yield index, size, leaf, [*proof, b""], root
    if proof:
        yield index, size, leaf, proof[:-1], root
        yield index, size, leaf, [proof[0], SOME_HASH, *proof[1:]], root
    for i in range(len(proof)):
        flipped = bytearray(proof[i])
        flipped[0] ^= 8
        yield index, size, leaf, [*proof[:i], bytes(flipped), *proof[i + 1:]], root


@pytest.mark.parametrize("case", VECTORS["inclusion"], ids=lambda c: f"{c['leaf']}of{c['size']}")
def test_every_corruption_of_an_inclusion_proof_fails(case):
    index, size = case["leaf"] - 1, case["size"]
    good = (index, size, leaf_hash(LEAVES[index]), _hashes(case["proof"]), ROOTS[size - 1])
    for probe in _inclusion_probes(*good):
        if probe == good:
            continue
        with pytest.raises(ProofError):
            verify_inclusion(*probe)


@pytest.mark.parametrize("case", VECTORS["consistency"], ids=lambda c: f"{c['size1']}to{c['size2']}")
def test_every_corruption_of_a_consistency_proof_fails(case):
    old, new, proof = case["size1"], case["size2"], _hashes(case["proof"])
    r1, r2 = ROOTS[old - 1], ROOTS[new - 1]
    probes = [(old - 1, new, r1, r2, proof), (old + 1, new, r1, r2, proof), (old, new * 2, r1, r2, proof),
              (old, new // 2, r1, r2, proof), (old, new, SOME_HASH, r2, proof), (old, new, r1, SOME_HASH, proof),
              (old, new, r2, r1, proof), (old, new, r1, r2, []), (old, new, r1, r2, [*proof, r1]),
              (old, new, r1, r2, [r2, *proof]), (old, new, r1, r2, proof[:-1]), (old, new, r1, r2, [*proof, b""])]
    for i in range(len(proof)):
        flipped = bytearray(proof[i])
        flipped[0] ^= 16
        probes.append((old, new, r1, r2, [*proof[:i], bytes(flipped), *proof[i + 1:]]))
    for probe in probes:
        with pytest.raises(ProofError):
            verify_consistency(*probe)


def test_edge_sizes():
    verify_consistency(0, 5, SOME_HASH, EMPTY_ROOT, [])
    verify_consistency(3, 3, SOME_HASH, SOME_HASH, [])
    for bad in [(3, 3, SOME_HASH, EMPTY_ROOT, []), (2, 1, SOME_HASH, SOME_HASH, []),
                (1, 1, SOME_HASH, SOME_HASH, [SOME_HASH])]:
        with pytest.raises(ProofError):
            verify_consistency(*bad)
    for index, size in [(0, 0), (1, 1), (2, 1)]:
        with pytest.raises(ProofError):
            verify_inclusion(index, size, SOME_HASH, [], SOME_HASH)


@given(st.integers(1, 300), st.data())
def test_proofs_verify_for_every_size_and_index_and_fail_for_any_other_root(size, data):
    tree = MemoryTree()
    for i in range(size):
        tree.append(i.to_bytes(4, "big"))
    index = data.draw(st.integers(0, size - 1))
    old = data.draw(st.integers(0, size))
    proof = inclusion_proof(index, size, tree.node)
    verify_inclusion(index, size, leaf_hash(index.to_bytes(4, "big")), proof, tree.root())
    assert len(proof) <= (size - 1).bit_length()
    verify_consistency(old, size, tree.root(old), tree.root(), consistency_proof(old, size, tree.node))
    other = data.draw(st.binary(min_size=32, max_size=32).filter(lambda h: h != tree.root()))
    with pytest.raises(ProofError):
        verify_inclusion(index, size, leaf_hash(index.to_bytes(4, "big")), proof, other)
    if 0 < old < size:
        with pytest.raises(ProofError):
            verify_consistency(old, size, tree.root(old), other, consistency_proof(old, size, tree.node))


def test_a_forked_tree_is_not_consistent_with_the_original():
    honest, forked = MemoryTree(), MemoryTree()
    for i in range(10):
        honest.append(b"entry %d" % i)
        forked.append(b"entry %d" % i if i != 3 else b"rewritten")
    for i in range(10, 14):
        forked.append(b"entry %d" % i)
    with pytest.raises(ProofError):
        verify_consistency(10, 14, honest.root(), forked.root(), consistency_proof(10, 14, forked.node))
