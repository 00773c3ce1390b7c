"""Stable public addresses of products and lots: GTIN check digits, short codes, GS1 Digital Link paths.

A laptop makes a product's address offline and prints it on labels that live for years, so everything
here is pure and deterministic: the same product gives the same code and path on every machine, and a
rename, a new rating or a move to another commune never changes them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from ocop_core.errors import OcopError

GTIN_LENGTHS = (8, 12, 13, 14)
# GS1 General Specifications, figure 7.11-1: the 82 characters AI 10 (batch/lot) may hold.
LOT_CHARACTERS = frozenset(
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
LOT_MAX_LENGTH = 20
# Crockford's base32: no I, L, O or U, so a code read aloud or typed from a label is not misread.
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8
CODE_MAX_LENGTH = 16
# Longer than any address we print (about 70 characters) by far; anything beyond is not ours.
URL_MAX_LENGTH = 2048
_CODE_READ = str.maketrans({"O": "0", "I": "1", "L": "1"})
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CODE_SHAPE = re.compile(rf"[{CROCKFORD}]{{{CODE_LENGTH},{CODE_MAX_LENGTH}}}")


@dataclass(frozen=True)
class PublicRef:
    """What a public address points at: a product or one of its lots, named by GTIN-14 or by short code."""

    kind: str  # "product" | "lot"
    gtin: str | None = None
    code: str | None = None
    lot: str | None = None


def gtin_check_digit(body: str) -> int:
    """The GS1 mod-10 check digit of a GTIN without its last digit (weights 3, 1, 3 ... from the right)."""
    if not body.isascii() or not body.isdigit():
        raise OcopError("invalid_gtin", f"not digits: {body!r}", reason="not_digits")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def normalise_gtin(text: str) -> str:
    """GTIN-8/12/13/14 as typed (spaces allowed) -> 14 digits, the check digit verified."""
    digits = "".join(text.split())
    if digits and (not digits.isascii() or not digits.isdigit()):
        raise OcopError("invalid_gtin", f"not digits: {text!r}", reason="not_digits")
    if len(digits) not in GTIN_LENGTHS:
        raise OcopError("invalid_gtin", f"length {len(digits)}", reason="length", length=len(digits))
    if gtin_check_digit(digits[:-1]) != int(digits[-1]):
        raise OcopError("invalid_gtin", f"check digit of {digits}", reason="check_digit",
                        expected=gtin_check_digit(digits[:-1]))
    return digits.rjust(14, "0")


def check_lot_code(text: str) -> str:
    """A lot code that fits GS1 AI 10 (1 to 20 characters of set 82), returned unchanged."""
    if not 1 <= len(text) <= LOT_MAX_LENGTH:
        raise OcopError("invalid_lot_code", f"length {len(text)}", reason="length", limit=LOT_MAX_LENGTH)
    bad = sorted({c for c in text if c not in LOT_CHARACTERS})
    if bad:
        raise OcopError("invalid_lot_code", f"characters {bad!r}", reason="characters", characters="".join(bad))
    return text


def public_code(product_id: str, *, attempt: int = 0) -> str:
    """8 Crockford base32 characters from the product's UUID; ``attempt`` > 0 gives another code for the
    one-in-a-trillion case where the server finds the first already taken."""
    seed = product_id.strip().lower() + (f"#{attempt}" if attempt else "")
    number = int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:5], "big")
    return "".join(CROCKFORD[(number >> shift) & 31] for shift in range(35, -1, -5))


def product_path(code: str, gtin: str | None) -> str:
    """``/01/{GTIN-14}`` (GS1 Digital Link) when the product has a GTIN, else ``/p/{code}``."""
    if gtin:
        return f"/01/{normalise_gtin(gtin)}"
    return f"/p/{_check_code(code)}"


def lot_path(code: str, gtin: str | None, lot_code: str) -> str:
    """The product's path followed by its lot: ``/10/{lot}`` for GS1, ``/l/{lot}`` for the short form."""
    lot = quote(check_lot_code(lot_code), safe="")
    return f"{product_path(code, gtin)}/{'10' if gtin else 'l'}/{lot}"


def public_url(base_url: str, path: str) -> str:
    """The base the province publishes under (any path prefix kept) joined to a product or lot path."""
    base = base_url.strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise OcopError("invalid_public_base_url", f"base {base_url!r}", url=base_url)
    return base + path


def parse_public_url(text: str) -> PublicRef | None:
    """The product or lot a scanned address names, whatever the base; None for anything else."""
    if not isinstance(text, str) or len(text) > URL_MAX_LENGTH:
        return None
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    segments = parts.path.split("/")
    while segments and segments[-1] == "":
        segments.pop()
    # Segments are matched raw, so an encoded "/" or a ".." can never move us to another shape.
    if any(s in (".", "..") for s in segments):
        return None
    for shape in (_gs1_lot, _gs1_product, _short_lot, _short_product):
        try:
            found = shape(segments)
        except OcopError:
            return None
        if found is not None:
            return found
    return None


def _check_code(code: str) -> str:
    if not _CODE_SHAPE.fullmatch(code):
        raise OcopError("invalid_public_code", f"code {code!r}", code=code)
    return code


def _read_code(text: str) -> str:
    return _check_code(text.upper().translate(_CODE_READ))


def _read_lot(segment: str) -> str:
    if _BAD_ESCAPE.search(segment):
        raise OcopError("invalid_lot_code", reason="encoding")
    try:
        text = unquote(segment, errors="strict")
    except UnicodeDecodeError as error:
        raise OcopError("invalid_lot_code", reason="encoding") from error
    return check_lot_code(text)


def _read_gtin(segment: str) -> str:
    # The path carries digits only; normalise_gtin would accept spaces, which a URL must not.
    if not segment.isascii() or not segment.isdigit():
        raise OcopError("invalid_gtin", reason="not_digits")
    return normalise_gtin(segment)


def _gs1_lot(s: list[str]) -> PublicRef | None:
    if len(s) >= 5 and s[-4] == "01" and s[-2] == "10":
        return PublicRef("lot", gtin=_read_gtin(s[-3]), lot=_read_lot(s[-1]))
    return None


def _gs1_product(s: list[str]) -> PublicRef | None:
    if len(s) >= 3 and s[-2] == "01":
        return PublicRef("product", gtin=_read_gtin(s[-1]))
    return None


def _short_lot(s: list[str]) -> PublicRef | None:
    if len(s) >= 5 and s[-4] in ("p", "P") and s[-2] in ("l", "L"):
        return PublicRef("lot", code=_read_code(s[-3]), lot=_read_lot(s[-1]))
    return None


def _short_product(s: list[str]) -> PublicRef | None:
    if len(s) >= 3 and s[-2] in ("p", "P"):
        return PublicRef("product", code=_read_code(s[-1]))
    return None
