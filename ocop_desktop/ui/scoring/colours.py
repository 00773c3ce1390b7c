"""Colours of the scoring screens; each is paired with words, so nothing depends on colour alone."""

from __future__ import annotations

UNANSWERED = "#d97706"
FAILED = "#c62828"
ANSWERED = "#cbd5e1"
MUTED = "#64748b"
