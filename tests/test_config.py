from pathlib import Path

import pytest

from conftest import ROOT
from generator.config import load_config
from generator.errors import ConfigError


def test_example_config_loads_with_defaults():
    project = load_config(ROOT / "site_config.yml")
    config = project.config
    assert set(config.topics) >= {"housing", "recovery", "peer-mentoring"}
    assert set(config.content_warnings) >= {"drug-use", "self-harm", "bereavement"}
    assert len(config.regions) == 14  # 13 areas and England, which nine of them are within
    assert config.moderation.required_approvals == 2
    assert config.site.url.endswith("/")


def test_every_problem_reported_at_once_with_lines(tmp_path: Path):
    path = tmp_path / "site_config.yml"
    text = (ROOT / "site_config.yml").read_text()
    text = text.replace("required_approvals: 2", "required_aprovals: 2")
    text = text.replace("stale_after_months: 12", "stale_after_months: soon")
    text = text.replace("language: en", "language: en\n  colour: teal")
    path.write_text(text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    findings = raised.value.findings
    messages = {f.message: f for f in findings}
    assert len(findings) == 3
    typo = messages["moderation.required_aprovals: unknown field 'required_aprovals'"]
    assert typo.hint == "did you mean 'required_approvals'?"
    assert typo.line == text.split("\n").index("  required_aprovals: 2") + 1
    assert any(m.startswith("moderation.stale_after_months:") for m in messages)
    assert any("colour" in m for m in messages)
    assert all(f.file == "site_config.yml" and f.line for f in findings)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"site: [\n", "malformed YAML"),
        (b"site:\n  name: \xff\n", "not UTF-8"),
        (b"- just\n- a list\n", "mapping"),
    ],
)
def test_unreadable_config_is_an_error_not_a_traceback(tmp_path, data, words):
    path = tmp_path / "site_config.yml"
    path.write_bytes(data)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    text = str(raised.value) + " ".join(f.message for f in raised.value.findings)
    assert words in text


def test_missing_config_names_the_path(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.yml")
