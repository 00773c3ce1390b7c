"""Map test helpers: tiles are short byte strings with a real image signature (the core never decodes)."""

from __future__ import annotations

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def fake_png(label: str, size: int = 64) -> bytes:
    """Bytes that pass the magic-number check and say which tile they are."""
    body = label.encode()
    return PNG_MAGIC + body + b"\0" * max(0, size - len(PNG_MAGIC) - len(body))
