"""The gateway's key lookup keeps one SQLite connection per thread: it must still see every change
another connection or process commits — a revocation, a deactivated person — on the next request."""

from __future__ import annotations

import sqlite3
import threading

from mamori.services.gateway import keys
from tests.gateway.conftest import OPERATOR, Registry


def test_a_revocation_by_another_connection_is_seen_at_once(registry: Registry) -> None:
    first, issued = keys.create(registry.db, OPERATOR, system_id=registry.system_id, user="staff1")
    second = registry.key("staff2")
    lookup = keys.KeyLookup(registry.db.engine)
    holder = lookup(first)
    assert holder is not None and holder.person == "staff1" and holder.acknowledged
    kept = lookup._local.connection
    keys.revoke(registry.db, OPERATOR, issued.id)
    assert lookup(first) is None
    assert lookup._local.connection is kept  # the same connection, not a fresh one
    # A write from outside this process's engine (the CLI of another process, say).
    with sqlite3.connect(registry.path) as other:
        other.execute("UPDATE people SET active = 0 WHERE name = 'staff2'")
    assert lookup(second) is None
    assert lookup("mmg_not-a-key") is None and lookup("sk-other-prefix") is None


def test_each_thread_has_its_own_connection(registry: Registry) -> None:
    key = registry.key("staff1")
    lookup = keys.KeyLookup(registry.db.engine)
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.extend([lookup(key), lookup._local.connection]))
    thread.start()
    thread.join()
    assert found[0] is not None and lookup(key) == found[0]
    # sqlite3 connections may not cross threads: each thread must have opened its own.
    assert lookup._local.connection is not found[1]
