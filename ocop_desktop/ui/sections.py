"""The sections of the main window, in the order people use them."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QWidget

from ocop_desktop.i18n import _t
from ocop_desktop.ui.context import AppContext
from ocop_desktop.ui.main_window import Section

Icon = QStyle.StandardPixmap


def _dossiers(context: AppContext) -> QWidget:
    from ocop_desktop.ui.dossiers.workspace import DossierWorkspace

    return DossierWorkspace(context)


def _scoring(context: AppContext) -> QWidget:
    from ocop_desktop.ui.scoring.my_scoring_page import MyScoringPage

    return MyScoringPage(context)


def _councils(context: AppContext) -> QWidget:
    from ocop_desktop.ui.council.council_page import CouncilPage

    return CouncilPage(context)


def _map(context: AppContext) -> QWidget:
    from ocop_desktop.ui.map.page import MapPage

    return MapPage(context)


def _sync(context: AppContext) -> QWidget:
    from ocop_desktop.ui.sync_page.sync_page import SyncPage

    return SyncPage(context)


def _admin(context: AppContext) -> QWidget:
    from ocop_desktop.ui.admin.admin_page import AdminPage

    return AdminPage(context)


def _overview(context: AppContext) -> QWidget:
    from ocop_desktop.ui.overview.page import OverviewPage

    return OverviewPage(context)


def _tasks(context: AppContext) -> QWidget:
    from ocop_desktop.ui.tasks.page import TasksPage

    return TasksPage(context)


# Leaders read the province at a glance first; the section is last in the list so that every other
# section keeps its Ctrl+number.
LEADERS = frozenset({"admin", "viewer", "chair", "secretary"})


def default_sections() -> list[Section]:
    return [
        Section("dossiers", _t("Hồ sơ"), Icon.SP_FileDialogDetailedView, _dossiers),
        Section("scoring", _t("Chấm điểm"), Icon.SP_DialogApplyButton, _scoring),
        Section("councils", _t("Hội đồng"), Icon.SP_FileDialogInfoView, _councils),
        Section("map", _t("Bản đồ"), Icon.SP_DriveNetIcon, _map),
        Section("sync", _t("Đồng bộ"), Icon.SP_BrowserReload, _sync),
        Section("admin", _t("Quản trị"), Icon.SP_ComputerIcon, _admin, admins_only=True),
        Section("overview", _t("Tổng quan"), Icon.SP_FileDialogContentsView, _overview, roles=LEADERS,
                first_for=frozenset({"admin", "viewer"})),
        Section("tasks", _t("Việc của tôi"), Icon.SP_FileDialogListView, _tasks),
    ]
