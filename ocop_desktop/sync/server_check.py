"""Is this address the province's OCOP server, and does it serve this app? Asked before an address is kept."""

from __future__ import annotations

from ocop_core import protocol
from ocop_core.errors import OcopError
from ocop_desktop.sync.client import ServerClient, SyncError

CHECK_TIMEOUT = (5.0, 10.0)  # connect, read: a person is waiting in front of the dialog
# What may pass by the next time (the server is down, or the line is): the address can still be kept.
TEMPORARY = frozenset({"network", "http_error"})


class ServerCheckError(OcopError):
    def __init__(self, code: str, **params: object):
        super().__init__(code, **params)  # network | http_error | not_ocop_server | protocol_unsupported


def check_server(url: str) -> str:
    """The server's name, once its /info answered like an OCOP server serving this protocol version."""
    client = ServerClient(url, "", retries=0, timeout=CHECK_TIMEOUT)
    try:
        info = client.info()
    except SyncError as exc:
        if exc.code == "network":
            raise ServerCheckError("network") from exc
        if (exc.params.get("status") or 0) >= 500:
            raise ServerCheckError("http_error", status=exc.params["status"]) from exc
        # Something answers there, but not as our server does (another web site, a wrong port or path).
        raise ServerCheckError("not_ocop_server", url=url) from exc
    finally:
        client.close()
    if protocol.PROTOCOL_VERSION not in info.protocol_versions:
        raise ServerCheckError("protocol_unsupported")
    return info.name
