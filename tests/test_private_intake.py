"""The private-intake reminder: `beenthere check` notes (info, once per run) a remote on a public
code host in .git/config until the config confirms that the repository is private."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from generator.intake import public_remotes, read_git_config

GIT_CONFIG = """\
[core]
\trepositoryformatversion = 0
[remote "origin"]
\turl = {url}
\tfetch = +refs/heads/*:refs/remotes/origin/*
[branch "main"]
\tremote = origin
"""


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://github.com/our-charity/stories.git", "github.com"),
        ("git@github.com:our-charity/stories.git", "github.com"),
        ("ssh://git@gitlab.com:2222/our-charity/stories.git", "gitlab.com"),
        ("https://editor@bitbucket.org/our-charity/stories.git", "bitbucket.org"),
        ('"https://codeberg.org/our-charity/stories.git"', "codeberg.org"),
        ("https://WWW.GitHub.com/our-charity/stories", "github.com"),
    ],
)
def test_public_code_hosts_are_recognised_in_every_address_form(url: str, host: str):
    assert public_remotes(GIT_CONFIG.format(url=url)) == [("origin", host)]


@pytest.mark.parametrize(
    "url",
    [
        "git@git.our-charity.example:stories.git",
        "/srv/git/stories.git",
        "https://github.com.our-charity.example/stories.git",
        "https://example.org/github.com/stories.git",
    ],
)
def test_other_hosts_and_local_paths_are_not_public_code_hosts(url: str):
    assert public_remotes(GIT_CONFIG.format(url=url)) == []


def test_only_remotes_count_and_push_addresses_too():
    text = (
        '[submodule "theme"]\n\turl = https://github.com/someone/theme.git\n'
        '[remote "backup"]\n\turl = /mnt/backup/stories.git\n'
        "\tpushurl = git@codeberg.org:our-charity/stories.git\n"
    )
    assert public_remotes(text) == [("backup", "codeberg.org")]


def test_a_worktree_reads_the_config_of_its_main_repository(tmp_path: Path):
    main = tmp_path / "main/.git"
    (main / "worktrees/feature").mkdir(parents=True)
    (main / "config").write_text(GIT_CONFIG.format(url="git@github.com:o/s.git"))
    (main / "worktrees/feature/commondir").write_text("../..\n")
    tree = tmp_path / "feature"
    (tree / "content").mkdir(parents=True)
    (tree / ".git").write_text(f"gitdir: {main / 'worktrees/feature'}\n")
    assert "github.com" in read_git_config(tree)
    assert read_git_config(tmp_path / "nowhere") == ""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    assert run_cli("init", str(root)).exit_code == 0
    (root / ".git").mkdir()
    return root


def _reminders(site: Path) -> list[dict]:
    result = run_cli("check", "--config", str(site / "site_config.yml"), "--format", "json")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)["findings"]
    return [f for f in findings if f["file"] == "site_config.yml"]


def test_check_reminds_once_while_a_public_remote_is_unconfirmed(site: Path):
    (site / ".git/config").write_text(GIT_CONFIG.format(url="git@github.com:charity/stories.git"))
    (reminder,) = _reminders(site)
    assert reminder["severity"] == "info" and reminder["rule"] == "BT000"
    assert "origin on github.com" in reminder["message"]
    assert "must be private" in reminder["message"]
    assert "private_intake_confirmed: true" in reminder["hint"]
    text = run_cli("check", "--config", str(site / "site_config.yml")).output
    assert text.count("must be private") == 1


def test_confirming_the_private_intake_silences_the_reminder(site: Path):
    (site / ".git/config").write_text(GIT_CONFIG.format(url="https://github.com/c/stories.git"))
    config = site / "site_config.yml"
    text = config.read_text()
    assert "private_intake_confirmed: false" in text
    config.write_text(
        text.replace("private_intake_confirmed: false", "private_intake_confirmed: true")
    )
    assert _reminders(site) == []


def test_no_reminder_without_a_public_remote(site: Path):
    (site / ".git/config").write_text(GIT_CONFIG.format(url="/srv/git/stories.git"))
    assert _reminders(site) == []
    (site / ".git/config").unlink()
    assert _reminders(site) == []
