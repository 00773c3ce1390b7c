"""The layer rules of shared/design/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = [ROOT / "ocop_core", ROOT / "ocop_desktop", ROOT / "ocop_server"]


def _modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES if pkg.exists() for p in pkg.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_core_imports_only_the_standard_library_pydantic_and_itself():
    """ocop_core imports nothing of ours but itself, and of the outside only the standard library
    (and pydantic, for the wire). The transparency log also uses cryptography: its Ed25519 signatures are
    checked by the server, the laptop, ocop verify and the witness alike."""
    bad = []
    for path in (ROOT / "ocop_core").rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in ("ocop_core", "__future__", "pydantic") or top in sys.stdlib_module_names:
                continue
            if top == "cryptography" and _rel(path).startswith("ocop_core/translog/"):
                continue
            bad.append(f"{_rel(path)} imports {name}")
    assert bad == []


def test_core_domain_imports_only_the_standard_library_and_the_core():
    """The domain rules do not even need pydantic: they run wherever Python runs."""
    bad = [f"{_rel(p)} imports {n}" for p in (ROOT / "ocop_core/domain").rglob("*.py") for n in _imports(p)
           if n.split(".")[0] not in ("ocop_core", "__future__") and n.split(".")[0] not in sys.stdlib_module_names]
    assert bad == []


@pytest.mark.parametrize(("side", "other"), [("ocop_desktop", "ocop_server"), ("ocop_server", "ocop_desktop")])
def test_desktop_and_server_never_import_each_other(side: str, other: str):
    """Each side depends on the core alone, so either can be installed without the other."""
    bad = [f"{_rel(p)} imports {n}" for p in (ROOT / side).rglob("*.py") for n in _imports(p)
           if n.split(".")[0] == other]
    assert bad == []


def test_db_never_imports_sync_services_or_ui():
    """The database layer sits under services and sync, never above them."""
    bad = [f"{_rel(p)} imports {n}" for p in (ROOT / "ocop_desktop/db").rglob("*.py") for n in _imports(p)
           if n.startswith(("ocop_desktop.sync", "ocop_desktop.services", "ocop_desktop.ui"))]
    assert bad == []


def _qt_allowed(rel: str, name: str) -> bool:
    if rel.startswith("ocop_desktop/ui/") or rel == "ocop_desktop/app.py":
        return True
    return rel.startswith("ocop_desktop/reports/") and name.split(".")[:2] in (["PySide6", "QtGui"],
                                                                              ["PySide6", "QtCore"], ["PySide6"])


def test_qt_only_in_ui_app_and_qtgui_in_reports():
    """Qt is imported only in ui/ and app.py; reports/ may use QtGui (never QtWidgets)."""
    bad = [f"{_rel(p)} imports {n}" for p in _modules() for n in _imports(p)
           if n.split(".")[0] in ("PySide6", "shiboken6") and not _qt_allowed(_rel(p), n)]
    assert bad == []


def test_requests_only_in_sync_client():
    """HTTP goes through sync/client.py alone."""
    bad = [f"{_rel(p)} imports {n}" for p in _modules() for n in _imports(p)
           if n.split(".")[0] in ("requests", "httpx", "urllib3") and _rel(p) != "ocop_desktop/sync/client.py"]
    assert bad == []


def test_migrations_do_not_import_live_models():
    """A migration must not change when the models do, so it imports no project code."""
    versions = ROOT / "ocop_desktop/db/migrations/versions"
    bad = [f"{_rel(p)} imports {n}" for p in versions.glob("*.py") for n in _imports(p) if n.startswith("ocop")]
    assert bad == []


# Size rules cover everything we write, tests and tools included. Migrations are exempt: they are frozen
# history (a released revision is never edited, saved databases are upgraded through it as it was), and one
# revision holds as much schema as its release needed.
SIZED = [*PACKAGES, ROOT / "tests", ROOT / "bench", ROOT / "tools"]
FROZEN = ("ocop_desktop/db/migrations/versions/", "ocop_server/migrations/versions/")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# A longer module or function says why: "# long: <reason>" on the line before the def (or before its first
# decorator), or for a module among its first lines.
LONG_REASON = re.compile(r"^\s*# long: \S")


def _sized_sources() -> list[Path]:
    return sorted(p for root in SIZED if root.exists() for p in root.rglob("*.py") if not _rel(p).startswith(FROZEN))


def _long_functions(text: str, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int, int]]:
    """(name, line, length) of each function longer than ``limit`` lines without a reason before it."""
    lines = text.splitlines()
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        reasons = [lines[n - 2] for n in {first, node.lineno} if n >= 2]
        if length > limit and not any(LONG_REASON.match(line) for line in reasons):
            found.append((node.name, node.lineno, length))
    return found


def _module_too_long(text: str) -> bool:
    explained = any(LONG_REASON.match(line) for line in text.splitlines()[:15])
    return not explained and text.count("\n") >= MAX_MODULE_LINES


@pytest.mark.parametrize("path", _sized_sources(), ids=_rel)
def test_module_has_a_docstring_and_stays_small(path: Path):
    """Every module (tests, bench and tools too) starts with a docstring and stays under 400 lines, unless
    it says why it is longer."""
    text = path.read_text(encoding="utf-8")
    if path.name != "__init__.py" or text.strip():
        assert ast.get_docstring(ast.parse(text)), f"{_rel(path)} has no module docstring"
    assert not _module_too_long(text), f"{_rel(path)} is {text.count(chr(10))} lines long"


def test_functions_stay_under_60_lines():
    """No function is over 60 lines unless a "# long: <reason>" comment on the line before its def says why."""
    long = [f"{_rel(p)}:{line} {name}() is {length} lines" for p in _sized_sources()
            for name, line, length in _long_functions(p.read_text(encoding="utf-8"))]
    assert long == []


def test_function_length_checker_sees_long_functions_and_their_reasons():
    """The length scanner counts a function's lines, methods included, and honours a stated reason on the line
    before the def or its decorator (guards the test above against passing vacuously)."""
    def function(lines: int, indent: str = "") -> str:
        return f"{indent}def f():\n" + "".join(f"{indent}    x = {i}\n" for i in range(lines - 1))

    assert _long_functions(function(61)) == [("f", 1, 61)]
    assert _long_functions(function(60)) == []
    assert _long_functions("class C:\n" + function(61, "    ")) == [("f", 2, 61)]
    assert _long_functions("# long: one table, row by row\n" + function(61)) == []
    assert _long_functions("# long: a reason\n@decorator\n" + function(61)) == []
    assert _long_functions("# long:\n" + function(61)) == [("f", 2, 61)]
    module = '"""A module."""\n' + "x = 1\n" * 398
    assert (_module_too_long(module), _module_too_long(module + "x = 2\n")) == (False, True)
    assert not _module_too_long('"""A module."""\n# long: generated tables\n' + "x = 1\n" * 500)


def test_checker_catches_a_forbidden_import(tmp_path: Path):
    """The import scanner sees both import forms (guards the tests above against passing vacuously)."""
    sample = tmp_path / "m.py"
    sample.write_text("import requests\nfrom PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert {"requests", "PySide6.QtWidgets", "PySide6.QtWidgets.QWidget"} <= _imports(sample)


def test_ui_never_imports_sqlalchemy():
    """Widgets hand a session to one service and never look into it: ui/ imports no SQLAlchemy, not even
    for a type under TYPE_CHECKING."""
    bad = [f"{_rel(p)} imports {n}" for p in (ROOT / "ocop_desktop/ui").rglob("*.py") for n in _imports(p)
           if n.split(".")[0] == "sqlalchemy"]
    assert bad == []


def test_map_core_imports_only_the_standard_library_and_the_core():
    """ocop_desktop/maps/ is tested and reused without Qt: no Qt, SQLAlchemy or requests, only the standard
    library (sqlite3, urllib), ocop_core and itself."""
    bad = [f"{_rel(p)} imports {n}" for p in (ROOT / "ocop_desktop/maps").rglob("*.py") for n in _imports(p)
           if n.split(".")[0] not in ("ocop_core", "__future__") and n.split(".")[0] not in sys.stdlib_module_names
           and not n.startswith("ocop_desktop.maps")]
    assert bad == []
