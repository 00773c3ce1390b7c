"""A small threaded TCP proxy on 127.0.0.1 in front of the test server, to break the network on purpose.

Every request gets its own upstream connection: the proxy rewrites the request's ``Connection`` header
to ``close``, so one client connection carries exactly one request and one response, and "the response
to this request" is simply everything the server sends until it closes.

Behaviours (switch at any time; they apply to requests that arrive afterwards):

* ``pass_through()`` - relay both ways.
* ``offline()`` - accept and reset at once: the client sees a connection error, the server sees nothing.
* ``drop_response_once(path)`` / ``drop_response_n(n, path)`` - forward the request, wait for the server's whole
  response (the server has committed), then close the client connection without relaying it: the
  classic lost response.
* ``cut_response_once(n, path)`` - forward the request, wait for the server's whole response, relay only
  its first ``n`` bytes (inside the status line or the headers, say) and end the connection politely: the
  client reads a response that simply stops.
* ``cut_after_bytes(n)`` - on the upload direction: forward request-body bytes until ``n`` bytes (counted
  over all requests since the call) have gone through, then close both sides in the middle of the body.
  It disarms itself after one cut.

``requests`` counts the requests the proxy read (all modes but offline), ``log`` keeps
``(method, path, body_bytes_forwarded, outcome)`` per request.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from dataclasses import dataclass

_BUF = 64 * 1024


@dataclass
class Request:
    method: str
    path: str
    body_bytes: int
    outcome: str  # relayed | dropped | truncated | cut | upstream_error


class Proxy:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads: set[threading.Thread] = set()
        self._sockets: set[socket.socket] = set()
        self._mode = "pass"
        self._drops = 0
        self._drop_path = ""
        self._cut_budget: int | None = None
        self._truncate: tuple[int, str] | None = None
        self.log: list[Request] = []
        self._acceptor: threading.Thread | None = None

    # ---- control -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def requests(self) -> int:
        with self._lock:
            return len(self.log)

    def pass_through(self) -> None:
        with self._lock:
            self._mode, self._drops, self._cut_budget = "pass", 0, None

    def offline(self) -> None:
        with self._lock:
            self._mode = "offline"

    def drop_response_n(self, n: int, path_contains: str = "") -> None:
        """Loses the next ``n`` responses (of requests whose path contains ``path_contains``)."""
        with self._lock:
            self._mode, self._drops, self._drop_path = "pass", n, path_contains

    def drop_response_once(self, path_contains: str = "") -> None:
        self.drop_response_n(1, path_contains)

    def cut_response_once(self, n: int, path_contains: str = "") -> None:
        with self._lock:
            self._mode, self._truncate = "pass", (n, path_contains)

    def cut_after_bytes(self, n: int) -> None:
        with self._lock:
            self._mode, self._cut_budget = "pass", n

    @property
    def drops_left(self) -> int:
        with self._lock:
            return self._drops

    def outcomes(self, outcome: str) -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.outcome == outcome]

    # ---- life cycle ----------------------------------------------------------------------------

    def start(self) -> Proxy:
        self._acceptor = threading.Thread(target=self._accept_loop, name=f"proxy-{self.port}", daemon=True)
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._acceptor is not None:
            self._acceptor.join(timeout=5)
        self._listener.close()
        with self._lock:
            sockets, threads = list(self._sockets), list(self._threads)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv; close alone would not
            _close(sock)
        for thread in threads:
            thread.join(timeout=5)

    def __enter__(self) -> Proxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---- the work ------------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                mode = self._mode
            if mode == "offline":
                _reset(client)
                continue
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            with self._lock:
                self._threads.add(thread)
                self._sockets.add(client)
            thread.start()

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def _serve(self, client: socket.socket) -> None:
        upstream = None
        try:
            client.settimeout(30)
            head, rest = _read_head(client)
            if head is None:
                return
            method, path, length, head = _rewrite_head(head)
            try:
                upstream = socket.create_connection(self.target, timeout=30)
            except OSError:
                self._record(Request(method, path, 0, "upstream_error"))
                _reset(client)
                return
            self._track(upstream)
            upstream.sendall(head)
            forwarded, cut = self._forward_body(client, upstream, rest, length)
            if cut:
                self._record(Request(method, path, forwarded, "cut"))
                _reset(upstream)
                _reset(client)
                return
            response = _read_all(upstream)  # the server closes after one response (Connection: close)
            with self._lock:
                drop = self._drops > 0 and self._drop_path in path
                if drop:
                    self._drops -= 1
            if drop:
                self._record(Request(method, path, forwarded, "dropped"))
                _reset(client)
                return
            with self._lock:
                truncate = self._truncate if self._truncate and self._truncate[1] in path else None
                if truncate:
                    self._truncate = None
            if truncate:
                self._record(Request(method, path, forwarded, "truncated"))
                response = response[:truncate[0]]
            else:
                self._record(Request(method, path, forwarded, "relayed"))
            client.sendall(response)
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_WR)
        except Exception:
            pass  # a broken connection is what this proxy is for; the client sees it, the test judges it
        finally:
            for sock in (client, upstream):
                if sock is not None:
                    _close(sock)
                    with self._lock:
                        self._sockets.discard(sock)
            with self._lock:
                self._threads.discard(threading.current_thread())

    def _record(self, request: Request) -> None:
        with self._lock:
            self.log.append(request)

    def _forward_body(self, client: socket.socket, upstream: socket.socket, rest: bytes,
                      length: int) -> tuple[int, bool]:
        """Relays ``length`` body bytes; returns (bytes forwarded, whether the connection was cut)."""
        forwarded = 0
        pending = rest
        while forwarded < length:
            if not pending:
                pending = client.recv(min(_BUF, length - forwarded))
                if not pending:
                    break
            piece = pending[:length - forwarded]
            pending = b""
            with self._lock:
                budget = self._cut_budget
                if budget is not None:
                    allowed = min(len(piece), budget)
                    self._cut_budget = budget - allowed
            if budget is not None and allowed < len(piece):
                upstream.sendall(piece[:allowed])
                with self._lock:
                    self._cut_budget = None  # one cut, then pass through again
                return forwarded + allowed, True
            upstream.sendall(piece)
            forwarded += len(piece)
        return forwarded, False


def _read_head(sock: socket.socket) -> tuple[bytes | None, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(_BUF)
        if not chunk:
            return None, b""
        data += chunk
        if len(data) > 1 << 20:
            return None, b""
    head, _, rest = data.partition(b"\r\n\r\n")
    return head + b"\r\n\r\n", rest


def _rewrite_head(head: bytes) -> tuple[str, str, int, bytes]:
    lines = head[:-4].split(b"\r\n")
    method, path = lines[0].decode("latin-1").split(" ")[:2]
    kept, length = [lines[0]], 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        key = name.strip().lower()
        if key in (b"connection", b"keep-alive"):
            continue
        if key == b"content-length":
            length = int(value.strip())
        if key == b"transfer-encoding":
            raise OSError("chunked request bodies are not supported by the test proxy")
        kept.append(line)
    kept.append(b"Connection: close")
    return method, path, length, b"\r\n".join(kept) + b"\r\n\r\n"


def _read_all(sock: socket.socket) -> bytes:
    parts = []
    while True:
        chunk = sock.recv(_BUF)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)


def _reset(sock: socket.socket) -> None:
    """Closes with RST (SO_LINGER 0): the peer sees a reset at once, not a polite end of stream."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    _close(sock)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.close()
