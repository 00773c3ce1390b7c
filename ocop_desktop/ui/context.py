"""What every screen is given: the runner, the files, who is logged in, how to reach the server."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ocop_desktop.db.blobstore import BlobStore
from ocop_desktop.paths import AppPaths
from ocop_desktop.ui.dossier_filter import SharedDossierFilter
from ocop_desktop.ui.runner import Runner

if TYPE_CHECKING:  # the HTTP client (requests, pydantic) loads when a screen first talks to the server
    from ocop_desktop.sync.client import ServerClient
    from ocop_desktop.sync.login import LoginSession
    from ocop_desktop.ui.sync_controller import SyncController


@dataclass(frozen=True)
class CurrentUser:
    user_id: str
    username: str
    full_name: str
    role: str  # admin | secretary | chair | member | commune_officer | viewer
    online: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass
class AppContext:
    runner: Runner
    paths: AppPaths
    blobs: BlobStore
    user: CurrentUser
    server_url: str | None = None  # None: this laptop works offline only (demo data)
    make_client: Callable[[], ServerClient] | None = None  # a logged-in client, when a server is set
    sync: SyncController | None = None  # the window's one sync at a time (set by app.main_window)
    login: LoginSession | None = None  # its token is renewed while online (sync/token_renewal.py), at a sync
    dossier_filter: SharedDossierFilter = field(default_factory=SharedDossierFilter)  # Hồ sơ and Bản đồ share it
