"""Documents: builders make one document model from engine results; renderers write md, docx, xlsx."""

from __future__ import annotations

import datetime as dt

from mamori.content.models import Pack
from mamori.documents.builders import (
    advisory_brief,
    checksheets,
    procurement_spec,
    risk_assessment,
    user_rule,
)
from mamori.documents.model import Document
from mamori.documents.render import FORMATS, Format, render
from mamori.i18n import Lang
from mamori.rules import Assessment
from mamori.rules.user_rule import RuleFillIns, audience_for, compose

__all__ = ["FORMATS", "Document", "Format", "build_project_documents", "render"]


def build_project_documents(
    assessment: Assessment, pack: Pack, lang: Lang, day: dt.date, contact: str
) -> list[Document]:
    """Every document a project's planner needs; the Board brief only when the Board is to be consulted."""
    project = assessment.project
    rule = compose(
        pack,
        audience_for(project.users),
        RuleFillIns(
            organization=project.organization,
            contact=contact,
            system_name=project.name,
            purpose=project.purpose,
        ),
        assessment.facts,
    )
    documents = [
        risk_assessment.build(assessment, pack, lang, day),
        procurement_spec.build(assessment, pack, lang, day),
        checksheets.build_procurement(assessment, pack, lang, day),
        checksheets.build_contract(assessment, pack, lang, day),
        user_rule.build(rule, lang, day, assessment.pack, project.organization),
    ]
    if assessment.consult_advisory_board:
        documents.append(advisory_brief.build(assessment, pack, lang, day))
    return documents
