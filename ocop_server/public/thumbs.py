"""Small JPEG thumbnails of public photos, made once with Pillow and kept beside the blob store.

A phone on 3G gets a 480-pixel JPEG of a few dozen kilobytes instead of a camera's 5 MB original. A file
that is not a picture, or one too large to decode safely, gets a marker instead of a thumbnail and is
left off the page, so one bad upload never breaks a page nor costs the server twice.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

SIZE = 480
QUALITY = 70
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is the largest a phone makes; anything beyond is refused
FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "MPO"})


def _paths(files_dir: Path, sha256: str) -> tuple[Path, Path, Path]:
    folder = files_dir / "thumbs" / sha256[:2]
    return files_dir / sha256[:2] / sha256, folder / f"{sha256}-{SIZE}.jpg", folder / f"{sha256}-{SIZE}.bad"


def thumbnail(files_dir: Path, sha256: str) -> tuple[Path, tuple[int, int]] | None:
    """The thumbnail's file and its size in pixels, made now if needed; None when there is no usable picture."""
    original, thumb, bad = _paths(files_dir, sha256)
    if thumb.exists():
        try:
            with Image.open(thumb) as made:
                return thumb, made.size
        except (OSError, UnidentifiedImageError):
            thumb.unlink(missing_ok=True)
    if bad.exists() or not original.is_file():
        return None
    try:
        size = _make(original, thumb)
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        bad.parent.mkdir(parents=True, exist_ok=True)
        bad.touch()
        return None
    return thumb, size


def _make(original: Path, thumb: Path) -> tuple[int, int]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(original) as image:
            if image.format not in FORMATS or image.width * image.height > MAX_PIXELS:
                raise ValueError("not a photo this server shows")
            image.draft("RGB", (SIZE * 2, SIZE * 2))  # JPEG decodes at a fraction of its size: far faster
            small = ImageOps.exif_transpose(image).convert("RGB")
    small.thumbnail((SIZE, SIZE), Image.Resampling.LANCZOS)
    thumb.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=thumb.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            small.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
        os.replace(temporary, thumb)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return small.size
