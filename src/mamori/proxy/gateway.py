"""One request through the gateway: key → system → limits → input screening → upstream → output
screening → audit record committed → answer released.

Every outcome after the body is read — allowed, redacted, blocked, failed — is recorded; a
request whose record cannot be committed is refused (unless the configuration says otherwise).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import secrets
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from mamori.content.gateway import GatewayConfig, SystemRoute, Upstream
from mamori.i18n import Lang, preferred_lang, t
from mamori.proxy import replies
from mamori.proxy.enforce import (
    OutputScreen,
    Screened,
    UnsupportedContentError,
    apply_redactions,
    digest,
    inputs_of,
    screen_input,
    screen_output,
    set_at,
    strictest,
    strings_in,
)
from mamori.proxy.metrics import Metrics
from mamori.proxy.ratelimit import Limiter, LocalLimiter, RedisLimiter
from mamori.proxy.stream import HoldBack
from mamori.proxy.upstream import UpstreamFailedError, Upstreams
from mamori.screening.decision import Decision
from mamori.screening.guard import Guard
from mamori.screening.redaction import Vault
from mamori.services.gateway import keys
from mamori.services.gateway.profiles import Profiles, SystemProfile
from mamori.services.gateway.recorder import ExchangeRecord, Recorder, RiskRule
from mamori.services.registry.common import Database

log = logging.getLogger("mamori.gateway")
SWITCH_INTERVAL_S = 0.0005
INLINE_SCAN_CHARS = 16_000
CLOSING_RETRY_S = 600.0
"""How long a stream's closing record the database refused is retried (in memory) before it is
given up; the opening record stands alone then, and its missing completion is logged."""
CLOSING_RETRY_FIRST_S = 0.5
SHUTDOWN_RETRY_S = 10.0
"""At shutdown, how long the closing records still waiting get, together, for a last try."""
CLOSING_RETRY_LONGEST_S = 30.0
"""Longer inputs are screened in a worker thread so one large prompt does not stall the others."""


class Refusal(Exception):  # noqa: N818 - a refusal is an answer, not an error of the gateway
    def __init__(
        self, status: int, message: str, kind: str, code: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(code)
        self.status, self.message, self.kind, self.code, self.headers = (
            status,
            message,
            kind,
            code,
            headers,
        )


@dataclass
class Call:
    """What is known about one request as it goes through."""

    request_id: str
    endpoint: str
    lang: Lang
    started: float
    holder: keys.KeyHolder | None = None
    route: SystemRoute | None = None
    profile: SystemProfile | None = None

    def record(self, decision: str, status: int, **fields: Any) -> ExchangeRecord:
        holder = self.holder
        return ExchangeRecord(
            request_id=self.request_id,
            endpoint=self.endpoint,
            decision=decision,
            status=status,
            key_id=holder.key_id if holder else None,
            person_id=holder.person_id if holder else None,
            system_id=holder.system_id if holder else None,
            org_id=holder.org_id if holder else None,
            retention=self.route.retention if self.route else "none",
            total_ms=(time.perf_counter() - self.started) * 1000,
            **fields,
        )


@dataclass
class Outbound:
    """A screened request, ready to forward (or to refuse)."""

    model: str
    upstream: Upstream
    screened: Screened
    forward: dict[str, Any]
    """The body as the upstream gets it: redacted, with the upstream's model name."""
    vault: Vault
    input_tokens: frozenset[str]
    """Placeholders issued for this request (only these are put back in the answer)."""
    prompt_hash: str
    prompt_text: str | None
    screening_ms: float


class Gateway:
    def __init__(
        self,
        db: Database,
        config: GatewayConfig,
        upstream_keys: dict[str, str],
    ) -> None:
        self.db = db
        self.config = config
        self.profiles = Profiles(db)
        self.local_database = db.engine.dialect.name == "sqlite"
        rule = config.risk_cases
        self.recorder = Recorder(
            db,
            RiskRule(dt.timedelta(hours=rule.window_hours), rule.injection_repeats),
            # Failing closed, a request whose record waits too long is refused: the record says so.
            withdraw_late=not config.audit_fail_open,
        )
        self.key_lookup = keys.KeyLookup(
            db.engine, shared=self.recorder.inline_connection if self.local_database else None
        )
        self.upstreams = Upstreams(upstream_keys)
        self.limiter: Limiter = (
            RedisLimiter(config.redis_url) if config.redis_url else LocalLimiter()
        )
        self.metrics = Metrics()
        self._retries: dict[asyncio.Task[None], ExchangeRecord] = {}
        """Closing records waiting for the database to take them again."""
        self._stopping = False

    async def start(self) -> None:
        # The audit writer thread and the event loop hand work to each other on every request;
        # Python's default 5 ms switch interval would add that much to the wait at p99.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.recorder.start()
        # Build each system's guard now (the first build compiles the search database).
        for route in self.config.systems:
            try:
                version = await asyncio.to_thread(self.profiles.current_version, route.system)
                if version is not None:
                    await asyncio.to_thread(self.profiles.get, route.system, version)
            except Exception:  # such a system is refused per request, with reasons
                log.warning(json.dumps({"event": "profile_failed", "system": route.system}))

    async def stop(self) -> None:
        await self.upstreams.close()
        await self.limiter.close()
        self._stopping = True
        # One last try for each closing record still waiting, all within one bound. A record a
        # timed-out wait already handed over is not written twice (the recorder checks).
        deadline = time.monotonic() + SHUTDOWN_RETRY_S
        for task, record in list(self._retries.items()):
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            try:
                await asyncio.wait_for(
                    self.recorder.write(record),
                    max(0.1, deadline - time.monotonic()),
                )
            except Exception:
                self._closing_lost(record)
        await asyncio.to_thread(self.recorder.stop)

    def _write_later(self, record: ExchangeRecord) -> None:
        """Keep retrying a closing record the database refused, with growing pauses."""
        if self._stopping:  # the recorder is going away: nothing left to retry with
            self._closing_lost(record)
            return

        async def retry() -> None:
            pause, deadline = CLOSING_RETRY_FIRST_S, time.monotonic() + CLOSING_RETRY_S
            while time.monotonic() < deadline:
                await asyncio.sleep(pause)
                try:
                    await self.recorder.write(record)
                except Exception:
                    pause = min(pause * 2, CLOSING_RETRY_LONGEST_S)
                    continue
                self.metrics.closing_recovered.inc()
                log.info(
                    json.dumps({"event": "closing_record_written", "request_id": record.request_id})
                )
                return
            self._closing_lost(record)

        task = asyncio.get_running_loop().create_task(retry())
        self._retries[task] = record
        task.add_done_callback(lambda done: self._retries.pop(done, None))

    def _closing_lost(self, record: ExchangeRecord) -> None:
        self.metrics.closing_lost.inc()
        log.error(json.dumps({"event": "closing_record_lost", "request_id": record.request_id}))

    # --- the steps ------------------------------------------------------------------------------

    async def _authorize(self, request: Request, call: Call) -> None:
        scheme, _, key = (request.headers.get("authorization") or "").partition(" ")
        holder = None
        if scheme.lower() == "bearer" and key:
            if self.local_database:  # a WAL read never waits for a writer
                holder = self.key_lookup(key.strip())
            else:  # a network database may stall: not on the event loop
                holder = await asyncio.to_thread(self.key_lookup, key.strip())
        if holder is None:
            raise Refusal(
                401,
                t("gateway.unauthorized", call.lang),
                "invalid_request_error",
                "invalid_api_key",
            )
        call.holder = holder
        call.route = self.config.route(holder.system_id)

    async def _profile(self, call: Call) -> SystemProfile:
        holder = call.holder
        assert holder is not None
        profile = self.profiles.cached(holder.system_id, holder.system_version)
        if profile is None:
            profile = await asyncio.to_thread(
                self.profiles.get, holder.system_id, holder.system_version
            )
        call.profile = profile
        name = profile.project.name
        if holder.lifecycle == "retired":
            raise Refusal(
                403,
                t("gateway.retired", call.lang, system=name),
                "permission_error",
                "system_retired",
            )
        if not holder.acknowledged:
            raise Refusal(
                403,
                t("gateway.not_acknowledged", call.lang, system=name),
                "permission_error",
                "rule_not_acknowledged",
            )
        if call.route is None:
            raise Refusal(
                403, t("gateway.not_routed", call.lang), "permission_error", "system_not_routed"
            )
        return profile

    async def _limit(self, call: Call) -> None:
        assert call.holder is not None and call.route is not None
        limits = call.route.limits
        wait = await self.limiter.hit(
            call.holder.identity, limits.requests_per_minute, limits.tokens_per_day
        )
        if wait is not None:
            raise Refusal(
                429,
                t("gateway.rate_limited", call.lang, seconds=wait),
                "rate_limit_error",
                "rate_limit_exceeded",
                {"retry-after": str(wait)},
            )

    async def _read_capped(self, request: Request, call: Call) -> bytes:
        """The body, refused as soon as it passes the limit (never buffered whole first)."""
        limit = self.config.max_body_bytes

        def too_large() -> Refusal:
            return Refusal(
                413,
                t("gateway.bad_request", call.lang, detail="size"),
                "invalid_request_error",
                "request_too_large",
            )

        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise too_large()
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large()
            chunks.append(chunk)
        return b"".join(chunks)

    async def _body(self, request: Request, call: Call) -> dict[str, Any]:
        raw = await self._read_capped(request, call)
        try:
            body = json.loads(raw)
        except ValueError:
            raise Refusal(
                400,
                t("gateway.bad_request", call.lang, detail="JSON"),
                "invalid_request_error",
                "invalid_json",
            ) from None
        if not isinstance(body, dict):
            raise Refusal(
                400,
                t("gateway.bad_request", call.lang, detail="JSON object"),
                "invalid_request_error",
                "invalid_json",
            )
        if call.endpoint == "chat" and not isinstance(body.get("messages"), list):
            raise Refusal(
                400,
                t("gateway.bad_request", call.lang, detail="messages"),
                "invalid_request_error",
                "missing_messages",
            )
        if call.endpoint == "embeddings" and not isinstance(body.get("input"), str | list):
            raise Refusal(
                400,
                t("gateway.bad_request", call.lang, detail="input"),
                "invalid_request_error",
                "missing_input",
            )
        return body

    def _check_streamable(self, body: dict[str, Any], call: Call) -> None:
        """Streams are screened through one hold-back window: one choice, text only."""
        for field, what in (("n", "n > 1"), ("tools", "tools"), ("functions", "functions")):
            value = body.get(field)
            if (field == "n" and isinstance(value, int) and value > 1) or (field != "n" and value):
                raise Refusal(
                    400,
                    t("gateway.unsupported_stream", call.lang, what=what),
                    "invalid_request_error",
                    "unsupported_stream",
                )

    def _upstream(self, call: Call, model: str) -> tuple[Upstream, str]:
        assert call.route is not None
        for upstream in call.route.upstreams:
            if model in upstream.models:
                return upstream, upstream.models[model]
        open_upstream = next((u for u in call.route.upstreams if not u.models), None)
        if open_upstream is None:  # the configuration names the models this system may use
            raise Refusal(
                404,
                t("gateway.unknown_model", call.lang, model=model[:100]),
                "invalid_request_error",
                "model_not_found",
            )
        return open_upstream, model

    async def _commit(self, call: Call, record: ExchangeRecord) -> None:
        try:
            await self.recorder.write(record)
        except Exception:
            self.metrics.audit_failures.inc()
            log.error(json.dumps({"event": "audit_failed", "request_id": call.request_id}))
            if not self.config.audit_fail_open:
                raise Refusal(
                    503, t("gateway.audit_unavailable", call.lang), "api_error", "audit_unavailable"
                ) from None

    def _contact(self, profile: SystemProfile, lang: Lang) -> str:
        return (
            profile.project.contact
            or self.db.settings.contact
            or t("gateway.contact_default", lang)
        )

    # --- endpoints -------------------------------------------------------------------------------

    async def handle(self, request: Request, endpoint: str) -> Response:
        call = Call(
            request_id="req_" + secrets.token_hex(12),
            endpoint=endpoint,
            lang=preferred_lang(request.headers.get("accept-language")),
            started=time.perf_counter(),
        )
        try:
            await self._authorize(request, call)
            profile = await self._profile(call)
            await self._limit(call)
            body = await self._body(request, call)
            streamed = endpoint == "chat" and bool(body.get("stream"))
            if streamed:
                self._check_streamable(body, call)
            outbound = await self._outbound(call, profile, body)
            if outbound.screened.decision == "block":
                return await self._refuse_input(call, profile, outbound)
            if streamed:
                return await self._stream(call, profile, body, outbound)
            return await self._complete(call, profile, outbound)
        except Refusal as refusal:
            return await self._refused(call, refusal)
        except Exception as failed:  # a bug, or an upstream answer of an unexpected shape
            # The type only: a traceback or message could carry text from the request or answer.
            log.error(
                json.dumps(
                    {
                        "event": "failed",
                        "request_id": call.request_id,
                        "error": type(failed).__name__,
                    }
                )
            )
            failure = Refusal(
                500,
                t("gateway.internal_error", call.lang, request=call.request_id),
                "api_error",
                "internal_error",
            )
            return await self._refused(call, failure)
        finally:
            self.metrics.latency.labels(endpoint).observe(time.perf_counter() - call.started)

    async def _refused(self, call: Call, refusal: Refusal) -> Response:
        """Record a refusal (for a known key) and answer it in the OpenAI error shape."""
        endpoint = call.endpoint
        if call.holder is not None and refusal.code != "audit_unavailable":
            try:
                await self.recorder.write(
                    call.record("error", refusal.status, reasons=[refusal.code]),
                )
            except Exception:
                self.metrics.audit_failures.inc()
                if not self.config.audit_fail_open:
                    refusal = Refusal(
                        503,
                        t("gateway.audit_unavailable", call.lang),
                        "api_error",
                        "audit_unavailable",
                    )
        self.metrics.requests.labels(endpoint, "error").inc()
        log.info(
            json.dumps(
                {
                    "event": "refused",
                    "request_id": call.request_id,
                    "system": call.holder.system_id if call.holder else None,
                    "status": refusal.status,
                    "code": refusal.code,
                }
            )
        )
        return replies.error(
            refusal.status,
            refusal.message,
            refusal.kind,
            refusal.code,
            call.request_id,
            refusal.headers,
        )

    async def _outbound(self, call: Call, profile: SystemProfile, body: dict[str, Any]) -> Outbound:
        """Choose the upstream, screen every text of the request and prepare what is forwarded."""
        model = str(body.get("model", ""))
        upstream, upstream_model = self._upstream(call, model)
        try:
            parts = inputs_of(body, call.endpoint)
        except UnsupportedContentError as unreadable:
            raise Refusal(
                400,
                t("gateway.unsupported_content", call.lang, where=unreadable.where),
                "invalid_request_error",
                "unsupported_content",
            ) from None
        vault = Vault()
        started = time.perf_counter()
        size = sum(len(text) for _, text in parts)
        if size > INLINE_SCAN_CHARS:
            screened, redacted = await asyncio.to_thread(
                screen_input, profile.guard, profile.project, upstream, parts, vault
            )
        else:
            screened, redacted = screen_input(
                profile.guard, profile.project, upstream, parts, vault
            )
        elapsed = (time.perf_counter() - started) * 1000
        originals = [text for _, text in parts]
        return Outbound(
            model=model,
            upstream=upstream,
            screened=screened,
            forward={**apply_redactions(body, redacted), "model": upstream_model},
            vault=vault,
            input_tokens=frozenset(vault.by_placeholder),
            prompt_hash=digest(originals),
            prompt_text=self._retained(
                call, originals, [redacted.get(path, text) for path, text in parts]
            ),
            screening_ms=elapsed,
        )

    def _retained(self, call: Call, original: list[str], redacted: list[str]) -> str | None:
        retention = call.route.retention if call.route else "none"
        if retention == "full":
            return "\n\x1e\n".join(original)
        if retention == "redacted":
            return "\n\x1e\n".join(redacted)
        return None

    async def _refuse_input(self, call: Call, profile: SystemProfile, out: Outbound) -> Response:
        screened = out.screened
        types = [r.type for r in screened.reasons if r.action == "block"]
        if screened.residency_blocked:
            types.append("RESIDENCY")
        rules = list(
            dict.fromkeys(
                ref for r in screened.reasons if r.action == "block" for ref in r.enforces
            )
        )
        record = call.record(
            "block",
            403,
            upstream=out.upstream.name,
            model=out.model,
            reasons=screened.reason_codes,
            findings=screened.findings,
            prompt_sha256=out.prompt_hash,
            prompt_text=out.prompt_text,
            screening_ms=out.screening_ms,
            risk_kind=screened.risk_kind,
        )
        await self._commit(call, record)
        self.metrics.requests.labels(call.endpoint, "block").inc()
        log.info(
            json.dumps(
                {
                    "event": "exchange",
                    "request_id": call.request_id,
                    "system": call.holder.system_id if call.holder else None,
                    "decision": "block",
                    "types": sorted(set(types)),
                }
            )
        )
        message = replies.blocked(
            profile.project.name,
            types,
            rules,
            self._contact(profile, call.lang),
            call.request_id,
            call.lang,
        )
        return replies.error(
            403, message, "mamori_policy_violation", "blocked_by_user_rule", call.request_id
        )

    async def _complete(self, call: Call, profile: SystemProfile, outbound: Outbound) -> Response:
        model, upstream, screened = outbound.model, outbound.upstream, outbound.screened
        vault, input_tokens, forward = outbound.vault, outbound.input_tokens, outbound.forward
        prompt_hash, prompt_text = outbound.prompt_hash, outbound.prompt_text
        screening_ms = outbound.screening_ms
        route_path = "/chat/completions" if call.endpoint == "chat" else "/embeddings"
        began = time.perf_counter()
        try:
            status, answer = await self.upstreams.post(upstream, route_path, forward)
        except UpstreamFailedError as failure:
            upstream_ms = (time.perf_counter() - began) * 1000
            self.metrics.upstream_errors.labels(failure.kind).inc()
            await self._commit(
                call,
                call.record(
                    "error",
                    failure.status,
                    upstream=upstream.name,
                    model=model,
                    reasons=[failure.kind],
                    findings=screened.findings,
                    prompt_sha256=prompt_hash,
                    prompt_text=prompt_text,
                    screening_ms=screening_ms,
                    upstream_ms=upstream_ms,
                ),
            )
            message = t(f"gateway.{failure.kind}", call.lang, status=failure.upstream_status or "")
            return replies.error(
                failure.status, message, "api_error", failure.kind, call.request_id
            )
        upstream_ms = (time.perf_counter() - began) * 1000
        decision: Decision = screened.decision
        retention = call.route.retention if call.route else "none"
        answer_texts: list[str] = []
        output_findings: list[dict[str, Any]] = []
        if call.endpoint == "chat" and status < 400 and isinstance(answer, dict):
            for choice in answer.get("choices") or []:
                if not isinstance(choice, dict):
                    continue
                choice.pop("logprobs", None)  # token-level text the guard cannot screen
                reply = choice.get("message")
                if not isinstance(reply, dict):
                    continue
                started = time.perf_counter()
                texts = strings_in(reply)
                if sum(len(text) for _, text in texts) > INLINE_SCAN_CHARS:
                    outs = await asyncio.to_thread(
                        _screen_all, profile.guard, [x for _, x in texts], vault, input_tokens
                    )
                else:
                    outs = _screen_all(profile.guard, [x for _, x in texts], vault, input_tokens)
                screened_parts = [
                    (path, text, out) for (path, text), out in zip(texts, outs, strict=True)
                ]
                screening_ms += (time.perf_counter() - started) * 1000
                blocked = [
                    r.type for _, _, o in screened_parts for r in o.reasons if r.action == "block"
                ]
                for path, text, out in screened_parts:
                    output_findings += [{**f, "path": list(path)} for f in out.findings]
                    decision = strictest(decision, out.decision)
                    answer_texts.append(out.kept if retention == "redacted" else text)
                if blocked:
                    notice = t(
                        "gateway.output_blocked",
                        call.lang,
                        system=profile.project.name,
                        what=replies.what(sorted(set(blocked)), call.lang),
                        request=call.request_id,
                    )
                    choice["message"] = {"role": reply.get("role", "assistant"), "content": notice}
                    choice["finish_reason"] = "content_filter"
                else:
                    for path, _, out in screened_parts:
                        set_at(reply, path, out.text)
        usage = answer.get("usage") if isinstance(answer, dict) else None
        prompt_tokens = usage.get("prompt_tokens") if isinstance(usage, dict) else None
        completion_tokens = usage.get("completion_tokens") if isinstance(usage, dict) else None
        retention = call.route.retention if call.route else "none"
        record = call.record(
            decision if status < 400 else "error",
            status,
            upstream=upstream.name,
            model=model,
            reasons=screened.reason_codes,
            findings=screened.findings + output_findings,
            prompt_sha256=prompt_hash,
            answer_sha256=digest(answer_texts) if answer_texts else "",
            prompt_text=prompt_text,
            answer_text="\n\x1e\n".join(answer_texts)
            if retention != "none" and answer_texts
            else None,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            screening_ms=screening_ms,
            upstream_ms=upstream_ms,
        )
        await self._commit(call, record)
        if call.holder is not None and isinstance(usage, dict):
            await self.limiter.add_tokens(call.holder.identity, int(usage.get("total_tokens") or 0))
        self.metrics.requests.labels(call.endpoint, record.decision).inc()
        self.metrics.added.labels(call.endpoint).observe(
            max(0.0, record.total_ms - upstream_ms) / 1000
        )
        if status >= 400:
            # The upstream's own words could quote the request: keep its code, not its message.
            error = answer.get("error") if isinstance(answer, dict) else None
            code = (
                error.get("code")
                if isinstance(error, dict) and isinstance(error.get("code"), str)
                else None
            )
            kind = (
                error.get("type")
                if isinstance(error, dict) and isinstance(error.get("type"), str)
                else None
            )
            message = t("gateway.upstream_error", call.lang, status=status)
            return replies.error(
                status,
                message,
                kind or "invalid_request_error",
                code or "upstream_rejected",
                call.request_id,
            )
        return replies.json_response(answer, call.request_id, status)

    async def _stream(
        self, call: Call, profile: SystemProfile, body: dict[str, Any], outbound: Outbound
    ) -> Response:
        model, upstream, screened = outbound.model, outbound.upstream, outbound.screened
        vault, input_tokens, forward = outbound.vault, outbound.input_tokens, outbound.forward
        prompt_hash, prompt_text = outbound.prompt_hash, outbound.prompt_text
        screening_ms = outbound.screening_ms
        client_wants_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        # The day's token count needs the usage, whether or not the client asked for it.
        options = {**(forward.get("stream_options") or {}), "include_usage": True}
        forward = {**forward, "stream_options": options}
        began = time.perf_counter()
        try:
            response = await self.upstreams.stream(upstream, "/chat/completions", forward)
        except UpstreamFailedError as failure:
            self.metrics.upstream_errors.labels(failure.kind).inc()
            await self._commit(
                call,
                call.record(
                    "error",
                    failure.status,
                    upstream=upstream.name,
                    model=model,
                    stream=True,
                    reasons=[failure.kind],
                    prompt_sha256=prompt_hash,
                    prompt_text=prompt_text,
                    screening_ms=screening_ms,
                    upstream_ms=(time.perf_counter() - began) * 1000,
                ),
            )
            message = t(f"gateway.{failure.kind}", call.lang, status=failure.upstream_status or "")
            return replies.error(
                failure.status, message, "api_error", failure.kind, call.request_id
            )
        upstream_ms = (time.perf_counter() - began) * 1000
        try:  # until the stream is handed over, any failure lets the upstream's answer go
            opening = call.record(
                screened.decision,
                200,
                upstream=upstream.name,
                model=model,
                stream=True,
                reasons=screened.reason_codes,
                findings=screened.findings,
                prompt_sha256=prompt_hash,
                prompt_text=prompt_text,
                screening_ms=screening_ms,
                upstream_ms=upstream_ms,
            )
            await self._commit(call, opening)  # before the first byte reaches the client
            self.metrics.added.labels("chat_stream").observe(
                max(0.0, opening.total_ms - upstream_ms) / 1000
            )
            hold = HoldBack(profile.guard, vault, input_tokens, self.config.hold_back_chars)
        except BaseException:
            await response.aclose()
            raise

        usage: dict[str, Any] | None = None
        closed = False

        async def close() -> bool:
            """Record how the stream ended: before [DONE], or when the client went away. False
            when the record could not be written now (it is retried in the background)."""
            nonlocal closed
            if closed:
                return True
            closed = True
            await response.aclose()
            retention = call.route.retention if call.route else "none"
            kept = {"redacted": "".join(hold.kept_text), "full": hold.text}.get(retention)
            closing = call.record(
                strictest(screened.decision, hold.decision),
                200,
                upstream=upstream.name,
                model=model,
                stream=True,
                reasons=screened.reason_codes,
                findings=screened.findings + hold.findings,
                prompt_sha256=prompt_hash,
                answer_sha256=digest([hold.text]),
                prompt_text=prompt_text,
                answer_text=kept,
                prompt_tokens=(usage or {}).get("prompt_tokens"),
                completion_tokens=(usage or {}).get("completion_tokens"),
                screening_ms=screening_ms,
                upstream_ms=upstream_ms,
                completes=True,
            )
            recorded = True
            try:
                await self.recorder.write(closing)
            except Exception:  # the opening record stands; this one is retried
                recorded = False
                self.metrics.audit_failures.inc()
                log.error(
                    json.dumps({"event": "closing_record_failed", "request_id": call.request_id})
                )
                self._write_later(closing)
            self.metrics.requests.labels("chat_stream", closing.decision).inc()
            if call.holder is not None and usage:
                tokens = int(usage.get("total_tokens") or 0)
                await self.limiter.add_tokens(call.holder.identity, tokens)
            return recorded

        async def relay() -> AsyncIterator[bytes]:
            nonlocal usage
            template: dict[str, Any] | None = None
            finished = False

            try:
                async for line in response.lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        response.finished()
                        break
                    try:
                        chunk = json.loads(data)
                    except ValueError:
                        continue
                    if not isinstance(chunk, dict):
                        continue
                    template = chunk
                    if isinstance(chunk.get("usage"), dict):
                        usage = chunk["usage"]
                        if not client_wants_usage:  # asked for the limiter, not by the client
                            chunk.pop("usage")
                    # Only the first choice's role and text go out, through the hold-back: other
                    # choices, log-probabilities, tool calls, refusals and reasoning text are
                    # not screened here, so they are not sent.
                    choices = [
                        c
                        for c in chunk.get("choices") or []
                        if isinstance(c, dict) and c.get("index", 0) == 0
                    ]
                    chunk["choices"] = choices
                    emit = not choices and "usage" in chunk
                    for choice in choices:
                        choice.pop("logprobs", None)
                        raw_delta = choice.get("delta") or {}
                        delta = {k: v for k, v in raw_delta.items() if k in ("role", "content")}
                        piece = delta.get("content")
                        released = hold.feed(piece) if isinstance(piece, str) else ""
                        if choice.get("finish_reason"):
                            released += hold.finish()
                            finished = True
                        if hold.blocked:
                            break
                        if released or isinstance(piece, str):
                            delta["content"] = released
                        emit = (
                            emit
                            or bool(released)
                            or bool(choice.get("finish_reason"))
                            or "role" in delta
                        )
                        choice["delta"] = delta
                    if hold.blocked:
                        break
                    if emit:
                        yield b"data: " + json.dumps(chunk, ensure_ascii=False).encode() + b"\n\n"
                if not hold.blocked and not finished:
                    rest = hold.finish()
                    if rest and template is not None:
                        yield (
                            b"data: "
                            + json.dumps(_chunk(template, rest, None), ensure_ascii=False).encode()
                            + b"\n\n"
                        )
                if hold.blocked:
                    types = sorted({f["type"] for f in hold.findings if f["action"] == "block"})
                    notice = t(
                        "gateway.output_blocked",
                        call.lang,
                        system=profile.project.name,
                        what=replies.what(types, call.lang),
                        request=call.request_id,
                    )
                    yield (
                        b"data: "
                        + json.dumps(
                            _chunk(template or {}, notice, "content_filter"), ensure_ascii=False
                        ).encode()
                        + b"\n\n"
                    )
                if await close() or self.config.audit_fail_open:
                    yield b"data: [DONE]\n\n"
                else:  # fail closed: the client learns that the exchange is not fully recorded
                    error = {
                        "error": {
                            "message": t("gateway.audit_unavailable", call.lang),
                            "type": "api_error",
                            "param": None,
                            "code": "audit_unavailable",
                        }
                    }
                    yield b"data: " + json.dumps(error, ensure_ascii=False).encode() + b"\n\n"
            finally:
                await close()

        return StreamingResponse(
            relay(),
            # Also when the client went away before the stream began: the generator never ran.
            background=BackgroundTask(close),
            media_type="text/event-stream",
            headers={"x-request-id": call.request_id, "cache-control": "no-cache"},
        )

    async def models(self, request: Request) -> Response:
        call = Call(
            "req_" + secrets.token_hex(12),
            "models",
            preferred_lang(request.headers.get("accept-language")),
            time.perf_counter(),
        )
        try:
            await self._authorize(request, call)
            await self._profile(call)
        except Refusal as refusal:
            return replies.error(
                refusal.status, refusal.message, refusal.kind, refusal.code, call.request_id
            )
        assert call.route is not None
        names = sorted({name for upstream in call.route.upstreams for name in upstream.models})
        created = int(time.time())
        data = [
            {"id": name, "object": "model", "created": created, "owned_by": "mamori"}
            for name in names
        ]
        return replies.json_response({"object": "list", "data": data}, call.request_id)


def _screen_all(
    guard: Guard, texts: list[str], vault: Vault, input_tokens: frozenset[str]
) -> list[OutputScreen]:
    return [screen_output(guard, text, vault, input_tokens) for text in texts]


def _chunk(template: dict[str, Any], content: str, finish: str | None) -> dict[str, Any]:
    return {
        "id": template.get("id", "chatcmpl-mamori"),
        "object": "chat.completion.chunk",
        "created": template.get("created", int(time.time())),
        "model": template.get("model", ""),
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": finish}],
    }
