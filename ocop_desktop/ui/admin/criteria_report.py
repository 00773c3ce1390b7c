"""The validation report of a criteria file: each problem's place, in JSON and in words, and what is wrong."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ocop_core.domain.problems import Problem
from ocop_desktop import formats
from ocop_desktop.i18n import _t
from ocop_desktop.words import error_texts

Index = QModelIndex | QPersistentModelIndex
COL_NUMBER, COL_PATH, COL_WHERE, COL_PROBLEM, COL_DETAIL = range(5)
_STEP = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]")


def _type_names() -> dict[str, str]:
    return {"object": _t("đối tượng {…}"), "array": _t("danh sách […]"), "string": _t("chuỗi"),
            "number": _t("số"), "integer": _t("số nguyên"), "boolean": _t("true/false"), "date": _t("ngày"),
            "null": _t("null (trống)")}


def problem_detail(problem: Problem) -> str:
    """The problem's parameters as a short Vietnamese phrase; the JSON module's English is left out."""
    p, types = problem.params, _type_names()
    parts: list[str] = []
    if "line" in p:
        parts.append(_t("dòng {line}, cột {column}").format(line=p["line"], column=p.get("column", "?")))
    if "offset" in p:
        parts.append(_t("byte thứ {n}").format(n=p["offset"]))
    if "expected" in p:
        parts.append(_t("cần {expected}, đang là {got}").format(
            expected=types.get(p["expected"], p["expected"]), got=types.get(p.get("got"), p.get("got", "?"))))
    if "size" in p:
        parts.append(_t("{size}, giới hạn {limit}").format(size=formats.size(int(p["size"])),
                                                               limit=formats.size(int(p["limit"]))))
    elif "length" in p:
        parts.append(_t("{length} ký tự, tối đa {limit}").format(length=p["length"], limit=p["limit"]))
    if "declared" in p:
        actual = p.get("best", p.get("sum"))
        parts.append(_t("khai báo {declared}, cộng lại được {actual}").format(declared=p["declared"], actual=actual))
    if problem.code == "duplicate_code":
        parts.append(_t("mã \"{code}\" đã dùng ở {first}").format(code=p.get("code"), first=p.get("first")))
    elif "code" in p:
        parts.append(_t("mã \"{code}\"").format(code=p["code"]))
    if "lower" in p and "upper" in p:
        parts.append(_t("từ {lower} đến {upper}").format(lower=p["lower"], upper=p["upper"]))
    if "value" in p:
        parts.append(_t("giá trị: {value}").format(value=p["value"]))
    if "allowed" in p:
        parts.append(_t("cho phép: {allowed}").format(allowed=", ".join(map(str, p["allowed"]))))
    if "stars" in p:
        parts.append(formats.stars(int(p["stars"]), glyphs=False))
    if problem.code == "unknown_key":
        parts.append(_t("tên trường: “{key}”").format(key=problem.path.rsplit(".", 1)[-1]))
    if "other" in p:
        parts.append(_t("trùng với {other}").format(other=p["other"]))
    return "; ".join(str(x) for x in parts)


def _labels() -> dict[str, str]:
    return {"product_sets": _t("Phiếu {code}"), "parts": _t("Phần {code}"),
            "criterion_groups": _t("Nhóm tiêu chí {code}"), "criteria": _t("Tiêu chí {code}"),
            "subitems": _t("Tiểu mục {code}"), "options": _t("Phương án {code}"),
            "product_groups": _t("Nhóm sản phẩm {code}"), "categories": _t("Nhóm {code}"),
            "subgroups": _t("Phân nhóm {code}"), "star_bands": _t("Hạng {code}"),
            "mandatory_documents": _t("Giấy tờ {code}"), "legal_basis": _t("Căn cứ pháp lý {code}")}


def describe_path(document: Any, path: str) -> str:
    """"$.product_sets[0].parts[1]" as "Phiếu PS-I.1.a › Phần B", from the codes in the file itself."""
    labels, steps, node, key = _labels(), [], document, ""
    sections = {"criteria_set": _t("Thông tin bộ tiêu chí"), "aggregation": _t("Cách tổng hợp điểm")}
    for match in _STEP.finditer(path):
        name, index = match.groups()
        if name is not None:
            key = name
            if not steps and name in sections:
                steps.append(sections[name])
            node = node.get(name) if isinstance(node, dict) else None
            continue
        i = int(index)
        node = node[i] if isinstance(node, list) and i < len(node) else None
        if key in labels:
            code = node.get("code") if isinstance(node, dict) else None
            if key == "star_bands" and isinstance(node, dict):
                code = f"{node.get('stars', '?')}★"
            steps.append(labels[key].format(code=code if isinstance(code, str | int) else f"#{i + 1}"))
    return " › ".join(steps) or _t("Cả tệp")


def _breakable(path: str) -> str:
    """Zero-width spaces after each step, so a long path wraps in its cell instead of being cut off."""
    return path.replace(".", ".\u200b").replace("[", "\u200b[")


class ProblemTableModel(QAbstractTableModel):
    """Every problem of one file, in the loader's order (which follows the file from top to bottom)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[Problem, str, str, str]] = []
        self._headers = [self.tr("#"), self.tr("Vị trí trong tệp (JSON)"), self.tr("Thuộc"), self.tr("Vấn đề"),
                         self.tr("Chi tiết")]

    def set_problems(self, problems: tuple[Problem, ...] | list[Problem], document: Any = None) -> None:
        words = error_texts()
        self.beginResetModel()
        self._rows = [(p, describe_path(document, p.path), words.get(p.code, p.code), problem_detail(p))
                      for p in problems]
        self.endResetModel()

    def problem(self, row: int) -> Problem:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem, where, words, detail = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_PATH:
            return _breakable(problem.path)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [str(index.row() + 1), problem.path, where, words, detail][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return problem.code
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

