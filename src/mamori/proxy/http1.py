"""A small HTTP/1.1 client for the gateway's calls to upstream models: pooled keep-alive
connections, one request at a time on each, responses parsed by httptools (llhttp).

Why not aiohttp: on the gateway's hot path its client machinery (sessions, connectors, timers,
cookie jars, stream readers) cost about a quarter of a millisecond per call at 100 requests/s —
a quarter of the latency the gateway may add in all (docs/decisions.md, docs/performance.md).
This client does only what the gateway needs: ``POST`` with a JSON body, a whole answer or its
lines as they arrive, and three timeouts. It follows no redirects, asks for no compression and
uses no proxy; a response it cannot frame is an error, never a guess.
"""

from __future__ import annotations

import asyncio
import collections
import socket
import ssl
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import cast
from urllib.parse import urlsplit

import httptools

MAX_BODY_BYTES = 64 * 1024 * 1024
"""An answer larger than this is refused (no model answer comes near it)."""
MAX_LINE_BYTES = 1024 * 1024
"""A streamed line longer than this is refused."""
_HIGH_WATER = 256 * 1024
"""Unread bytes of a streamed answer at which reading from the socket pauses."""


class HTTPClientError(Exception):
    """A call that got no usable answer. Messages name what failed, never what was sent."""


class ConnectFailedError(HTTPClientError):
    """The upstream could not be reached: name resolution, connection or TLS handshake failed."""


class ResponseError(HTTPClientError):
    """The upstream's answer was cut off, too large or not HTTP/1.1 that can be framed."""


class CallTimeoutError(HTTPClientError, TimeoutError):
    """No connection, no next bytes within the read timeout, or no whole answer within the total."""


@dataclass(frozen=True)
class Timeouts:
    connect: float
    read: float
    """Longest wait for the next bytes of the answer (also for its first)."""
    total: float
    """Longest the whole call may take, from the request to the answer's last byte."""


@dataclass(frozen=True)
class Target:
    """Where a request goes, split once: the pool key and the request line's target."""

    scheme: str
    host: str
    port: int
    path: str
    """Path and query, as the request line carries them."""
    host_header: str

    @classmethod
    def of(cls, url: str) -> Target:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("an upstream URL must be http:// or https:// with a host")
        default = 443 if parts.scheme == "https" else 80
        port = parts.port or default
        name = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host_header = name if port == default else f"{name}:{port}"
        return cls(parts.scheme, parts.hostname, port, path, host_header)

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


def _header_block(lines: list[tuple[str, str]]) -> bytes:
    for name, value in lines:
        if "\r" in value or "\n" in value or "\r" in name or "\n" in name or ":" in name:
            raise ValueError("a header name or value holds a line break")
    return "".join(f"{name}: {value}\r\n" for name, value in lines).encode("latin-1")


class Response:
    """The answer to one call: its status now, its body as it arrives. ``close`` (or reading it
    to the end) gives the connection back; the caller must do one of them."""

    def __init__(self, connection: _Connection, timeouts: Timeouts, deadline: float) -> None:
        self._connection: _Connection | None = connection
        self._timeouts = timeouts
        self._deadline = deadline
        self.status = 0
        self._chunks: collections.deque[bytes] = collections.deque()
        self._buffered = 0
        self._received = 0
        self._complete = False
        self._keep_alive = False
        self._error: HTTPClientError | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._headers_done = False
        self._framed = False
        """Whether the answer says where it ends (Content-Length or chunked)."""
        self._streaming = False
        """Read line by line: a slow reader pauses the socket instead of buffering without end."""

    # --- fed by the connection -----------------------------------------------------------------

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _on_headers(self, status: int, framed: bool) -> None:
        self.status = status
        self._framed = framed
        self._headers_done = True
        self._wake()

    def _on_body(self, data: bytes) -> None:
        if self._error is not None:
            return
        self._received += len(data)
        if self._received > MAX_BODY_BYTES:
            self._fail(ResponseError("the answer is larger than the gateway accepts"))
            return
        self._chunks.append(data)
        self._buffered += len(data)
        if self._streaming and self._buffered > _HIGH_WATER and self._connection is not None:
            self._connection.pause()
        self._wake()

    def _on_complete(self, keep_alive: bool) -> None:
        if self._error is not None:  # an answer refused on the way stays refused
            return
        self._complete = True
        self._keep_alive = keep_alive
        self._wake()

    def _on_end_of_stream(self) -> None:
        """The server closed the connection: the end of an answer that said nothing of its
        length, a cut-off answer otherwise."""
        if self._complete:
            return
        if self._headers_done and not self._framed:
            self._on_complete(keep_alive=False)
        else:
            self._fail(ResponseError("the upstream closed the connection before the answer ended"))

    def _fail(self, error: HTTPClientError) -> None:
        if self._error is None and not self._complete:
            self._error = error
        self._wake()

    # --- used by the caller ----------------------------------------------------------------------

    async def _wait(self) -> None:
        """Until the connection reports something, within the read and the total timeout."""
        loop = asyncio.get_running_loop()
        remaining = self._deadline - loop.time()
        if remaining <= 0:
            raise CallTimeoutError("the upstream's answer took longer than the total timeout")
        waiter = self._waiter = loop.create_future()
        timer = loop.call_later(min(self._timeouts.read, remaining), _expire, waiter)
        try:
            await waiter
        finally:
            timer.cancel()
            self._waiter = None

    async def _headers(self) -> None:
        while not self._headers_done:
            if self._error is not None:
                raise self._error
            await self._wait()

    async def read(self) -> bytes:
        """The whole body (then the connection goes back to the pool)."""
        try:
            while not self._complete:
                if self._error is not None:
                    raise self._error
                await self._wait()
            body = b"".join(self._chunks)
            self._chunks.clear()
            return body
        finally:
            self.close()

    async def _next_chunk(self) -> bytes | None:
        while not self._chunks:
            if self._complete:
                return None
            if self._error is not None:
                raise self._error
            await self._wait()
        chunk = self._chunks.popleft()
        self._buffered -= len(chunk)
        if self._buffered <= _HIGH_WATER // 2 and self._connection is not None:
            self._connection.resume()
        return chunk

    async def lines(self) -> AsyncIterator[bytes]:
        """The body line by line as it arrives, each with its line end (the last may have none)."""
        pending = bytearray()
        self._streaming = True
        try:
            while (chunk := await self._next_chunk()) is not None:
                pending += chunk
                start = 0
                while (end := pending.find(b"\n", start)) >= 0:
                    yield bytes(pending[start : end + 1])
                    start = end + 1
                del pending[:start]
                if len(pending) > MAX_LINE_BYTES:
                    raise ResponseError("a line of the answer is longer than the gateway accepts")
            if pending:
                yield bytes(pending)
        finally:
            self.close()

    def close(self) -> None:
        """Give the connection back: to the pool when the answer was read to its end on a
        connection that stays open, closed otherwise (nobody can tell where an unread answer
        would have ended)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.finish(reusable=self._complete and self._keep_alive and not self._chunks)


def _expire(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_exception(CallTimeoutError("the upstream sent nothing within the read timeout"))


class _Connection(asyncio.Protocol):
    """One keep-alive connection: carries one exchange at a time."""

    def __init__(self, pool: _OriginPool) -> None:
        self.pool = pool
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.response: Response | None = None
        self.closed = False
        self.idle_since = 0.0
        self._paused = False
        self._framed = False

    # asyncio's side

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not subclasses of asyncio's, but do all that it does.
        self.transport = cast(asyncio.Transport, transport)
        raw = transport.get_extra_info("socket")
        if raw is not None and raw.family in (socket.AF_INET, socket.AF_INET6):
            raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        response = self.response
        if response is None:  # bytes nobody asked for: this connection cannot be trusted
            self.close()
            return
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            response._fail(ResponseError("the upstream's answer is not valid HTTP/1.1"))
            self.close()

    def eof_received(self) -> bool:
        if self.response is not None:
            self.response._on_end_of_stream()
        return False  # close the transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.response is not None:
            self.response._on_end_of_stream()
        self.pool.forget(self)

    # httptools' side

    def on_message_begin(self) -> None:
        self._framed = False

    def on_header(self, name: bytes, value: bytes) -> None:
        lowered = name.lower()
        if lowered == b"content-length" or (
            lowered == b"transfer-encoding" and b"chunked" in value.lower()
        ):
            self._framed = True

    def on_headers_complete(self) -> None:
        if self.response is not None:
            status = self.parser.get_status_code()
            # A body-less status is framed too: its end is the end of the headers.
            framed = self._framed or status in (204, 304) or 100 <= status < 200
            self.response._on_headers(status, framed)

    def on_body(self, body: bytes) -> None:
        if self.response is not None:
            self.response._on_body(body)

    def on_message_complete(self) -> None:
        if self.response is not None:
            self.response._on_complete(self.parser.should_keep_alive())

    # the pool's side

    def send(self, head: bytes, body: bytes, response: Response) -> None:
        assert self.transport is not None
        self.response = response
        self.transport.write(head + body)

    def pause(self) -> None:
        if not self._paused and self.transport is not None:
            self._paused = True
            self.transport.pause_reading()

    def resume(self) -> None:
        if self._paused and self.transport is not None and not self.closed:
            self._paused = False
            self.transport.resume_reading()

    def finish(self, reusable: bool) -> None:
        self.response = None
        self.resume()
        if reusable and not self.closed:
            self.pool.give_back(self)
        else:
            self.close()
            self.pool.forget(self)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.transport is not None:
                self.transport.close()

    def usable(self, now: float, idle_timeout: float) -> bool:
        return (
            not self.closed
            and self.transport is not None
            and not self.transport.is_closing()
            and now - self.idle_since < idle_timeout
        )


class _OriginPool:
    """The connections to one scheme, host and port: idle ones reused newest first, at most
    ``limit`` open; a request beyond that waits for one to be given back."""

    def __init__(self, client: Client, origin: tuple[str, str, int]) -> None:
        self.client = client
        self.origin = origin
        self.idle: list[_Connection] = []
        self.open: set[_Connection] = set()
        self.waiting: collections.deque[asyncio.Future[None]] = collections.deque()

    async def acquire(self, timeouts: Timeouts, deadline: float) -> _Connection:
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            while self.idle:
                connection = self.idle.pop()
                if connection.usable(now, self.client.idle_timeout):
                    return connection
                connection.close()
                self.open.discard(connection)
            if len(self.open) < self.client.limit:
                return await self._connect(timeouts, deadline)
            turn = loop.create_future()
            self.waiting.append(turn)
            try:
                await asyncio.wait_for(turn, max(0.0, deadline - loop.time()))
            except TimeoutError:
                raise CallTimeoutError(
                    "no connection to the upstream became free in time"
                ) from None
            finally:
                if turn in self.waiting:
                    self.waiting.remove(turn)

    async def _connect(self, timeouts: Timeouts, deadline: float) -> _Connection:
        loop = asyncio.get_running_loop()
        scheme, host, port = self.origin
        connection = _Connection(self)
        self.open.add(connection)
        context = self.client.ssl_context() if scheme == "https" else None
        wait = min(timeouts.connect, max(0.0, deadline - loop.time()))
        try:
            await asyncio.wait_for(
                loop.create_connection(
                    lambda: connection,
                    host,
                    port,
                    ssl=context,
                    server_hostname=host if context is not None else None,
                ),
                wait,
            )
        except TimeoutError:
            self.forget(connection)
            raise CallTimeoutError("no connection to the upstream within the timeout") from None
        except (OSError, ssl.SSLError):
            self.forget(connection)
            raise ConnectFailedError("the upstream could not be reached") from None
        except BaseException:
            connection.close()
            self.forget(connection)
            raise
        return connection

    def give_back(self, connection: _Connection) -> None:
        connection.idle_since = asyncio.get_running_loop().time()
        self.idle.append(connection)
        self._next()

    def forget(self, connection: _Connection) -> None:
        if connection in self.open:
            self.open.discard(connection)
            if connection in self.idle:
                self.idle.remove(connection)
            self._next()

    def _next(self) -> None:
        while self.waiting:
            turn = self.waiting.popleft()
            if not turn.done():
                turn.set_result(None)
                return

    def close(self) -> None:
        for connection in list(self.open):
            connection.close()
        self.open.clear()
        self.idle.clear()


class Client:
    """Keep-alive connections to every upstream, created inside the running event loop."""

    def __init__(
        self,
        *,
        limit: int = 200,
        idle_timeout: float = 30.0,
        context: ssl.SSLContext | None = None,
        user_agent: str = "mamori-gateway",
    ) -> None:
        self.limit = limit
        self.idle_timeout = idle_timeout
        self._context = context
        self._pools: dict[tuple[str, str, int], _OriginPool] = {}
        self._user_agent = user_agent

    def ssl_context(self) -> ssl.SSLContext:
        if self._context is None:  # the system's trust store (SSL_CERT_FILE also applies)
            self._context = ssl.create_default_context()
        return self._context

    async def post(
        self,
        target: Target,
        headers: Mapping[str, str],
        body: bytes,
        timeouts: Timeouts,
        accept: str = "application/json",
    ) -> Response:
        """Send ``body`` and return once the answer's status line and headers are in."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeouts.total
        pool = self._pools.get(target.origin)
        if pool is None:
            pool = self._pools[target.origin] = _OriginPool(self, target.origin)
        head = (
            f"POST {target.path} HTTP/1.1\r\nHost: {target.host_header}\r\n".encode("latin-1")
            + _header_block(
                [
                    ("User-Agent", self._user_agent),
                    ("Accept", accept),
                    ("Content-Length", str(len(body))),
                    *headers.items(),
                ]
            )
            + b"\r\n"
        )
        connection = await pool.acquire(timeouts, deadline)
        response = Response(connection, timeouts, deadline)
        try:
            connection.send(head, body, response)
            await response._headers()
        except BaseException:
            response.close()
            raise
        return response

    async def aclose(self) -> None:
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()
        await asyncio.sleep(0)  # let the transports finish closing

    def connections(self) -> dict[tuple[str, str, int], tuple[int, int]]:
        """(open, idle) connections per origin, for tests and diagnostics."""
        return {key: (len(pool.open), len(pool.idle)) for key, pool in self._pools.items()}
