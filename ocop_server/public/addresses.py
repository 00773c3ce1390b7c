"""Reading the path a consumer's phone asked for: which product or lot it names, or why it names none."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from ocop_core import traceability
from ocop_core.errors import OcopError

MAX_PATH = traceability.URL_MAX_LENGTH
# GS1 Digital Link qualifiers this resolver does not tell apart: a consumer product variant (22) and a
# serial number (21) resolve to their product or lot, as a resolver may do (GS1 DL 1.2, section 4.4).
_IGNORED_QUALIFIERS = ("22", "21")


@dataclass(frozen=True)
class Asked:
    ref: traceability.PublicRef | None
    reason: str  # "" when ref is set; else malformed | gtin_check_digit | too_long
    shown: str  # what to repeat back to the person (short, printable), or ""


def _shown(text: str) -> str:
    printable = "".join(c if c.isprintable() else "?" for c in text)
    return printable if len(printable) <= 40 else printable[:40] + "…"


def _strip_qualifiers(segments: list[str]) -> list[str]:
    """/01/{gtin}[/22/{variant}][/10/{lot}][/21/{serial}] -> /01/{gtin}[/10/{lot}]."""
    if len(segments) < 3 or segments[1] != "01":
        return segments
    out = segments[:3]
    rest = segments[3:]
    while len(rest) >= 2:
        key, value, rest = rest[0], rest[1], rest[2:]
        if key not in _IGNORED_QUALIFIERS:
            out += [key, value]
    return out + rest


def read(raw_path: bytes) -> Asked:
    """The product or lot a request path names. The raw path is read (never the decoded one), so an
    encoded "/" or ".." cannot turn one shape into another."""
    if len(raw_path) > MAX_PATH:
        return Asked(None, "too_long", "")
    try:
        path = raw_path.decode("ascii")
    except UnicodeDecodeError:
        return Asked(None, "malformed", "")
    segments = path.split("/")
    while len(segments) > 1 and segments[-1] == "":
        segments.pop()
    segments = _strip_qualifiers(segments)
    shown = _shown(unquote(segments[2], errors="replace")) if len(segments) > 2 else ""
    if len(segments) not in (3, 5):
        return Asked(None, "malformed", shown)
    ref = traceability.parse_public_url("http://public" + "/".join(segments))
    if ref is None:
        return Asked(None, _why(segments), shown)
    return Asked(ref, "", shown)


def _why(segments: list[str]) -> str:
    if segments[1] == "01" and segments[2].isascii() and segments[2].isdigit():
        try:
            traceability.normalise_gtin(segments[2])
        except OcopError as error:
            if error.params.get("reason") == "check_digit":
                return "gtin_check_digit"
    return "malformed"
