"""Jinja2 templates, the one inline stylesheet and the headers every public answer carries."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _vn_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["d"] = _vn_date
    env.filters["next_day"] = lambda day: day + timedelta(days=1)
    return env


@lru_cache(maxsize=1)
def css() -> str:
    return (TEMPLATES / "style.css").read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def security_headers() -> dict[str, str]:
    """Nothing but this server's own images and the one stylesheet (allowed by its hash) may load, and no
    script runs: the JSON-LD block is data, which a browser never executes."""
    style = base64.b64encode(hashlib.sha256(css().encode("utf-8")).digest()).decode("ascii")
    policy = ("default-src 'self'; img-src 'self'; style-src 'sha256-" + style + "'; script-src 'none'; "
              "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return {"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
            "Permissions-Policy": "camera=(), geolocation=(), microphone=()"}


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON inside <script>: "<", ">" and "&" escaped as JSON escapes, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def page(template: str, **values: Any) -> str:
    return environment().get_template(template).render(css=Markup(css()), **values)
