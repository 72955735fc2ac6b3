"""``mamori scan`` and ``mamori policy``: masked output, placeholders, decisions, JSON lines from
stdin, policy files checked before anything is scanned, and policies derived from projects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from stdnum.jp import in_

from mamori.cli.app import app
from mamori.content.screening_loader import load_screening
from mamori.i18n import t

from .conftest import EXAMPLES

MY_NUMBER = "12345678901" + in_.calc_check_digit("12345678901")
MY_NUMBER_HYPHENATED = f"{MY_NUMBER[:4]}-{MY_NUMBER[4:8]}-{MY_NUMBER[8:]}"
SENSITIVE = f"個人番号：{MY_NUMBER_HYPHENATED} 氏名：鈴木一郎"


def jsonl(*records: object) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


def scan_stdin(cli, *args: str, input: str):
    return cli.runner.invoke(app, ["scan", *args], input=input, catch_exceptions=False)


def output_lines(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


# ---------------------------------------------------------------------------------------------
# mamori scan TEXT / --file / --redact / --json / --decision


def test_scan_prints_types_and_masked_text_never_the_value(cli) -> None:
    result = cli("scan", SENSITIVE)
    assert result.exit_code == 0
    assert "MY_NUMBER" in result.stdout and "PERSON" in result.stdout
    masked = MY_NUMBER_HYPHENATED[0] + "*" * (len(MY_NUMBER_HYPHENATED) - 2) + MY_NUMBER[-1]
    assert masked in result.stdout
    assert "鈴**郎" in result.stdout
    for secret in (MY_NUMBER_HYPHENATED, MY_NUMBER, MY_NUMBER[:8], "鈴木一郎"):
        assert secret not in result.stdout
    # The position and the explanation are shown instead.
    assert "5–19" in result.stdout
    assert "jp-my-number" in result.stdout


def test_scan_clean_text_says_nothing_found(cli) -> None:
    result = cli("scan", "本日の会議は予定どおり開催します。")
    assert result.exit_code == 0
    assert "MY_NUMBER" not in result.stdout and "PERSON" not in result.stdout
    assert t("cli.scan.none", "ja") in result.stdout


def test_scan_file(cli, tmp_path: Path) -> None:
    file = tmp_path / "memo.txt"
    file.write_text(f"議事メモ\n{SENSITIVE}\n", encoding="utf-8")
    result = cli("scan", "--file", file)
    assert result.exit_code == 0
    assert "MY_NUMBER" in result.stdout
    assert MY_NUMBER_HYPHENATED not in result.stdout


def test_scan_file_not_utf8_is_an_error(cli, tmp_path: Path) -> None:
    file = tmp_path / "sjis.txt"
    file.write_bytes("氏名：鈴木一郎".encode("shift_jis"))
    result = cli("scan", "--file", file, "--lang", "en")
    assert result.exit_code == 2
    assert str(file) in result.stderr
    assert "MAMORI-2004" in result.stderr and "UTF-8" in result.stderr
    assert "鈴木" not in result.stderr


def test_scan_text_and_file_together_is_an_error(cli, tmp_path: Path) -> None:
    file = tmp_path / "memo.txt"
    file.write_text("x", encoding="utf-8")
    result = cli("scan", "--file", file, "text")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_scan_redact_prints_placeholders(cli) -> None:
    result = cli("scan", "--redact", SENSITIVE)
    assert result.exit_code == 0
    assert result.stdout.strip() == "個人番号：<MY_NUMBER_1> 氏名：<PERSON_1>"


def test_scan_json_lists_findings(cli) -> None:
    result = cli("scan", "--json", SENSITIVE)
    assert result.exit_code == 0
    findings = json.loads(result.stdout)["findings"]
    assert [(f["type"], SENSITIVE[f["start"] : f["end"]]) for f in findings] == [
        ("MY_NUMBER", MY_NUMBER_HYPHENATED),
        ("PERSON", "鈴木一郎"),
    ]
    assert set(findings[0]) == {"type", "start", "end", "score", "detector"}


def test_scan_decision(cli) -> None:
    result = cli("scan", "--decision", "氏名：鈴木一郎")
    assert result.exit_code == 0
    assert "redact" in result.stdout
    assert "PERSON × 1 → redact" in result.stdout
    assert "鈴木一郎" not in result.stdout


def test_scan_decision_json(cli) -> None:
    result = cli("scan", "--decision", "--json", SENSITIVE)
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["decision"] == "block"
    assert [(r["type"], r["action"], r["count"]) for r in payload["reasons"]] == [
        ("MY_NUMBER", "block", 1),
        ("PERSON", "redact", 1),
    ]
    # Both personal-data types are handled under the default policy's personal-data rule.
    assert all(r["enforces"] == ["UR-06", "PROC-16"] for r in payload["reasons"])


def test_scan_decision_json_clean_text_allows(cli) -> None:
    payload = json.loads(cli("scan", "--decision", "--json", "本日は晴天なり。").stdout)
    assert payload == {"decision": "allow", "reasons": []}


def test_scan_reads_stdin_when_no_text(cli) -> None:
    result = scan_stdin(cli, "--json", input=SENSITIVE)
    assert result.exit_code == 0
    assert [f["type"] for f in json.loads(result.stdout)["findings"]] == ["MY_NUMBER", "PERSON"]


# ---------------------------------------------------------------------------------------------
# mamori scan --jsonl


def test_jsonl_one_line_per_record_in_order_with_ids_echoed(cli) -> None:
    records = [
        {"id": "a-1", "text": "氏名：鈴木一郎"},
        {"id": 2, "text": "本日は晴天なり。"},
        {"id": "3", "text": f"個人番号 {MY_NUMBER}"},
        {"id": 4.5, "text": "電話 03-1234-5678", "extra": "ignored"},
    ]
    result = scan_stdin(cli, "--jsonl", input=jsonl(*records))
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = output_lines(result.stdout)
    assert [line["id"] for line in lines] == ["a-1", 2, "3", 4.5]
    assert all(set(line) == {"id", "findings"} for line in lines)
    assert [[f["type"] for f in line["findings"]] for line in lines] == [
        ["PERSON"],
        [],
        ["MY_NUMBER"],
        ["PHONE_NUMBER"],
    ]
    person = lines[0]["findings"][0]
    assert set(person) == {"type", "start", "end", "score", "detector"}
    assert records[0]["text"][person["start"] : person["end"]] == "鈴木一郎"
    assert person["detector"] == "person-name"
    assert 0.5 <= person["score"] <= 1.0


def test_jsonl_with_decision(cli) -> None:
    result = scan_stdin(
        cli,
        "--jsonl",
        "--decision",
        input=jsonl({"id": 1, "text": f"個人番号 {MY_NUMBER}"}, {"id": 2, "text": "晴天"}),
    )
    assert result.exit_code == 0
    assert [(line["id"], line["decision"]) for line in output_lines(result.stdout)] == [
        (1, "block"),
        (2, "allow"),
    ]


def test_jsonl_blank_lines_are_skipped(cli) -> None:
    result = scan_stdin(
        cli, "--jsonl", input=jsonl({"id": 1, "text": "a"}, "", "   ", {"id": 2, "text": "b"})
    )
    assert result.exit_code == 0
    assert [line["id"] for line in output_lines(result.stdout)] == [1, 2]


BAD_LINES = [
    pytest.param('{"id": 2, "text": "氏名：秘密太郎"', id="bad-json"),
    pytest.param('{"id": 2, "body": "氏名：秘密太郎"}', id="missing-text"),
    pytest.param('{"id": 2, "text": ["氏名：秘密太郎"]}', id="text-not-a-string"),
    pytest.param('{"text": "氏名：秘密太郎"}', id="missing-id"),
    pytest.param('["氏名：秘密太郎"]', id="not-an-object"),
]


@pytest.mark.parametrize("bad", BAD_LINES)
def test_jsonl_bad_line_reported_by_number_without_content(cli, bad: str) -> None:
    stdin = jsonl({"id": 1, "text": "氏名：鈴木一郎"}, bad, {"id": 3, "text": "電話 03-1234-5678"})
    result = scan_stdin(cli, "--jsonl", "--lang", "en", input=stdin)
    assert result.exit_code == 2
    # Good lines before and after are still scanned, in order.
    lines = output_lines(result.stdout)
    assert [line["id"] for line in lines] == [1, 3]
    assert [f["type"] for f in lines[1]["findings"]] == ["PHONE_NUMBER"]
    # The error names line 2 and never echoes what the line held.
    assert "line 2:" in result.stderr
    assert "line 1:" not in result.stderr and "line 3:" not in result.stderr
    assert "Lines that could not be processed: 1" in result.stderr
    assert "秘密太郎" not in result.stderr and "秘密太郎" not in result.stdout
    assert bad not in result.stderr


def test_jsonl_error_names_each_bad_line_number(cli) -> None:
    stdin = jsonl(
        {"id": 1, "text": "a"},
        "not json",
        {"id": 3, "text": "b"},
        {"id": 4, "text": 5},
        {"id": 5, "text": "c"},
    )
    result = scan_stdin(cli, "--jsonl", "--lang", "en", input=stdin)
    assert result.exit_code == 2
    assert [line["id"] for line in output_lines(result.stdout)] == [1, 3, 5]
    error_lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert any(line.startswith("line 2:") and "JSON" in line for line in error_lines)
    assert any(line.startswith("line 4:") and '"text"' in line for line in error_lines)
    assert len([line for line in error_lines if line.startswith("line ")]) == 2
    assert "not json" not in result.stderr


def test_jsonl_error_in_japanese_names_the_line(cli) -> None:
    result = scan_stdin(cli, "--jsonl", input=jsonl({"id": 1, "text": "a"}, "{"))
    assert result.exit_code == 2
    assert "2 行目" in result.stderr
    assert [line["id"] for line in output_lines(result.stdout)] == [1]


def test_jsonl_with_text_argument_is_an_error(cli) -> None:
    result = scan_stdin(cli, "--jsonl", "氏名：鈴木一郎", input=jsonl({"id": 1, "text": "a"}))
    assert result.exit_code == 2
    assert "--jsonl" in result.stderr
    assert result.stdout == ""


def test_jsonl_streams_many_lines(cli) -> None:
    count = 2000
    stdin = jsonl(
        *(
            {"id": i, "text": f"{i}件目：氏名：鈴木一郎 電話 03-1234-{i % 10000:04d}"}
            for i in range(count)
        )
    )
    result = scan_stdin(cli, "--jsonl", input=stdin)
    assert result.exit_code == 0
    lines = output_lines(result.stdout)
    assert len(lines) == count
    assert [line["id"] for line in lines] == list(range(count))
    assert all(
        {"PERSON", "PHONE_NUMBER"} <= {f["type"] for f in line["findings"]} for line in lines
    )


# ---------------------------------------------------------------------------------------------
# --policy FILE: checked before anything is scanned


def write_policy(tmp_path: Path, body: str, name: str = "policy.yaml") -> Path:
    file = tmp_path / name
    file.write_text(body, encoding="utf-8")
    return file


HEADER = "id: custom\ndescription: {ja: テスト, en: test}\n"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param(HEADER + "colour: blue\n", "colour", id="unknown-key"),
        pytest.param(HEADER + "actions:\n  PERSON: maybe\n", "actions.PERSON", id="bad-action"),
        pytest.param(
            HEADER + "detectors: [person, no-such-detector]\n", "detectors", id="unknown-detector"
        ),
        pytest.param(HEADER + "actions:\n  NICKNAME: block\n", "actions", id="unknown-type"),
        pytest.param(HEADER + "thresholds:\n  PERSON: 0.7\n", "thresholds", id="no-default"),
        pytest.param("id: [unclosed\n", "line", id="yaml-syntax"),
    ],
)
def test_invalid_policy_file_stops_before_scanning(
    cli, tmp_path: Path, body: str, field: str
) -> None:
    file = write_policy(tmp_path, body)
    result = cli("scan", "--policy", file, SENSITIVE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(file) in result.stderr
    assert field in result.stderr
    assert MY_NUMBER_HYPHENATED not in result.stderr
    # Nothing from stdin is read or scanned either.
    streamed = scan_stdin(
        cli, "--jsonl", "--policy", str(file), input=jsonl({"id": 1, "text": "a"})
    )
    assert streamed.exit_code == 2
    assert streamed.stdout == ""


def test_unknown_detector_error_lists_known_ones(cli, tmp_path: Path) -> None:
    file = write_policy(tmp_path, HEADER + "detectors: [no-such-detector]\n")
    result = cli("scan", "--policy", file, "x")
    assert "no-such-detector" in result.stderr
    assert "jp-my-number" in result.stderr


def test_missing_policy_file(cli, tmp_path: Path) -> None:
    result = cli("scan", "--policy", tmp_path / "absent.yaml", "x")
    assert result.exit_code == 2
    assert "absent.yaml" in result.stderr


def test_custom_policy_changes_the_decision(cli, tmp_path: Path) -> None:
    file = write_policy(tmp_path, HEADER + "actions:\n  PERSON: allow\n")
    default = json.loads(cli("scan", "--decision", "--json", "氏名：鈴木一郎").stdout)
    custom = json.loads(
        cli("scan", "--policy", file, "--decision", "--json", "氏名：鈴木一郎").stdout
    )
    assert default["decision"] == "redact"
    assert custom["decision"] == "allow"
    assert custom["reasons"] == [{"type": "PERSON", "action": "allow", "count": 1, "enforces": []}]
    # Anything the custom policy does not list is blocked (default_action).
    strict = json.loads(
        cli("scan", "--policy", file, "--decision", "--json", "電話 03-1234-5678").stdout
    )
    assert strict["decision"] == "block"


def test_custom_policy_with_fewer_detectors(cli, tmp_path: Path) -> None:
    file = write_policy(tmp_path, HEADER + "detectors: [contact]\n")
    result = cli("scan", "--policy", file, "--json", "氏名：鈴木一郎 電話 03-1234-5678")
    assert [f["type"] for f in json.loads(result.stdout)["findings"]] == ["PHONE_NUMBER"]


# ---------------------------------------------------------------------------------------------
# mamori policy show / validate / derive


def test_policy_show_prints_the_default_policy(cli) -> None:
    result = cli("policy", "show")
    assert result.exit_code == 0
    shown = yaml.safe_load(result.stdout)
    default = load_screening().policies["default"]
    assert shown["id"] == "default"
    assert shown["actions"] == dict(default.actions)
    assert shown["max_classification_level"] == 1
    assert shown["default_action"] == "block"


def test_policy_show_unknown_name(cli) -> None:
    result = cli("policy", "show", "no-such-policy")
    assert result.exit_code == 2
    assert "default" in result.stderr


def test_policy_show_output_is_itself_a_valid_policy(cli, tmp_path: Path) -> None:
    file = write_policy(tmp_path, cli("policy", "show").stdout)
    result = cli("policy", "validate", file)
    assert result.exit_code == 0
    assert "default" in result.stdout


def test_policy_validate_good_file(cli, tmp_path: Path) -> None:
    file = write_policy(tmp_path, HEADER + "actions:\n  PERSON: allow\n")
    result = cli("policy", "validate", file)
    assert result.exit_code == 0
    assert "custom" in result.stdout


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param(HEADER + "actions:\n  PERSON: maybe\n", "actions.PERSON", id="bad-action"),
        pytest.param(HEADER + "detectors: [nope]\n", "detectors", id="unknown-detector"),
        pytest.param(
            HEADER + "max_classification_level: 4\n", "max_classification_level", id="level"
        ),
        pytest.param(
            HEADER + "output_actions:\n  OUT_OF_SCOPE: block\n",
            "output_actions",
            id="out-of-scope-on-output",
        ),
    ],
)
def test_policy_validate_bad_file(cli, tmp_path: Path, body: str, field: str) -> None:
    file = write_policy(tmp_path, body)
    result = cli("policy", "validate", file)
    assert result.exit_code == 2
    assert str(file) in result.stderr
    assert field in result.stderr
    assert result.stdout == ""


def derived(cli, project: Path) -> dict[str, object]:
    result = cli("policy", "derive", project)
    assert result.exit_code == 0, result.stderr
    return yaml.safe_load(result.stdout)


def derivation_enforces(rule_id: str) -> list[str]:
    return next(
        list(rule.enforces) for rule in load_screening().derivation.rules if rule.id == rule_id
    )


def test_derive_saas_terms_abroad(cli) -> None:
    policy = derived(cli, EXAMPLES / "translation-saas-terms.json")
    assert policy["actions"]["PERSON"] == "block"
    assert policy["actions"]["MY_NUMBER"] == "block"
    assert policy["max_classification_level"] == 0
    rules = {rule["id"]: rule for rule in policy["rules"] if rule["id"].startswith("DERIVE-")}
    assert set(rules) == {"DERIVE-SAAS-TERMS", "DERIVE-FOREIGN-SERVER"}
    for rule_id, rule in rules.items():
        assert rule["enforces"] == derivation_enforces(rule_id)
        assert rule["enforces"]
    assert "UR-03" in rules["DERIVE-SAAS-TERMS"]["enforces"]
    assert "PERSON" in rules["DERIVE-SAAS-TERMS"]["types"]
    assert "CLASSIFICATION_MARKING" in rules["DERIVE-FOREIGN-SERVER"]["types"]
    # The derived policy is itself valid and blocks a name.
    assert policy["default_action"] == "block"


def test_derived_policy_round_trips_through_scan(cli, tmp_path: Path) -> None:
    result = cli("policy", "derive", EXAMPLES / "translation-saas-terms.json")
    file = write_policy(tmp_path, result.stdout)
    decision = json.loads(
        cli("scan", "--policy", file, "--decision", "--json", "氏名：鈴木一郎").stdout
    )
    assert decision["decision"] == "block"
    # The base rule for personal data first, then what the SaaS-terms derivation adds.
    assert decision["reasons"][0]["enforces"] == list(
        dict.fromkeys(["UR-06", "PROC-16", *derivation_enforces("DERIVE-SAAS-TERMS")])
    )
    marked = json.loads(
        cli("scan", "--policy", file, "--decision", "--json", "【機密性１】").stdout
    )
    assert marked["decision"] == "block"


def test_derive_citizen_chatbot(cli) -> None:
    policy = derived(cli, EXAMPLES / "citizen-chatbot.yaml")
    assert policy["output_actions"]["PERSON"] == "block"
    # Out-of-scope is judged on the request only (the guard does not look for it in answers), so
    # the derivation gives it an input action and no output action.
    assert policy["actions"]["OUT_OF_SCOPE"] == "block"
    assert "OUT_OF_SCOPE" not in policy["output_actions"]
    assert policy["actions"]["PERSON"] == "redact"
    assert policy["purpose"]
    assert "DERIVE-CITIZEN-OUTPUT" in {rule["id"] for rule in policy["rules"]}


def test_derive_writes_a_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "policy.yaml"
    result = cli("policy", "derive", EXAMPLES / "citizen-chatbot.yaml", "--out", target)
    assert result.exit_code == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["output_actions"]["PERSON"] == "block"
    assert "DERIVE-CITIZEN-OUTPUT" in result.stderr


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("name: x\nusers: aliens\n", id="unknown-value"),
        pytest.param("name: [unclosed\n", id="yaml-syntax"),
    ],
)
def test_derive_bad_project_file(cli, tmp_path: Path, body: str) -> None:
    project = tmp_path / "project.yaml"
    project.write_text(body, encoding="utf-8")
    result = cli("policy", "derive", project)
    assert result.exit_code == 2
    assert str(project) in result.stderr
    assert result.stdout == ""


def test_derive_missing_project_file(cli, tmp_path: Path) -> None:
    result = cli("policy", "derive", tmp_path / "absent.yaml")
    assert result.exit_code == 2
    assert "absent.yaml" in result.stderr


def test_jsonl_truncated_line_names_the_column_and_a_bom_is_accepted(cli) -> None:
    stdin = '\ufeff{"id": 1, "text": "電話 03-1234-5678"}\n{"id": 2, "text": "x"\n'
    result = scan_stdin(cli, "--jsonl", "--lang", "en", input=stdin)
    assert result.exit_code == 2
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1]
    assert "line 2: not valid JSON (column 22)" in result.stderr


def test_stdin_that_is_not_utf8_is_an_input_error(cli) -> None:
    result = cli.runner.invoke(
        app, ["scan", "--lang", "en"], input="氏名：鈴木一郎".encode("shift_jis")
    )
    assert result.exit_code == 2
    assert "MAMORI-2004" in result.stderr and "鈴木" not in result.stderr


def test_jsonl_line_that_is_not_utf8_is_reported_and_skipped(cli) -> None:
    stdin = (
        b'{"id": 1, "text": "x"}\n'
        + '{"id": 2, "text": "鈴木"}\n'.encode("shift_jis")
        + b'{"id": 3, "text": "y"}\n'
    )
    result = cli.runner.invoke(app, ["scan", "--jsonl", "--lang", "en"], input=stdin)
    assert result.exit_code == 2
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 3]
    assert "line 2: not valid UTF-8" in result.stderr


def test_redact_as_json_and_jsonl_with_redact(cli) -> None:
    result = cli("scan", "--redact", "--json", "田中さんの電話 03-1234-5678")
    assert json.loads(result.stdout) == {"text": "<PERSON_1>さんの電話 <PHONE_NUMBER_1>"}
    refused = cli.runner.invoke(app, ["scan", "--jsonl", "--redact"], input="")
    assert refused.exit_code == 2 and "--jsonl" in refused.stderr


def test_markup_in_user_text_is_printed_literally(cli, tmp_path: Path) -> None:
    project = yaml.safe_load(
        (EXAMPLES / "staff-drafting-assistant.yaml").read_text(encoding="utf-8")
    )
    project["name"] = "[/] [red]案件[/red]"
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(project, allow_unicode=True), encoding="utf-8")
    result = cli("assess", path)
    assert result.exit_code == 0, result.output
    assert "[/] [red]案件[/red]" in result.stdout
    table = cli("scan", "[b]田中[/b]さん")
    assert table.exit_code == 0
