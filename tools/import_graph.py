"""Prints the size of each package layer and which layers import which, read from the source with ast.

    python tools/import_graph.py [ROOT]

Used to show how the tree is shaped (issue 9 asked for before/after figures); not imported by the app.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

TOPS = ("ocop_core", "ocop_desktop", "ocop_server")


def layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] not in TOPS:
        return None
    if parts[0] == "ocop_desktop" and len(parts) > 1 and parts[1] in {"ui", "db", "services", "sync", "reports",
                                                                        "maps", "domain"}:
        return ".".join(parts[:2])
    if parts[0] == "ocop_core" and len(parts) > 1 and parts[1] in {"domain", "rules"}:
        return ".".join(parts[:2])
    return parts[0]


def layer_of_file(root: Path, path: Path) -> str | None:
    return layer(".".join(path.relative_to(root).with_suffix("").parts))


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def main(root: Path) -> None:
    sizes: Counter[str] = Counter()
    files: Counter[str] = Counter()
    edges: Counter[tuple[str, str]] = Counter()
    for top in TOPS:
        for path in sorted((root / top).rglob("*.py")) if (root / top).exists() else []:
            here = layer_of_file(root, path)
            if here is None:
                continue
            sizes[here] += path.read_text(encoding="utf-8").count("\n")
            files[here] += 1
            for name in imports(path):
                there = layer(name)
                if there and there != here:
                    edges[(here, there)] += 1
    print("layer: lines (files)")
    for name in sorted(sizes):
        print(f"  {name}: {sizes[name]} ({files[name]})")
    print("imports between layers: from -> to (import statements)")
    for (a, b), n in sorted(edges.items()):
        print(f"  {a} -> {b}: {n}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve())
