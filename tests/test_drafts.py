"""Drafts get the full checklist: a draft in a pull request on a public repository is already
public, so a name or a number in it is an error from the first save (issue 16, defect 1)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

DRAFT = "content/stories/the-draft-about-the-allotment.md"
IDENTIFYING = "\nRing me on 07700 900123 if you see Darren McAllister down there.\n"


def _findings(project: Path) -> tuple[int, list[dict]]:
    result = run_cli("check", "--config", str(project / "site_config.yml"), "--format", "json")
    return result.exit_code, json.loads(result.output)["findings"]


def test_a_draft_that_names_someone_fails_check_and_build(project: Path):
    draft = project / DRAFT
    draft.write_text(draft.read_text() + IDENTIFYING)
    code, findings = _findings(project)
    assert code == 1
    errors = {(f["rule"], f["line"]) for f in findings if f["file"] == DRAFT}
    line = len(draft.read_text().split("\n")) - 1
    assert {("BT202", line), ("BT211", line)} <= errors
    assert all(f["severity"] == "error" for f in findings if f["rule"] in {"BT202", "BT211"})
    build = run_cli(
        "build", "--config", str(project / "site_config.yml"), "--out", str(project / "site")
    )
    assert build.exit_code == 1 and "BT202" in build.output
    assert not (project / "site").exists()


def test_a_clean_draft_is_not_asked_for_approvals_and_stays_out_of_the_site(project: Path):
    draft = project / DRAFT
    draft.write_text(draft.read_text().replace("kettle", "tin kettle"))  # approvals now stale
    code, findings = _findings(project)
    assert code == 0, findings
    assert [f["rule"] for f in findings if f["file"] == DRAFT] == ["BT104"]
    build = run_cli(
        "build", "--config", str(project / "site_config.yml"), "--out", str(project / "site")
    )
    assert build.exit_code == 0, build.output
    assert not (project / "site/stories/the-draft-about-the-allotment").exists()


def test_approve_refuses_a_draft_with_errors(project: Path):
    draft = project / DRAFT
    draft.write_text(draft.read_text() + IDENTIFYING)
    before = draft.read_text()
    result = run_cli(
        "approve", str(draft), "--by", "ed-lee", "--config", str(project / "site_config.yml")
    )
    assert result.exit_code == 1
    assert f"not approved: {DRAFT} has errors to fix first" in result.output
    assert "BT202" in result.output and "07700 900123" not in result.output
    assert draft.read_text() == before


def test_a_lapsed_story_still_gets_only_the_structural_rules(project: Path):
    story = project / "content/stories/the-consent-ran-out.md"
    story.write_text(story.read_text() + IDENTIFYING)
    code, findings = _findings(project)
    assert code == 0
    assert {f["rule"] for f in findings if f["file"].endswith("the-consent-ran-out.md")} == {
        "BT104"
    }
