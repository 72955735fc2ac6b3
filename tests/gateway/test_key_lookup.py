"""The gateway's key lookup remembers what it read on SQLite: it must still see every change another
connection or process commits — a revocation, a deactivated person — on the next request."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from mamori.db.types import now
from mamori.services.gateway import keys
from mamori.services.gateway.recorder import ExchangeRecord, Recorder, _Busy
from tests.gateway.conftest import OPERATOR, Registry


def test_a_revocation_by_another_connection_is_seen_at_once(registry: Registry) -> None:
    first, issued = keys.create(registry.db, OPERATOR, system_id=registry.system_id, user="staff1")
    second = registry.key("staff2")
    lookup = keys.KeyLookup(registry.db.engine)
    holder = lookup(first)
    assert holder is not None and holder.person == "staff1" and holder.acknowledged
    keys.revoke(registry.db, OPERATOR, issued.id)
    assert lookup(first) is None
    # A write from outside this process's engine (the CLI of another process, say).
    with sqlite3.connect(registry.path) as other:
        other.execute("UPDATE people SET active = 0 WHERE name = 'staff2'")
    assert lookup(second) is None
    assert lookup("mmg_not-a-key") is None and lookup("sk-other-prefix") is None


def test_another_thread_finds_the_same_holder(registry: Registry) -> None:
    key = registry.key("staff1")
    lookup = keys.KeyLookup(registry.db.engine)
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(lookup(key)))
    thread.start()
    thread.join()
    assert found[0] is not None and lookup(key) == found[0]


def test_holders_are_remembered_until_anybody_else_writes(registry: Registry) -> None:
    recorder = Recorder(registry.db)
    lookup = keys.KeyLookup(registry.db.engine, shared=recorder.inline_connection)
    key, issued = keys.create(registry.db, OPERATOR, system_id=registry.system_id, user="staff1")
    joins: list[str] = []
    driver = recorder.inline_connection().connection.driver_connection
    driver.set_trace_callback(lambda sql: joins.append(sql) if "gateway_keys" in sql else None)

    first = lookup(key)
    assert first is not None and len(joins) == 1
    assert lookup(key) == first and len(joins) == 1  # from memory: nobody wrote
    # The gateway's own audit commits go through the same connection: still from memory.
    recorder._commit_inline(
        ExchangeRecord(
            request_id="req_own",
            at=now(),
            endpoint="chat",
            decision="allow",
            status=200,
            key_id=first.key_id,
            person_id=first.person_id,
            system_id=first.system_id,
            org_id=first.org_id,
        )
    )
    assert lookup(key) == first and len(joins) == 1
    # Anybody else's commit — here the revocation through the registry — is seen at once.
    keys.revoke(registry.db, OPERATOR, issued.id)
    assert lookup(key) is None and len(joins) == 2
    assert lookup(key) is None and len(joins) == 2
    # Another process, too (a key of staff2, then staff2 deactivated by hand).
    second = registry.key("staff2")
    assert lookup(second) is not None
    with sqlite3.connect(registry.path) as other:
        other.execute("UPDATE people SET active = 0 WHERE name = 'staff2'")
    assert lookup(second) is None


def test_only_the_first_thread_uses_the_shared_connection(registry: Registry) -> None:
    recorder = Recorder(registry.db)
    lookup = keys.KeyLookup(registry.db.engine, shared=recorder.inline_connection)
    key = registry.key("staff1")
    assert lookup(key) is not None
    on_shared: list[str] = []
    driver = recorder.inline_connection().connection.driver_connection
    driver.set_trace_callback(on_shared.append)
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(lookup(key)))
    thread.start()
    thread.join()
    # sqlite3 connections may not cross threads: the other thread read on a connection of its own.
    assert on_shared == []
    assert found == [lookup(key)]


def test_a_refused_inline_connection_never_serves_a_stale_holder(registry: Registry) -> None:
    # When another writer holds the lock, the inline commit gives up and drops its connection;
    # were the connection put back into the pool, a revocation committed on it in this process
    # would not change its data_version, and the remembered holder would be served again.
    recorder = Recorder(registry.db)
    lookup = keys.KeyLookup(registry.db.engine, shared=recorder.inline_connection)
    key, issued = keys.create(registry.db, OPERATOR, system_id=registry.system_id, user="staff1")
    assert lookup(key) is not None
    dropped = recorder.inline_connection().connection.driver_connection
    other = sqlite3.connect(registry.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(_Busy):
        recorder._commit_inline(
            ExchangeRecord(request_id="req_busy", endpoint="chat", decision="allow", status=200)
        )
    other.execute("ROLLBACK")
    other.close()
    keys.revoke(registry.db, OPERATOR, issued.id)
    assert recorder.inline_connection().connection.driver_connection is not dropped
    assert lookup(key) is None


def test_a_lookup_never_waits_for_another_writer(registry: Registry) -> None:
    # The lookup runs on the event loop: opening its connection must not begin a transaction
    # (BEGIN IMMEDIATE would wait up to the busy timeout for the other writer).
    recorder = Recorder(registry.db)
    lookup = keys.KeyLookup(registry.db.engine, shared=recorder.inline_connection)
    key = registry.key("staff1")
    other = sqlite3.connect(registry.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        assert lookup(key) is not None
        assert time.monotonic() - started < 1.0
    finally:
        other.execute("ROLLBACK")
        other.close()
