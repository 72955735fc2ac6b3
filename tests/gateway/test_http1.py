"""The gateway's HTTP/1.1 client against real servers on loopback — scripted ones that answer in
every way an upstream may (kept alive, chunked, until close, cut off, garbled, slow, interim
answers, extra bytes, resets, TLS) and the fake upstream model — on asyncio's event loop and on
uvloop, which the gateway runs on."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
import struct
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import uvloop

from mamori.proxy import http1
from mamori.proxy.http1 import (
    CallTimeoutError,
    Client,
    ConnectFailedError,
    Request,
    ResponseError,
    Target,
    Timeouts,
)
from tests.gateway.conftest import Server, free_port

QUICK = Timeouts(connect=2.0, read=2.0, total=5.0)
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
Runner = Callable[[Callable[[], Awaitable[None]]], None]


@pytest.fixture(params=["asyncio", "uvloop"])
def run(request: pytest.FixtureRequest) -> Runner:
    factory = uvloop.new_event_loop if request.param == "uvloop" else asyncio.new_event_loop

    def runner(scenario: Callable[[], Awaitable[None]]) -> None:
        with asyncio.Runner(loop_factory=factory) as loop:
            loop.run(scenario())

    return runner


async def read_request(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    """One request's head and body (the client always sends Content-Length)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    return head, await reader.readexactly(length)


def ok(body: bytes, extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n%s\r\n%s" % (len(body), extra, body)


async def serve(
    handler: Handler, context: ssl.SSLContext | None = None
) -> tuple[asyncio.Server, Target, list[int]]:
    """A server on a free port; the list counts the connections it accepted."""
    accepted: list[int] = []

    async def counting(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(1)
        try:
            await handler(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(counting, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    scheme, host = ("https", "localhost") if context else ("http", "127.0.0.1")
    target = Target.of(f"{scheme}://{host}:{port}/v1/chat/completions?api-version=1")
    return server, target, accepted


@contextlib.asynccontextmanager
async def talking_to(
    handler: Handler, **client_options: Any
) -> AsyncIterator[tuple[Client, Target, list[int]]]:
    """A scripted server and a client of it, both closed afterwards (also when a check fails)."""
    server, target, accepted = await serve(handler)
    client = Client(**client_options)
    try:
        yield client, target, accepted
    finally:
        await client.aclose()
        server.close()


def post(target: Target, stream: bool = False) -> Request:
    return Request.post(target, {"Content-Type": "application/json"}, stream=stream)


async def call(client: Client, target: Target, timeouts: Timeouts = QUICK) -> tuple[int, bytes]:
    response = await client.send(post(target), b"{}", timeouts)
    return response.status, await response.read()


def test_keeps_the_connection_alive_and_frames_the_request(run: Runner) -> None:
    seen: list[bytes] = []

    async def answer_twice(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for _ in range(2):
            head, body = await read_request(reader)
            seen.append(head + body)
            writer.write(ok(b'{"n": %d}' % len(seen)))

    async def scenario() -> None:
        async with talking_to(answer_twice) as (client, target, accepted):
            request = Request.post(
                target,
                {"Content-Type": "application/json", "Authorization": "Bearer k"},
                user_agent="mamori-test",
            )
            for expected in (b'{"n": 1}', b'{"n": 2}'):
                response = await client.send(request, b'{"q": 1}', QUICK)
                assert response.status == 200
                assert await response.read() == expected
            assert len(accepted) == 1  # the second call reused the first connection
            assert client.connections() == {target.origin: (1, 1)}

    run(scenario)
    head = seen[0].split(b"\r\n")
    assert head[0] == b"POST /v1/chat/completions?api-version=1 HTTP/1.1"
    port = int(head[1].rsplit(b":", 1)[1])
    assert head[1] == b"Host: 127.0.0.1:%d" % port
    assert b"Content-Length: 8" in head and b"Authorization: Bearer k" in head
    assert b"User-Agent: mamori-test" in head
    assert seen[0].endswith(b'\r\n\r\n{"q": 1}')


def test_reads_chunked_and_close_delimited_answers(run: Runner) -> None:
    async def chunked(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        for piece in (b"abc", b"defg"):
            writer.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            await writer.drain()
            await asyncio.sleep(0.01)
        writer.write(b"0\r\n\r\n")
        await read_request(reader)  # kept alive: a second request comes on the same connection
        writer.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end")
        await writer.drain()

    async def scenario() -> None:
        async with talking_to(chunked) as (client, target, accepted):
            assert await call(client, target) == (200, b"abcdefg")
            assert await call(client, target) == (200, b"until the end")
            assert len(accepted) == 1
            assert client.connections()[target.origin] == (0, 0)  # closed, as the server said

    run(scenario)


def test_interim_answers_are_skipped_and_never_taken_for_the_answer(run: Runner) -> None:
    """100 Continue, 102 and 103 Early Hints come before the answer, in its own segment or not:
    taking one for the answer would hand this answer to the next request on the connection."""

    async def hinting(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for number in range(3):
            _, body = await read_request(reader)
            interim = (b"100 Continue", b"102 Processing", b"103 Early Hints")[number]
            writer.write(b"HTTP/1.1 %s\r\nLink: </x.css>; rel=preload\r\n\r\n" % interim)
            if number:
                await writer.drain()
                await asyncio.sleep(0.05)
            writer.write(ok(b"answer to " + body))

    async def scenario() -> None:
        async with talking_to(hinting) as (client, target, accepted):
            for who in (b"A", b"B", b"C"):
                response = await client.send(post(target), who, QUICK)
                assert response.status == 200
                assert await response.read() == b"answer to " + who
            assert len(accepted) == 1

    run(scenario)


def test_bytes_after_the_answer_close_the_connection(run: Runner) -> None:
    """A second answer nobody asked for (in the same segment or later) is nobody's: the answer
    stays as it was, and the connection is not used again."""

    async def twice(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(ok(b'{"a":1}') + ok(b'{"b":2}'))
        await writer.drain()
        await read_request(reader)  # a second request would come here if the connection stayed

    async def later(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(ok(b'{"a":1}'))
        await writer.drain()
        await asyncio.sleep(0.05)
        writer.write(b"HTTP/1.1 418 I'm a teapot\r\nContent-Length: 40\r\n\r\n{")
        await writer.drain()
        await asyncio.sleep(1)

    async def scenario() -> None:
        for handler in (twice, later):
            async with talking_to(handler) as (client, target, accepted):
                response = await client.send(post(target), b"{}", QUICK)
                await asyncio.sleep(0.1)
                assert (response.status, await response.read()) == (200, b'{"a":1}')
                assert client.connections()[target.origin] == (0, 0)
                assert await call(client, target) == (200, b'{"a":1}')
                assert len(accepted) == 2  # the second call came on a new connection

    run(scenario)


def test_a_protocol_switch_is_an_error(run: Runner) -> None:
    async def switching(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")
        await writer.drain()
        await asyncio.sleep(0.5)

    async def scenario() -> None:
        async with talking_to(switching) as (client, target, _):
            with pytest.raises(ResponseError):
                await call(client, target)
            assert client.connections()[target.origin] == (0, 0)

    run(scenario)


def test_streams_lines_split_anywhere_across_chunks(run: Runner) -> None:
    events = b"data: one\n\ndata: two\r\n\ndata: [DONE]\n\nlast line without an end"

    async def trickle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        for start in range(0, len(events), 5):
            piece = events[start : start + 5]
            writer.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            await writer.drain()
            await asyncio.sleep(0.001)
        writer.write(b"0\r\n\r\n")
        await writer.drain()

    async def scenario() -> None:
        async with talking_to(trickle) as (client, target, _):
            response = await client.send(post(target, stream=True), b"{}", QUICK)
            lines = [line async for line in response.lines()]
            assert lines == [
                b"data: one\n",
                b"\n",
                b"data: two\r\n",
                b"\n",
                b"data: [DONE]\n",
                b"\n",
                b"last line without an end",
            ]
            assert client.connections()[target.origin] == (1, 1)  # read to the end: reusable

    run(scenario)


def test_a_stream_stopped_at_done_keeps_its_connection_when_the_end_follows(run: Runner) -> None:
    """The gateway stops reading at ``data: [DONE]``; the chunked answer's end often follows in
    a segment of its own. Closing the connection then would cost a handshake on every stream."""

    async def late_end(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            done = b"data: [DONE]\n\n"
            writer.write(b"%x\r\n%s\r\n" % (len(done), done))
            await writer.drain()
            await asyncio.sleep(0.02)
            writer.write(b"0\r\n\r\n")

    async def scenario() -> None:
        async with talking_to(late_end) as (client, target, accepted):
            for _ in range(3):
                response = await client.send(post(target, stream=True), b"{}", QUICK)
                async for line in response.lines():
                    if line.startswith(b"data: [DONE]"):
                        response.ending = True  # what the gateway's stream reader does
                        break
                response.close()
                await asyncio.sleep(0.1)
            assert len(accepted) == 1

    run(scenario)


def test_a_stream_stopped_early_is_closed_at_once_and_its_slot_freed(run: Runner) -> None:
    """Stopped before its end (the guard blocked it, the client left), a stream's connection is
    closed at once: the model stops writing, and a request waiting for the slot goes ahead."""
    ended: list[float] = []

    async def generating(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        try:
            while True:
                writer.write(b"%x\r\n%s\r\n" % (len(b"data: token\n\n"), b"data: token\n\n"))
                await writer.drain()
                await asyncio.sleep(0.02)
        finally:
            ended.append(asyncio.get_running_loop().time())

    async def scenario() -> None:
        async with talking_to(generating, limit=1) as (client, target, _):
            response = await client.send(post(target, stream=True), b"{}", QUICK)
            async for _line in response.lines():
                break
            closed_at = asyncio.get_running_loop().time()
            response.close()
            waiting = asyncio.ensure_future(client.send(post(target, stream=True), b"{}", QUICK))
            second = await asyncio.wait_for(waiting, 0.5)  # not DRAIN_S: the slot was freed at once
            second.close()
            await asyncio.sleep(0.1)
            assert ended and ended[0] - closed_at < 0.5

    run(scenario)


def test_a_drain_that_meets_stray_bytes_never_hands_a_dying_connection_over(run: Runner) -> None:
    """The end of a drained answer and junk after it, in one segment, while a request waits for
    the only connection: the junk closes the connection, and the waiter gets a new one."""

    async def junk_after_the_end(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        done = b"data: [DONE]\n\n"
        writer.write(b"%x\r\n%s\r\n" % (len(done), done))
        await writer.drain()
        await asyncio.sleep(0.05)
        writer.write(b"0\r\n\r\nX")  # the end, then a byte that is no answer's
        await writer.drain()
        await asyncio.sleep(0.5)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not accepted_before:
            accepted_before.append(1)
            await junk_after_the_end(reader, writer)
            return
        await read_request(reader)
        writer.write(ok(b'{"for": "B"}'))
        await writer.drain()

    accepted_before: list[int] = []

    async def scenario() -> None:
        async with talking_to(answer, limit=1) as (client, target, accepted):
            first = await client.send(post(target, stream=True), b"{}", QUICK)
            async for line in first.lines():
                if line.startswith(b"data: [DONE]"):
                    first.ending = True
                    break
            first.close()  # drains, holding the only slot
            assert await call(client, target) == (200, b'{"for": "B"}')
            assert len(accepted) == 2

    run(scenario)


def test_closing_the_client_wakes_the_requests_waiting_for_a_slot(run: Runner) -> None:
    async def never(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await asyncio.sleep(5)

    async def scenario() -> None:
        server, target, _ = await serve(never)
        client = Client(limit=1)
        busy = asyncio.ensure_future(call(client, target))
        await asyncio.sleep(0.05)
        waiting = asyncio.ensure_future(call(client, target))
        await asyncio.sleep(0.05)
        await client.aclose()
        with pytest.raises(ConnectFailedError):
            await asyncio.wait_for(waiting, 1)
        with pytest.raises(ResponseError):
            await busy
        server.close()

    run(scenario)


def test_a_slow_reader_pauses_the_socket_and_still_gets_everything(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http1, "_HIGH_WATER", 1024)
    line = b"x" * 99 + b"\n"

    async def flood(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(ok(line * 20000))  # 2 MB
        await writer.drain()

    async def scenario() -> None:
        async with talking_to(flood) as (client, target, _):
            response = await client.send(post(target, stream=True), b"{}", QUICK)
            await asyncio.sleep(0.1)  # nobody reads yet: the socket is paused after a read or two
            assert response._buffered < 600 * 1024
            count = 0
            async for received in response.lines():
                assert received == line
                count += 1
                if count % 2000 == 0:
                    await asyncio.sleep(0.005)  # the server keeps writing meanwhile
            assert count == 20000

    run(scenario)


@pytest.mark.parametrize(
    "answer",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b",  # cut off
        b"SMTP ready\r\n\r\n",  # not HTTP at all
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",  # cut off in a chunk
        b"",  # closed without a word
    ],
    ids=["cut-off", "not-http", "cut-off-chunk", "closed"],
)
def test_a_broken_answer_is_an_error_and_the_connection_is_dropped(
    run: Runner, answer: bytes
) -> None:
    async def broken(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(answer)
        await writer.drain()

    async def scenario() -> None:
        async with talking_to(broken) as (client, target, _):
            with pytest.raises(ResponseError):
                await call(client, target)
            assert client.connections()[target.origin] == (0, 0)

    run(scenario)


def test_a_reset_is_never_the_end_of_an_answer(run: Runner) -> None:
    async def reset(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nThe first half of the ans")
        await writer.drain()
        await asyncio.sleep(0.05)
        raw = writer.get_extra_info("socket")
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()  # RST, not FIN

    async def scenario() -> None:
        async with talking_to(reset) as (client, target, _):
            with pytest.raises(ResponseError):
                await call(client, target)

    run(scenario)


def test_read_timeout_total_timeout_and_a_slow_but_steady_head(run: Runner) -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await asyncio.sleep(5)

    async def dripping(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(1000):  # a byte every 20 ms: never a read timeout, but far too slow
            writer.write(b"x")
            await writer.drain()
            await asyncio.sleep(0.02)

    async def slow_head(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        for byte in ok(b"{}"):  # a byte every 30 ms, each well within the read timeout
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(0.03)

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        for handler, timeouts in (
            (silent, Timeouts(connect=1, read=0.2, total=10)),
            (dripping, Timeouts(connect=1, read=0.2, total=0.5)),
        ):
            async with talking_to(handler) as (client, target, _):
                started = loop.time()
                with pytest.raises(CallTimeoutError):
                    await call(client, target, timeouts)
                assert loop.time() - started < 2  # neither waited for the server to give up
        async with talking_to(slow_head) as (client, target, _):
            assert await call(client, target, Timeouts(connect=1, read=0.2, total=10)) == (
                200,
                b"{}",
            )

    run(scenario)


def test_an_answer_nobody_closes_frees_its_connection_at_the_total_timeout(run: Runner) -> None:
    async def endless(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        while True:
            writer.write(b"5\r\nhello\r\n")
            await writer.drain()
            await asyncio.sleep(0.01)

    async def scenario() -> None:
        async with talking_to(endless, limit=1) as (client, target, _):
            abandoned = await client.send(post(target, stream=True), b"{}", Timeouts(1, 1, 0.3))
            assert abandoned.status == 200  # and then nobody reads it, nobody closes it
            await asyncio.sleep(0.5)
            assert client.connections()[target.origin] == (0, 0)

    run(scenario)


def test_an_unreachable_upstream_is_a_connect_failure(run: Runner) -> None:
    async def scenario() -> None:
        client = Client()
        target = Target.of(f"http://127.0.0.1:{free_port()}/v1")  # nobody listens there
        with pytest.raises(ConnectFailedError):
            await call(client, target)
        await client.aclose()

    run(scenario)


def test_a_connection_the_server_closed_while_idle_is_not_reused(run: Runner) -> None:
    async def answer_then_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(ok(b"{}"))
        await writer.drain()
        await asyncio.sleep(0.05)  # then the server's keep-alive runs out

    async def scenario() -> None:
        async with talking_to(answer_then_close) as (client, target, accepted):
            for _ in range(2):
                assert await call(client, target) == (200, b"{}")
                await asyncio.sleep(0.2)
            assert len(accepted) == 2

    run(scenario)


def test_a_request_meeting_a_keep_alive_close_is_sent_once_more_on_a_new_connection(
    run: Runner,
) -> None:
    """The server closes its idle connection just as the next request arrives (it reads the
    request, then closes without a byte): the call is sent again, once, on a new connection."""
    requests: list[bytes] = []

    async def answer_once_then_close(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        _, body = await read_request(reader)
        requests.append(body)
        writer.write(ok(b'{"n": %d}' % len(requests)))
        await writer.drain()
        _, body = await read_request(reader)  # the next request on this connection: closed
        requests.append(body)

    async def scenario() -> None:
        async with talking_to(answer_once_then_close) as (client, target, accepted):
            assert await call(client, target) == (200, b'{"n": 1}')
            assert await call(client, target) == (200, b'{"n": 3}')  # 2 met the close
            assert len(accepted) == 2
            assert await call(client, target) == (200, b'{"n": 5}')
            assert len(accepted) == 3 and len(requests) == 5

    run(scenario)


def test_a_new_connection_or_a_begun_answer_is_never_sent_again(run: Runner) -> None:
    async def close_without_answer(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        await read_request(reader)

    async def half_an_answer_the_second_time(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        await read_request(reader)
        writer.write(ok(b"{}"))
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Le")
        await writer.drain()

    async def scenario() -> None:
        async with talking_to(close_without_answer) as (client, target, accepted):
            with pytest.raises(http1.ConnectionEndedError):
                await call(client, target)
            assert len(accepted) == 1  # a fresh connection: the upstream failed
        async with talking_to(half_an_answer_the_second_time) as (client, target, accepted):
            assert await call(client, target) == (200, b"{}")
            with pytest.raises(http1.ConnectionEndedError):
                await call(client, target)
            assert len(accepted) == 1  # the answer had begun: not sent again

    run(scenario)


def test_the_servers_keep_alive_timeout_is_honoured(run: Runner) -> None:
    async def hinting(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            writer.write(ok(b"{}", b"Keep-Alive: timeout=2\r\n"))  # idle for longer: closed

    async def scenario() -> None:
        async with talking_to(hinting) as (client, target, accepted):
            assert await call(client, target) == (200, b"{}")
            assert await call(client, target) == (200, b"{}")
            assert len(accepted) == 1  # reused at once ...
            await asyncio.sleep(1.1)
            assert await call(client, target) == (200, b"{}")
            assert len(accepted) == 2  # ... but not within a second of the server's limit

    run(scenario)


def test_at_most_limit_connections_first_come_first_served(run: Runner) -> None:
    async def quick(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            await asyncio.sleep(0.002)
            writer.write(ok(b"{}"))

    async def scenario() -> None:
        async with talking_to(quick, limit=1) as (client, target, accepted):
            calls = 0
            stop = False

            async def hog() -> None:  # call after call, giving the connection back in between
                nonlocal calls
                while not stop:
                    await call(client, target)
                    calls += 1

            hogging = asyncio.ensure_future(hog())
            await asyncio.sleep(0.05)
            started = asyncio.get_running_loop().time()
            assert await call(client, target) == (200, b"{}")  # served in turn, not starved
            waited = asyncio.get_running_loop().time() - started
            stop = True
            await hogging
            assert waited < 0.5 and calls > 2
            assert len(accepted) == 1

    run(scenario)


def test_a_waiter_cancelled_at_the_hand_over_passes_the_connection_on(run: Runner) -> None:
    async def slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            await asyncio.sleep(0.1)
            writer.write(ok(b"{}"))

    async def scenario() -> None:
        async with talking_to(slow, limit=1) as (client, target, _):
            first = asyncio.ensure_future(call(client, target))
            await asyncio.sleep(0.02)
            second = asyncio.ensure_future(call(client, target))
            third = asyncio.ensure_future(call(client, target))
            await asyncio.sleep(0.02)
            await first  # gives the connection to the second in turn ...
            second.cancel()  # ... which is cancelled before it runs
            with pytest.raises(asyncio.CancelledError):
                await second
            started = asyncio.get_running_loop().time()
            assert await third == (200, b"{}")
            assert asyncio.get_running_loop().time() - started < 1

    run(scenario)


def test_an_answer_larger_than_allowed_is_refused(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http1, "MAX_BODY_BYTES", 1000)

    async def big(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(ok(b"y" * 5000))
        await writer.drain()

    async def scenario() -> None:
        async with talking_to(big) as (client, target, _):
            with pytest.raises(ResponseError):
                await call(client, target)

    run(scenario)


def test_headers_are_checked_once_and_may_not_smuggle_anything() -> None:
    target = Target.of("http://127.0.0.1:9/v1")
    for headers in (
        {"Authorization": "Bearer k\r\nX-Evil: 1"},
        {"Authorization": "Bearer k\x00"},
        {"Authorization": "Bearer ｋ"},
        {"X Evil": "1"},
        {"Host": "elsewhere"},
        {"Content-Length": "0"},
        {"Transfer-Encoding": "chunked"},
    ):
        with pytest.raises(ValueError, match="header") as refused:
            Request.post(target, headers)
        assert "Bearer" not in str(refused.value)  # a key is never repeated
    with pytest.raises(ValueError, match="ASCII"):
        Target.of("http://example.jp/v1/チャット")


def test_targets_are_split_once() -> None:
    plain = Target.of("http://example.jp/v1/chat/completions")
    assert (plain.origin, plain.path, plain.host_header) == (
        ("http", "example.jp", 80),
        "/v1/chat/completions",
        "example.jp",
    )
    secure = Target.of("https://[::1]:8443/openai/v1/embeddings?api-version=2024-10-21")
    assert secure.origin == ("https", "::1", 8443)
    assert secure.host_header == "[::1]:8443"
    assert secure.path == "/openai/v1/embeddings?api-version=2024-10-21"
    with pytest.raises(ValueError, match="http"):
        Target.of("ftp://example.jp/")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec"),
            *("-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"),
            *("-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_tls_trusted_untrusted_and_an_answer_that_does_not_say_where_it_ends(
    run: Runner, certificate: tuple[Path, Path]
) -> None:
    cert, key = certificate

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        _, body = await read_request(reader)
        if body == b"framed":
            writer.write(ok(b'{"secure": true}'))
        else:  # over TLS the end of the connection cannot tell a whole answer from a cut one
            writer.write(b'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{"cut": ')
        await writer.drain()

    async def scenario() -> None:
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_context.load_cert_chain(cert, key)
        server, target, _ = await serve(answer, server_context)
        trusting = Client(context=ssl.create_default_context(cafile=str(cert)))
        response = await trusting.send(post(target), b"framed", QUICK)
        assert await response.read() == b'{"secure": true}'
        response = await trusting.send(post(target), b"unframed", QUICK)
        with pytest.raises(ResponseError):
            await response.read()
        await trusting.aclose()
        default = Client()  # the system's trust store does not know this certificate
        with pytest.raises(ConnectFailedError):
            await call(default, target)
        await default.aclose()
        server.close()

    run(scenario)


def test_against_the_fake_upstream_model(run: Runner, upstream: Server) -> None:
    async def scenario() -> None:
        client = Client()
        target = Target.of(upstream.url + "/v1/chat/completions")
        body = b'{"model": "fake-small", "messages": [{"role": "user", "content": "hi"}]}'
        response = await client.send(post(target), body, QUICK)
        assert response.status == 200 and b"chat.completion" in await response.read()
        streamed = await client.send(
            post(target, stream=True), body[:-1] + b', "stream": true}', QUICK
        )
        lines = [line async for line in streamed.lines()]
        assert lines[-2:] == [b"data: [DONE]\n", b"\n"]
        assert client.connections()[target.origin] == (1, 1)
        await client.aclose()

    run(scenario)


def test_a_streamed_call_refused_with_a_large_page_fails_at_once(run: Runner) -> None:
    """A proxy's 600 KB error page for a streamed call: the status says enough, the page is not
    read (read with back-pressure on, it would stall for the whole read timeout)."""
    from mamori.content.gateway import Upstream
    from mamori.proxy.upstream import UpstreamFailedError, Upstreams

    async def refusing(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        page = b"<html>" + b"x" * 600_000 + b"</html>"
        writer.write(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: %d\r\n\r\n" % len(page))
        writer.write(page)
        await writer.drain()
        await asyncio.sleep(5)

    async def scenario() -> None:
        server, target, _ = await serve(refusing)
        upstream = Upstream(
            name="proxy",
            base_url=f"http://127.0.0.1:{target.port}/v1",
            location="japan",
            deployment="on-premises",
            read_timeout_s=3,
        )
        upstreams = Upstreams({})
        loop = asyncio.get_running_loop()
        started = loop.time()
        with pytest.raises(UpstreamFailedError) as refused:
            await upstreams.stream(upstream, "/chat/completions", {"stream": True})
        assert refused.value.status == 502 and refused.value.upstream_status == 503
        assert loop.time() - started < 1
        await upstreams.close()
        server.close()

    run(scenario)


def test_a_streamed_answer_finished_at_done_keeps_its_upstream_connection(run: Runner) -> None:
    """What the gateway's relay does at ``data: [DONE]`` (``StreamedAnswer.finished``) lets the
    connection wait for the chunked answer's end, which here comes in a segment of its own."""
    from mamori.content.gateway import Upstream
    from mamori.proxy.upstream import Upstreams

    async def late_end(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            done = b"data: [DONE]\n\n"
            writer.write(b"%x\r\n%s\r\n" % (len(done), done))
            await writer.drain()
            await asyncio.sleep(0.02)
            writer.write(b"0\r\n\r\n")

    async def scenario() -> None:
        server, target, accepted = await serve(late_end)
        upstream = Upstream(
            name="late",
            base_url=f"http://127.0.0.1:{target.port}/v1",
            location="japan",
            deployment="on-premises",
        )
        upstreams = Upstreams({})
        for _ in range(3):
            answer = await upstreams.stream(upstream, "/chat/completions", {"stream": True})
            async for line in answer.lines():
                if line == "data: [DONE]":
                    answer.finished()
                    break
            await answer.aclose()
            await asyncio.sleep(0.1)
        assert len(accepted) == 1
        await upstreams.close()
        server.close()

    run(scenario)
