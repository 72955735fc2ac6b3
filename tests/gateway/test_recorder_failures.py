"""A record's commit that fails after nobody waits for it any more leaves no text in any log."""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mamori.db.engine import make_engine
from mamori.services.gateway import recorder as recorder_module
from mamori.services.gateway.recorder import ExchangeRecord, Recorder
from tests.gateway.conftest import Registry

PRIVATE = "090-1234-5678 山田太郎"


def test_a_withdrawn_record_that_then_fails_is_logged_by_type_only(
    registry: Registry, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(recorder_module, "WRITE_TIMEOUT_S", 0.2)
    recorder = Recorder(registry.db)
    recorder._inline_allowed = False

    def failing_commit(records: Any) -> None:
        if any(record.request_id == "blocker" for record in records):
            time.sleep(0.4)  # the writer is busy: the record behind waits, and is withdrawn
            return
        raise RuntimeError(f"INSERT failed for {PRIVATE}")

    recorder._commit = failing_commit  # type: ignore[method-assign]
    recorder.start()
    unhandled: list[dict[str, Any]] = []

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _loop, ctx: unhandled.append(ctx))
        blocker = recorder_module._Pending(
            ExchangeRecord("blocker", "chat", "allow", 200), loop, loop.create_future()
        )
        recorder._queue.put(blocker)
        while not blocker.taken:  # the writer is in its commit before our record queues
            await asyncio.sleep(0.01)
        record = ExchangeRecord("req_withdrawn", "chat", "allow", 200, prompt_text=PRIVATE)
        with pytest.raises(TimeoutError):
            await recorder.write(record)
        await asyncio.sleep(0.6)  # the writer fails the commit and settles the future
        gc.collect()

    try:
        with caplog.at_level(logging.ERROR, logger="mamori.gateway"):
            asyncio.run(scenario())
            gc.collect()
    finally:
        recorder.stop()
    assert unhandled == []
    assert "withheld_record_lost" in caplog.text and "RuntimeError" in caplog.text
    assert PRIVATE not in caplog.text


def test_database_errors_do_not_carry_the_statements_values(tmp_path: Any) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'values.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE prompts (body TEXT UNIQUE)"))
        connection.execute(text("INSERT INTO prompts VALUES (:body)"), {"body": PRIVATE})
    with pytest.raises(IntegrityError) as duplicate, engine.begin() as connection:
        connection.execute(text("INSERT INTO prompts VALUES (:body)"), {"body": PRIVATE})
    assert PRIVATE not in str(duplicate.value)
    engine.dispose()
