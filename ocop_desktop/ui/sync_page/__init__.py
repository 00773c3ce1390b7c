"""The sync screen ("Đồng bộ") and its conflict dialog."""

from ocop_desktop.ui.sync_page.conflict_dialog import ConflictDialog
from ocop_desktop.ui.sync_page.sync_page import SyncPage

__all__ = ["ConflictDialog", "SyncPage"]
