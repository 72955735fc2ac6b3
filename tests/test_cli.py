"""`mamori assess`, `mamori schema` and their errors, through the real command line parser."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from mamori.i18n import t
from tests.conftest import EXAMPLES, MINIMAL_PROJECT, example

GOOD = {**MINIMAL_PROJECT}


def write_project(tmp_path: Path, data: object, name: str = "project.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_assess_json_has_the_documented_shape(cli) -> None:
    result = cli("assess", example("citizen-chatbot"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pack"] == "ds920@2.0"
    assert set(data["axes"]) == {"A", "B", "C", "D"}
    assert all(1 <= axis["level"] <= 3 and axis["reasons"] for axis in data["axes"].values())
    assert data["possibly_high_risk"] is True and data["consult_advisory_board"] is True
    assert data["reasons"] and data["warnings"]
    assert len(data["procurement_checkpoints"]) == 21
    for entry in [*data["procurement_checkpoints"], *data["contract_items"]]:
        assert set(entry) >= {"id", "number", "included", "why"}
        assert isinstance(entry["included"], bool) and entry["why"]


def test_assess_json_in_english(cli) -> None:
    data = json.loads(cli("assess", example("citizen-chatbot"), "--json", "--lang", "en").stdout)
    assert data["lang"] == "en"
    assert data["procurement_checkpoints"][0]["why"].startswith("Included:")


def test_project_lang_and_pack_are_honoured(cli) -> None:
    data = json.loads(cli("assess", example("translation-saas-terms"), "--json").stdout)
    assert data["pack"] == "ds920@1.0" and data["lang"] == "en"
    override = json.loads(
        cli("assess", example("translation-saas-terms"), "--json", "--pack", "ds920@2.0").stdout
    )
    assert override["pack"] == "ds920@2.0"


def test_assess_summary_in_the_terminal(cli) -> None:
    result = cli("assess", example("benefit-application-triage"))
    assert result.exit_code == 0
    assert t("doc.risk.verdict_high", "ja") in result.stdout
    # every axis is listed with its level, and both combination rules that hold are named
    for reason in ("軸A", "軸B", "軸C", "軸D"):
        assert reason in result.stdout
    assert result.stdout.count("該当する軸") == 2


def test_assess_writes_and_lists_documents(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli(
        "assess",
        example("staff-drafting-assistant"),
        "--out",
        out,
        "--format",
        "md",
        "--date",
        "2026-04-01",
    )
    assert result.exit_code == 0, result.output
    listed = {Path(line).name for line in result.stdout.splitlines() if line.strip()}
    on_disk = {p.name for p in out.iterdir()}
    assert listed == on_disk
    assert "procurement-spec.ja.md" in on_disk and "assessment.ja.json" in on_disk
    assert "advisory-brief.ja.md" not in on_disk  # not possibly high-risk
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging folder left behind


# Bad input: exit code 2, the file, the field path and the allowed values; nothing written.
BAD_VALUES = [
    ({**GOOD, "users": "aliens"}, "users", ["staff", "multi_org", "citizens"]),
    ({**GOOD, "procurement_pattern": "saas"}, "procurement_pattern", ["saas-terms", "on-premises"]),
    (
        {k: v for k, v in GOOD.items() if k != "human_review"},
        "human_review",
        ["every_output", "sampled", "none"],
    ),
    ({**GOOD, "training_data": ["public"]}, "training_data", ["confidential"]),
    ({**GOOD, "name": ""}, "name", []),
    ({**GOOD, "ismap_listed": "maybe"}, "ismap_listed", []),
    ({**GOOD, "pack": "ds920"}, "pack", ["ds920@2.0"]),
]


@pytest.mark.parametrize(("data", "field", "allowed"), BAD_VALUES, ids=[c[1] for c in BAD_VALUES])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_bad_field_names_file_field_and_allowed_values(
    cli, tmp_path: Path, data: dict, field: str, allowed: list[str], lang: str
) -> None:
    project = write_project(tmp_path, data)
    out = tmp_path / "out"
    result = cli("assess", project, "--out", out, "--lang", lang)
    assert result.exit_code == 2
    assert str(project) in result.stderr
    assert f"  - {field}:" in result.stderr
    for value in allowed:
        assert value in result.stderr
    assert "MAMORI-2002" in result.stderr
    assert t("remedy.project_invalid", lang) in result.stderr  # type: ignore[arg-type]
    assert not out.exists()


def test_every_problem_is_reported_at_once(cli, tmp_path: Path) -> None:
    data = {k: v for k, v in GOOD.items() if k not in {"users", "work"}} | {
        "server_location": "moon"
    }
    result = cli("assess", write_project(tmp_path, data), "--json")
    assert result.exit_code == 2
    for field in ("users", "work", "server_location"):
        assert f"  - {field}:" in result.stderr


def test_error_never_echoes_the_users_text(cli, tmp_path: Path) -> None:
    secret = "山田太郎 123456789018"
    data = {**GOOD, "purpose": secret, "users": f"staff {secret}", "name": 42}
    result = cli("assess", write_project(tmp_path, data), "--json")
    assert result.exit_code == 2
    assert "山田" not in result.output and "123456789018" not in result.output


def test_broken_yaml_names_the_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\nusers: [staff\nwork: internal_support\n", encoding="utf-8")
    result = cli("assess", path, "--json")
    assert result.exit_code == 2
    assert f"{path}: line " in result.stderr
    assert "MAMORI-2001" in result.stderr


def test_broken_json_names_the_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "name": "x",\n  "users": "staff"\n  "work": 1\n}\n', encoding="utf-8")
    result = cli("assess", path, "--json")
    assert result.exit_code == 2
    assert f"{path}: line 4" in result.stderr


def test_top_level_must_be_a_mapping(cli, tmp_path: Path) -> None:
    result = cli("assess", write_project(tmp_path, ["staff"]), "--json")
    assert result.exit_code == 2 and "MAMORI-2002" in result.stderr


def test_missing_file(cli, tmp_path: Path) -> None:
    result = cli("assess", tmp_path / "nope.yaml", "--json", "--lang", "en")
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr and "no such file" in result.stderr


def test_unknown_pack_in_the_project_names_the_field(cli, tmp_path: Path) -> None:
    result = cli("assess", write_project(tmp_path, {**GOOD, "pack": "ds920@9.9"}), "--json")
    assert result.exit_code == 2
    assert (
        "  - pack:" in result.stderr
        and "ds920@1.0" in result.stderr
        and "ds920@2.0" in result.stderr
    )


def test_unknown_pack_option(cli) -> None:
    result = cli("assess", example("citizen-chatbot"), "--json", "--pack", "ds920@0.1")
    assert result.exit_code == 2
    assert "MAMORI-1001" in result.stderr and "ds920@2.0" in result.stderr


@pytest.mark.parametrize(
    ("option", "value"),
    [("--format", "pdf"), ("--format", ""), ("--date", "2026-13-01"), ("--lang", "fr")],
)
def test_bad_option_values(cli, tmp_path: Path, option: str, value: str) -> None:
    out = tmp_path / "out"
    result = cli("assess", example("citizen-chatbot"), "--out", out, option, value)
    assert result.exit_code == 2
    assert option in result.stderr and "MAMORI-2003" in result.stderr
    assert not out.exists()


def test_existing_files_survive_a_failed_run(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    bad = write_project(tmp_path, {**GOOD, "users": "nobody"})
    assert cli("assess", bad, "--out", out).exit_code == 2
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_output_folder_that_is_a_file(cli, tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    result = cli("assess", example("citizen-chatbot"), "--out", blocker)
    assert result.exit_code == 2 and "MAMORI-3001" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_schema_is_valid_and_accepts_every_example(cli) -> None:
    schema = json.loads(cli("schema", "project").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in EXAMPLES.iterdir():
        validator.validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert set(schema["required"]) == {
        "name",
        "organization",
        "purpose",
        "users",
        "work",
        "training_data",
        "human_review",
        "procurement_pattern",
        "server_location",
    }
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**GOOD, "users": "aliens"})


def test_extra_keys_are_welcome(cli, tmp_path: Path) -> None:
    result = cli(
        "assess", write_project(tmp_path, {**GOOD, "budget_yen": 1000000, "notes": "x"}), "--json"
    )
    assert result.exit_code == 0, result.output


def test_version(cli) -> None:
    from mamori import __version__

    assert cli("--version").stdout.strip() == f"mamori {__version__}"
