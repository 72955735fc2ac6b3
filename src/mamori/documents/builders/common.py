"""Pieces every builder shares: the meta block, status choices, labels."""

from __future__ import annotations

import datetime as dt

from mamori.content.facts import format_fact_value
from mamori.content.project import Project
from mamori.documents.dates import fiscal_year_of, format_date, format_fiscal_year
from mamori.documents.model import Column
from mamori.i18n import Lang, t
from mamori.rules import Assessment

STATUSES = ("not_started", "in_specification", "agreed", "verified", "not_applicable")
"""Progress of one checkpoint; the same values the registry stores (issue 4)."""


def status_column(lang: Lang) -> Column:
    return Column(
        title=t("doc.col.status", lang),
        width=16,
        choices=[t(f"status.{s}", lang) for s in STATUSES],
    )


def value(fact: str, raw: object, lang: Lang) -> str:
    return t(f"value.{fact}.{format_fact_value(raw)}", lang)  # type: ignore[arg-type]


def project_meta(
    project: Project, pack_ref: str, day: dt.date, lang: Lang
) -> list[tuple[str, str]]:
    fiscal = project.fiscal_year or fiscal_year_of(day)
    meta = [
        (t("doc.meta.system", lang), project.name),
        (t("doc.meta.organization", lang), project.organization),
        (t("doc.meta.fiscal_year", lang), format_fiscal_year(fiscal, lang)),
        (t("doc.meta.pack", lang), pack_ref),
        (t("doc.meta.date", lang), format_date(day, lang)),
    ]
    return meta


def draft_note(lang: Lang) -> str:
    return t("doc.draft_note", lang)


def cover_name(lang: Lang) -> str:
    return t("doc.sheet_cover", lang)


def checksheet_summary(assessment: Assessment, lang: Lang) -> str:
    """「調達チェックシートの 21 項目のうち 9 項目…」: how much of each check sheet applies."""
    return t(
        "doc.risk.checksheet_summary",
        lang,
        cp=str(sum(e.included for e in assessment.procurement_checkpoints)),
        cp_all=str(len(assessment.procurement_checkpoints)),
        ci=str(sum(e.included for e in assessment.contract_items)),
        ci_all=str(len(assessment.contract_items)),
    )
