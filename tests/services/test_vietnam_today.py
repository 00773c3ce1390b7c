"""Every "today" of the rules is Vietnam's date (ocop_core.domain.dates.vietnam_today), not the laptop's."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCAL_TODAY = re.compile(r"\bdate\.today\b|\bdatetime\.now\(\)|\bdatetime\.today\b")


def test_no_local_today_in_core_and_services() -> None:
    """ocop_core and the desktop services never ask the laptop's zone for the date (docs/domain-decisions.md D3)."""
    offenders = [f"{path.relative_to(ROOT)}:{n}"
                 for folder in ("ocop_core", "ocop_desktop/services")
                 for path in sorted((ROOT / folder).rglob("*.py"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if LOCAL_TODAY.search(line)]
    assert offenders == []
