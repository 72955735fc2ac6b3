"""gateway keys and exchanges

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 16:34:39.898952
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mamori.db.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "gateway_exchanges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(length=40), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("system_id", sa.Integer(), nullable=True),
        sa.Column("endpoint", sa.String(length=40), nullable=False),
        sa.Column("upstream", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("stream", sa.Boolean(), nullable=False),
        sa.Column("prompt_sha256", sa.String(length=64), nullable=False),
        sa.Column("answer_sha256", sa.String(length=64), nullable=False),
        sa.Column("prompt_text", sa.Text(), nullable=True),
        sa.Column("answer_text", sa.Text(), nullable=True),
        sa.Column("retention", sa.String(length=16), nullable=False),
        sa.Column("risk_kind", sa.String(length=32), nullable=True),
        sa.Column("prompt_tokens", sa.Integer(), nullable=True),
        sa.Column("completion_tokens", sa.Integer(), nullable=True),
        sa.Column("screening_ms", sa.Double(), nullable=False),
        sa.Column("upstream_ms", sa.Double(), nullable=False),
        sa.Column("total_ms", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gateway_exchanges")),
        sa.UniqueConstraint("request_id", name=op.f("uq_gateway_exchanges_request_id")),
    )
    with op.batch_alter_table("gateway_exchanges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gateway_exchanges_audit_seq"), ["audit_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_gateway_exchanges_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            "ix_gateway_exchanges_risk", ["person_id", "system_id", "risk_kind", "at"], unique=False
        )
        batch_op.create_index("ix_gateway_exchanges_system_at", ["system_id", "at"], unique=False)

    op.create_table(
        "gateway_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", mamori.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_gateway_keys_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name=op.f("fk_gateway_keys_system_id_systems")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gateway_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_gateway_keys_key_hash")),
    )
    with op.batch_alter_table("gateway_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gateway_keys_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_gateway_keys_system_id"), ["system_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("gateway_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gateway_keys_system_id"))
        batch_op.drop_index(batch_op.f("ix_gateway_keys_person_id"))

    op.drop_table("gateway_keys")
    with op.batch_alter_table("gateway_exchanges", schema=None) as batch_op:
        batch_op.drop_index("ix_gateway_exchanges_system_at")
        batch_op.drop_index("ix_gateway_exchanges_risk")
        batch_op.drop_index(batch_op.f("ix_gateway_exchanges_person_id"))
        batch_op.drop_index(batch_op.f("ix_gateway_exchanges_audit_seq"))

    op.drop_table("gateway_exchanges")
