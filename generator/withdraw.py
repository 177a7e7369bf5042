"""`beenthere withdraw`: take a story down for good, and remember that it must stay down."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.config import Project
from generator.errors import UsageError
from generator.loader import WITHDRAWN_FILE
from generator.model import ID_RE

REGISTER_HEADER = """\
# Stories withdrawn at their teller's request. Their ids must never be published again;
# the site shows a short "removed" page at each old address. Written by `beenthere withdraw`.
"""


@dataclass(frozen=True)
class Withdrawn:
    removed: list[Path]
    register: Path


def story_paths(project: Project, story_id: str) -> list[Path]:
    """The story's file, or its folder (with its images)."""
    if not ID_RE.match(story_id):
        raise UsageError(f"'{story_id}' is not a story id (lowercase words joined by '-')")
    stories = project.content_dir / "stories"
    found = [p for p in (stories / f"{story_id}.md", stories / story_id) if p.exists()]
    if not found:
        raise UsageError(f"no story '{story_id}' in content/stories/")
    return found


def register_entry(story_id: str, day: date, handle: str) -> str:
    return f"- id: {story_id}\n  date: {day.isoformat()}\n  by: {handle}\n"


def withdraw(project: Project, story_id: str, handle: str, day: date) -> Withdrawn:
    """Add the id to the register first (so a crash never leaves a story gone but
    unregistered), then delete its file or folder."""
    paths = story_paths(project, story_id)
    register = project.content_dir / WITHDRAWN_FILE
    text = register.read_text("utf-8") if register.exists() else REGISTER_HEADER
    if f"- id: {story_id}\n" not in text:
        if not text.endswith("\n"):
            text += "\n"
        register.write_text(text + register_entry(story_id, day, handle), "utf-8")
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    return Withdrawn(removed=paths, register=register)


def next_steps(project: Project, result: Withdrawn, story_id: str) -> str:
    removed = "\n".join(f"  - {project.relative(p)}" for p in result.removed)
    paths = " ".join(f"--path {project.relative(p)}" for p in result.removed)
    return f"""Withdrawn '{story_id}'.
Removed:
{removed}
Added to {project.relative(result.register)}: it can never be published again, and its old
address will show a short "removed at the storyteller's request" page.

What you still need to do:
  1. Commit and push this change, then run `beenthere build` (or let CI do it) so the story
     leaves the live site.
  2. If this repository is public or shared, the story is still in its git history. Remove it
     from history, e.g. `git filter-repo --invert-paths {paths}`,
     force-push, and ask everyone with a clone to clone again.
  3. Ask any partner site, newsletter or printed booklet that used the story to remove it.
  4. Mark the consent record as withdrawn, and tell the storyteller when it is done.
"""
