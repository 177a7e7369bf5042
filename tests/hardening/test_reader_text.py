"""The checklist reads what readers read (reproducers 01–04 in ../shared/redteam/): markup,
entities, escapes, line breaks, invisible and look-alike characters, re-cased and re-spaced
codes, and fields outside the body, in content and in the config."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import copy_project, run_cli
from generator.fold import fold
from generator.readertext import reader_text

REDTEAM = Path(__file__).parent / "redteam"
CASES = sorted(REDTEAM.glob("0[123]/rt-*.md"))
EXPECTED = {"em": "BT201", "ph": "BT202", "pn": "BT205", "ni": "BT206"}
"""Which rule must hold each reproducer's story, by the kind in its name (rt-<kind>-…)."""


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, set[tuple[str, int | None]]]:
    """Every reproducer story checked in one run: (rule, line) of its errors, by story id."""
    project = copy_project(tmp_path_factory.mktemp("forms") / "project")
    for case in CASES:
        shutil.copy(case, project / "content" / "stories" / case.name)
    result = run_cli(
        "check", "--config", str(project / "site_config.yml"), "--format", "json", "--no-cache"
    )
    found: dict[str, set[tuple[str, int | None]]] = {}
    for finding in json.loads(result.output)["findings"]:
        story = Path(finding["file"]).stem
        if finding["severity"] == "error" and finding["rule"] != "BT111":
            found.setdefault(story, set()).add((finding["rule"], finding["line"]))
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_each_reproducer_story_is_held_with_its_line(case, checked):
    rule = EXPECTED[case.stem.split("-")[1 if "control" not in case.stem else 2]]
    lines = case.read_text("utf-8").split("\n")
    body_start = lines.index("---", 1) + 2
    found = checked.get(case.stem, set())
    assert any(r == rule and line is not None and line >= body_start for r, line in found), (
        f"{case.name}: expected {rule} on a body line, got {sorted(found)}"
    )


def test_reader_text_undoes_markup_and_keeps_lines():
    source = "It was 07700 *900*\n123, or A1234&#66;C\\_x, or <b>dee</b>@example\\.org."
    text, offsets = reader_text(source)
    assert text == "It was 07700 900 123, or A1234BC_x, or dee@example.org."
    assert offsets is not None
    # every character maps back to where it was written (the entity to its '&')
    assert source[offsets.source(text.index("123"))] == "1"
    assert source[offsets.source(text.index("BC"))] == "&"
    assert source[offsets.source(text.index("@"))] == "@"


def test_fold_shows_what_the_reader_sees():
    assert fold("J\u0422 12\u00ad34\u200b56 \u0410") == "JT 123456 A"  # Cyrillic Т, А
    assert fold("\uff2a\uff34\uff11\uff12") == "JT12"  # full width
    assert fold("dee\uff20ex\u0430mple.org") == "dee@example.org"
    assert fold("CR\u20112026\u2013014") == "CR-2026-014"
    assert fold("Siobhán Ní Bhriain, Łukasz Wójcik") == "Siobhán Ní Bhriain, Łukasz Wójcik"


CONFUSABLE = {
    "A": "\u0410",
    "B": "\u0412",
    "C": "\u0421",
    "E": "\u0415",
    "T": "\u0422",
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
}  # Cyrillic
TRICKS = {
    "plain": lambda c: c,
    "entity": lambda c: f"&#{ord(c)};",
    "hex entity": lambda c: f"&#x{ord(c):x};",
    "escape": lambda c: "\\" + c if c in ".-_@" else c,
    "emphasis": lambda c: f"*{c}*" if c.strip() else c,
    "strong": lambda c: f"**{c}**" if c.strip() else c,
    "zero width": lambda c: "\u200b" + c,
    "soft hyphen": lambda c: "\u00ad" + c,
    "joiner": lambda c: "\u200d" + c,
    "word joiner": lambda c: "\u2060" + c,
    "tag": lambda c: f"<b>{c}</b>",
    "comment": lambda c: "<!-- -->" + c,
    "look-alike": lambda c: CONFUSABLE.get(c, c),
    "full width": lambda c: chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c,
    "line break": lambda c: "\n" if c == " " else c,
}
IDENTIFIERS = ["07700 900123", "A1234BC", "JT 12 34 56 A", "dee.walker@example.org"]


@settings(max_examples=400, deadline=None)
@given(identifier=st.sampled_from(IDENTIFIERS), data=st.data())
def test_every_obfuscation_reads_back_as_the_identifier(identifier, data):
    """However each character of the identifier is written (any mix of the reproducers'
    tricks), the text the rules read holds the identifier as written plainly."""
    tricks = data.draw(
        st.lists(
            st.sampled_from(sorted(TRICKS)), min_size=len(identifier), max_size=len(identifier)
        )
    )
    written = "".join(TRICKS[trick](c) for trick, c in zip(tricks, identifier, strict=True))
    text, _ = reader_text(f"It was {written} back then.")
    assert identifier in text, (written, text)


def test_fields_outside_the_body_are_read(tmp_path):
    """04: a resource's contact address and text, and the config's labels and support box."""
    project = copy_project(tmp_path / "project")
    resource = project / "content" / "resources" / "open-door-housing.md"
    resource.write_text(
        resource.read_text("utf-8").replace(
            "contact: {phone: 0161 496 0123, email: advice@example.org}",
            "contact: {phone: 0161 496 0123, email: advice@example.org, "
            'address: "Ask for A1234BC, NI JT 12 34 56 A", text: "Text A1234BC to 60000"}',
        ),
        "utf-8",
    )
    config = project / "site_config.yml"
    config.write_text(
        config.read_text("utf-8")
        .replace("housing: {label: Housing,", "housing: {label: 'Housing (Dee 07700 900123)',")
        .replace(
            "description: Free, confidential, and staffed by trained volunteers.",
            "description: Ask for A1234BC.",
        ),
        "utf-8",
    )
    result = run_cli("check", "--config", str(config), "--format", "json", "--no-cache")
    assert result.exit_code == 1
    found = {
        (f["file"], f["rule"], f["message"].split(":")[0])
        for f in json.loads(result.output)["findings"]
        if f["severity"] == "error"
    }
    resource_rel = "content/resources/open-door-housing.md"
    assert (resource_rel, "BT205", "contact.address") in found
    assert (resource_rel, "BT206", "contact.address") in found
    assert (resource_rel, "BT205", "contact.text") in found
    assert ("site_config.yml", "BT202", "topics.housing.label") in found
    assert ("site_config.yml", "BT205", "support.links.0.description") in found
    build = run_cli("build", "--config", str(config), "--out", str(project / "site"))
    assert build.exit_code == 1 and not (project / "site").exists()
