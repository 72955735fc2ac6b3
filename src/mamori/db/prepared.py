"""Statements compiled once for a database's dialect and run on the driver's own cursor.

For the gateway's audit writer, which runs the same few statements thousands of times a second:
building, coercing and compiling a SQLAlchemy statement each time costs more than the database's
own work. The values still go through each column type's bind processor, so what is stored is
exactly what the ORM would store and read back (UTC datetimes, JSON).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler


class Prepared:
    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
        self.sql = str(compiled)
        self.order: Sequence[str] | None = compiled.positiontup if compiled.positional else None
        self.processors: dict[str, Callable[[Any], Any]] = {}
        for name, bind in compiled.binds.items():
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self.processors[name] = processor
        self.defaults = {
            name: bind.value for name, bind in compiled.binds.items() if bind.value is not None
        }

    def arguments(self, values: Mapping[str, Any]) -> Any:
        """The driver's parameters for ``values``: defaults added, bind processors applied."""
        merged = {**self.defaults, **values}
        for name, processor in self.processors.items():
            if name in merged:
                merged[name] = processor(merged[name])
        if self.order is not None:
            return tuple(merged[name] for name in self.order)
        return merged

    def execute(self, connection: Connection, values: Mapping[str, Any] | None = None) -> Any:
        """Run once; returns the driver's cursor (to fetch from)."""
        cursor = connection.connection.cursor()
        cursor.execute(self.sql, self.arguments(values or {}))
        return cursor

    def execute_many(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            cursor = connection.connection.cursor()
            cursor.executemany(self.sql, [self.arguments(row) for row in rows])
            cursor.close()
