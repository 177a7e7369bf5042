"""The checklist as editors meet it: masking, private terms, images, waivers, sanitising."""

import json
from pathlib import Path

from PIL import Image

from conftest import run_cli
from generator.images import identifying_metadata
from generator.mkdocs_hooks import sanitise

PHONE_LINE = "Text me on 07700 900123 any time."


def _plant(project: Path, text: str, story: str = "riverside-walks") -> Path:
    path = project / f"content/stories/{story}.md"
    path.write_text(path.read_text() + "\n" + text + "\n")
    return path


def test_sensitive_matches_are_masked_in_every_format(project: Path):
    _plant(project, PHONE_LINE)
    config = str(project / "site_config.yml")
    for fmt in ("text", "json", "github"):
        result = run_cli("check", "--config", config, "--format", fmt)
        assert result.exit_code == 1
        assert "07700 900123" not in result.output, fmt
        assert "0•••• 9•••••" in result.output, fmt
    payload = json.loads(run_cli("check", "--config", config, "--format", "json").output)
    phone = next(f for f in payload["findings"] if f["rule"] == "BT202")
    assert phone["line"] == 49 and phone["column"] == 12


def test_private_terms_come_from_a_file_outside_the_repository(project: Path, tmp_path: Path):
    _plant(project, "We met at the Harrowby drop-in.")
    config = str(project / "site_config.yml")
    assert run_cli("check", "--config", config).exit_code == 1  # BT111: the text changed
    terms = tmp_path / "private-terms.txt"
    terms.write_text("# names editors know\nHarrowby\n")
    result = run_cli(
        "check",
        "--config",
        config,
        "--format",
        "json",
        env={"BEENTHERE_SENSITIVE_TERMS": str(terms)},
    )
    assert any(f["rule"] == "BT213" for f in json.loads(result.output)["findings"])
    inside = project / "terms.txt"
    inside.write_text("Harrowby\n")
    refused = run_cli("check", "--config", config, "--sensitive-terms", str(inside))
    assert refused.exit_code == 2 and "outside the repository" in refused.output


def test_a_waiver_accepts_one_exact_match_and_needs_new_approvals(project: Path):
    config = str(project / "site_config.yml")
    story = _plant(project, "Later Mark Brown was full of people, and so was Kevin Doyle.")
    text = story.read_text().replace(
        "review:",
        'waivers:\n  - {rule: personal-name, text: Mark Brown, reason: "the cafe\'s name", '
        "by: ed-lee}\nreview:",
    )
    story.write_text(text)
    payload = json.loads(run_cli("check", "--config", config, "--format", "json").output)
    names = [f for f in payload["findings"] if f["rule"] == "BT211"]
    assert [f["waived_by"] for f in names] == ["ed-lee", None]  # only the exact match
    text = story.read_text().replace(", and so was Kevin Doyle", "")
    story.write_text(text)
    for handle in ("ed-lee", "ed-kai"):
        assert run_cli("approve", str(story), "--by", handle, "--config", config).exit_code == 0
    run_cli("approve", str(story), "--storyteller", "--by", "ed-lee", "--config", config)
    assert run_cli("check", "--config", config).exit_code == 0
    story.write_text(story.read_text().replace("the cafe's name", "a cafe"))
    assert "BT111" in run_cli("check", "--config", config).output  # waivers are approved text


def _photo_story(project: Path) -> tuple[Path, Path]:
    folder = project / "content/stories/bench-photo"
    folder.mkdir()
    source = (project / "content/stories/riverside-walks.md").read_text()
    story = folder / "index.md"
    story.write_text(
        source.replace("id: riverside-walks", "id: bench-photo")
        + "\n![A bench by the river](bench.jpg)\n"
    )
    (project / "content/stories/riverside-walks.md").unlink()
    image = folder / "bench.jpg"
    exif = Image.Exif()
    exif[0x013B] = "A Photographer"
    exif[0x8825] = {1: "N", 2: (53.0, 28.0, 0.0)}
    Image.new("RGB", (32, 24), (90, 120, 60)).save(image, exif=exif.tobytes())
    return story, image


def test_image_metadata_blocks_until_stripped_and_output_images_are_clean(project: Path):
    config = str(project / "site_config.yml")
    story, image = _photo_story(project)
    result = run_cli("check", "--config", config)
    assert "BT702 image-metadata: image 'bench.jpg' carries GPS position, artist" in result.output
    assert "beenthere strip-metadata content/stories/bench-photo/bench.jpg" in result.output
    stripped = run_cli("strip-metadata", str(image))
    assert stripped.exit_code == 0 and "was: GPS position, artist" in stripped.output
    assert identifying_metadata(image) == []
    for handle in ("ed-lee", "ed-kai"):
        run_cli("approve", str(story), "--by", handle, "--config", config)
    run_cli("approve", str(story), "--storyteller", "--by", "ed-lee", "--config", config)
    out = project / "site"
    built = run_cli("build", "--config", config, "--out", str(out))
    assert built.exit_code == 0, built.output
    published = out / "stories/bench-photo/bench.jpg"
    assert identifying_metadata(published) == []
    assert 'alt="A bench by the river"' in (out / "stories/bench-photo/index.html").read_text()


def test_sanitiser_removes_executable_markup_as_defence_in_depth():
    dirty = (
        '<p onclick="x()">hi<script>alert(1)</script><a href="javascript:alert(1)">a</a>'
        '<img src="data:image/png;base64,AA" onerror="x()"><iframe src="//evil"></iframe>'
        '<style>p{}</style><a href="https://example.org/">ok</a></p>'
    )
    clean = sanitise(dirty)
    for bad in ("onclick", "<script", "javascript:", "onerror", "data:", "<iframe", "<style"):
        assert bad not in clean
    assert '<a href="https://example.org/">ok</a>' in clean


def test_a_finding_overlapping_a_masked_one_is_masked_in_every_format(project: Path):
    """BT303 reads a date of birth as an exact date: it is masked as BT208 masks it."""
    _plant(project, "I was born on 3 March 1990 in a town by the sea.")
    config = str(project / "site_config.yml")
    for fmt in ("text", "json", "github"):
        result = run_cli("check", "--config", config, "--format", fmt)
        assert "BT208" in result.output and "BT303" in result.output, fmt
        assert "March 1990" not in result.output, fmt
    payload = json.loads(run_cli("check", "--config", config, "--format", "json").output)
    shown = {f["rule"]: f["match"] for f in payload["findings"] if f["rule"] in ("BT208", "BT303")}
    assert all("•" in match for match in shown.values()), shown


def test_one_masking_scheme_for_every_match():
    from generator.findings import mask

    assert mask("Karen Whitfield") == "K•••• W••••••••"
    assert mask("Darren Kelly") == "D••••• K••••"
    assert mask("07700 900123") == "0•••• 9•••••"
    assert mask("A1234BC") == "A••••••"
    assert mask("ed-priya") == "e•••••••"
