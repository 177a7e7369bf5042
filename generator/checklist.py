"""The checklist alone, for `beenthere check` and as the first step of every build. Imports
nothing that only building needs, so that a check starts fast."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.cache import CheckCache, run_key
from generator.config import load_config
from generator.findings import Finding
from generator.intake import private_intake_reminder, read_git_config
from generator.loader import load_content
from generator.moderate import moderate, reviewer


def check(
    config_file: Path,
    today: date,
    sensitive_terms: tuple[str, ...] = (),
    use_cache: bool = True,
    text: bool = True,
    memo: dict | None = None,
):
    """The checklist alone: (project, content, verdict). ``text=False`` lets unchanged files
    stand in from the cache without their text (enough for a report, not for rendering)."""
    project = load_config(config_file)
    cache = (
        CheckCache.open(project.root, run_key(project.config_file, today, sensitive_terms))
        if use_cache
        else None
    )
    # each file is checked as it is read, in the same worker (the preview's memo keeps
    # documents between rebuilds instead, and checks only what changed)
    review = reviewer(project, today, sensitive_terms) if memo is None else None
    content = load_content(project, cache, text=text, memo=memo, review=review)
    verdict = moderate(content, project, today, sensitive_terms, cache)
    reminder = private_intake_reminder(project, read_git_config(project.root))
    if reminder is not None:
        verdict.findings = sorted([*verdict.findings, reminder], key=Finding.sort_key)
    if cache is not None:
        cache.save()
    return project, content, verdict
