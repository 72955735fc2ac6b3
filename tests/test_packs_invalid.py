"""A broken guideline pack stops loading with the file, the path inside it and the remedy.

Each case breaks a copy of ds920@1.0 in one way; the loader must name the file and the path, and
``mamori guideline validate`` must exit 2 printing both and the remedy, in English and Japanese.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mamori.content import loader
from mamori.errors import PackInvalidError, PackNotFoundError
from mamori.i18n import t
from mamori.resources import data_dir

from .conftest import example

BUILTIN = data_dir() / "guidelines" / "ds920" / "1.0"
PROC04 = "checkpoints[3](PROC-04)"
REASON = {"ja": "テスト", "en": "test"}
# The broken-YAML case inserts a bad line right after the line "  - id: PROC-04".
_PROC_LINES = (BUILTIN / "procurement.yaml").read_text(encoding="utf-8").splitlines()
BROKEN_LINE = _PROC_LINES.index("  - id: PROC-04") + 2


def edit(file: str, change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    """A mutation that loads ``file`` of the pack, applies ``change`` and writes it back."""

    def mutate(folder: Path) -> None:
        target = folder / file
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        change(data)
        target.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    return mutate


def proc04(data: dict[str, Any]) -> dict[str, Any]:
    return data["checkpoints"][3]


def condition(match: dict[str, list[Any]]) -> Callable[[dict[str, Any]], object]:
    return lambda d: proc04(d)["include_when"].__setitem__(0, {"all": match, "reason": REASON})


def broken_yaml(folder: Path) -> None:
    target = folder / "procurement.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("  - id: PROC-04\n", "  - id: PROC-04\n   bad: [\n", 1))


def key_twice(folder: Path) -> None:
    (folder / "zz_more.yaml").write_text("combination: {}\n", encoding="utf-8")


def no_manifest(folder: Path) -> None:
    (folder / "pack.yaml").unlink()


# (case id, mutation, file the problem must name, fragments the problem must contain)
CASES = [
    pytest.param(
        edit("procurement.yaml", lambda d: proc04(d).update(colour="red")),
        "procurement.yaml",
        [f"{PROC04}.colour", "unknown key"],
        id="unknown-key",
    ),
    pytest.param(
        edit("procurement.yaml", lambda d: proc04(d)["title"].pop("en")),
        "procurement.yaml",
        [f"{PROC04}.title.en", "missing"],
        id="missing-en-title",
    ),
    pytest.param(
        edit("procurement.yaml", condition({"colour": ["red"]})),
        "procurement.yaml",
        [f"{PROC04}.include_when[0].all.colour"],
        id="unknown-fact",
    ),
    pytest.param(
        edit("procurement.yaml", condition({"users": ["aliens"]})),
        "procurement.yaml",
        [f"{PROC04}.include_when[0]", "users", "aliens"],
        id="value-not-allowed",
    ),
    pytest.param(
        edit("procurement.yaml", condition({"possibly_high_risk": [1]})),
        "procurement.yaml",
        [f"{PROC04}.include_when[0]", "possibly_high_risk: 1 is not one of"],
        id="int-is-not-bool",
    ),
    pytest.param(
        broken_yaml, "procurement.yaml", [f"line {BROKEN_LINE}", "YAML"], id="broken-yaml"
    ),
    pytest.param(key_twice, "zz_more.yaml", ["combination", "axes.yaml"], id="key-in-two-files"),
    pytest.param(
        edit("procurement.yaml", lambda d: proc04(d).update(group="CPG-NOPE")),
        "procurement.yaml",
        ["checkpoints[3]", "group", "CPG-NOPE"],
        id="unknown-group",
    ),
    pytest.param(
        edit("procurement.yaml", lambda d: d["checkpoints"][4].update(id="PROC-04")),
        "procurement.yaml",
        ["checkpoints", "PROC-04", "twice"],
        id="duplicate-checkpoint-id",
    ),
    pytest.param(
        edit("axes.yaml", lambda d: d["axes"][2]["levels"][1].update(when=[])),
        "axes.yaml",
        ["axes[2](AXIS-C)", "no level for training_data = internal"],
        id="axis-value-uncovered",
    ),
    pytest.param(
        edit(
            "user_rule.yaml",
            lambda d: d["user_rule"]["statements"][1]["text"]["staff"].update(en="Ask {boss}."),
        ),
        "user_rule.yaml",
        ["user_rule", "statements(UR-02).text.staff", "boss"],
        id="unknown-fill-in",
    ),
    pytest.param(no_manifest, "pack.yaml", ["pack.yaml is missing"], id="no-pack-yaml"),
]


def _names(problem_location: str, file: Path) -> bool:
    return problem_location == str(file) or problem_location.startswith(f"{file}: ")


@pytest.mark.parametrize(("mutate", "file", "fragments"), CASES)
def test_loader_names_file_and_path(pack_copy, mutate, file: str, fragments: list[str]) -> None:
    folder = pack_copy()
    mutate(folder)
    with pytest.raises(PackInvalidError) as raised:
        loader.load_path(folder)
    problems = raised.value.problems
    assert problems, "an invalid pack must list at least one problem"
    rendered = [(p.location, p.render("en")) for p in problems]
    assert any(
        _names(location, folder.resolve() / file) and all(f in text for f in fragments)
        for location, text in rendered
    ), rendered


@pytest.mark.parametrize(("mutate", "file", "fragments"), CASES)
def test_validate_exits_2_with_file_path_and_remedy(
    cli, pack_copy, mutate, file: str, fragments: list[str]
) -> None:
    folder = pack_copy()
    mutate(folder)
    result = cli("guideline", "validate", folder, "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    remedy = t("remedy.pack_invalid", "en", path=str(folder.resolve()))
    assert remedy in result.stderr
    problem_lines = [line for line in result.stderr.splitlines() if line.startswith("  - ")]
    assert any(
        str(folder.resolve() / file) in line and all(f in line for f in fragments)
        for line in problem_lines
    ), result.stderr

    japanese = cli("guideline", "validate", folder, "--lang", "ja")
    assert japanese.exit_code == 2
    assert "対処" in japanese.stderr
    assert file in japanese.stderr
    assert t("remedy.pack_invalid", "ja", path=str(folder.resolve())) in japanese.stderr


def test_key_in_two_files_names_both_files(pack_copy) -> None:
    folder = pack_copy()
    key_twice(folder)
    with pytest.raises(PackInvalidError) as raised:
        loader.load_path(folder)
    (problem,) = raised.value.problems
    assert problem.location == f"{folder.resolve() / 'zz_more.yaml'}: combination"
    assert problem.params["other"] == str(folder.resolve() / "axes.yaml")


def test_valid_copy_loads_and_validates(cli, pack_copy) -> None:
    """Control case: the cases above fail because of their mutation, not because of copying."""
    folder = pack_copy()
    assert loader.load_path(folder).ref == "ds920@1.0"
    result = cli("guideline", "validate", folder, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "ds920@1.0" in result.stdout


def test_broken_pack_is_never_half_loaded(pack_copy) -> None:
    pristine = loader.load("ds920@1.0")
    folder = pack_copy()
    original = (folder / "procurement.yaml").read_text(encoding="utf-8")
    edit("procurement.yaml", lambda d: proc04(d)["title"].pop("en"))(folder)
    for _ in range(2):  # a failure is not cached as a success, nor partly kept
        with pytest.raises(PackInvalidError):
            loader.load_path(folder)
    after = loader.load("ds920@1.0")
    assert after.content_hash == pristine.content_hash
    assert after.pack.checkpoints[3].title.en == pristine.pack.checkpoints[3].title.en
    # Once repaired, the same folder loads in full (the earlier error left nothing behind).
    (folder / "procurement.yaml").write_text(original, encoding="utf-8")
    repaired = loader.load_path(folder)
    assert len(repaired.pack.checkpoints) == len(pristine.pack.checkpoints) == 21
    assert repaired.content_hash == pristine.content_hash


def test_base_pointing_to_unknown_pack(cli, pack_copy) -> None:
    folder = pack_copy()
    edit("pack.yaml", lambda d: d["pack"].update(base="nosuch@1.0"))(folder)
    with pytest.raises(PackNotFoundError) as raised:
        loader.load_path(folder)
    assert raised.value.params["ref"] == "nosuch@1.0"
    assert {"ds920@1.0", "ds920@2.0"} <= set(raised.value.params["known"].split(", "))

    result = cli("guideline", "validate", folder, "--lang", "en")
    assert result.exit_code == 2
    assert "nosuch@1.0" in result.stderr
    assert "ds920@1.0" in result.stderr and "ds920@2.0" in result.stderr
    assert "Remedy:" in result.stderr


def test_unknown_version_is_not_found() -> None:
    with pytest.raises(PackNotFoundError) as raised:
        loader.load("ds920@9.9")
    assert raised.value.params["ref"] == "ds920@9.9"
    assert "ds920@1.0" in raised.value.params["known"]
    assert "ds920@2.0" in raised.value.params["known"]


def test_assess_with_unknown_pack_exits_2_naming_available_packs(cli) -> None:
    result = cli(
        "assess", example("staff-drafting-assistant"), "--pack", "nosuch@1.0", "--lang", "en"
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "nosuch@1.0" in result.stderr
    assert "ds920@1.0" in result.stderr and "ds920@2.0" in result.stderr


def test_removing_an_unknown_item_is_an_error(tmp_path: Path, cli) -> None:
    folder = tmp_path / "packs" / "agency" / "1.0"
    folder.mkdir(parents=True)
    manifest = {
        "pack": {
            "id": "agency",
            "version": "1.0",
            "published": "2026-10-01",
            "document": "Agency rules",
            "title": {"ja": "庁独自パック", "en": "Agency pack"},
            "publisher": {"ja": "某庁", "en": "An agency"},
            "base": "ds920@2.0",
            "removed": ["CONT-OUT-04", "CONT-OUT-99"],
        }
    }
    (folder / "pack.yaml").write_text(
        yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8"
    )
    with pytest.raises(PackInvalidError) as caught:
        loader.load_path(folder)
    [problem] = caught.value.problems
    assert problem.location == f"{folder / 'pack.yaml'}: pack.removed[1]"
    assert problem.params == {"id": "CONT-OUT-99"}
    result = cli("guideline", "validate", folder, "--lang", "en")
    assert result.exit_code == 2 and "CONT-OUT-99" in result.stderr
