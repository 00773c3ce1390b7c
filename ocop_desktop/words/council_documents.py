"""Wordings of a council result's required documents: which one, and missing or expired after which day.

Shared by the council page, the minutes and the workbook, so the three name a document the same way."""

from __future__ import annotations

from ocop_core.domain.documents import DocumentFailure
from ocop_desktop.formats import day
from ocop_desktop.i18n import _t
from ocop_desktop.words import document_types


def document_failure_text(failure: DocumentFailure) -> str:
    """"Bản công bố chất lượng: thiếu (bắt buộc từ 3 sao)", "Phiếu kết quả kiểm nghiệm: hết hiệu lực sau ngày
    01/05/2025"."""
    name = document_types().get(failure.document, failure.document)
    if failure.reason == "missing":
        return _t("{name}: thiếu (bắt buộc từ {stars} sao)").format(name=name, stars=failure.from_stars)
    if failure.until is None:
        return _t("{name}: không ghi ngày cấp, không chứng minh được còn hiệu lực").format(name=name)
    return _t("{name}: hết hiệu lực sau ngày {date}").format(name=name, date=day(failure.until))


def document_failures_text(failures: tuple[DocumentFailure, ...], separator: str = "; ") -> str:
    return separator.join(document_failure_text(f) for f in failures)
