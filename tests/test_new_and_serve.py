import os
from pathlib import Path

from conftest import TODAY, run_cli
from preview_server import get, preview, wait_for


def test_new_story_writes_a_valid_draft_and_refuses_to_overwrite(project: Path):
    config = str(project / "site_config.yml")
    args = [
        "new",
        "story",
        "--config",
        config,
        "--title",
        "Bus fare home: day one",
        "--pseudonym",
        "Lou",
        "--summary",
        "The first bus ride after release.",
        "--topics",
        "prison, housing",
        "--warnings",
        "",
        "--consent-reference",
        "CR-2026-099",
        "--consent-given",
        "2026-11-01",
        "--anonymised-by",
        "ed-lee",
    ]
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    path = project / "content/stories/bus-fare-home-day-one.md"
    assert path.is_file()
    assert f"published: {TODAY.isoformat()}" in path.read_text()
    check = run_cli("check", "--config", config, "--format", "json")
    assert "bus-fare-home-day-one" in check.output
    assert check.exit_code == 0  # a draft: reported, not blocking
    again = run_cli(*args)
    assert again.exit_code == 2 and "already exists; not overwritten" in again.output


def test_new_resource_prompts_for_what_it_needs(project: Path):
    answers = (
        "Night Shelter Line\nNorthway Trust\nhttps://example.org/shelter\nhousing\n"
        "north-east\nAnyone without a bed tonight\n0191 498 0111\n\n"
    )
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(
        main,
        ["new", "resource", "--config", str(project / "site_config.yml")],
        input=answers,
        env={"BEENTHERE_TODAY": TODAY.isoformat()},
    )
    assert result.exit_code == 0, result.output
    assert (project / "content/resources/night-shelter-line.md").is_file()
    assert run_cli("check", "--config", str(project / "site_config.yml")).exit_code == 0


def test_serve_previews_drafts_with_a_banner_and_reloads_on_edit(project: Path, tmp_path: Path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {**os.environ, "BEENTHERE_TODAY": TODAY.isoformat(), "TMPDIR": str(scratch)}
    with preview(project / "site_config.yml", env) as base:
        draft = wait_for(f"{base}/stories/the-draft-about-the-allotment/", "Preview only")
        assert "not be published: draft" in draft
        published = get(f"{base}/stories/riverside-walks/")
        assert "Preview only" not in published
        story = project / "content/stories/riverside-walks.md"
        story.write_text(story.read_text().replace("flask of tea", "flask of coffee"))
        edited = wait_for(f"{base}/stories/riverside-walks/", "flask of coffee")
        assert "Preview only" in edited and "BT111" in edited
        assert not (project / "site").exists()
        assert list(scratch.iterdir())  # the preview renders into a temporary folder...
    assert list(scratch.iterdir()) == []  # ...and removes it when stopped (SIGTERM)
