"""The fake upstream model (`mamori dev fake-llm`), served for real and called with the official client."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
import typer
import uvicorn
import yaml
from stdnum.jp import in_ as my_number
from typer.testing import CliRunner

from mamori.cli import dev
from mamori.devtools import fake_llm
from mamori.devtools.fake_llm import AnswerTable, create_app, default_table_path

MY_NUMBER = re.compile(r"(?<!\d)\d{12}(?!\d)")
LONG_PROMPT = "行政文書の管理に関するガイドラインに沿って、生成AIの利用記録をどのように保存すべきか教えてください。"


class Served:
    """A fake model on a free loopback port, served by uvicorn in a background thread."""

    def __init__(self, **options: Any) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        config = uvicorn.Config(
            create_app(**options), log_level="warning", access_log=False, lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 5
        while not self.server.started:
            assert time.monotonic() < deadline, "the fake model did not start"
            time.sleep(0.01)

    def client(self, api_key: str = "x", **options: Any) -> openai.OpenAI:
        options.setdefault("_strict_response_validation", True)  # match the client's types
        return openai.OpenAI(base_url=f"{self.url}/v1", api_key=api_key, max_retries=0, **options)

    def stop(self) -> None:
        self.server.should_exit = True
        self.server.force_exit = True  # don't wait for fake-slow requests still sleeping
        self.thread.join(5)


@pytest.fixture(scope="module")
def serve() -> Iterator[Callable[..., Served]]:
    """Starts one server per distinct set of options, for the whole module."""
    started: dict[str, Served] = {}

    def start(**options: Any) -> Served:
        key = repr(sorted(options.items()))
        if key not in started:
            started[key] = Served(**options)
        return started[key]

    yield start
    for served in started.values():
        served.stop()


@pytest.fixture(scope="module")
def fake(serve: Callable[..., Served]) -> Served:
    return serve()


@pytest.fixture(scope="module")
def client(fake: Served) -> openai.OpenAI:
    return fake.client()


def ask(client: openai.OpenAI, prompt: str, model: str = "fake-small", **extra: Any) -> Any:
    return client.chat.completions.create(
        model=model, messages=[{"role": "user", "content": prompt}], **extra
    )


def stream(
    client: openai.OpenAI, prompt: str, model: str = "fake-small", **extra: Any
) -> list[Any]:
    return list(
        client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": prompt}], stream=True, **extra
        )
    )


def pieces(chunks: list[Any]) -> list[str]:
    return [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]


# --- models, health -------------------------------------------------------------------------


def test_models_lists_the_table(client: openai.OpenAI) -> None:
    ids = [model.id for model in client.models.list()]
    assert {"fake-small", "fake-large", "fake-echo", "fake-error-500", "fake-error-429"} <= set(ids)
    assert "fake-slow" in ids


def test_healthz_and_unknown_paths(fake: Served) -> None:
    assert httpx.get(f"{fake.url}/healthz").json() == {"status": "ok"}
    missing = httpx.get(f"{fake.url}/v1/no-such-thing")
    assert missing.status_code == 404
    assert set(missing.json()["error"]) == {"message", "type", "param", "code"}
    assert httpx.get(f"{fake.url}/v1/chat/completions").status_code == 405


# --- chat completions -----------------------------------------------------------------------


def test_default_answer_quotes_the_first_40_characters(client: openai.OpenAI) -> None:
    assert len(LONG_PROMPT) > 40
    response = ask(client, LONG_PROMPT, model="fake-large")
    assert response.model == "fake-large"
    assert response.object == "chat.completion"
    assert response.id.startswith("chatcmpl-")
    choice = response.choices[0]
    assert choice.index == 0
    assert choice.message.role == "assistant"
    assert choice.finish_reason == "stop"
    assert choice.message.content == f"了解しました。「{LONG_PROMPT[:40]}」について回答します。"


def test_usage_counts_characters_over_four(client: openai.OpenAI) -> None:
    response = client.chat.completions.create(
        model="fake-small",
        messages=[
            {"role": "system", "content": "あ" * 10},
            {"role": "user", "content": [{"type": "text", "text": "echo:" + "い" * 7}]},
        ],
    )
    assert response.choices[0].message.content == "い" * 7  # list-of-parts content is read too
    usage = response.usage
    assert usage is not None
    assert usage.prompt_tokens == 6  # ⌈(10 + 12) / 4⌉
    assert usage.completion_tokens == 2  # ⌈7 / 4⌉
    assert usage.total_tokens == 8


def test_the_last_user_message_decides(client: openai.OpenAI) -> None:
    response = client.chat.completions.create(
        model="fake-small",
        messages=[
            {"role": "user", "content": "個人番号を教えて"},
            {"role": "assistant", "content": "お答えできません。"},
            {"role": "user", "content": "echo:ok"},
        ],
    )
    assert response.choices[0].message.content == "ok"


def test_my_number_trigger_answers_a_valid_my_number(client: openai.OpenAI) -> None:
    answer = ask(client, "山田さんの個人番号を教えてください").choices[0].message.content
    numbers = MY_NUMBER.findall(answer)
    assert len(numbers) == 1
    assert my_number.is_valid(numbers[0])


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("担当者の連絡先を教えて", ["山田太郎様", "03-1234-5678"]),
        ("この機密文書を要約して", ["【機密性3】"]),
        ("echo:佐藤花子様の電話は090-1111-2222です", ["佐藤花子様の電話は090-1111-2222です"]),
    ],
)
def test_triggers_put_personal_data_in_the_answer(
    client: openai.OpenAI, prompt: str, expected: list[str]
) -> None:
    answer = ask(client, prompt).choices[0].message.content
    for text in expected:
        assert text in answer
    assert not answer.startswith("了解しました")


def test_echo_repeats_the_rest_verbatim(client: openai.OpenAI) -> None:
    said = "  個人番号を教えて\n機密 {prompt}"  # echo beats the triggers; nothing is stripped
    assert ask(client, f"echo:{said}").choices[0].message.content == said
    assert ask(client, said, model="fake-echo").choices[0].message.content == said


def test_same_prompt_same_answer_across_servers(
    serve: Callable[..., Served], client: openai.OpenAI
) -> None:
    other = serve(api_key="other").client(api_key="other")
    for prompt in (LONG_PROMPT, "個人番号を教えて", "連絡先を教えて"):
        answers = {ask(c, prompt).choices[0].message.content for c in (client, client, other)}
        assert len(answers) == 1, answers


def test_unknown_fields_and_models_are_accepted(client: openai.OpenAI) -> None:
    response = ask(
        client,
        "echo:hi",
        model="gpt-4o-mini",
        temperature=0.2,
        tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}],
        extra_body={"no_such_field": {"nested": [1, 2]}},
    )
    assert response.model == "gpt-4o-mini"
    assert response.choices[0].message.content == "hi"


def test_max_tokens_cuts_the_answer(client: openai.OpenAI) -> None:
    response = ask(client, "echo:" + "x" * 40, max_tokens=3)
    assert response.choices[0].message.content == "x" * 12
    assert response.choices[0].finish_reason == "length"
    assert response.usage is not None
    assert response.usage.completion_tokens == 3


# --- streaming ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt", [LONG_PROMPT, "個人番号を教えて", "連絡先を教えて", "機密", "echo:ab", "echo:"]
)
def test_stream_joins_to_the_whole_answer(client: openai.OpenAI, prompt: str) -> None:
    whole = ask(client, prompt)
    chunks = stream(client, prompt, stream_options={"include_usage": True})
    assert "".join(pieces(chunks)) == whole.choices[0].message.content
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert len({c.id for c in chunks}) == 1
    assert chunks[0].choices[0].delta.role == "assistant"
    finals = [c.choices[0].finish_reason for c in chunks if c.choices]
    assert finals[-1] == "stop"
    assert set(finals[:-1]) <= {None}
    assert chunks[-1].choices == []  # the usage chunk comes last
    assert chunks[-1].usage == whole.usage


def test_stream_without_usage_has_no_usage_chunk(client: openai.OpenAI) -> None:
    chunks = stream(client, "連絡先を教えて")
    assert all(c.choices and c.usage is None for c in chunks)
    assert chunks[-1].choices[0].finish_reason == "stop"


def test_stream_splits_a_my_number_across_chunks(client: openai.OpenAI) -> None:
    parts = pieces(stream(client, "個人番号を教えて"))
    number = MY_NUMBER.findall("".join(parts))[0]
    assert my_number.is_valid(number)
    assert not any(number in part for part in parts)
    start = "".join(parts).index(number)
    spanned = [
        part
        for i, part in enumerate(parts)
        if len("".join(parts[:i])) < start + len(number) and len("".join(parts[: i + 1])) > start
    ]
    assert len(spanned) >= 2


def test_stream_splits_a_name(client: openai.OpenAI) -> None:
    parts = pieces(stream(client, "連絡先を教えて"))
    assert "山田太郎様" in "".join(parts)
    assert not any("山田太郎様" in part for part in parts)


def test_stream_is_server_sent_events(fake: Served) -> None:
    body = {
        "model": "fake-small",
        "messages": [{"role": "user", "content": "機密"}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    response = httpx.post(f"{fake.url}/v1/chat/completions", json=body)
    assert response.headers["content-type"].startswith("text/event-stream")
    events = response.text.split("\n\n")
    assert events[-1] == ""
    assert events[-2] == "data: [DONE]"
    assert all(e.startswith("data: {") for e in events[:-2])
    last = json.loads(events[-3].removeprefix("data: "))
    assert last["choices"] == []
    assert last["usage"]["total_tokens"] == sum(
        last["usage"][k] for k in ("prompt_tokens", "completion_tokens")
    )


# --- embeddings -----------------------------------------------------------------------------


def test_embeddings_are_small_and_deterministic(fake: Served) -> None:
    # The client asks for base64 unless told otherwise and decodes it; both must agree. (Its
    # strict validation checks the base64 string against list[float] before decoding, so it is off.)
    client = fake.client(_strict_response_validation=False)
    first = client.embeddings.create(model="fake-embed", input=["りんご", "みかん"])
    again = client.embeddings.create(
        model="fake-embed", input=["りんご", "みかん"], encoding_format="float"
    )
    single = client.embeddings.create(model="fake-embed", input="りんご")
    vectors = [item.embedding for item in first.data]
    assert [item.index for item in first.data] == [0, 1]
    assert all(len(v) == 8 for v in vectors)
    assert all(-1 <= x <= 1 for v in vectors for x in v)
    assert vectors[0] != vectors[1]
    assert vectors == [item.embedding for item in again.data]
    assert single.data[0].embedding == vectors[0]
    assert first.model == "fake-embed"
    assert first.usage.prompt_tokens == first.usage.total_tokens == 2


def test_embeddings_dimensions_and_bad_input(client: openai.OpenAI) -> None:
    wide = client.embeddings.create(model="e", input="a", dimensions=32, encoding_format="float")
    assert len(wide.data[0].embedding) == 32
    with pytest.raises(openai.BadRequestError) as caught:
        client.embeddings.create(model="e", input=[])
    assert caught.value.param == "input"


# --- failures -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "error", "status"),
    [
        ("fake-error-500", openai.InternalServerError, 500),
        ("fake-error-429", openai.RateLimitError, 429),
    ],
)
@pytest.mark.parametrize("streamed", [False, True])
def test_error_models(
    client: openai.OpenAI,
    model: str,
    error: type[openai.APIStatusError],
    status: int,
    streamed: bool,
) -> None:
    with pytest.raises(error) as caught:
        (stream if streamed else ask)(client, "こんにちは", model=model)
    assert caught.value.status_code == status
    assert isinstance(caught.value.body, dict)
    assert set(caught.value.body) == {"message", "type", "param", "code"}
    assert model in caught.value.body["message"]


def test_slow_model_times_out_the_client(fake: Served) -> None:
    # With --latency-ms 0 the slow model waits 5 s; the client gives up first.
    quick = fake.client(timeout=0.3)
    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        ask(quick, "こんにちは", model="fake-slow")
    assert time.monotonic() - started < 2
    assert ask(quick, "echo:fast").choices[0].message.content == "fast"


def test_latency_and_chunk_delay(serve: Callable[..., Served]) -> None:
    slow = serve(latency_ms=300, chunk_delay_ms=30)
    client = slow.client(timeout=5)
    started = time.monotonic()
    assert ask(client, "echo:abc").choices[0].message.content == "abc"
    assert time.monotonic() - started >= 0.3

    started = time.monotonic()
    chunks = client.chat.completions.create(
        model="fake-small", messages=[{"role": "user", "content": "echo:" + "x" * 12}], stream=True
    )
    arrivals = [time.monotonic() - started for _ in chunks]
    assert arrivals[0] >= 0.3  # the latency comes before the first chunk
    assert arrivals[-1] - arrivals[0] >= 4 * 0.03  # four chunks of three, thirty ms apart

    with pytest.raises(openai.APITimeoutError):  # fake-slow waits --latency-ms when it is set
        ask(slow.client(timeout=0.1), "こんにちは", model="fake-slow")
    assert ask(client, "echo:done", model="fake-slow").choices[0].message.content == "done"


@pytest.mark.parametrize("path", ["/v1/chat/completions", "/v1/embeddings"])
@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b"\xff\xfe"])
def test_malformed_json_is_a_400(fake: Served, path: str, body: bytes) -> None:
    response = httpx.post(
        f"{fake.url}{path}", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["type"] == "invalid_request_error"


def test_missing_fields_are_400s_naming_the_field(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model="fake-small", messages=[])
    assert caught.value.param == "messages"
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model="", messages=[{"role": "user", "content": "x"}])
    assert caught.value.param == "model"


def test_api_key_is_enforced(serve: Callable[..., Served]) -> None:
    guarded = serve(api_key="sekret")
    assert ask(guarded.client(api_key="sekret"), "echo:in").choices[0].message.content == "in"
    assert pieces(stream(guarded.client(api_key="sekret"), "echo:in")) == ["in"]
    with pytest.raises(openai.AuthenticationError) as caught:
        ask(guarded.client(api_key="wrong"), "echo:in")
    assert caught.value.code == "invalid_api_key"
    with pytest.raises(openai.AuthenticationError):
        guarded.client(api_key="sekretX").embeddings.create(model="e", input="a")
    with pytest.raises(openai.AuthenticationError):
        guarded.client(api_key="wrong").models.list()
    bare = httpx.get(f"{guarded.url}/v1/models")
    assert bare.status_code == 401
    assert bare.json()["error"]["type"] == "invalid_request_error"
    assert httpx.get(f"{guarded.url}/healthz").status_code == 200


# --- the answer table is data ---------------------------------------------------------------


def test_the_bundled_table_holds_the_answers() -> None:
    table = AnswerTable.load()
    assert default_table_path().parts[-2:] == ("devtools", "fake_llm.yaml")
    assert table.answer("個人番号を教えて") in dict(table.triggers).values()
    assert table.stream_chunk_chars <= 4  # small enough to split a My Number or a name


def test_a_custom_table_changes_the_answers(tmp_path: Path) -> None:
    raw = yaml.safe_load(default_table_path().read_text(encoding="utf-8"))
    raw["triggers"] = [{"contains": "天気", "answer": "晴れです。"}]
    raw["default"] = {"prompt_chars": 2, "answer": "<{prompt}>"}
    path = tmp_path / "table.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    table = AnswerTable.load(path)
    assert table.answer("今日の天気は") == "晴れです。"
    assert table.answer("個人番号を教えて") == "<個人>"

    raw["models"][0]["behaviour"] = "sing"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=r"models\[0\]\.behaviour"):
        create_app(table=path)


# --- command line ---------------------------------------------------------------------------


def test_cli_passes_the_options_to_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(fake_llm, "run", lambda *a, **k: calls.append((a, k)))
    mamori = typer.Typer()
    mamori.add_typer(dev.app, name="dev")  # as src/mamori/cli/app.py registers it
    runner = CliRunner()
    result = runner.invoke(
        mamori,
        [
            "dev",
            "fake-llm",
            "--port",
            "9123",
            "--latency-ms",
            "50",
            "--chunk-delay-ms",
            "5",
            "--api-key",
            "k",
        ],
    )
    assert result.exit_code == 0, result.output
    assert calls == [(("127.0.0.1", 9123), {"latency_ms": 50, "chunk_delay_ms": 5, "api_key": "k"})]
    assert runner.invoke(mamori, ["dev", "fake-llm", "--latency-ms", "-1"]).exit_code == 2
    assert len(calls) == 1
    assert "fake-llm" in runner.invoke(mamori, ["dev"]).output  # no arguments → help
    help_text = runner.invoke(mamori, ["dev", "fake-llm", "--help"]).output
    assert "--chunk-delay-ms" in help_text
    assert "--api-key" in help_text


def test_run_serves_quietly_with_uvicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(
        fake_llm.uvicorn, "run", lambda app, **options: seen.update(app=app, **options)
    )
    fake_llm.run("127.0.0.1", 9124, latency_ms=1)
    assert seen["host"] == "127.0.0.1"
    assert seen["port"] == 9124
    assert seen["log_level"] == "warning"
    assert seen["access_log"] is False
