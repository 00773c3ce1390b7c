"""Which server addresses would carry a password across a network in clear: one rule for the setup
dialog and the sync client."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback(host: str) -> bool:
    """This machine, by name or address: plain http to it never crosses a network."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def plain_http_host(url: str) -> str | None:
    """The host an address reaches over plain http across a network; None for https or this machine."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return host if parts.scheme == "http" and not is_loopback(host) else None
