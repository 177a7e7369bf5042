"""No story can make the checklist slow (reproducer 12): every rule's time grows linearly with
the length of a story made of one markup or identifier fragment repeated, the forms that made
the old patterns scan to the end of the text for every fragment."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from conftest import TODAY, copy_project
from generator.config import load_config
from generator.loader import load_content
from generator.registry import RULES
from generator.rules.base import Context
from generator.text import segments

FRAGMENTS = [
    *("<a ", "![", "a@", "1a", "](", "<a:", "[x", "<!--", "@a.", "a1 ", "Mr A", "7 ", "aB"),
    *(". Kai and Jo", "His name is Dean ", "i was a cook in Glen ", "X's not big ", "A class "),
]
SMALL, LARGE = 40_000, 160_000
"""Characters of repeated fragment: four times the text must take well under sixteen times as
long (quadratic), so the test allows eight, and ignores anything under 50 ms."""


def _timed_rules(project: Path, fragment: str, size: int) -> dict[str, float]:
    story = project / "content" / "stories" / "riverside-walks.md"
    head = story.read_text("utf-8").split("\n---\n", 1)[0]
    story.write_text(head + "\n---\n\n" + fragment * (size // len(fragment)) + "\n", "utf-8")
    loaded = load_config(project / "site_config.yml")
    doc = next(d for d in load_content(loaded).documents if d.path == story)
    ctx = Context(config=loaded.config, today=TODAY)
    times = {}
    # the collector's pauses scale with everything the process holds, not with the story:
    # collect first and pause it, so that only the rules' own growth is timed
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        segments(doc)
        times["segments"] = time.process_time() - started
        for rule in RULES:
            if rule.check is None or doc.kind not in rule.kinds:
                continue
            started = time.process_time()
            list(rule.check(doc, ctx))
            times[rule.id] = time.process_time() - started
    finally:
        gc.enable()
    return times


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_every_rule_is_linear_in_the_story_length(fragment, tmp_path):
    project = copy_project(tmp_path / "project")
    small = _timed_rules(project, fragment, SMALL)
    large = _timed_rules(project, fragment, LARGE)
    slow = {
        rule: (round(small[rule], 3), round(large[rule], 3))
        for rule in large
        if large[rule] > 0.05 and large[rule] > 8 * max(small[rule], 0.005)
    }
    assert not slow, f"{fragment!r} x {LARGE // len(fragment)}: grows faster than linearly: {slow}"


def test_a_file_over_the_time_budget_is_held(tmp_path, monkeypatch):
    """Fail closed: a file whose check runs past the budget is an error, not half-checked."""
    import generator.moderate as moderate

    project = copy_project(tmp_path / "project")
    monkeypatch.setattr(moderate, "FILE_BUDGET_S", -1.0)
    loaded = load_config(project / "site_config.yml")
    verdict = moderate.moderate(load_content(loaded), loaded, TODAY)
    held = [f for f in verdict.findings if f.rule == "BT001" and "longer than" in f.message]
    assert held and all(f.blocks for f in held)
