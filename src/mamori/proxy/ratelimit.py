"""Per-key limits: requests per minute and tokens per day. Shared through Redis across gateway
instances when a Redis URL is configured, else kept in this process."""

from __future__ import annotations

import time
from typing import Any, Protocol

MINUTE = 60
DAY = 86400


class Limiter(Protocol):
    async def hit(self, key: str, per_minute: int, tokens_per_day: int) -> int | None:
        """Count one request; return seconds to wait if over a limit, else None."""

    async def add_tokens(self, key: str, tokens: int) -> None: ...

    async def close(self) -> None: ...


class LocalLimiter:
    def __init__(self) -> None:
        self._requests: dict[tuple[str, int], int] = {}
        self._tokens: dict[tuple[str, int], int] = {}

    async def hit(self, key: str, per_minute: int, tokens_per_day: int) -> int | None:
        now = time.time()
        minute, day = int(now // MINUTE), int(now // DAY)
        if self._tokens.get((key, day), 0) >= tokens_per_day:
            return int(DAY - now % DAY) + 1
        count = self._requests.get((key, minute), 0) + 1
        if count > per_minute:
            return int(MINUTE - now % MINUTE) + 1
        self._requests[(key, minute)] = count
        if len(self._requests) > 100_000:  # forget old windows
            self._requests = {k: v for k, v in self._requests.items() if k[1] >= minute}
        return None

    async def add_tokens(self, key: str, tokens: int) -> None:
        day = int(time.time() // DAY)
        self._tokens[(key, day)] = self._tokens.get((key, day), 0) + tokens
        if len(self._tokens) > 100_000:  # forget earlier days
            self._tokens = {k: v for k, v in self._tokens.items() if k[1] >= day}

    async def close(self) -> None:
        return None


class RedisLimiter:
    def __init__(self, url: str) -> None:
        import redis.asyncio as redis

        self.redis: Any = redis.from_url(url)

    async def hit(self, key: str, per_minute: int, tokens_per_day: int) -> int | None:
        now = time.time()
        minute, day = int(now // MINUTE), int(now // DAY)
        request_key, token_key = f"mamori:rl:{key}:{minute}", f"mamori:tok:{key}:{day}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(request_key)
            pipe.expire(request_key, 2 * MINUTE)
            pipe.get(token_key)
            count, _, tokens = await pipe.execute()
        if int(tokens or 0) >= tokens_per_day:
            return int(DAY - now % DAY) + 1
        if int(count) > per_minute:
            return int(MINUTE - now % MINUTE) + 1
        return None

    async def add_tokens(self, key: str, tokens: int) -> None:
        day = int(time.time() // DAY)
        token_key = f"mamori:tok:{key}:{day}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incrby(token_key, tokens)
            pipe.expire(token_key, 2 * DAY)
            await pipe.execute()

    async def close(self) -> None:
        await self.redis.aclose()
