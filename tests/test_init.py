"""`beenthere init` and `beenthere --version`: a new site that checks clean and builds, made
from the example site's own pages, guide and config (one copy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli
from generator import __version__
from generator.rules import RULESET_VERSION


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("init") / "our-site"
    result = run_cli("init", str(site), "--name", "Riverside Voices")
    assert result.exit_code == 0, result.output
    assert "Started a new site" in result.output
    return site


def test_version_prints_the_package_and_the_rule_set():
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"beenthere {__version__}, rule set {RULESET_VERSION}"


def test_a_new_site_checks_clean_and_builds_without_its_draft(new_site: Path):
    config = str(new_site / "site_config.yml")
    check = run_cli("check", "--config", config, "--format", "json")
    assert check.exit_code == 0, check.output
    findings = json.loads(check.output)["findings"]
    # the example draft is reported as left out, and nothing else is found
    assert [(f["file"], f["rule"], f["severity"]) for f in findings] == [
        ("content/stories/the-first-cup-of-tea.md", "BT104", "info")
    ]
    out = new_site.parent / "built"
    build = run_cli("build", "--config", config, "--out", str(out))
    assert build.exit_code == 0, build.output
    assert "left out: content/stories/the-first-cup-of-tea.md (draft)" in build.output
    assert not (out / "stories/the-first-cup-of-tea").exists()
    assert (out / "resources/example-records-advice-line/index.html").is_file()
    assert "Riverside Voices" in (out / "index.html").read_text("utf-8")
    assert "Been There" not in (out / "about/index.html").read_text("utf-8")


def test_the_standard_pages_and_guide_come_from_the_example_site(new_site: Path):
    for page in (ROOT / "content/pages").glob("*.md"):
        expected = page.read_text("utf-8").replace("Been There", "Riverside Voices")
        assert (new_site / "content/pages" / page.name).read_text("utf-8") == expected
    guide = (ROOT / "EDITORS.md").read_text("utf-8").replace("Been There", "Riverside Voices")
    assert (new_site / "EDITORS.md").read_text("utf-8") == guide
    assert "beenthere init" in (new_site / "EDITORS.md").read_text("utf-8")
    assert (new_site / "content/withdrawn.yml").is_file()
    template = ".github/pull_request_template.md"
    assert (new_site / template).read_text("utf-8") == (ROOT / template).read_text("utf-8")
    assert not (new_site / "templates").exists()  # a new site uses the default theme


def test_the_config_keeps_the_vocabularies_and_shows_the_settings_to_decide(new_site: Path):
    text = (new_site / "site_config.yml").read_text("utf-8")
    config = yaml.safe_load(text)
    example = yaml.safe_load((ROOT / "site_config.yml").read_text("utf-8"))
    for vocabulary in ("topics", "content_warnings", "categories", "regions"):
        assert config[vocabulary] == example[vocabulary]
    assert config["moderation"]["warning_lexicons"] == example["moderation"]["warning_lexicons"]
    assert config["site"]["name"] == "Riverside Voices"
    assert config["moderation"]["private_intake_confirmed"] is False
    assert "# Set to true once this repository is private" in text


def test_the_workflows_check_pull_requests_and_deploy_main_to_pages(new_site: Path):
    check = yaml.safe_load((new_site / ".github/workflows/check.yml").read_text())
    assert "pull_request" in check[True]  # YAML 1.1 reads the key `on` as true
    steps = check["jobs"]["check"]["steps"]
    assert any(step.get("run") == "beenthere check --format github" for step in steps)
    publish = yaml.safe_load((new_site / ".github/workflows/publish.yml").read_text())
    assert publish[True]["push"]["branches"] == ["main"]
    uses = [
        step.get("uses", "").split("@")[0]
        for job in publish["jobs"].values()
        for step in job["steps"]
    ]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert "actions/upload-artifact" in uses  # the built site, for any other static host
    deploy = publish["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    build_steps = publish["jobs"]["build"]["steps"]
    assert any(step.get("run") == "beenthere build --out site" for step in build_steps)
    requirements = (new_site / "requirements.txt").read_text()
    assert f"beenthere=={__version__}" in requirements.splitlines()


def test_the_pre_commit_hook_is_the_projects_own(new_site: Path):
    (ours,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    config = yaml.safe_load((new_site / ".pre-commit-config.yaml").read_text())
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook == {**ours, "language": "system"}


def test_gitignore_and_readme(new_site: Path):
    ignored = (new_site / ".gitignore").read_text().splitlines()
    assert "/site/" in ignored and ".beenthere-cache/" in ignored
    readme = (new_site / "README.md").read_text()
    assert readme.startswith("# Riverside Voices\n")
    for words in (
        "this repository must be private",
        "only the built site is public",
        "beenthere serve",
        "beenthere check",
        "beenthere approve",
        "GitHub Pages from this private repository",
        "A separate public repository, or any static host",
        "## Upgrading Been There",  # the program keeps its name
    ):
        assert words in readme


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine")
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 2
    assert "is not empty" in result.output and "nothing is overwritten" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    assert "Traceback" not in result.output


def test_init_refuses_a_name_that_would_break_the_config(tmp_path: Path):
    result = run_cli("init", str(tmp_path / "site"), "--name", "Voices: #1")
    assert result.exit_code == 2 and "--name" in result.output
    assert not (tmp_path / "site").exists()


def test_a_new_site_never_inherits_a_confirmed_private_intake():
    from generator.starter import starter_config

    example = (ROOT / "site_config.yml").read_text("utf-8")
    confirmed = example.replace(
        "\nmoderation:\n", "\nmoderation:\n  private_intake_confirmed: true\n"
    )
    config = yaml.safe_load(starter_config(confirmed, "Riverside Voices"))
    assert config["moderation"]["private_intake_confirmed"] is False
