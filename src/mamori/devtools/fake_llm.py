"""A fake OpenAI-compatible upstream model: deterministic answers over real HTTP, for gateway work.

``mamori dev fake-llm`` serves it on loopback. Endpoints (all but ``/healthz`` under ``/v1``):

* ``GET /v1/models`` — the models of the answer table;
* ``POST /v1/chat/completions`` — an answer chosen by the last user message, whole or streamed as
  server-sent events (``chat.completion.chunk`` …, the final chunk with ``finish_reason``, a usage
  chunk when ``stream_options.include_usage`` is true, then ``data: [DONE]``);
* ``POST /v1/embeddings`` — small vectors from a hash of each input (``float`` or ``base64``);
* ``GET /healthz``.

What it answers is data, not code: ``data/devtools/fake_llm.yaml`` (see the comments there). Some
answers carry personal data (a My Number, a name with honorific and a phone number, a 機密性
marking) so that output screening has something to find; streamed answers come in chunks of a few
characters, so such a value is split across chunks. Models named in the table simulate upstream
failures: ``fake-error-500``, ``fake-error-429`` and ``fake-slow`` (for timeouts).

It is also the upstream of the gateway's latency benchmark, so a request costs little: no
validation models, tables and fixed JSON built once per app, one ``json.dumps`` per response (and a
pre-split template for stream chunks); without --chunk-delay-ms a stream goes out in one write.
Tokens are counted crudely and deterministically: a text of *n* characters is ⌈n/4⌉ tokens.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import struct
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, TypedDict, Unpack, cast

import uvicorn
import yaml
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from mamori.resources import data_dir

Behaviour = Literal["answer", "echo", "slow", "error"]
BEHAVIOURS: Final[tuple[Behaviour, ...]] = ("answer", "echo", "slow", "error")

JSON_TYPE: Final = "application/json"
OWNER: Final = "mamori-fake"
FINGERPRINT: Final = "fp_mamori_fake"
MAX_DIMENSIONS: Final = 4096
_DONE: Final = b"data: [DONE]\n\n"
_PIECE: Final = "\x00piece\x00"  # stands for a chunk's content in the stream-chunk template


def default_table_path() -> Path:
    return data_dir() / "devtools" / "fake_llm.yaml"


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _tokens(characters: int) -> int:
    return (characters + 3) // 4


# --- the answer table -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FakeModel:
    id: str
    behaviour: Behaviour = "answer"
    error_status: int = 0
    error_body: bytes = b""  # the whole JSON body of an `error` model's response


@dataclass(frozen=True, slots=True)
class AnswerTable:
    """``data/devtools/fake_llm.yaml``, checked and ready to answer."""

    models: tuple[FakeModel, ...]
    triggers: tuple[tuple[str, str], ...]  # (phrase, answer), first match wins
    echo_prefix: str
    default_answer: str  # with "{prompt}"
    prompt_chars: int
    stream_chunk_chars: int
    embedding_dimensions: int
    slow_default_ms: int

    def answer(self, prompt: str) -> str:
        """The answer to the last user message ``prompt`` (for models that do not echo)."""
        if self.echo_prefix and prompt.startswith(self.echo_prefix):
            return prompt[len(self.echo_prefix) :]
        for phrase, answer in self.triggers:
            if phrase in prompt:
                return answer
        return self.default_answer.replace("{prompt}", prompt[: self.prompt_chars])

    @classmethod
    def load(cls, path: Path | None = None) -> AnswerTable:
        """Read and check the table; a mistake raises ``ValueError`` naming the file and field."""
        source = path or default_table_path()
        try:
            raw = yaml.safe_load(source.read_text(encoding="utf-8"))
            return cls._parse(raw)
        except (OSError, yaml.YAMLError, ValueError) as error:
            raise ValueError(f"{source}: {error}") from error

    @classmethod
    def _parse(cls, raw: object) -> AnswerTable:
        doc = _mapping(raw, "the document")
        if doc.get("version") != 1:
            raise ValueError("version: must be 1")
        models = tuple(
            _model(entry, f"models[{i}]")
            for i, entry in enumerate(_list(doc.get("models"), "models"))
        )
        if len({m.id for m in models}) != len(models):
            raise ValueError("models: ids must be unique")
        triggers: list[tuple[str, str]] = []
        for i, entry in enumerate(_list(doc.get("triggers", []), "triggers")):
            item = _mapping(entry, f"triggers[{i}]")
            phrase = _text(item.get("contains"), f"triggers[{i}].contains")
            if not phrase:
                raise ValueError(f"triggers[{i}].contains: must not be empty")
            triggers.append((phrase, _text(item.get("answer"), f"triggers[{i}].answer")))
        default = _mapping(doc.get("default"), "default")
        return cls(
            models=models,
            triggers=tuple(triggers),
            echo_prefix=_text(doc.get("echo_prefix", ""), "echo_prefix"),
            default_answer=_text(default.get("answer"), "default.answer"),
            prompt_chars=_count(default.get("prompt_chars"), "default.prompt_chars", 0),
            stream_chunk_chars=_count(doc.get("stream_chunk_chars"), "stream_chunk_chars", 1),
            embedding_dimensions=_count(
                doc.get("embedding_dimensions"), "embedding_dimensions", 1, MAX_DIMENSIONS
            ),
            slow_default_ms=_count(doc.get("slow_default_ms"), "slow_default_ms", 0),
        )


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise ValueError(f"{where}: must be a mapping")
    return cast(Mapping[str, object], value)


def _list(value: object, where: str) -> list[object]:
    if not isinstance(value, list):
        raise ValueError(f"{where}: must be a list")
    return cast(list[object], value)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where}: must be a string")
    return value


def _count(value: object, where: str, low: int, high: int | None = None) -> int:
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or value < low
        or (high is not None and value > high)
    ):
        bound = f" and at most {high}" if high is not None else ""
        raise ValueError(f"{where}: must be a whole number, at least {low}{bound}")
    return value


def _model(entry: object, where: str) -> FakeModel:
    item = _mapping(entry, where)
    model_id = _text(item.get("id"), f"{where}.id")
    behaviour = item.get("behaviour", "answer")
    if behaviour not in BEHAVIOURS:
        raise ValueError(f"{where}.behaviour: must be one of {', '.join(BEHAVIOURS)}")
    if behaviour != "error":
        return FakeModel(model_id, cast(Behaviour, behaviour))
    status = _count(item.get("status"), f"{where}.status", 400, 599)
    code = item.get("code")
    if code is not None and not isinstance(code, str):
        raise ValueError(f"{where}.code: must be a string or null")
    body = _error_body(
        _text(item.get("message"), f"{where}.message"),
        _text(item.get("type"), f"{where}.type"),
        code=code,
    )
    return FakeModel(model_id, "error", status, body)


# --- responses --------------------------------------------------------------------------------


def _error_body(
    message: str, kind: str, *, param: str | None = None, code: str | None = None
) -> bytes:
    return _dumps({"error": {"message": message, "type": kind, "param": param, "code": code}})


def _error(
    status: int,
    message: str,
    *,
    kind: str = "invalid_request_error",
    param: str | None = None,
    code: str | None = None,
) -> Response:
    body = _error_body(message, kind, param=param, code=code)
    return Response(body, status_code=status, media_type=JSON_TYPE)


class _InvalidRequestError(Exception):
    """A request the server refuses with 400; ``param`` names the offending field."""

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param


_UNPARSABLE: Final = (
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't "
    "using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent "
    "was not valid JSON.)"
)


async def _json_object(request: Request) -> Mapping[str, Any]:
    try:
        body = json.loads(await request.body())
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
        raise _InvalidRequestError(_UNPARSABLE) from error
    if not isinstance(body, dict):
        raise _InvalidRequestError("The request body must be a JSON object.")
    return body


def _text_of(content: object) -> str:
    """The text of a message's ``content``: a string, or a list of parts of which text counts."""
    if isinstance(content, str):
        return content
    if content is None:
        return ""
    if isinstance(content, list):
        return "".join(
            part["text"]
            for part in content
            if isinstance(part, dict) and isinstance(part.get("text"), str)
        )
    raise _InvalidRequestError("Invalid type for 'messages[].content'.", "messages")


def _read_messages(messages: object) -> tuple[str, int]:
    """The last user message and the number of characters in all messages."""
    if not isinstance(messages, list) or not messages:
        raise _InvalidRequestError(
            "'messages' must be a non-empty array of message objects.", "messages"
        )
    prompt = ""
    characters = 0
    for message in messages:
        if not isinstance(message, dict):
            raise _InvalidRequestError("Each entry of 'messages' must be an object.", "messages")
        text = _text_of(message.get("content"))
        characters += len(text)
        if message.get("role") == "user":
            prompt = text
    return prompt, characters


def _limit(body: Mapping[str, Any]) -> int | None:
    for name in ("max_completion_tokens", "max_tokens"):
        value = body.get(name)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise _InvalidRequestError(f"Invalid '{name}': expected a positive integer.", name)
        return value
    return None


def _embedding_keys(value: object) -> list[tuple[bytes, int]]:
    """Each input as (bytes to hash, tokens): strings, or token arrays as some clients send."""
    if isinstance(value, str):
        return [(value.encode(), _tokens(len(value)))]
    if isinstance(value, list) and value:
        if all(isinstance(item, str) for item in value):
            return [(item.encode(), _tokens(len(item))) for item in value]
        if all(isinstance(item, int) and not isinstance(item, bool) for item in value):
            return [(_dumps(value), len(value))]
        if all(
            isinstance(item, list)
            and item
            and all(isinstance(t, int) and not isinstance(t, bool) for t in item)
            for item in value
        ):
            return [(_dumps(item), len(item)) for item in value]
    raise _InvalidRequestError(
        "'input' must be a string, a non-empty array of strings, or token arrays.", "input"
    )


def embedding(key: bytes, dimensions: int) -> list[float]:
    """A deterministic vector in [-1, 1]; every value k/128 is exact in float32 too."""
    return [(byte - 128) / 128 for byte in hashlib.shake_256(key).digest(dimensions)]


class AppOptions(TypedDict, total=False):
    latency_ms: int
    chunk_delay_ms: int
    api_key: str | None
    table: Path | None


class _FakeLLM:
    """The endpoints, with everything that does not depend on the request computed once."""

    def __init__(
        self, table: AnswerTable, latency_ms: int, chunk_delay_ms: int, api_key: str | None
    ) -> None:
        self.table = table
        self.latency = latency_ms / 1000
        self.chunk_delay = chunk_delay_ms / 1000
        self.slow = (latency_ms or table.slow_default_ms) / 1000
        self.expected_auth = f"Bearer {api_key}".encode() if api_key is not None else None
        self.models = {model.id: model for model in table.models}
        self.ids = itertools.count(1)
        created = 1_700_000_000
        self.model_list = _dumps(
            {
                "object": "list",
                "data": [
                    {"id": m.id, "object": "model", "created": created, "owned_by": OWNER}
                    for m in table.models
                ],
            }
        )

    def denied(self, request: Request) -> Response | None:
        if self.expected_auth is None:
            return None
        given = request.headers.get("authorization", "").encode("latin-1")
        if hmac.compare_digest(given, self.expected_auth):
            return None
        return _error(401, "Incorrect API key provided.", code="invalid_api_key")

    async def healthz(self, request: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type=JSON_TYPE)

    async def list_models(self, request: Request) -> Response:
        return self.denied(request) or Response(self.model_list, media_type=JSON_TYPE)

    async def chat_completions(self, request: Request) -> Response:
        if (refusal := self.denied(request)) is not None:
            return refusal
        try:
            return await self._chat(request)
        except _InvalidRequestError as invalid:
            return _error(400, invalid.message, param=invalid.param)

    async def embeddings(self, request: Request) -> Response:
        if (refusal := self.denied(request)) is not None:
            return refusal
        try:
            return self._embeddings(await _json_object(request))
        except _InvalidRequestError as invalid:
            return _error(400, invalid.message, param=invalid.param)

    async def _chat(self, request: Request) -> Response:
        body = await _json_object(request)
        model = body.get("model")
        if not isinstance(model, str) or not model:
            raise _InvalidRequestError("you must provide a model parameter", "model")
        prompt, prompt_chars = _read_messages(body.get("messages"))
        limit = _limit(body)
        fake = self.models.get(model)
        behaviour: Behaviour = fake.behaviour if fake is not None else "answer"
        if fake is not None and behaviour == "error":
            return Response(fake.error_body, status_code=fake.error_status, media_type=JSON_TYPE)

        answer = prompt if behaviour == "echo" else self.table.answer(prompt)
        finish = "stop"
        if limit is not None and _tokens(len(answer)) > limit:
            answer, finish = answer[: limit * 4], "length"
        prompt_tokens = _tokens(prompt_chars)
        completion_tokens = _tokens(len(answer))
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        }
        base = {
            "id": f"chatcmpl-fake{next(self.ids):012d}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": FINGERPRINT,
        }
        wait = self.slow if behaviour == "slow" else self.latency

        if body.get("stream") is not True:
            if wait:
                await asyncio.sleep(wait)
            message = {"role": "assistant", "content": answer, "refusal": None}
            choice = {"index": 0, "message": message, "logprobs": None, "finish_reason": finish}
            return Response(
                _dumps({**base, "choices": [choice], "usage": usage}), media_type=JSON_TYPE
            )

        options = body.get("stream_options")
        include_usage = isinstance(options, dict) and options.get("include_usage") is True
        if behaviour == "slow":  # the slow model keeps even the response headers back
            await asyncio.sleep(wait)
            wait = 0
        return StreamingResponse(
            self._chunks(base, answer, finish, usage if include_usage else None, wait),
            media_type="text/event-stream",
            headers={"cache-control": "no-cache"},
        )

    def _chunks(
        self,
        base: dict[str, object],
        answer: str,
        finish: str,
        usage: dict[str, int] | None,
        wait: float,
    ) -> AsyncIterator[bytes]:
        base = {**base, "object": "chat.completion.chunk"}
        extra: dict[str, object] = {"usage": None} if usage is not None else {}

        def event(delta: object, finish_reason: str | None) -> bytes:
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            return b"data: " + _dumps({**base, "choices": [choice], **extra}) + b"\n\n"

        first = event({"role": "assistant", "content": "", "refusal": None}, None)
        head, tail = event({"content": _PIECE}, None).rsplit(_dumps(_PIECE), 1)
        size = self.table.stream_chunk_chars
        pieces = [
            head + _dumps(answer[start : start + size]) + tail
            for start in range(0, len(answer), size)
        ]
        last = event({}, finish)
        if usage is not None:
            last += b"data: " + _dumps({**base, "choices": [], "usage": usage}) + b"\n\n"
        return _send(first, pieces, last + _DONE, wait, self.chunk_delay)

    def _embeddings(self, body: Mapping[str, Any]) -> Response:
        model = body.get("model")
        if not isinstance(model, str) or not model:
            raise _InvalidRequestError("you must provide a model parameter", "model")
        keys = _embedding_keys(body.get("input"))
        dimensions = body.get("dimensions")
        if dimensions is None:
            dimensions = self.table.embedding_dimensions
        elif (
            not isinstance(dimensions, int)
            or isinstance(dimensions, bool)
            or not 1 <= dimensions <= MAX_DIMENSIONS
        ):
            raise _InvalidRequestError(
                f"'dimensions' must be an integer from 1 to {MAX_DIMENSIONS}.", "dimensions"
            )
        encoding = body.get("encoding_format") or "float"
        if encoding not in ("float", "base64"):
            raise _InvalidRequestError(
                "'encoding_format' must be 'float' or 'base64'.", "encoding_format"
            )
        data: list[dict[str, object]] = []
        for index, (key, _) in enumerate(keys):
            vector = embedding(key, dimensions)
            value: object = (
                base64.b64encode(struct.pack(f"<{dimensions}f", *vector)).decode()
                if encoding == "base64"
                else vector
            )
            data.append({"object": "embedding", "index": index, "embedding": value})
        tokens = sum(count for _, count in keys)
        usage = {"prompt_tokens": tokens, "total_tokens": tokens}
        return Response(
            _dumps({"object": "list", "data": data, "model": model, "usage": usage}),
            media_type=JSON_TYPE,
        )


async def _send(
    first: bytes, pieces: list[bytes], last: bytes, wait: float, delay: float
) -> AsyncIterator[bytes]:
    """The stream's events: after ``wait``; one write in all unless chunks are ``delay`` apart."""
    if wait:
        await asyncio.sleep(wait)
    if not delay:
        yield b"".join((first, *pieces, last))
        return
    yield first
    for piece in pieces:
        await asyncio.sleep(delay)
        yield piece
    yield last


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(
        404, f"Unknown request URL: {request.method} {request.url.path}.", code="unknown_url"
    )


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return _error(405, f"Method {request.method} is not allowed for {request.url.path}.")


def create_app(
    latency_ms: int = 0,
    chunk_delay_ms: int = 0,
    api_key: str | None = None,
    *,
    table: Path | None = None,
) -> Starlette:
    """The fake model as an ASGI app.

    ``latency_ms`` passes before each answer (before the first chunk when streaming),
    ``chunk_delay_ms`` between streamed chunks; with ``api_key`` every ``/v1`` request must carry
    ``Authorization: Bearer <api_key>``. ``table`` replaces ``data/devtools/fake_llm.yaml``.
    """
    if latency_ms < 0 or chunk_delay_ms < 0:
        raise ValueError("latency_ms and chunk_delay_ms must not be negative")
    fake = _FakeLLM(AnswerTable.load(table), latency_ms, chunk_delay_ms, api_key)
    routes = [
        Route("/healthz", fake.healthz, methods=["GET"]),
        Route("/v1/models", fake.list_models, methods=["GET"]),
        Route("/v1/chat/completions", fake.chat_completions, methods=["POST"]),
        Route("/v1/embeddings", fake.embeddings, methods=["POST"]),
    ]
    return Starlette(routes=routes, exception_handlers={404: _not_found, 405: _not_allowed})


def run(host: str = "127.0.0.1", port: int = 9000, **options: Unpack[AppOptions]) -> None:
    """Serve :func:`create_app` with uvicorn until interrupted."""
    uvicorn.run(create_app(**options), host=host, port=port, log_level="warning", access_log=False)
