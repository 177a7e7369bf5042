import json
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
    assert check.exit_code == 1  # the placeholder body is still there
    found = {
        (f["rule"], f["line"])
        for f in json.loads(check.output)["findings"]
        if f["file"] == "content/stories/bus-fare-home-day-one.md"
    }
    lines = path.read_text().split("\n")
    body_line = next(n for n, line in enumerate(lines, 1) if line.startswith("Write the story"))
    status_line = lines.index("status: draft") + 1
    assert found == {("BT006", body_line), ("BT104", status_line)}
    path.write_text(
        path.read_text().split("---\n\n")[0]
        + "---\n\nThe bus was late and I counted the stops all the way home.\n"
    )
    fixed = run_cli("check", "--config", config, "--format", "json")
    assert [  # a clean draft: reported, not blocking
        (f["rule"], f["severity"])
        for f in json.loads(fixed.output)["findings"]
        if f["file"] == "content/stories/bus-fare-home-day-one.md"
    ] == [("BT104", "info")]
    again = run_cli(*args)
    assert again.exit_code == 2 and "already exists; not overwritten" in again.output


STORY_ARGS = [
    "--pseudonym", "Lou", "--summary", "The first bus ride after release.",
    "--topics", "prison", "--warnings", "", "--consent-reference", "CR-2026-099",
    "--consent-given", "2026-11-01", "--anonymised-by", "ed-lee",
]  # fmt: skip


def test_new_story_help_describes_every_option():
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["new", "story", "--help"], terminal_width=200)
    assert result.exit_code == 0
    options = [
        line.split()[0]
        for line in result.output.split("Options:")[1].splitlines()
        if line.strip().startswith("--")
    ]
    assert {"--title", "--id", "--topics", "--warnings", "--consent-given"} <= set(options)
    for line in result.output.split("Options:")[1].splitlines():
        if line.strip().startswith("--"):
            assert len(line.split(None, 2)) == 3, f"no help for {line.strip()}"
    assert "separated by commas, e.g. 'recovery, housing'" in result.output
    assert "separated by commas, e.g. 'drug-use, violence'; an empty string when none" in (
        " ".join(result.output.split())
    )


def test_new_story_takes_an_id_and_refuses_a_withdrawn_or_invalid_one(project: Path):
    config = str(project / "site_config.yml")
    new = ["new", "story", "--config", config, *STORY_ARGS]
    made = run_cli(*new, "--title", "Bus fare home", "--id", "bus-fare")
    assert made.exit_code == 0 and "wrote content/stories/bus-fare.md" in made.output
    assert "id: bus-fare\n" in (project / "content/stories/bus-fare.md").read_text()
    for args in (
        ["--title", "The old bakery shift"],
        ["--title", "Bread", "--id", "the-old-bakery-shift"],
    ):
        refused = run_cli(*new, *args)
        assert refused.exit_code == 2
        assert (
            "error: the id 'the-old-bakery-shift' was withdrawn on 2026-04-03 "
            "(content/withdrawn.yml) and can never be used again" in refused.output
        )
    assert not (project / "content/stories/the-old-bakery-shift.md").exists()
    invalid = run_cli(*new, "--title", "Bread", "--id", "Bread_Rolls")
    assert invalid.exit_code == 2 and "--id 'Bread_Rolls' is not a valid id" in invalid.output


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
    path = project / "content/resources/night-shelter-line.md"
    check = run_cli("check", "--config", str(project / "site_config.yml"), "--format", "json")
    rel = "content/resources/night-shelter-line.md"
    found = [f["rule"] for f in json.loads(check.output)["findings"] if f["file"] == rel]
    assert found == ["BT006"] and check.exit_code == 1  # the placeholder description
    path.write_text(path.read_text().split("---\n\n")[0] + "---\n\nA bed for the night.\n")
    check = run_cli("check", "--config", str(project / "site_config.yml"), "--format", "json")
    assert [f for f in json.loads(check.output)["findings"] if f["file"] == rel] == []


def test_serve_previews_drafts_with_a_banner_and_reloads_on_edit(project: Path, tmp_path: Path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {**os.environ, "BEENTHERE_TODAY": TODAY.isoformat(), "TMPDIR": str(scratch)}
    log = tmp_path / "serve.log"
    with preview(project / "site_config.yml", env, log) as base:
        draft = wait_for(f"{base}/stories/the-draft-about-the-allotment/", "Preview only")
        assert "not be published: draft" in draft
        published = get(f"{base}/stories/riverside-walks/")
        assert "Preview only" not in published
        story = project / "content/stories/riverside-walks.md"
        story.write_text(story.read_text().replace("flask of tea", "flask of coffee"))
        edited = wait_for(f"{base}/stories/riverside-walks/", "flask of coffee")
        assert "Preview only" in edited
        # each finding with its line and its fix, not a count
        review = story.read_text().split("\n").index("review:") + 1
        banner = edited[
            edited.index("Preview only") : edited.index("</div>", edited.index("Preview only"))
        ]
        assert (
            f"<li>Line {review}: <strong>error</strong> BT111: 0 of 2 required approvals" in banner
        )
        assert (
            "<br>Fix: ask editors to read the final text and run <code>beenthere approve" in banner
        )
        search = get(f"{base}/search/")
        assert (
            "This preview has no search: the search index\nis made by <code>beenthere build</code>"
            in search
        )
        assert "not available just now" not in search and 'id="bt-search"' not in search
        assert not (project / "site").exists()
        assert list(scratch.iterdir())  # the preview renders into a temporary folder...
    assert list(scratch.iterdir()) == []  # ...and removes it when stopped (SIGTERM)
    output = log.read_text()
    assert "Serving on" in output or "Documentation built" in output, output
    assert "dirty" not in output, output  # the preview says it is partial; MkDocs need not
