"""`beenthere withdraw`: take a story down for good, and remember that it must stay down."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.config import Project
from generator.errors import UsageError
from generator.leakcheck import (
    UNPUBLISHED_SALT,
    Shingles,
    Source,
    copied_passages,
    document_text,
    reader_text,
    register_shingles,
    shingle_digests,
    words_of,
)
from generator.loader import WITHDRAWN_FILE, load_content
from generator.model import ID_RE, Document

REGISTER_HEADER = """\
# Stories withdrawn at their teller's request. Their ids must never be published again;
# the site shows a short "removed" page at each old address. Written by `beenthere withdraw`.
"""


@dataclass(frozen=True)
class Withdrawn:
    removed: list[Path]
    register: Path
    quoted_in: list[str] = field(default_factory=list)
    """Other content files that quote the story (the build will refuse them)."""


def story_paths(project: Project, story_id: str) -> list[Path]:
    """The story's file, or its folder (with its images)."""
    if not ID_RE.match(story_id):
        raise UsageError(f"'{story_id}' is not a story id (lowercase words joined by '-')")
    stories = project.content_dir / "stories"
    found = [p for p in (stories / f"{story_id}.md", stories / story_id) if p.exists()]
    if not found:
        raise UsageError(f"no story '{story_id}' in content/stories/")
    return found


def register_entry(
    story_id: str, day: date, handle: str, salt: str | None = None, shingles: str = ""
) -> str:
    entry = f"- id: {story_id}\n  date: {day.isoformat()}\n  by: {handle}\n"
    if salt and shingles:
        values = shingles.split()
        lines = (" ".join(values[i : i + 16]) for i in range(0, len(values), 16))
        entry += f"  salt: {salt}\n  shingles: >-\n" + "".join(f"    {line}\n" for line in lines)
    return entry


def register_salt(project: Project, entries: list) -> str:
    """The register's one salt (so the build hashes each shingle once, whatever the number
    of entries): the salt of the entries already there, or a new random one. It lives in the
    register, in the open, because every build (an editor's laptop, CI, a fork) must compute
    the same hashes with no secret to lose: a missing key would switch the check off without
    a word. The salt keeps the hashes specific to this register (no precomputed tables); what
    keeps the text unreadable is that only 20 bits of each hash are kept (see leakcheck)."""
    salt = next((e.salt for e in entries if e.salt and e.shingles), None)
    return salt or os.urandom(8).hex()


def quotations(story: Document, others: list[Document]) -> list[str]:
    """Files among ``others`` that quote eight or more words of ``story``."""
    table = {d: Source(story.rel, "withdrawn") for d in _digests(story)}
    shingles = Shingles(full={UNPUBLISHED_SALT: table})
    return [
        doc.rel
        for doc in others
        if copied_passages(words_of(reader_text(document_text(doc))), shingles)
    ]


def _digests(doc: Document) -> set[int]:
    return set(shingle_digests(words_of(reader_text(document_text(doc))), UNPUBLISHED_SALT))


def withdraw(project: Project, story_id: str, handle: str, day: date) -> Withdrawn:
    """Add the id to the register first (so a crash never leaves a story gone but
    unregistered), then delete its file or folder."""
    paths = story_paths(project, story_id)
    register = project.content_dir / WITHDRAWN_FILE
    content = load_content(project)
    files = {p.resolve() for p in _story_files(paths)}
    story = next(
        (d for d in content.documents if d.kind == "story" and d.path.resolve() in files),
        None,
    )
    others = [d for d in content.documents if story is None or d.path != story.path]
    salt = register_salt(project, content.withdrawn)
    shingles = register_shingles(document_text(story), bytes.fromhex(salt)) if story else ""
    text = register.read_text("utf-8") if register.exists() else REGISTER_HEADER
    if f"- id: {story_id}\n" not in text:
        if not text.endswith("\n"):
            text += "\n"
        entry = register_entry(story_id, day, handle, salt, shingles)
        register.write_text(text + entry, "utf-8")
    quoted_in = quotations(story, others) if story else []
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    return Withdrawn(removed=paths, register=register, quoted_in=quoted_in)


def _story_files(paths: list[Path]) -> set[Path]:
    return {p / "index.md" if p.is_dir() else p for p in paths}


def next_steps(project: Project, result: Withdrawn, story_id: str) -> str:
    removed = "\n".join(f"  - {project.relative(p)}" for p in result.removed)
    paths = " ".join(f"--path {project.relative(p)}" for p in result.removed)
    quoted = ""
    if result.quoted_in:
        files = "\n".join(f"  - {rel}" for rel in result.quoted_in)
        quoted = f"""
Quoted elsewhere: these files copy words of the story, and the build will refuse them until
the quotation is removed:
{files}
"""
    return f"""Withdrawn '{story_id}'.{quoted}
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
