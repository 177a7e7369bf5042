"""Ids are URLs and folder names: they cannot collide on a case-insensitive disk, and cannot
leave their folder."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli


def _findings(project: Path) -> list[dict]:
    result = run_cli("check", "--config", str(project / "site_config.yml"), "--format", "json")
    return json.loads(result.output)["findings"]


def test_names_differing_only_in_case_cannot_both_publish(project: Path):
    story = project / "content/stories/riverside-walks.md"
    (project / "content/stories/Riverside-Walks.md").write_text(story.read_text())
    found = [f for f in _findings(project) if f["file"].endswith("Riverside-Walks.md")]
    assert found and found[0]["rule"] == "BT001"
    assert "not a valid id" in found[0]["message"]


def test_ids_and_aliases_cannot_escape_their_folder(project: Path):
    story = project / "content/stories/riverside-walks.md"
    text = story.read_text()
    for bad in ("../../etc/passwd", "stories/../x", "a/b", "A", "x..y", "-x", "x-"):
        story.write_text(text.replace("id: riverside-walks", f"id: '{bad}'"))
        found = _findings(project)
        assert any(f["rule"] == "BT002" and f["message"].startswith("id:") for f in found), bad
        story.write_text(
            text.replace("status: published", f"status: published\naliases: ['{bad}']")
        )
        found = _findings(project)
        assert any(f["rule"] == "BT002" and f["message"].startswith("aliases.0:") for f in found), (
            bad
        )
    story.write_text(text)


def test_an_alias_cannot_take_another_storys_address(project: Path):
    story = project / "content/stories/riverside-walks.md"
    story.write_text(
        story.read_text().replace(
            "status: published", "status: published\naliases: [keys-to-my-own-door]"
        )
    )
    found = [f for f in _findings(project) if f["rule"] == "BT005"]
    assert found and "already used by content/stories/keys-to-my-own-door.md" in found[0]["message"]
