"""Every code an error, a refusal or a criteria problem can carry has one wording, in Vietnamese and English."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocop_core.errors import OcopError
from ocop_desktop import i18n, words

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ocop_core", "ocop_desktop", "ocop_server")
TS = ROOT / "resources" / "translations" / "ocop_en.ts"
CODE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
# Where a code is computed rather than written, and the codes that computation can give.
COMPUTED = {
    # the server's own answer, relayed: its codes are the server's ApiError and problem() codes, scanned too
    ("ocop_desktop/sync/client.py", "SyncError"),
    # "file_" + the code of BlobStore.put_file, which raises not_a_file, too_large and unreadable
    ("ocop_desktop/services/documents.py", "ServiceError"),
    # the first problem of ocop_core.domain.council.check_council_rules: unknown_field or out_of_range
    ("ocop_desktop/services/councils.py", "ServiceError"),
    # the code of a CosignatureRefused (ocop_server/translog/witnesses.py), whose codes _problem_codes finds
    ("ocop_server/translog/api.py", "ApiError"),
}
FROM_BLOBS = {"file_not_a_file", "file_too_large", "file_unreadable"}
FROM_COUNCIL_RULES = {"unknown_field", "out_of_range"}


def _trees() -> Iterator[tuple[str, ast.Module]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _error_classes(trees: list[tuple[str, ast.Module]]) -> dict[str, ast.ClassDef]:
    """Every class that derives from OcopError, found in the source (the name is enough: each is unique)."""
    classes = {node.name: node for _, tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    found: dict[str, ast.ClassDef] = {}
    grew = True
    while grew:
        grew = False
        for name, node in classes.items():
            if name not in found and any(_name(b) in {"OcopError", *found} for b in node.bases):
                found[name] = node
                grew = True
    return found


def _init(node: ast.ClassDef) -> ast.FunctionDef | None:
    return next((f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)


def _code_slot(node: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> int | None:
    """Which positional argument of the constructor is the code, or None when the class fixes its own."""
    init = _init(node)
    if init is None:
        parent = next((classes[_name(b)] for b in node.bases if _name(b) in classes), None)
        return _code_slot(parent, classes) if parent is not None else 0
    names = [a.arg for a in init.args.posonlyargs + init.args.args][1:]
    return names.index("code") if "code" in names else None


def _fixed_codes(classes: dict[str, ast.ClassDef]) -> set[str]:
    """Codes a class passes to its base itself, as NotFound passes "not_found"."""
    codes = set()
    for node in classes.values():
        init = _init(node)
        for call in ast.walk(init) if init else ():
            if isinstance(call, ast.Call) and _name(call.func) == "__init__" and call.args \
                    and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                codes.add(call.args[0].value)
    return codes


def _raised_codes() -> tuple[set[str], set[tuple[str, str]]]:
    """The codes written at every construction of a project error, and where a code is computed instead."""
    trees = list(_trees())
    classes = _error_classes(trees)
    slots = {name: _code_slot(node, classes) for name, node in classes.items()}
    codes, computed = _fixed_codes(classes), set()
    for path, tree in trees:
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or _name(call.func) not in slots:
                continue
            slot = slots[_name(call.func)]
            if slot is not None and slot < len(call.args):
                arg: ast.expr | None = call.args[slot]
            else:  # a keyword "code" is the code only where the constructor has no positional slot for it
                arg = next((k.value for k in call.keywords if k.arg == "code"), None) if slot is not None else None
            # "a" if ... else "b": both can be raised
            choices = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg] if arg is not None else []
            for choice in choices:
                if isinstance(choice, ast.Constant) and isinstance(choice.value, str):
                    codes.add(choice.value)
                else:
                    computed.add((path, _name(call.func)))
    return codes, computed


def _problem_codes() -> set[str]:
    """Codes of criteria problems and of the server's problem() answers: the first code-like text argument of
    any call whose name says problem or refused (a JSON path such as "$" is not code-like)."""
    codes = set()
    for _, tree in _trees():
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and re.search("problem|refused", _name(call.func), re.I):
                texts = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                codes.update(next(([t] for t in texts if CODE.fullmatch(t)), []))
    return codes


def _refusal_codes() -> set[str]:
    """The codes that open a reason the server gives for refusing a pushed change ("code: detail")."""
    codes = set()
    for name in ("merge.py", "rules.py"):
        for node in ast.walk(ast.parse((ROOT / "ocop_server" / name).read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                text = node.values[0].value
            if isinstance(text, str) and (match := re.match(r"([a-z_]+): ", text)):
                codes.add(match.group(1))
    return codes


def _english() -> dict[str, str]:
    """Finished English translations of the empty context, where every ``_t`` message lives."""
    for context in ET.parse(TS).getroot().iter("context"):
        if (context.findtext("name") or "") == "":
            return {m.findtext("source") or "": "".join(m.find("translation").itertext())
                    for m in context.iter("message") if m.find("translation").get("type") is None}
    return {}


def test_the_scan_finds_codes_of_every_kind():
    """The scanner sees service, sync, database, report and server codes (so the next test cannot pass empty)."""
    codes, _ = _raised_codes()
    assert {"dossier_not_ready", "not_found", "network", "corrupt", "unwritable", "admins_only", "cancelled",
            "criteria_invalid", "wrong_password", "journal_bypassed"} <= codes
    assert {"band_overlap", "invalid_json", "file_missing", "invalid_request"} <= _problem_codes()
    assert {"unknown_row", "sheet_submitted", "total_mismatch"} <= _refusal_codes()


def test_every_code_that_can_be_raised_has_a_wording():
    """Whatever code a service, the domain, the database, the sync or the server can raise is worded."""
    codes, computed = _raised_codes()
    wanted = codes | FROM_BLOBS | FROM_COUNCIL_RULES | _problem_codes() | _refusal_codes()
    assert computed == COMPUTED, "a code is computed somewhere new: say which codes it gives in COMPUTED"
    assert sorted(wanted - set(words.error_texts())) == []


def test_each_code_has_exactly_one_wording():
    """The tables merged into error_texts never word the same code twice."""
    tables = [words._service_errors(), words._file_errors(), words._server_errors(),
              words._map_errors(), words._criteria_problems()]
    keys = [k for t in tables for k in t]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


@pytest.mark.parametrize("table", [words.dossier_statuses, words.dossier_kinds, words.producer_kinds,
                                   words.user_roles, words.member_roles, words.sheet_statuses,
                                   words.criteria_set_statuses, words.document_types, words.recommendations,
                                   words.result_flags, words.sync_phases, words.sync_outcomes, words.entities,
                                   words.fields, words.error_texts], ids=lambda t: t.__name__)
def test_every_wording_has_its_english(table):
    """Each wording is extracted for Qt Linguist and translated, so the English interface says it in English."""
    english = _english()
    assert [text for text in table().values() if not english.get(text)] == []


def test_english_is_said_once_the_interface_installs_it():
    """_t goes through the translator the interface installs, for the tables and the formats alike."""
    english = _english()
    previous = i18n.use("en", lambda context, text, disambiguation=None, n=-1: english.get(text, text))
    try:
        said = words.error_text(OcopError("dossier_not_ready", status="draft"))
    finally:
        i18n.use(*previous)
    assert said == english[words._service_errors()["dossier_not_ready"]].format(status=english["Nháp"])
    assert words.error_text(OcopError("dossier_not_ready", status="draft")).startswith("Hồ sơ đang ở")


def test_parameters_are_said_in_words():
    """A status code in a parameter reads as the status; flags as their reasons; a missing value as a dash."""
    assert "“Nháp”" in words.error_text(OcopError("dossier_not_ready", status="draft"))
    refused = words.error_text(OcopError("result_not_approvable", flags=["no_quorum"], recommendation="incomplete"))
    assert words.result_flags()["no_quorum"] in refused and words.result_flags()["incomplete"] in refused
    assert words.error_text(OcopError("criteria_invalid", detail=["a", "b", "c", "d"])).endswith("a; b; c")
    assert words.error_text(OcopError("unreadable")) == "Không đọc được — (—)."


def test_an_unknown_code_or_a_foreign_error_still_reads_as_a_sentence():
    """Nothing is shown as a bare code or a traceback."""
    assert words.error_text(OcopError("brand_new_code")) == "Không thực hiện được thao tác (brand_new_code)."
    assert words.error_text(KeyError("x")) == "Đã xảy ra lỗi: 'x'"


@pytest.mark.parametrize(("stored", "expected"), [
    ("rejected: unknown_row: the server has no such row", "Máy chủ không có bản ghi này"),
    ("forbidden: forbidden: your role or scope does not allow this change", "Vai trò hoặc phạm vi"),
    ("forbidden: something_new: ?", "Vai trò hoặc phạm vi"),
    ("rejected: criteria_invalid: $.x: missing", "Bộ tiêu chí có lỗi: $.x: missing"),
    ("rejected: something_new: ?", "Máy chủ từ chối thay đổi này (something_new)."),
])
def test_a_stored_refusal_reads_as_its_reason(stored, expected):
    """The sync engine's "status: code: detail" becomes the reason in words, with its detail where it helps."""
    assert words.refusal_text(stored).startswith(expected)


def test_the_command_line_and_the_app_start_read_the_same_wordings():
    """messages (ocop's printing, app.py's refusal of a database file) words a code exactly as the screens do."""
    from pathlib import Path

    from ocop_core.domain.problems import Problem
    from ocop_desktop import messages
    from ocop_desktop.db.problems import DatabaseProblem

    assert messages.DATABASE_TEXT["corrupt"] == words.error_texts()["corrupt"]
    assert set(messages.DATABASE_TEXT) == {"not_a_database", "corrupt", "unreadable", "too_new", "needs_upgrade"}
    problem = DatabaseProblem("corrupt", Path("/x/ocop.sqlite3"), "bad page")
    assert words.error_text(problem) == messages.DATABASE_TEXT["corrupt"].format(path=problem.path, detail="bad page")
    assert messages.problem_text(Problem("$.a", "duplicate_code", {"code": "A1"})) == "$.a: Mã bị trùng. (code=A1)"
