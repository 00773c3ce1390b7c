"""Printed and exported documents: shared words, number and date formats, and safe file writing."""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ocop_core.errors import OcopError


class ReportError(OcopError):
    """A report could not be written; ``code`` is what the screen turns into words."""

    def __init__(self, code: str, path: str | os.PathLike = "", detail: str = ""):
        super().__init__(code, f"{code}: {path} {detail}".strip(), path=str(path), detail=detail)
        self.path = str(path)
        self.detail = detail


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)


def recommendation_text(code: str) -> str:
    return {"recognise_province": _t("Đề nghị UBND tỉnh công nhận"),
            "forward_central": _t("Đề nghị Trung ương xét công nhận 5 sao"),
            "not_recognised": _t("Không đủ điều kiện công nhận"),
            "incomplete": _t("Chưa đủ phiếu chấm")}.get(code, code)


def flag_text(code: str) -> str:
    return {"rescore": _t("Điểm các thành viên chênh lệch quá giới hạn: cần thảo luận và chấm lại"),
            "no_quorum": _t("Không đủ số thành viên chấm điểm theo quy định"),
            "chair_absent": _t("Chủ tịch hội đồng chưa chấm điểm"),
            "approved": _t("Kết quả đã được phê duyệt"),
            "incomplete": _t("Chưa có phiếu chấm nào được nộp")}.get(code, code)


def role_text(code: str) -> str:
    return {"chair": _t("Chủ tịch"), "vice_chair": _t("Phó Chủ tịch"), "secretary": _t("Thư ký"),
            "member": _t("Thành viên")}.get(code, code)


def stars_text(n: int | None) -> str:
    # Words, not ★: a star glyph is missing from several fonts that do have Vietnamese.
    return _t("{n} sao").format(n=n) if n else _t("Không xếp hạng")


def number_text(value: Decimal | None) -> str:
    """Vietnamese writes a decimal comma: 96,20."""
    return "" if value is None else str(value).replace(".", ",")


def date_text(value: date | datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "…/…/……"


def approval_text(approved_at: date | datetime | None, approved_by: str) -> str:
    """When an approved result was approved, and by whom when this laptop knows the name."""
    if approved_by:
        return _t("Đã phê duyệt ngày {date} ({name})").format(date=date_text(approved_at), name=approved_by)
    return _t("Đã phê duyệt ngày {date}").format(date=date_text(approved_at))


def write_file(path: str | os.PathLike, data: bytes) -> Path:
    """Writes through a temporary file beside the target, so a failed export never leaves half a file."""
    target = Path(path)
    if target.is_dir():
        raise ReportError("is_directory", target)
    try:
        fd, temp = tempfile.mkstemp(prefix=".ocop-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise ReportError("unwritable", target, exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; an exported report is an ordinary file
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ReportError("unwritable", target, exc.strerror or str(exc)) from exc
    return target
