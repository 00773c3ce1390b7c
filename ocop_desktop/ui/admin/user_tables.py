"""The account and audit tables of the "Tài khoản" tab: read-only rows, filled from the service's values."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ocop_desktop import formats
from ocop_desktop.i18n import _t
from ocop_desktop.services.user_admin import Account, AuditLine
from ocop_desktop.words import user_roles
from ocop_desktop.words.accounts import audit_actions


def table(parent: QWidget, headers: list[str], stretch: int) -> QTableWidget:
    widget = QTableWidget(0, len(headers), parent)
    widget.setHorizontalHeaderLabels(headers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.verticalHeader().hide()
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return widget


def _put(widget: QTableWidget, row: int, values: list[str]) -> None:
    for column, value in enumerate(values):
        widget.setItem(row, column, QTableWidgetItem(value))


def fill_accounts(widget: QTableWidget, accounts: tuple[Account, ...]) -> None:
    roles = user_roles()
    widget.setRowCount(len(accounts))
    for row, a in enumerate(accounts):
        _put(widget, row, [a.username, a.full_name, roles.get(a.role, a.role), ", ".join(a.communes),
                           _t("Hoạt động") if a.active else _t("Đã khóa"), formats.count(a.devices),
                           formats.moment(a.last_used_at)])


def _detail(line: AuditLine) -> str:
    roles = user_roles()
    before, after = line.detail.get("before"), line.detail.get("after")
    if isinstance(before, dict) and isinstance(after, dict):
        def said(side: dict) -> str:
            role = str(side.get("role", ""))
            communes = side.get("commune_codes") or []
            return roles.get(role, role) + (f" ({', '.join(map(str, communes))})" if communes else "")
        return f"{said(before)} → {said(after)}"
    revoked = line.detail.get("tokens_revoked")
    return _t("{n} phiên đăng nhập bị thu hồi").format(n=revoked) if isinstance(revoked, int) and revoked else ""


def fill_audit(widget: QTableWidget, lines: tuple[AuditLine, ...]) -> None:
    actions = audit_actions()
    widget.setRowCount(len(lines))
    for row, line in enumerate(lines):
        _put(widget, row, [formats.moment(line.at), line.actor or _t("(máy chủ)"),
                           actions.get(line.action, line.action), line.username, _detail(line)])
