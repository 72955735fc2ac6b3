"""Documents written by ``mamori assess --out`` and ``mamori rule ministry``: files, content, formats."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import yaml
from openpyxl.utils import get_column_letter

from mamori.content import loader
from mamori.content.models import Pack
from mamori.i18n import Lang, t
from tests.conftest import FIXED_DATE, example

FORMATS = ("md", "docx", "xlsx")
KINDS = ("risk-assessment", "procurement-spec", "procurement-checksheet", "contract-checksheet")
TITLE_KEYS = {
    "risk-assessment": "doc.risk.title",
    "procurement-spec": "doc.spec.title",
    "procurement-checksheet": "doc.check.procurement_title",
    "contract-checksheet": "doc.check.contract_title",
    "advisory-brief": "doc.brief.title",
}
STATUSES = ("not_started", "in_specification", "agreed", "verified", "not_applicable")
HIGH_RISK = {"citizen-chatbot", "benefit-application-triage"}
PACK_OF = {"translation-saas-terms": "ds920@1.0"}  # the others name no pack: the newest applies
FISCAL = {  # on FIXED_DATE; benefit-application-triage states fiscal_year 2027 itself
    "ja": {"benefit-application-triage": "2027年度（令和9年度）", None: "2026年度（令和8年度）"},
    "en": {"benefit-application-triage": "FY2027", None: "FY2026"},
}
DATE = {"ja": "2026年4月1日", "en": "1 April 2026"}
NAMES = (
    "citizen-chatbot",
    "staff-drafting-assistant",
    "translation-saas-terms",
    "benefit-application-triage",
)
CASES = [pytest.param(name, lang, id=f"{name}-{lang}") for name in NAMES for lang in ("ja", "en")]


@dataclass(frozen=True)
class Rendered:
    out: Path
    lang: Lang
    result: dict[str, Any]
    """``mamori assess --json`` for the same project and language."""
    project: dict[str, Any]
    pack: Pack

    def path(self, kind: str, fmt: str) -> Path:
        return self.out / f"{kind}.{self.lang}.{fmt}"

    def paragraphs(self, kind: str) -> list[str]:
        return [p.text for p in docx.Document(self.path(kind, "docx")).paragraphs]


_RENDERED: dict[tuple[str, str], Rendered] = {}


@pytest.fixture
def rendered(cli, tmp_path_factory):
    """Render each (example, language) once per session through the CLI and keep the result."""

    def get(name: str, lang: Lang) -> Rendered:
        if (name, lang) not in _RENDERED:
            out = tmp_path_factory.mktemp(f"{name}-{lang}") / "docs"
            args = ("assess", example(name), "--lang", lang)
            written = cli(*args, "--out", out, "--date", FIXED_DATE)
            assert written.exit_code == 0, written.output
            printed = cli(*args, "--json")
            assert printed.exit_code == 0, printed.output
            result = json.loads(printed.stdout)
            project = yaml.safe_load(example(name).read_text(encoding="utf-8"))
            pack = loader.load(result["pack"]).pack
            _RENDERED[name, lang] = Rendered(out, lang, result, project, pack)
        return _RENDERED[name, lang]

    return get


def included_mark(included: bool, lang: Lang) -> str:
    return t("doc.check.included" if included else "doc.check.excluded", lang)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_writes_every_document_and_the_brief_only_for_the_board(rendered, name, lang) -> None:
    r = rendered(name, lang)
    assert r.result["pack"] == PACK_OF.get(name, "ds920@2.0")
    assert r.result["consult_advisory_board"] is (name in HIGH_RISK)
    kinds = [*KINDS, "user-rule"] + (["advisory-brief"] if name in HIGH_RISK else [])
    expected = {f"{kind}.{lang}.{fmt}" for kind in kinds for fmt in FORMATS}
    assert {p.name for p in r.out.iterdir()} == expected | {f"assessment.{lang}.json"}
    assert json.loads(r.path("assessment", "json").read_text(encoding="utf-8")) == r.result


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_word_documents_have_title_draft_note_and_meta(rendered, name, lang) -> None:
    r = rendered(name, lang)
    kinds = [*KINDS] + (["advisory-brief"] if name in HIGH_RISK else [])
    for kind in kinds:
        document = docx.Document(r.path(kind, "docx"))
        title, note = document.paragraphs[:2]
        assert (title.style.name, title.text) == ("Title", t(TITLE_KEYS[kind], lang)), kind
        assert note.text == t("doc.draft_note", lang)
        meta = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
        assert meta[t("doc.meta.system", lang)] == r.project["name"]
        assert meta[t("doc.meta.pack", lang)] == r.result["pack"]
        assert meta[t("doc.meta.date", lang)] == DATE[lang]
        fiscal = FISCAL[lang].get(name, FISCAL[lang][None])
        assert meta[t("doc.meta.fiscal_year", lang)] == fiscal, kind


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_spec_states_included_requirements_and_only_lists_excluded_ones(
    rendered, name, lang
) -> None:
    r = rendered(name, lang)
    paragraphs = r.paragraphs("procurement-spec")
    checkpoints = {cp.id: cp for cp in r.pack.checkpoints}
    entries = r.result["procurement_checkpoints"]
    excluded = [e for e in entries if not e["included"]]
    assert excluded, "every example leaves out some checkpoint; the test would prove nothing"
    cut = paragraphs.index(t("doc.spec.h_excluded", lang))
    body, reference = paragraphs[:cut], paragraphs[cut:]
    for entry in entries:
        cp = checkpoints[entry["id"]]
        heading = t("doc.spec.checkpoint_heading", lang, n=str(cp.number), title=cp.title(lang))
        if entry["included"]:
            assert heading in body
            assert cp.requirement(lang) in body, cp.id
        else:
            assert heading not in body
            assert not any(cp.requirement(lang) in p for p in paragraphs), cp.id
            assert any(p.startswith(f"({cp.number}) {cp.title(lang)} — ") for p in reference)


RULE_CASES = [
    ("citizen-chatbot", "citizen", set()),  # server location unknown: UR-04 applies
    ("staff-drafting-assistant", "staff", {"UR-04"}),  # servers in Japan
    ("benefit-application-triage", "staff", {"UR-04"}),
    ("translation-saas-terms", "staff", set()),  # servers abroad, and no contact given
]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("name", "audience", "omitted"), RULE_CASES)
def test_user_rule_takes_the_audience_variant_that_applies(
    rendered, name, audience, omitted, lang
) -> None:
    r = rendered(name, lang)
    paragraphs = r.paragraphs("user-rule")
    template = r.pack.user_rule.template
    assert paragraphs[0] == template.title[audience](lang).format(system_name=r.project["name"])
    document = docx.Document(r.path("user-rule", "docx"))
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    other = "staff" if audience == "citizen" else "citizen"
    statements = r.pack.user_rule.statements
    assert numbered == [s.text[audience](lang) for s in statements if s.id not in omitted]
    for statement in statements:
        assert statement.text[other](lang) not in paragraphs, statement.id
    contact = r.project.get("contact") or t("doc.rule.contact_unset", lang)
    assert template.contact(lang).format(contact=contact) in paragraphs


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_check_sheet_workbooks(rendered, name, lang) -> None:
    r = rendered(name, lang)
    for kind, key, count in [
        ("procurement-checksheet", "procurement_checkpoints", 21),
        ("contract-checksheet", "contract_items", 17),
    ]:
        workbook = openpyxl.load_workbook(r.path(kind, "xlsx"))
        sheet = workbook.active
        assert sheet is not workbook.worksheets[0]  # opens on the table, not on the cover
        assert workbook.worksheets[0]["A1"].value == t(TITLE_KEYS[kind], lang)
        rows = list(sheet.iter_rows(values_only=True))
        first = next(i for i, row in enumerate(rows) if t("doc.col.status", lang) in row)
        header, data = rows[first], rows[first + 1 :]
        entries = r.result[key]
        assert len(data) == len(entries) == count
        ids = [row[header.index(t("doc.col.id", lang))] for row in data]
        assert ids == [e["id"] for e in entries]
        if kind == "procurement-checksheet":
            assert ids == [f"PROC-{n:02d}" for n in range(1, 22)]
        marks = [row[header.index(t("doc.col.included", lang))] for row in data]
        assert marks == [included_mark(e["included"], lang) for e in entries]
        # The status column offers the five statuses on every data row, and only there.
        letter = get_column_letter(header.index(t("doc.col.status", lang)) + 1)
        lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
        assert len(lists) == 1
        choices = lists[0].formula1.strip('"').split(",")
        assert choices == [t(f"status.{s}", lang) for s in STATUSES]
        header_row = first + 1  # openpyxl rows count from 1
        covered = lists[0].sqref
        assert all(f"{letter}{header_row + n}" in covered for n in range(1, count + 1))
        assert f"{letter}{header_row}" not in covered
        assert f"{letter}{header_row + count + 1}" not in covered


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_risk_assessment_names_every_axis_reason(rendered, name, lang) -> None:
    r = rendered(name, lang)
    text = r.path("risk-assessment", "md").read_text(encoding="utf-8")
    for key, axis in r.result["axes"].items():
        for reason in axis["reasons"]:
            assert reason in text, f"axis {key}: {reason}"


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_risk_assessment_verdict_in_one_language(rendered, name, lang) -> None:
    r = rendered(name, lang)
    text = r.path("risk-assessment", "md").read_text(encoding="utf-8")
    high = r.result["possibly_high_risk"]
    assert high is (name in HIGH_RISK)
    verdict, opposite = "doc.risk.verdict_high", "doc.risk.verdict_low"
    if not high:
        verdict, opposite = opposite, verdict
    foreign: Lang = "en" if lang == "ja" else "ja"
    assert t(verdict, lang) in text
    assert t(opposite, lang) not in text
    for reason in r.result["reasons"]:
        assert reason in text
    for kind in KINDS:
        md = r.path(kind, "md").read_text(encoding="utf-8")
        for key in (verdict, "doc.draft_note", TITLE_KEYS[kind]):
            assert t(key, foreign) not in md, (kind, key)


@pytest.mark.parametrize("name", NAMES)
def test_japanese_documents_keep_the_plain_style(rendered, name) -> None:
    r = rendered(name, "ja")
    for kind in ("procurement-spec", "risk-assessment", "user-rule", "advisory-brief"):
        path = r.path(kind, "md")
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        for polite in ("です", "ます。"):
            lines = [line for line in text.splitlines() if polite in line]
            assert not lines, f"{path.name} mixes in {polite}: {lines}"


def test_ministry_rule_carries_every_staff_statement(cli, tmp_path) -> None:
    out = tmp_path / "rule"
    result = cli(
        "rule", "ministry", "--org", "デジタル庁", "--contact", "AI統括責任者室",
        "--out", out, "--date", FIXED_DATE,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {
        "ministry-user-rule.ja.md",
        "ministry-user-rule.ja.docx",
    }
    rule = loader.load("ds920@2.0").pack.user_rule
    staff = {s.id: s.text["staff"]("ja") for s in rule.statements if "staff" in s.text}
    assert len(staff) == 12
    assert {"UR-03", "UR-04"} <= set(staff)  # conditional for a system, always in the ministry's
    document = docx.Document(out / "ministry-user-rule.ja.docx")
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == rule.template.title["ministry"]("ja").format(organization="デジタル庁")
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert numbered == list(staff.values())
    assert rule.template.contact("ja").format(contact="AI統括責任者室") in paragraphs
    meta = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert meta[t("doc.meta.organization", "ja")] == "デジタル庁"
    assert meta[t("doc.meta.audience", "ja")] == t("doc.rule.audience_ministry", "ja")
    assert meta[t("doc.meta.date", "ja")] == DATE["ja"]
    markdown = (out / "ministry-user-rule.ja.md").read_text(encoding="utf-8")
    assert all(text in markdown for text in staff.values())
    assert "AI統括責任者室" in markdown


BAD_FORMAT = [
    pytest.param(("assess", example("citizen-chatbot")), id="assess"),
    pytest.param(("rule", "ministry", "--org", "デジタル庁", "--contact", "窓口"), id="ministry"),
]


@pytest.mark.parametrize("command", BAD_FORMAT)
def test_bad_format_leaves_the_output_directory_alone(cli, tmp_path, command) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    result = cli(*command, "--out", out, "--format", "md,pdf", "--date", FIXED_DATE)
    assert result.exit_code == 2
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert cli(*command, "--out", out, "--format", "md", "--date", FIXED_DATE).exit_code == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no staging left


def test_missing_project_creates_no_output_directory(cli, tmp_path) -> None:
    out = tmp_path / "never"
    result = cli("assess", tmp_path / "no-such-project.yaml", "--out", out, "--date", FIXED_DATE)
    assert result.exit_code == 2
    assert not out.exists()
