"""The QR code of a public address: its module matrix (qrcode, level M), as PNG and as SVG.

Level M and a 4-module quiet zone, as GS1 asks for codes scanned by phones; the drawing is ours, from the
matrix, so that every output (PNG, SVG, the PDF sheet) has exactly the same modules.
"""

from __future__ import annotations

import io

import qrcode  # type: ignore[import-untyped]
import qrcode.constants  # type: ignore[import-untyped]
from PIL import Image

from ocop_desktop.labels import LabelError

QUIET_ZONE = 4  # modules of white on each side (ISO/IEC 18004, GS1 General Specifications 5.12.3)
# Far beyond our addresses (about 70 characters); a longer text is a mistake, not a label.
MAX_TEXT = 400


def qr_modules(text: str) -> list[list[bool]]:
    """The code's dark (True) and light modules, row by row, without the quiet zone."""
    if not text or len(text) > MAX_TEXT:
        raise LabelError("qr_text_length", length=len(text), limit=MAX_TEXT)
    code = qrcode.QRCode(version=None, error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def runs(row: list[bool]) -> list[tuple[int, int]]:
    """(start, length) of each stretch of dark modules in a row: one rectangle each, so no seams show."""
    found, start = [], None
    for x, dark in enumerate([*row, False]):
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            found.append((start, x - start))
            start = None
    return found


def qr_png(text: str, *, module_px: int = 10) -> bytes:
    """A PNG of the code with its quiet zone, ``module_px`` pixels per module (1-bit, a few kilobytes)."""
    modules = qr_modules(text)
    side = len(modules) + 2 * QUIET_ZONE
    image = Image.new("1", (side, side), 1)
    pixels = image.load()
    assert pixels is not None
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + QUIET_ZONE, y + QUIET_ZONE] = 0
    image = image.resize((side * module_px, side * module_px), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True, dpi=(300, 300))
    return out.getvalue()


def qr_svg(text: str, *, size_mm: float = 25.0) -> str:
    """An SVG of the code with its quiet zone, ``size_mm`` wide, one path in module units (pure vectors)."""
    modules = qr_modules(text)
    side = len(modules) + 2 * QUIET_ZONE
    path = "".join(f"M{x + QUIET_ZONE},{y + QUIET_ZONE}h{length}v1h-{length}z"
                   for y, row in enumerate(modules) for x, length in runs(row))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size_mm:g}mm" height="{size_mm:g}mm" '
            f'viewBox="0 0 {side} {side}" shape-rendering="crispEdges">'
            f'<rect width="{side}" height="{side}" fill="#fff"/>'
            f'<path fill="#000" d="{path}"/></svg>\n')
