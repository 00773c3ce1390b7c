"""The topic modules of wordings, one per area, so that new areas add a file rather than grow one.

A topic module defines ``errors() -> dict[str, str]`` (error code -> wording, through ``_t``) and may define
its own tables of statuses or kinds. Add it to MODULES."""

from __future__ import annotations

from types import ModuleType

from ocop_desktop.words import (
    accounts,
    importing,
    lots,
    sync_scope,
    tasks,
    traceability,
    translog,
    translog_errors,
    transport,
)

MODULES: list[ModuleType] = [accounts, traceability, transport, lots, sync_scope, translog, translog_errors, tasks,
                             importing]
