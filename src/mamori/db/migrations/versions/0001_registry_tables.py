"""registry tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-28 16:18:49.526251
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mamori.db.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("state_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_object", ["object_type", "object_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_org_id"), ["org_id"], unique=False)

    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    # The chain's head row exists from the start, so the first writers never race to create it.
    op.bulk_insert(
        sa.table(
            "audit_head",
            sa.column("id", sa.Integer),
            sa.column("seq", sa.Integer),
            sa.column("hash", sa.String),
        ),
        [{"id": 1, "seq": 0, "hash": "0" * 64}],
    )
    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.String(length=400), nullable=False),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('ministry', 'bureau', 'division', 'vendor', 'board')",
            name=op.f("ck_organizations_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["organizations.id"],
            name=op.f("fk_organizations_parent_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("code", name=op.f("uq_organizations_code")),
    )
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organizations_path"), ["path"], unique=False)

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("name", name=op.f("uq_people_name")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", mamori.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_api_tokens_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_tokens_person_id"), ["person_id"], unique=False)

    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "role IN ('caio', 'planner', 'provider', 'user', 'board', 'secretariat', 'admin')",
            name=op.f("ck_memberships_role"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organizations.id"], name=op.f("fk_memberships_org_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_memberships_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint("person_id", "org_id", "role", name="person_org_role"),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memberships_person_id"), ["person_id"], unique=False)

    op.create_table(
        "systems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("vendor_org_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("lifecycle", sa.String(length=16), nullable=False),
        sa.Column("project", sa.JSON(), nullable=False),
        sa.Column("models", sa.JSON(), nullable=False),
        sa.Column("contacts", sa.JSON(), nullable=False),
        sa.Column("publishable", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "lifecycle IN ('planning', 'procurement', 'development', 'operation', 'retired')",
            name=op.f("ck_systems_lifecycle"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["people.id"], name=op.f("fk_systems_created_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organizations.id"], name=op.f("fk_systems_org_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["vendor_org_id"],
            ["organizations.id"],
            name=op.f("fk_systems_vendor_org_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_systems")),
    )
    with op.batch_alter_table("systems", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_systems_org_id"), ["org_id"], unique=False)
        batch_op.create_index("ix_systems_org_lifecycle", ["org_id", "lifecycle"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_systems_vendor_org_id"), ["vendor_org_id"], unique=False
        )

    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("pack", sa.String(length=64), nullable=False),
        sa.Column("pack_hash", sa.String(length=80), nullable=False),
        sa.Column("project_hash", sa.String(length=64), nullable=False),
        sa.Column("possibly_high_risk", sa.Boolean(), nullable=False),
        sa.Column("consult_advisory_board", sa.Boolean(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["people.id"], name=op.f("fk_assessments_created_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name=op.f("fk_assessments_system_id_systems")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessments_system_id"), ["system_id"], unique=False)

    op.create_table(
        "checklist_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("checkpoint_id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('not_started', 'in_specification', 'agreed', 'verified', 'not_applicable')",
            name=op.f("ck_checklist_progress_status"),
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name=op.f("fk_checklist_progress_system_id_systems")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["people.id"], name=op.f("fk_checklist_progress_updated_by_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_progress")),
        sa.UniqueConstraint("system_id", "checkpoint_id", name="system_checkpoint"),
    )
    with op.batch_alter_table("checklist_progress", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_checklist_progress_system_id"), ["system_id"], unique=False
        )

    op.create_table(
        "risk_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("what_happened", sa.Text(), nullable=False),
        sa.Column("impact", sa.Text(), nullable=False),
        sa.Column("personal_data_involved", sa.Boolean(), nullable=False),
        sa.Column("countermeasure", sa.Text(), nullable=False),
        sa.Column("root_cause", sa.Text(), nullable=False),
        sa.Column("recurrence_prevention", sa.Text(), nullable=False),
        sa.Column("dedup_key", sa.String(length=200), nullable=True),
        sa.Column("occurrences", sa.Integer(), nullable=False),
        sa.Column("reported_by", sa.Integer(), nullable=True),
        sa.Column("reported_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", mamori.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "severity IN ('low', 'medium', 'high', 'critical')", name=op.f("ck_risk_cases_severity")
        ),
        sa.CheckConstraint(
            "source IN ('provider', 'user', 'gateway', 'caio')", name=op.f("ck_risk_cases_source")
        ),
        sa.CheckConstraint(
            "state IN ('reported', 'triaged', 'countermeasure', 'board_review', 'closed')",
            name=op.f("ck_risk_cases_state"),
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organizations.id"], name=op.f("fk_risk_cases_org_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["reported_by"], ["people.id"], name=op.f("fk_risk_cases_reported_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name=op.f("fk_risk_cases_system_id_systems")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_cases")),
    )
    with op.batch_alter_table("risk_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_risk_cases_dedup_key"), ["dedup_key"], unique=False)
        batch_op.create_index("ix_risk_cases_org_reported", ["org_id", "reported_at"], unique=False)
        batch_op.create_index("ix_risk_cases_org_state", ["org_id", "state"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_risk_cases_reported_by"), ["reported_by"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_risk_cases_system_id"), ["system_id"], unique=False)

    op.create_table(
        "user_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("published_at", mamori.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'published', 'withdrawn')", name=op.f("ck_user_rules_status")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["people.id"], name=op.f("fk_user_rules_created_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organizations.id"], name=op.f("fk_user_rules_org_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name=op.f("fk_user_rules_system_id_systems")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_rules")),
        sa.UniqueConstraint("org_id", "system_id", "number", name="rule_number"),
    )
    with op.batch_alter_table("user_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_rules_org_id"), ["org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_user_rules_system_id"), ["system_id"], unique=False)
        batch_op.create_index(
            "uq_user_rules_published_system",
            ["system_id"],
            unique=True,
            sqlite_where=sa.text("status = 'published'"),
            postgresql_where=sa.text("status = 'published'"),
        )

    op.create_table(
        "acknowledgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_acknowledgements_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["user_rules.id"], name=op.f("fk_acknowledgements_rule_id_user_rules")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acknowledgements")),
        sa.UniqueConstraint("rule_id", "person_id", name="rule_person"),
    )
    with op.batch_alter_table("acknowledgements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_acknowledgements_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_acknowledgements_rule_id"), ["rule_id"], unique=False)

    op.create_table(
        "assessment_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "decision IN ('high_risk', 'not_high_risk')",
            name=op.f("ck_assessment_decisions_decision"),
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_decisions_assessment_id_assessments"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["people.id"], name=op.f("fk_assessment_decisions_decided_by_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_decisions")),
    )
    with op.batch_alter_table("assessment_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_decisions_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("brief", sa.JSON(), nullable=False),
        sa.Column("advice", sa.Text(), nullable=False),
        sa.Column("advised_by", sa.Integer(), nullable=True),
        sa.Column("advised_at", mamori.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('requested', 'advised', 'closed')", name=op.f("ck_consultations_status")
        ),
        sa.ForeignKeyConstraint(
            ["advised_by"], ["people.id"], name=op.f("fk_consultations_advised_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_consultations_assessment_id_assessments"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["people.id"], name=op.f("fk_consultations_created_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organizations.id"], name=op.f("fk_consultations_org_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name=op.f("fk_consultations_system_id_systems")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultations_org_id"), ["org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultations_system_id"), ["system_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=True),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_documents_assessment_id_assessments"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["people.id"], name=op.f("fk_documents_created_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organizations.id"], name=op.f("fk_documents_org_id_organizations")
        ),
        sa.ForeignKeyConstraint(
            ["system_id"], ["systems.id"], name=op.f("fk_documents_system_id_systems")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_system_id"), ["system_id"], unique=False)

    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("progress_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["progress_id"],
            ["checklist_progress.id"],
            name=op.f("fk_evidence_files_progress_id_checklist_progress"),
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"], ["people.id"], name=op.f("fk_evidence_files_uploaded_by_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_files")),
    )
    with op.batch_alter_table("evidence_files", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_files_progress_id"), ["progress_id"], unique=False
        )

    op.create_table(
        "risk_case_transitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=False),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", mamori.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["people.id"], name=op.f("fk_risk_case_transitions_actor_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["risk_cases.id"], name=op.f("fk_risk_case_transitions_case_id_risk_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_case_transitions")),
    )
    with op.batch_alter_table("risk_case_transitions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_risk_case_transitions_case_id"), ["case_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("risk_case_transitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risk_case_transitions_case_id"))

    op.drop_table("risk_case_transitions")
    with op.batch_alter_table("evidence_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_files_progress_id"))

    op.drop_table("evidence_files")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_system_id"))

    op.drop_table("documents")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_system_id"))
        batch_op.drop_index(batch_op.f("ix_consultations_org_id"))

    op.drop_table("consultations")
    with op.batch_alter_table("assessment_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_decisions_assessment_id"))

    op.drop_table("assessment_decisions")
    with op.batch_alter_table("acknowledgements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acknowledgements_rule_id"))
        batch_op.drop_index(batch_op.f("ix_acknowledgements_person_id"))

    op.drop_table("acknowledgements")
    with op.batch_alter_table("user_rules", schema=None) as batch_op:
        batch_op.drop_index("uq_user_rules_published_system")
        batch_op.drop_index(batch_op.f("ix_user_rules_system_id"))
        batch_op.drop_index(batch_op.f("ix_user_rules_org_id"))

    op.drop_table("user_rules")
    with op.batch_alter_table("risk_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risk_cases_system_id"))
        batch_op.drop_index(batch_op.f("ix_risk_cases_reported_by"))
        batch_op.drop_index("ix_risk_cases_org_state")
        batch_op.drop_index("ix_risk_cases_org_reported")
        batch_op.drop_index(batch_op.f("ix_risk_cases_dedup_key"))

    op.drop_table("risk_cases")
    with op.batch_alter_table("checklist_progress", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_progress_system_id"))

    op.drop_table("checklist_progress")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessments_system_id"))

    op.drop_table("assessments")
    with op.batch_alter_table("systems", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_systems_vendor_org_id"))
        batch_op.drop_index("ix_systems_org_lifecycle")
        batch_op.drop_index(batch_op.f("ix_systems_org_id"))

    op.drop_table("systems")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_person_id"))

    op.drop_table("memberships")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_person_id"))

    op.drop_table("api_tokens")
    op.drop_table("people")
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organizations_path"))

    op.drop_table("organizations")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_org_id"))
        batch_op.drop_index("ix_audit_events_object")

    op.drop_table("audit_events")
