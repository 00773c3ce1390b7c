"""Reading the codes in a picture (a phone photo of a label) with zxing-cpp.

A photo is checked before it is decoded: a file that is not an image, or whose pixels would fill the
memory of a commune PC, is refused with what is wrong, never handed to the decoder.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from ocop_desktop.labels import LabelError

MAX_FILE_BYTES = 60 * 1024 * 1024
# A 50-megapixel phone photo passes; a decompression bomb (a small file of huge pixels) does not.
MAX_PIXELS = 80_000_000
# Decoding is faster and no less sure on a photo brought down to this side: a label's QR still spans
# hundreds of pixels in it.
DECODE_SIDE = 2400


@dataclass(frozen=True)
class Decoded:
    text: str
    format: str  # "QRCode", "EAN13" ...


def read_codes(path: str | os.PathLike[str]) -> list[Decoded]:
    """Every code zxing-cpp finds in the image file, QR codes first; [] when the picture holds none."""
    image = _open(Path(path))
    found = zxingcpp.read_barcodes(image)
    codes = [Decoded(b.text, b.format.name) for b in found if b.valid and b.text]
    return sorted(codes, key=lambda c: c.format != "QRCode")


def _open(path: Path) -> Image.Image:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise LabelError("scan_not_image", name=path.name)
        if size > MAX_FILE_BYTES:
            raise LabelError("scan_too_large", name=path.name, size=size, limit=MAX_FILE_BYTES)
        data = path.read_bytes()
    except OSError as error:
        raise LabelError("scan_unreadable", name=path.name, detail=error.strerror or str(error)) from error
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise LabelError("scan_too_large", name=path.name, size=size, limit=MAX_FILE_BYTES,
                                 pixels=width * height)
            image = ImageOps.exif_transpose(image) or image
            image = image.convert("L")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise LabelError("scan_too_large", name=path.name, size=size, limit=MAX_FILE_BYTES) from error
    except UnidentifiedImageError as error:
        raise LabelError("scan_not_image", name=path.name) from error
    except (OSError, ValueError, SyntaxError) as error:  # a truncated or damaged image file
        raise LabelError("scan_not_image", name=path.name) from error
    if max(image.size) > DECODE_SIDE:
        image.thumbnail((DECODE_SIDE, DECODE_SIDE), Image.Resampling.LANCZOS)
    return image
