"""The leak check reads what readers read (reproducers 08-11 and 13 in ../shared/redteam): a
withdrawn story stays quotable by no page, near-copies and disguised internal terms are found,
a draft revision of a published story does not block the build, and only the images a story
shows are copied."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from conftest import ROOT, run_cli
from generator.config import load_config
from generator.leakcheck import check_output, leak_needles
from generator.loader import load_content

QUOTE = (
    'She nodded and said, "Right. So what happens today?" Not yesterday. Today. '
    "That was the whole of it."
)
TAKEN_BACK = (
    "The new town had a market on Thursdays and a launderette that stayed open until ten at night."
)
"""From the example's withdrawn story, content/stories/a-story-taken-back.md."""
STORY = """---
id: {id}
title: "A walk by the river"
pseudonym: "Dee"
summary: "A short walk."
topics: [recovery]
content_warnings: []
published: 2026-03-01
status: published
consent:
  reference: CR-2026-799
  given: 2026-01-20
  scope: [website]
review:
  anonymised_by: ed-priya
  approved_by: []
---

{body}
"""


def _build(project: Path):
    config = str(project / "site_config.yml")
    return run_cli("build", "--config", config, "--out", str(project / "site"))


def _approve(project: Path, path: Path) -> None:
    """Two approvals and the storyteller's sign-off of the current text."""
    for extra in (("--by", "ed-priya"), ("--by", "ed-sam"), ("--storyteller", "--by", "ed-sam")):
        result = run_cli("approve", str(path), *extra, "--config", str(project / "site_config.yml"))
        assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def needles():
    """What the example's build looks for: its stories, drafts and withdrawn ones."""
    project = load_config(ROOT / "site_config.yml")
    content = load_content(project)
    stories = [d for d in content.documents if d.kind == "story" and d.meta is not None]
    taken_back = [(d, "withdrawn") for d in stories if d.slug == "a-story-taken-back"]
    published = [d for d in stories if d.slug != "a-story-taken-back"]
    withdrawn = [*content.withdrawn]
    return leak_needles(published, taken_back, withdrawn)


def _scan(tmp_path: Path, needles, html: str):
    page = tmp_path / "site/x/index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"<html><body><p>{html}</p></body></html>", "utf-8")
    return check_output(tmp_path / "site", needles)


def test_08_withdraw_keeps_hashes_not_text_and_later_builds_refuse_a_quotation(project: Path):
    about = project / "content/pages/about.md"
    about.write_text(about.read_text() + f"\n> {QUOTE}\n")
    result = run_cli(
        "withdraw", "riverside-walks", "--by", "ed-priya",
        "--config", str(project / "site_config.yml"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Quoted elsewhere" in result.output and "content/pages/about.md" in result.output
    register = (project / "content/withdrawn.yml").read_text()
    entry = register.split("- id: riverside-walks\n", 1)[1]
    fields = [line.split(":")[0].strip() for line in entry.splitlines() if ":" in line]
    assert fields == ["date", "by", "salt", "shingles"]
    hashes = entry.split("shingles: >-\n", 1)[1].split()
    assert len(hashes) >= 1024 and all(len(h) == 5 and int(h, 16) >= 0 for h in hashes)
    assert hashes == sorted(hashes)  # their order would tell which follows which
    result = _build(project)
    assert result.exit_code == 1
    assert "BT801" in result.output and "about/index.html" in result.output
    assert "from content/withdrawn.yml: riverside-walks" in result.output
    assert "Right. So" not in result.output  # masked


@pytest.mark.parametrize(
    "copy",
    [
        TAKEN_BACK,
        TAKEN_BACK.replace("had", "h\u200bad").replace("that", "t\u200bhat"),
        TAKEN_BACK.replace("had", "h&shy;ad").replace("Thursdays", "T\u00adhursdays"),
        TAKEN_BACK.replace("o", "\u043e"),
        TAKEN_BACK.replace("on ", "on really ").replace("open ", "open really "),
        TAKEN_BACK.replace("market", "<em>mar</em>ket"),
    ],
    ids=["exact", "zero-width", "soft-hyphen", "cyrillic", "extra-word", "emphasis"],
)
def test_09_near_copies_of_unpublished_text_are_found(tmp_path: Path, needles, copy: str):
    found = _scan(tmp_path, needles, f"It was like this. {copy}")
    assert [f.message.split(":")[0] for f in found] == ["text of an unpublished story in this file"]
    assert "a-story-taken-back.md (not published: withdrawn)" in found[0].message


def test_09_shared_idioms_are_not_leaks(tmp_path: Path, needles):
    text = "One day at a time, I said. The new town had a market, and that was that."
    assert _scan(tmp_path, needles, text) == []


@pytest.mark.parametrize(
    "term",
    [
        "CR\u20112026\u2011014",
        "CR\u20132026\u2013014",
        "CR-2026-\u200b014",
        "CR-2026-<strong>014</strong>",
        "ed\u2011priya",
        "ed&#8209;priya",
        "ed-<em>priya</em>",
    ],
)
def test_10_disguised_consent_references_and_handles_are_found(tmp_path: Path, needles, term: str):
    found = _scan(tmp_path, needles, f"Thanks to {term} for the tea.")
    assert [f.message.split(":")[0] for f in found] == ["internal metadata in this file"]
    assert "must never be shown" in found[0].message


def test_10_handles_only_in_the_register_and_file_names_are_found(tmp_path: Path, needles):
    project = load_config(ROOT / "site_config.yml")
    withdrawn = load_content(project).withdrawn
    withdrawn[0] = withdrawn[0].model_copy(update={"by": "ed-zara"})
    zara = leak_needles([], [], withdrawn)
    assert _scan(tmp_path, zara, "Thanks to ed-zara for the tea.")
    image = tmp_path / "site/x/ed-priya-CR-2026-014-unblurred.png"
    image.write_bytes(b"\x89PNG")
    found = check_output(tmp_path / "site", needles)
    assert any(f.file.endswith(".png") and "the file name" in f.message for f in found)


def test_11_and_13_a_draft_revision_and_unshown_images_do_not_block_the_build(project: Path):
    stories = project / "content/stories"
    draft = (stories / "riverside-walks.md").read_text()
    draft = draft.replace("id: riverside-walks", "id: riverside-walks-v2")
    (stories / "riverside-walks-v2.md").write_text(
        draft.replace("status: published", "status: draft")
    )
    folder = stories / "rt-photo"
    folder.mkdir()
    (folder / "index.md").write_text(STORY.format(id="rt-photo", body="A short walk."))
    # a real image, never shown (an unreadable one is BT702's, which check now refuses)
    Image.new("RGB", (4, 4)).save(folder / "ed-priya-CR-2026-014-unblurred.png")
    _approve(project, folder)
    result = _build(project)
    assert result.exit_code == 0, result.output
    built = project / "site/stories/rt-photo"
    assert sorted(p.name for p in built.iterdir()) == ["index.html"]
