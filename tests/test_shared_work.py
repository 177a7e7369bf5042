"""Work that several rules need is done once per document: the checklist's cost on thousands
of stories is the sum of these (bench/run.py measures it)."""

from __future__ import annotations

import generator.fingerprint as fingerprint
from conftest import TODAY, copy_project
from generator.config import load_config
from generator.loader import load_content
from generator.model import lapsed_reason
from generator.moderate import reviewer


def test_a_story_is_fingerprinted_once_per_check(tmp_path, monkeypatch):
    """BT111 (approvals) and BT112 (the storyteller's sign-off) compare with the same
    fingerprint: it is worked out once, and the findings stay those of a fresh fingerprint."""
    project = load_config(copy_project(tmp_path / "p") / "site_config.yml")
    story = next(
        doc
        for doc in load_content(project).of_kind("story")
        if lapsed_reason(doc.meta, TODAY) is None
    )
    review = reviewer(project, TODAY)
    calls = []
    dumps = fingerprint.json.dumps

    def counted(value, **options):
        if isinstance(value, dict) and "body" in value:  # what story_fingerprint hashes
            calls.append(value["title"])
        return dumps(value, **options)

    monkeypatch.setattr(fingerprint.json, "dumps", counted)
    found = review(story)
    assert calls == [story.meta.title]
    story.cache.clear()  # as after the check: the next one works it out afresh
    assert review(story) == found
    assert len(calls) == 2
