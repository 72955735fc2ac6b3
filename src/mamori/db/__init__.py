"""Persistence: the registry's tables, engines for SQLite and PostgreSQL, and Alembic migrations."""
