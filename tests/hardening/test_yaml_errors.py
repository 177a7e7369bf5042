"""Reproducer 14: every YAML problem in front matter or the config is reported with its line,
in an editor's words; explicit tags, which hide the published text from a reviewer, are
refused."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from generator.yamlsource import YamlProblem, parse_yaml

TAGGED = [
    "title: !!binary TXkgd2FsayB0byB0aGUgYmFrZXJ5",
    "published: !!timestamp 2026-02-30",
    "topics: !!set {housing: null}",
    "title: !!str Walking",
    "order: !!int '7'",
    "title: !!python/object:os.system x",
    "title: !secret Walking",
    "title: ! Walking",
    "topics: !!seq [housing]",
]


@pytest.mark.parametrize("line", TAGGED)
def test_explicit_tags_are_refused_with_the_field_and_line(line):
    with pytest.raises(YamlProblem) as raised:
        parse_yaml(f"id: a\n{line}\n", line_offset=1)
    problem = raised.value
    assert problem.line == 3
    assert problem.message.startswith(line.split(":")[0] + ": the explicit YAML tag")
    assert "write the value plainly" in problem.hint


def test_a_tag_deep_inside_names_the_whole_field():
    with pytest.raises(YamlProblem) as raised:
        parse_yaml("a: 1\nconsent:\n  given: x\n  by: [ed-a, !!str ed-b]\n")
    assert raised.value.message.startswith("consent.by.1: ")
    assert raised.value.line == 4


@pytest.mark.parametrize("text", ["title: Free at last!\n", "title: '!!binary'\n", "a: b!c\n"])
def test_an_exclamation_mark_in_text_is_not_a_tag(text):
    assert parse_yaml(text).data == {text.split(":")[0]: text.split(": ", 1)[1].strip().strip("'")}


def test_a_huge_number_says_so_with_its_line():
    with pytest.raises(YamlProblem) as raised:
        parse_yaml("title: x\norder: 1" + "0" * 5000 + "\n", line_offset=1)
    assert raised.value.line == 3
    assert raised.value.message == "order: a number of 5,001 digits is too long"
    assert "sys." not in raised.value.message


def test_a_control_character_has_its_line_and_column():
    with pytest.raises(YamlProblem) as raised:
        parse_yaml("a: 1\nb: x\x07y\n", line_offset=2)
    assert (raised.value.line, raised.value.column) == (4, 5)
    assert "U+0007" in raised.value.message


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("site_config.yml", "EDITORS.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def _config_error(project: Path, raw: bytes) -> str:
    (project / "site_config.yml").write_bytes(raw)
    result = run_cli("check", "--config", str(project / "site_config.yml"), "--no-cache")
    assert result.exit_code == 2
    return result.output


def test_a_nul_in_the_config_has_a_line(project: Path):
    raw = (project / "site_config.yml").read_bytes()
    line = raw[: raw.index(b"name:")].count(b"\n") + 1
    output = _config_error(project, raw.replace(b"name: ", b"name: Been\x00", 1))
    assert f"{line}:" in output and "U+0000" in output and "#x0000" not in output


def test_bad_utf8_in_the_config_is_a_line_and_column_not_a_byte_offset(project: Path):
    raw = (project / "site_config.yml").read_bytes()
    at = raw.index(b"name:")
    line = raw[:at].count(b"\n") + 1
    column = at - (raw.rfind(b"\n", 0, at) + 1) + 1
    output = _config_error(project, raw[:at] + b"\xff" + raw[at:])
    assert f"{line}:{column}" in output
    assert "at byte" not in output


def test_a_tag_in_the_config_is_refused(project: Path):
    raw = (project / "site_config.yml").read_bytes()
    output = _config_error(project, raw.replace(b"name: ", b"name: !!binary ", 1))
    assert "site.name: the explicit YAML tag '!!binary' is not allowed" in output


def test_a_tagged_title_blocks_the_story(project: Path):
    story = project / "content/stories/keys-to-my-own-door.md"
    text = story.read_text()
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("title:"))
    lines[number - 1] = "title: !!binary TXkgd2FsayB0byB0aGUgYmFrZXJ5"
    story.write_text("\n".join(lines) + "\n")
    result = run_cli("check", "--config", str(project / "site_config.yml"), "--no-cache")
    assert result.exit_code == 1
    assert re.search(rf"^ +{number} +error +BT001", result.output, re.MULTILINE)
    assert "title: the explicit YAML tag '!!binary'" in result.output
