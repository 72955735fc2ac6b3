"""gateway exchanges: drop the two indexes no query uses

Every index of ``gateway_exchanges`` costs a page write in each of the gateway's audit commits.
``audit_seq`` is never searched (the chain names an exchange by its request id, which is unique and
indexed), and ``person_id`` alone is the first column of ``ix_gateway_exchanges_risk``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 15:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("gateway_exchanges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gateway_exchanges_person_id"))
        batch_op.drop_index(batch_op.f("ix_gateway_exchanges_audit_seq"))


def downgrade() -> None:
    with op.batch_alter_table("gateway_exchanges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gateway_exchanges_audit_seq"), ["audit_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_gateway_exchanges_person_id"), ["person_id"], unique=False
        )
