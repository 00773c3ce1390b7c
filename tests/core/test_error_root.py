"""One error root: every exception class of the project derives from OcopError and carries a code."""

from __future__ import annotations

import ast
import builtins
import importlib
from pathlib import Path

import pytest

from ocop_core.errors import OcopError

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("ocop_core", "ocop_desktop", "ocop_server")
BUILTIN_ERRORS = {name for name, value in vars(builtins).items()
                  if isinstance(value, type) and issubclass(value, BaseException)}


def _exception_classes() -> list[tuple[str, str]]:
    """(module, class) of every class whose bases name an exception, built in or our own, found in the source."""
    found: dict[str, str] = {}
    classes = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            tree = ast.parse(path.read_text(encoding="utf-8"))
            classes += [(module, node) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for module, node in classes:
            bases = {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                     for b in node.bases}
            if node.name not in found and bases & (BUILTIN_ERRORS | set(found) | {"OcopError"}):
                found[node.name] = module
                grew = True
    return sorted((module, name) for name, module in found.items())


def test_the_scan_sees_the_errors_of_every_layer():
    """Domain, database, services, sync, reports and server errors are all found (so the next test is not empty)."""
    names = {name for _, name in _exception_classes()}
    assert {"CriteriaSetError", "DatabaseProblem", "ServiceError", "SyncError", "ReportError", "ApiError"} <= names


@pytest.mark.parametrize(("module", "name"), _exception_classes(), ids=lambda v: v)
def test_every_project_exception_derives_from_the_root(module: str, name: str):
    """Whoever catches OcopError catches every error the project raises, and can read its code."""
    if module.startswith("ocop_desktop.ui") or module.startswith("ocop_desktop.reports.pdf"):
        pytest.importorskip("PySide6")
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, OcopError), f"{module}.{name} does not derive from OcopError"


def test_code_and_parameters_are_kept_apart_from_the_explanation():
    """Parameters stay structured; the explanation is for logs; without one, the code and parameters are."""
    error = OcopError("too_long", "name is 300 characters", limit=200, length=300)
    assert (error.code, error.params, str(error)) == ("too_long", {"limit": 200, "length": 300},
                                                      "name is 300 characters")
    assert str(OcopError("network")) == "network"
    assert str(OcopError("too_long", limit=2)) == "too_long {'limit': 2}"


def test_existing_classes_keep_their_names_attributes_and_bases():
    """Callers that catch ValueError or read .field, .path, .status keep working."""
    from ocop_core.domain.criteria_loader import CriteriaSetError
    from ocop_core.domain.problems import Problem
    from ocop_desktop.db.problems import DatabaseProblem
    from ocop_desktop.services.errors import FileTooLarge, ServiceError
    from ocop_desktop.sync.client import SyncError

    service = ServiceError("too_long", "name", limit=200)
    assert isinstance(service, ValueError) and (service.code, service.field, service.params) == \
        ("too_long", "name", {"limit": 200})
    assert FileTooLarge(5, 4).params == {"size": 5, "limit": 4}
    problems = [Problem("$", "band_gap", {})]
    assert isinstance(CriteriaSetError(problems), ValueError) and CriteriaSetError(problems).code == "criteria_invalid"
    database = DatabaseProblem("corrupt", Path("/x.db"), "bad page")
    assert (database.path, database.detail, database.params["detail"]) == (Path("/x.db"), "bad page", "bad page")
    sync = SyncError("token_invalid", "log in again", 401, detail=["d"])
    assert (sync.status, sync.message, sync.params["status"], str(sync)) == \
        (401, "log in again", 401, "token_invalid: log in again")
