"""Wordings of the Tổng quan section and its reports: the validity of a recognised product."""

from __future__ import annotations

from ocop_desktop.i18n import _t


def errors() -> dict[str, str]:
    return {}  # the reports' failures are the shared file errors (is_directory, unwritable)


def validity() -> dict[str, str]:
    return {"in_force": _t("Còn hiệu lực"), "expiring": _t("Sắp hết hạn (6 tháng)"), "expired": _t("Hết hiệu lực")}
