"""A small HTTP/1.1 client for the gateway's calls to upstream models: pooled keep-alive
connections, one exchange at a time on each, answers framed by httptools (llhttp).

Why not aiohttp: on the gateway's hot path its client machinery (sessions, connectors, timers,
cookie jars, stream readers) cost about 0.2 ms per call at 100 requests/s — a fifth of the
latency the gateway may add in all (docs/decisions.md, docs/performance.md). This client does
only what the gateway needs: ``POST`` with a body, the whole answer or its lines as they arrive,
three timeouts. It follows no redirects, asks for no compression and uses no proxy.

It is strict where a lenient client would hand one person's answer to another: an answer it
cannot frame is an error, never a guess; interim answers (100 Continue, 103 Early Hints) are
skipped; any byte after the end of an answer closes the connection; a connection goes back to
the pool only when its answer was read to the end and its request fully written.
"""

from __future__ import annotations

import collections
import re
import socket
import ssl
from asyncio import (
    AbstractEventLoop,
    BaseTransport,
    Future,
    Protocol,
    TimerHandle,
    Transport,
    get_running_loop,
    sleep,
    timeout,
)
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
DRAIN_BYTES = 64 * 1024
DRAIN_S = 1.0
"""An answer closed before its end (a stream stopped at ``[DONE]``) may still end within this
much and this long: then its connection is kept; otherwise it is closed."""

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_FIELD_VALUE = re.compile(r"[\t\x20-\x7e]*")
_RESERVED = frozenset({"host", "content-length", "transfer-encoding", "connection", "te"})
_KEEP_ALIVE_TIMEOUT = re.compile(rb"timeout\s*=\s*(\d+)")


class HTTPClientError(Exception):
    """A call that got no usable answer. Messages name what failed, never what was sent."""


class ConnectFailedError(HTTPClientError):
    """The upstream could not be reached: name resolution, connection or TLS handshake failed."""


class ResponseError(HTTPClientError):
    """The upstream's answer was cut off, too large or not HTTP/1.1 that can be framed."""


class ConnectionEndedError(ResponseError):
    """The connection ended (closed or reset) before the answer did."""


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
    """Where requests go, split and checked once: the pool key and the request line's target."""

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
        if not re.fullmatch(r"[\x21-\x7e]+", path):
            raise ValueError("an upstream URL's path must be percent-encoded ASCII")
        host_header = name if port == default else f"{name}:{port}"
        return cls(parts.scheme, parts.hostname, port, path, host_header)

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


@dataclass(frozen=True)
class Request:
    """A request line and headers, checked and encoded once; each call adds its body."""

    target: Target
    head: bytes
    """Everything before ``Content-Length``."""
    stream: bool
    """The answer is read line by line (and a slow reader pauses the socket)."""

    @classmethod
    def post(
        cls,
        target: Target,
        headers: Mapping[str, str],
        *,
        accept: str = "application/json",
        user_agent: str = "mamori-gateway",
        stream: bool = False,
    ) -> Request:
        fields = [("Host", target.host_header), ("User-Agent", user_agent), ("Accept", accept)]
        for name, value in headers.items():
            if not _TOKEN.fullmatch(name) or name.lower() in _RESERVED:
                raise ValueError(f"a header may not be named {name!r}")
            if not _FIELD_VALUE.fullmatch(value):  # the value is a secret: never repeated
                raise ValueError(f"the value of header {name} holds a character HTTP forbids")
            fields.append((name, value))
        lines = "".join(f"{name}: {value}\r\n" for name, value in fields)
        head = f"POST {target.path} HTTP/1.1\r\n{lines}".encode("ascii")
        return cls(target, head, stream)


class Response:
    """The answer to one call: its status now, its body as it arrives. ``close`` (or reading it
    to the end) gives the connection back; the total timeout closes an answer nobody closed."""

    def __init__(
        self, connection: _Connection, timeouts: Timeouts, deadline: float, stream: bool
    ) -> None:
        self._connection: _Connection | None = connection
        self._loop = connection.loop
        self._timeouts = timeouts
        self._deadline = deadline
        self._streaming = stream
        self.status = 0
        self._chunks: collections.deque[bytes] = collections.deque()
        self._buffered = 0
        self._received = 0
        self._headers_done = False
        self._complete = False
        self._keep_alive = False
        self._error: HTTPClientError | None = None
        self._waiter: Future[None] | None = None
        self._timer: TimerHandle | None = None
        self._armed_at = 0.0
        self._last_bytes = self._loop.time()
        self.answered = False
        """Whether any byte of an answer arrived (a request that got none may be sent again)."""
        self._draining = False
        self._drained = 0
        self.ending = False
        """Set by a reader that has all it wants and knows the answer's end is due (a stream at
        ``data: [DONE]``): closing then drains instead of closing (see ``close``)."""
        self._guard = self._loop.call_at(deadline, self._abandon)

    # --- fed by the connection -----------------------------------------------------------------

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _on_bytes(self) -> None:
        self._last_bytes = self._loop.time()
        self.answered = True

    def _on_headers(self, status: int) -> None:
        self.status = status
        self._headers_done = True
        self._wake()

    def _on_body(self, data: bytes) -> None:
        if self._error is not None or self._complete:
            return
        if self._draining:
            self._drained += len(data)
            if self._drained > DRAIN_BYTES:
                self._finish(reusable=False)
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
        if self._error is not None or self._complete:  # an answer refused stays refused
            return
        self._complete = True
        self._keep_alive = keep_alive
        if self._draining:
            # Inside the parser, which may still meet bytes after this answer: the connection
            # is given back once it is done with them (and closed if they are not HTTP's end).
            self._loop.call_soon(self._finish, keep_alive)
        self._wake()

    def _on_end(self, framed: bool, clean: bool) -> None:
        """The connection ended: the end of an answer that said nothing of its length when the
        server closed it properly, a cut-off answer otherwise."""
        if self._headers_done and not framed and clean:
            self._on_complete(keep_alive=False)
        else:
            self._fail(
                ConnectionEndedError("the upstream closed the connection before the answer ended")
            )

    def _fail(self, error: HTTPClientError) -> None:
        if self._error is None and not self._complete:
            self._error = error
        if self._draining:
            self._finish(reusable=False)
        self._wake()

    def _abandon(self) -> None:
        """The total timeout: whoever still has this answer, its connection is closed now."""
        self._fail(CallTimeoutError("the upstream's answer took longer than the total timeout"))
        self._finish(reusable=False)

    # --- used by the caller ----------------------------------------------------------------------

    async def _wait(self) -> None:
        """Until the connection reports something, within the read and the total timeout."""
        now = self._loop.time()
        if now >= self._deadline:
            raise CallTimeoutError("the upstream's answer took longer than the total timeout")
        waiter = self._waiter = self._loop.create_future()
        self._armed_at = now
        self._timer = self._loop.call_at(min(now + self._timeouts.read, self._deadline), self._due)
        try:
            await waiter
        finally:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._waiter = None

    def _due(self) -> None:
        """The read timer: bytes since it was set (of the head or a chunk's framing too) move it
        on; none is a read timeout."""
        self._timer = None
        waiter = self._waiter
        if waiter is None or waiter.done():
            return
        now = self._loop.time()
        if self._last_bytes > self._armed_at and now < self._deadline:
            self._armed_at = self._last_bytes
            due = min(self._last_bytes + self._timeouts.read, self._deadline)
            self._timer = self._loop.call_at(due, self._due)
            return
        waiter.set_exception(CallTimeoutError("the upstream sent nothing within the read timeout"))

    async def _headers(self) -> None:
        while not self._headers_done:
            if self._error is not None:
                raise self._error
            await self._wait()

    async def read(self) -> bytes:
        """The whole body (then the connection goes back to the pool)."""
        self._streaming = False  # read whole: pausing the socket would only stall it
        if self._connection is not None:
            self._connection.resume()
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
        try:
            while (chunk := await self._next_chunk()) is not None:
                searched = len(pending)  # only the new bytes can hold a line end not yet seen
                pending += chunk
                start = 0
                while (end := pending.find(b"\n", max(start, searched))) >= 0:
                    yield bytes(pending[start : end + 1])
                    start = end + 1
                del pending[:start]
                if len(pending) > MAX_LINE_BYTES:
                    raise ResponseError("a line of the answer is longer than the gateway accepts")
            if pending:
                yield bytes(pending)
        finally:
            self.close()

    def close(self, *, ending: bool = False) -> None:
        """Done with the answer. Read to its end on a connection that stays open: the connection
        goes back to the pool. ``ending``: the caller stopped where the answer is about to end
        (a stream at ``data: [DONE]``); the rest may arrive within ``DRAIN_S`` and is dropped,
        then the connection goes back. Otherwise (a blocked answer, a client gone, an error) the
        connection is closed at once — which also stops a model still writing."""
        if self._connection is None or self._draining:
            return
        if self._complete:
            self._finish(reusable=self._keep_alive)
        elif (
            (ending or self.ending)
            and self._error is None
            and self._headers_done
            and self._connection.framed
        ):
            self._draining = True
            self._chunks.clear()
            self._buffered = 0
            self._connection.resume()
            self._guard.cancel()
            self._guard = self._loop.call_later(DRAIN_S, self._finish, False)
        else:
            self._finish(reusable=False)

    def _finish(self, reusable: bool) -> None:
        self._guard.cancel()
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.finish(reusable)


class _Connection(Protocol):
    """One keep-alive connection: carries one exchange at a time."""

    def __init__(self, pool: _OriginPool, loop: AbstractEventLoop) -> None:
        self.pool = pool
        self.loop = loop
        self.transport: Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.response: Response | None = None
        self.closed = False
        self.idle_since = 0.0
        self.idle_limit = pool.client.idle_timeout
        self.exchanges = 0
        """Requests sent on this connection so far."""
        self._paused = False
        self.framed = False
        """Whether the current answer says where it ends (Content-Length, chunked, no body)."""
        self._interim = False
        """The message being parsed is an interim answer (1xx): the answer follows it."""
        self._ended = True
        """The current exchange's answer has been parsed to its end (or none was asked for)."""

    # asyncio's side

    def connection_made(self, transport: BaseTransport) -> None:
        # uvloop's transports are not subclasses of asyncio's, but do all that they do.
        self.transport = cast(Transport, transport)
        raw = transport.get_extra_info("socket")
        if raw is not None and raw.family in (socket.AF_INET, socket.AF_INET6):
            raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        response = self.response
        if response is None:  # bytes nobody asked for: this connection cannot be trusted
            self.close()
            return
        response._on_bytes()
        try:
            self.parser.feed_data(data)
        except (httptools.HttpParserError, httptools.HttpParserUpgrade):
            # Not HTTP, or bytes after the end of the answer: an answer already complete stays
            # as it was, but nothing more is read from this connection.
            self.close()
            response._fail(ResponseError("the upstream's answer is not valid HTTP/1.1"))

    def eof_received(self) -> bool:
        self._ended_connection(clean=True)
        return False  # close the transport

    def connection_lost(self, exc: Exception | None) -> None:
        self._ended_connection(clean=exc is None)  # a reset never ends an answer
        self.closed = True
        self.pool.forget(self)

    def _ended_connection(self, clean: bool) -> None:
        response = self.response
        if response is not None and not self._ended:
            # Over TLS an end without close_notify looks like a clean one (asyncio and uvloop
            # report it differently): an answer over TLS must say where it ends.
            response._on_end(self.framed, clean and self.pool.origin[0] == "http")

    # httptools' side

    def on_message_begin(self) -> None:
        if self._ended:
            raise ResponseError("bytes after the end of the answer")  # stops the parser
        self.framed = False
        self._interim = False

    def on_header(self, name: bytes, value: bytes) -> None:
        lowered = name.lower()
        if lowered == b"content-length" or (
            lowered == b"transfer-encoding" and b"chunked" in value.lower()
        ):
            self.framed = True
        elif lowered == b"keep-alive" and (hint := _KEEP_ALIVE_TIMEOUT.search(value.lower())):
            # The server closes idle connections after this long: stop using them a second before.
            self.idle_limit = min(self.pool.client.idle_timeout, int(hint.group(1)) - 1.0)

    def on_headers_complete(self) -> None:
        status = self.parser.get_status_code()
        if status == 101:
            raise ResponseError("the upstream switched protocols")
        if status < 200:  # 100 Continue, 102 Processing, 103 Early Hints: the answer follows
            self._interim = True
            return
        if status in (204, 304):
            self.framed = True  # no body: its end is the end of the headers
        if self.response is not None:
            self.response._on_headers(status)

    def on_body(self, body: bytes) -> None:
        if self.response is not None and not self._interim:
            self.response._on_body(body)

    def on_message_complete(self) -> None:
        if self._interim:
            self._interim = False
            return
        self._ended = True
        if self.response is not None:
            self.response._on_complete(self.parser.should_keep_alive())

    # the pool's side

    def send(self, request: Request, body: bytes, response: Response) -> None:
        assert self.transport is not None
        self.response = response
        self._ended = False
        self.exchanges += 1
        self.transport.write(request.head + b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def pause(self) -> None:
        if not self._paused and self.transport is not None and not self.closed:
            self._paused = True
            self.transport.pause_reading()

    def resume(self) -> None:
        if self._paused and self.transport is not None and not self.closed:
            self._paused = False
            self.transport.resume_reading()

    def finish(self, reusable: bool) -> None:
        self.response = None
        self.resume()
        written = self.transport is not None and self.transport.get_write_buffer_size() == 0
        if reusable and written and self._ended and not self.closed:
            self.pool.give_back(self)
        else:
            self.close()
            self.pool.forget(self)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.transport is not None:
                self.transport.close()

    def usable(self, now: float) -> bool:
        return (
            not self.closed
            and self.transport is not None
            and not self.transport.is_closing()
            and now - self.idle_since < self.idle_limit
        )


class _OriginPool:
    """The connections to one scheme, host and port: idle ones reused newest first, at most
    ``limit`` open. Beyond that, requests wait in turn (first come, first served): a connection
    given back, or a slot freed, goes to the longest waiting."""

    def __init__(self, client: Client, origin: tuple[str, str, int]) -> None:
        self.client = client
        self.origin = origin
        self.idle: list[_Connection] = []
        self.open: set[_Connection] = set()
        self.waiting: collections.deque[Future[_Connection | None]] = collections.deque()
        self.promised = 0
        """Slots handed to waiters that have not connected yet."""

    def _nobody_waiting(self) -> bool:
        while self.waiting and self.waiting[0].done():
            self.waiting.popleft()
        return not self.waiting

    def _idle_connection(self, now: float) -> _Connection | None:
        while self.idle:
            connection = self.idle.pop()
            if connection.usable(now):
                return connection
            connection.close()
            self.open.discard(connection)
        return None

    async def acquire(
        self, timeouts: Timeouts, deadline: float, *, first: bool = False
    ) -> _Connection:
        """A connection to send on; ``first``: this request has waited its turn already."""
        loop = get_running_loop()
        if first or self._nobody_waiting():
            connection = self._idle_connection(loop.time())
            if connection is not None:
                return connection
            if len(self.open) + self.promised < self.client.limit:
                return await self._connect(timeouts, deadline)
        turn: Future[_Connection | None] = loop.create_future()
        if first:
            self.waiting.appendleft(turn)
        else:
            self.waiting.append(turn)
        timer = loop.call_at(deadline, _give_up, turn)
        try:
            granted = await turn
        except BaseException:
            # Cancelled (or timed out) just after a connection or a slot was handed over:
            # it goes to the next in turn, not lost.
            if turn.done() and not turn.cancelled() and turn.exception() is None:
                self._pass_on(turn.result())
            raise
        finally:
            timer.cancel()
        if granted is None:
            self.promised -= 1
            return await self._connect(timeouts, deadline)
        if granted.usable(loop.time()):
            return granted
        # It died between the hand-over and this turn (the upstream closed it): the slot is
        # free again, and this request keeps its place at the head of the queue.
        granted.close()
        self.forget(granted)
        return await self.acquire(timeouts, deadline, first=True)

    def _pass_on(self, granted: _Connection | None) -> None:
        if granted is not None:
            self.give_back(granted)
        else:
            self.promised -= 1
            self._free_slot()

    async def _connect(self, timeouts: Timeouts, deadline: float) -> _Connection:
        loop = get_running_loop()
        scheme, host, port = self.origin
        connection = _Connection(self, loop)
        self.open.add(connection)
        context = self.client.ssl_context() if scheme == "https" else None
        wait = min(timeouts.connect, max(0.0, deadline - loop.time()))
        try:
            # Not wait_for: on 3.11 it can swallow a cancel that arrives as the connection is made.
            async with timeout(wait):
                await loop.create_connection(
                    lambda: connection,
                    host,
                    port,
                    ssl=context,
                    server_hostname=host if context is not None else None,
                )
        except TimeoutError:
            self.forget(connection)
            raise CallTimeoutError("no connection to the upstream within the timeout") from None
        except OSError:  # ssl.SSLError is one too
            self.forget(connection)
            raise ConnectFailedError("the upstream could not be reached") from None
        except BaseException:
            connection.close()
            self.forget(connection)
            raise
        return connection

    def give_back(self, connection: _Connection) -> None:
        connection.idle_since = get_running_loop().time()
        while self.waiting:
            turn = self.waiting.popleft()
            if not turn.done():
                turn.set_result(connection)  # handed over: nobody can take it in between
                return
        self.idle.append(connection)

    def forget(self, connection: _Connection) -> None:
        if connection in self.open:
            self.open.discard(connection)
            if connection in self.idle:
                self.idle.remove(connection)
            self._free_slot()

    def _free_slot(self) -> None:
        while self.waiting:
            turn = self.waiting.popleft()
            if not turn.done():
                self.promised += 1
                turn.set_result(None)  # a slot: the waiter connects
                return

    def close(self) -> None:
        for connection in list(self.open):
            connection.close()
        self.open.clear()
        self.idle.clear()
        while self.waiting:
            turn = self.waiting.popleft()
            if not turn.done():
                turn.set_exception(ConnectFailedError("the gateway is closing its connections"))


def _give_up(turn: Future[_Connection | None]) -> None:
    if not turn.done():
        turn.set_exception(CallTimeoutError("no connection to the upstream became free in time"))


class Client:
    """Keep-alive connections to every upstream, created inside the running event loop."""

    def __init__(
        self,
        *,
        limit: int = 200,
        idle_timeout: float = 15.0,
        context: ssl.SSLContext | None = None,
    ) -> None:
        self.limit = limit
        self.idle_timeout = idle_timeout
        self._context = context
        self._pools: dict[tuple[str, str, int], _OriginPool] = {}

    def ssl_context(self) -> ssl.SSLContext:
        if self._context is None:  # the system's trust store (SSL_CERT_FILE also applies)
            self._context = ssl.create_default_context()
        return self._context

    async def send(self, request: Request, body: bytes, timeouts: Timeouts) -> Response:
        """Send ``body`` and return once the answer's status line and headers are in."""
        loop = get_running_loop()
        deadline = loop.time() + timeouts.total
        origin = request.target.origin
        pool = self._pools.get(origin)
        if pool is None:
            pool = self._pools[origin] = _OriginPool(self, origin)
        retried = False
        while True:
            connection = await pool.acquire(timeouts, deadline)
            reused = connection.exchanges > 0
            response = Response(connection, timeouts, deadline, request.stream)
            try:
                connection.send(request, body, response)
                await response._headers()
            except ConnectionEndedError:
                response._finish(reusable=False)
                # A server closes a keep-alive connection once it has been idle long enough
                # (uvicorn and vLLM after 5 s, without saying so), and may do so just as a
                # request is sent on it: the request never reached it. That looks the same as a
                # server that took the request and died before a byte of its answer; a model call
                # sent twice costs tokens but changes nothing, so it is sent once more, on
                # another connection. A fresh connection that ends so is the upstream's failure.
                if reused and not response.answered and not retried:
                    retried = True
                    continue
                raise
            except BaseException:
                response._finish(reusable=False)
                raise
            return response

    async def aclose(self) -> None:
        for pool in self._pools.values():
            pool.close()
        self._pools.clear()
        await sleep(0)  # let the transports finish closing

    def connections(self) -> dict[tuple[str, str, int], tuple[int, int]]:
        """(open, idle) connections per origin, for tests and diagnostics."""
        return {key: (len(pool.open), len(pool.idle)) for key, pool in self._pools.items()}
