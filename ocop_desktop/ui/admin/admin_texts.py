"""Kept only for councils_tab.py, which still imports ``admin_error_text``: the admin section's errors are worded
by ocop_desktop.words like every other screen's, so this is that function under its old name."""

from __future__ import annotations

from ocop_desktop.words import error_text as admin_error_text

__all__ = ["admin_error_text"]
