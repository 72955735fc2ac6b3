"""The gateway's HTTP/1.1 client against real servers on loopback: scripted ones that answer in
every way an upstream may (kept alive, chunked, until close, cut off, garbled, slow, over TLS),
and the fake upstream model."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from mamori.proxy import http1
from mamori.proxy.http1 import (
    CallTimeoutError,
    Client,
    ConnectFailedError,
    ResponseError,
    Target,
    Timeouts,
)
from tests.gateway.conftest import Server, free_port

QUICK = Timeouts(connect=2.0, read=2.0, total=5.0)
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


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


async def serve(handler: Handler) -> tuple[asyncio.Server, Target, list[int]]:
    """A server on a free port; the list counts the connections it accepted."""
    accepted: list[int] = []

    async def counting(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(1)
        try:
            await handler(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(counting, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    return server, Target.of(f"http://127.0.0.1:{port}/v1/chat/completions?api-version=1"), accepted


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(scenario())


async def call(client: Client, target: Target, timeouts: Timeouts = QUICK) -> bytes:
    response = await client.post(target, {}, b"{}", timeouts)
    return await response.read()


def test_keeps_the_connection_alive_and_frames_the_request() -> None:
    seen: list[bytes] = []

    async def answer_twice(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for _ in range(2):
            head, body = await read_request(reader)
            seen.append(head + body)
            writer.write(ok(b'{"n": %d}' % len(seen)))

    async def scenario() -> None:
        server, target, accepted = await serve(answer_twice)
        client = Client(user_agent="mamori-test")
        headers = {"Content-Type": "application/json", "Authorization": "Bearer k"}
        for expected in (b'{"n": 1}', b'{"n": 2}'):
            response = await client.post(target, headers, b'{"q": 1}', QUICK)
            assert response.status == 200
            assert await response.read() == expected
        assert len(accepted) == 1  # the second call reused the first connection
        assert client.connections() == {target.origin: (1, 1)}
        await client.aclose()
        server.close()

    run(scenario)
    head = seen[0].split(b"\r\n")
    assert head[0] == b"POST /v1/chat/completions?api-version=1 HTTP/1.1"
    port = int(head[1].rsplit(b":", 1)[1])
    assert head[1] == b"Host: 127.0.0.1:%d" % port
    assert b"Content-Length: 8" in head and b"Authorization: Bearer k" in head
    assert b"User-Agent: mamori-test" in head
    assert seen[0].endswith(b'\r\n\r\n{"q": 1}')


def test_reads_chunked_and_close_delimited_answers() -> None:
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
        server, target, accepted = await serve(chunked)
        client = Client()
        first = await client.post(target, {}, b"{}", QUICK)
        assert await first.read() == b"abcdefg"
        second = await client.post(target, {}, b"{}", QUICK)
        assert await second.read() == b"until the end"
        assert len(accepted) == 1
        assert client.connections()[target.origin] == (0, 0)  # closed, as the server said
        await client.aclose()
        server.close()

    run(scenario)


def test_streams_lines_split_anywhere_across_chunks() -> None:
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
        server, target, _ = await serve(trickle)
        client = Client()
        response = await client.post(target, {}, b"{}", QUICK, accept="text/event-stream")
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
        await client.aclose()
        server.close()

    run(scenario)


def test_a_slow_reader_pauses_the_socket_and_still_gets_everything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(http1, "_HIGH_WATER", 1024)
    line = b"x" * 99 + b"\n"

    async def flood(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        body = line * 2000
        writer.write(ok(body))
        await writer.drain()

    async def scenario() -> None:
        server, target, _ = await serve(flood)
        client = Client()
        response = await client.post(target, {}, b"{}", QUICK)
        count = 0
        async for received in response.lines():
            assert received == line
            count += 1
            if count % 200 == 0:
                await asyncio.sleep(0.005)  # the server keeps writing meanwhile
        assert count == 2000
        await client.aclose()
        server.close()

    run(scenario)


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b", ResponseError),  # cut off
        (b"SMTP ready\r\n\r\n", ResponseError),  # not HTTP at all
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", ResponseError),
        (b"", ResponseError),  # closed without a word
    ],
    ids=["cut-off", "not-http", "cut-off-chunk", "closed"],
)
def test_a_broken_answer_is_an_error_and_the_connection_is_dropped(
    answer: bytes, error: type[Exception]
) -> None:
    async def broken(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(answer)
        await writer.drain()

    async def scenario() -> None:
        server, target, _ = await serve(broken)
        client = Client()
        with pytest.raises(error):
            await call(client, target)
        assert client.connections()[target.origin] == (0, 0)
        await client.aclose()
        server.close()

    run(scenario)


def test_read_timeout_and_total_timeout() -> None:
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

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        for handler, timeouts in (
            (silent, Timeouts(connect=1, read=0.2, total=10)),
            (dripping, Timeouts(connect=1, read=0.2, total=0.5)),
        ):
            server, target, _ = await serve(handler)
            client = Client()
            started = loop.time()
            with pytest.raises(CallTimeoutError):
                await call(client, target, timeouts)
            assert loop.time() - started < 2  # neither waited for the server to give up
            await client.aclose()
            server.close()

    run(scenario)


def test_an_unreachable_upstream_is_a_connect_failure() -> None:
    async def scenario() -> None:
        client = Client()
        target = Target.of(f"http://127.0.0.1:{free_port()}/v1")  # nobody listens there
        with pytest.raises(ConnectFailedError):
            await client.post(target, {}, b"{}", QUICK)
        await client.aclose()

    run(scenario)


def test_a_connection_the_server_closed_while_idle_is_not_reused() -> None:
    async def answer_then_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(ok(b"{}"))
        await writer.drain()
        await asyncio.sleep(0.05)  # then the server's keep-alive runs out

    async def scenario() -> None:
        server, target, accepted = await serve(answer_then_close)
        client = Client()
        for _ in range(2):
            response = await client.post(target, {}, b"{}", QUICK)
            assert await response.read() == b"{}"
            await asyncio.sleep(0.2)
        assert len(accepted) == 2
        await client.aclose()
        server.close()

    run(scenario)


def test_at_most_limit_connections_and_the_others_wait() -> None:
    async def slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            await asyncio.sleep(0.05)
            writer.write(ok(b"{}"))

    async def scenario() -> None:
        server, target, accepted = await serve(slow)
        client = Client(limit=2)

        async def call() -> bytes:
            response = await client.post(target, {}, b"{}", QUICK)
            return await response.read()

        assert await asyncio.gather(*(call() for _ in range(6))) == [b"{}"] * 6
        assert len(accepted) == 2
        await client.aclose()
        server.close()

    run(scenario)


def test_an_answer_larger_than_allowed_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(http1, "MAX_BODY_BYTES", 1000)

    async def big(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(ok(b"y" * 5000))
        await writer.drain()

    async def scenario() -> None:
        server, target, _ = await serve(big)
        client = Client()
        response = await client.post(target, {}, b"{}", QUICK)
        with pytest.raises(ResponseError):
            await response.read()
        await client.aclose()
        server.close()

    run(scenario)


def test_header_values_cannot_smuggle_lines() -> None:
    async def scenario() -> None:
        client = Client()
        target = Target.of(f"http://127.0.0.1:{free_port()}/v1")
        with pytest.raises(ValueError, match="line break"):
            await client.post(target, {"Authorization": "Bearer k\r\nX-Evil: 1"}, b"{}", QUICK)
        await client.aclose()

    run(scenario)


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
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_tls_with_a_trusted_certificate_and_without(certificate: tuple[Path, Path]) -> None:
    cert, key = certificate

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(ok(b'{"secure": true}'))
        await writer.drain()

    async def scenario() -> None:
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_context.load_cert_chain(cert, key)
        server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=server_context)
        port = server.sockets[0].getsockname()[1]
        target = Target.of(f"https://localhost:{port}/v1/chat/completions")
        trusting = Client(context=ssl.create_default_context(cafile=str(cert)))
        response = await trusting.post(target, {}, b"{}", QUICK)
        assert await response.read() == b'{"secure": true}'
        await trusting.aclose()
        default = Client()  # the system's trust store does not know this certificate
        with pytest.raises(ConnectFailedError):
            await default.post(target, {}, b"{}", QUICK)
        await default.aclose()
        server.close()

    run(scenario)


def test_against_the_fake_upstream_model(upstream: Server) -> None:
    async def scenario() -> None:
        client = Client()
        target = Target.of(upstream.url + "/v1/chat/completions")
        body = b'{"model": "fake-small", "messages": [{"role": "user", "content": "hi"}]}'
        response = await client.post(target, {"Content-Type": "application/json"}, body, QUICK)
        assert response.status == 200 and b"chat.completion" in await response.read()
        streamed = await client.post(
            target,
            {"Content-Type": "application/json"},
            body[:-1] + b', "stream": true}',
            QUICK,
            accept="text/event-stream",
        )
        lines = [line async for line in streamed.lines()]
        assert lines[-2:] == [b"data: [DONE]\n", b"\n"]
        await client.aclose()

    run(scenario)
