import json
from pathlib import Path

from conftest import ROOT, run_cli


def test_check_example_content_passes():
    result = run_cli("check", "--config", str(ROOT / "site_config.yml"))
    assert result.exit_code == 0, result.output
    assert "not published: draft" in result.output


def test_check_json_shape(project: Path):
    story = project / "content/stories/keys-to-my-own-door.md"
    story.write_text(story.read_text().replace("topics: [housing,", "topics: [housng,"))
    result = run_cli("check", "--config", str(project / "site_config.yml"), "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.output)
    vocab = [f for f in payload["findings"] if f["rule"] == "BT003"]
    assert vocab == [
        {
            "file": "content/stories/keys-to-my-own-door.md",
            "line": 6,
            "column": None,
            "rule": "BT003",
            "severity": "error",
            "message": "topics: unknown id 'housng'",
            "hint": "did you mean 'housing'?",
            "match": None,
            "waived_by": None,
        }
    ]
    # the edit also changed the approved text: both approvals stop counting
    assert any(f["rule"] == "BT111" for f in payload["findings"])


def test_check_github_annotations(project: Path):
    story = project / "content/stories/keys-to-my-own-door.md"
    story.write_text(story.read_text().replace("reference: CR-2026-021", "reference: pending"))
    result = run_cli("check", "--config", str(project / "site_config.yml"), "--format", "github")
    assert result.exit_code == 1
    assert (
        "::error file=content/stories/keys-to-my-own-door.md,line=12,"
        "title=BT101 consent-reference::"
    ) in result.output


def test_config_error_exits_2(project: Path):
    config = project / "site_config.yml"
    config.write_text(config.read_text().replace("required_approvals: 2", "required_approvals: 0"))
    result = run_cli("check", "--config", str(config))
    assert result.exit_code == 2
    assert "site_config.yml" in result.output and "moderation.required_approvals" in result.output


def test_approve_binds_to_text_and_edits_unbind(project: Path):
    config = str(project / "site_config.yml")
    story = project / "content/stories/riverside-walks.md"
    story.write_text(story.read_text().replace("walked for an hour", "walked for two hours"))
    assert run_cli("check", "--config", config).exit_code == 1
    first = run_cli("approve", str(story), "--by", "ed-lee", "--config", config)
    assert first.exit_code == 0 and "(1 of 2 approvals of this text)" in first.output
    assert run_cli("check", "--config", config).exit_code == 1
    second = run_cli(
        "approve", str(project / "content/stories"), "--by", "ed-kai", "--config", config
    )
    assert "riverside-walks.md as ed-kai (2 of 2" in second.output
    unsigned = run_cli("check", "--config", config)
    assert unsigned.exit_code == 1
    assert "BT112 storyteller-signoff: the text changed after the storyteller signed it off" in (
        unsigned.output
    )
    signed = run_cli("approve", str(story), "--storyteller", "--by", "ed-lee", "--config", config)
    assert signed.exit_code == 0, signed.output
    assert run_cli("check", "--config", config).exit_code == 0
    text = story.read_text()
    # two stale approvals stay as a record, two new ones, and the new sign-off
    assert text.count("fingerprint:") == 5
    assert "We walked" not in text and "walked for two hours" in text


def test_approve_refuses_stories_with_errors(project: Path):
    config = str(project / "site_config.yml")
    story = project / "content/stories/riverside-walks.md"
    story.write_text(story.read_text().replace("scope: [website]", "scope: [booklet]"))
    result = run_cli("approve", str(story), "--by", "ed-lee", "--config", config)
    assert result.exit_code == 1 and "has errors to fix first" in result.output
    assert "ed-lee" not in story.read_text()


def test_check_warns_of_a_resource_not_verified_for_stale_after_months():
    result = run_cli("check", "--config", str(ROOT / "site_config.yml"), "--format", "json")
    stale = [f for f in json.loads(result.output)["findings"] if f["rule"] == "BT121"]
    assert stale == [
        {
            "file": "content/resources/lived-experience-research-panel.md",
            "line": 10,
            "column": None,
            "rule": "BT121",
            "severity": "warning",
            "message": "last verified on 2025-06-30, 16 months ago (moderation.stale_after_months "
            "is 12): readers are told the details may be out of date",
            "hint": "confirm the phone number, e-mail, address, eligibility and web page with "
            "the service, correct anything that changed, then set `last_verified: 2026-11-27`",
            "match": None,
            "waived_by": None,
        }
    ]


def test_readme_says_how_to_look_at_the_built_site():
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert "python3 -m http.server -d site" in readme and "generator serve" in readme
    assert "open `site/index.html`" not in readme  # folder addresses need a web server
