"""`beenthere approve`: record an editor's approval bound to the story's current fingerprint."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.config import Project
from generator.errors import UsageError
from generator.fingerprint import story_fingerprint
from generator.model import Approval, Document, Review, StoryMeta


@dataclass(frozen=True)
class Approved:
    rel: str
    fingerprint: str
    count: int
    """Distinct approvals of the current text, this one included."""


def story_files(project: Project, paths: list[Path]) -> list[Path]:
    """Story files named directly or found in the folders given."""
    stories_dir = (project.content_dir / "stories").resolve()
    found: list[Path] = []
    for path in paths:
        path = path.resolve()
        if not path.is_relative_to(stories_dir):
            raise UsageError(f"{path} is not inside content/stories/")
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*.md") if p.parent == stories_dir or p.name == "index.md"
            )
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{path} does not exist")
    return sorted(set(found))


def approve(doc: Document, handle: str, today: date) -> tuple[str, Approved]:
    """The file's new text with this editor's approval recorded (pure: nothing written)."""
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        raise UsageError(f"{doc.rel}: only a story with valid front matter can be approved")
    fingerprint = story_fingerprint(doc)
    approvals = [a for a in meta.review.approvals if a.by != handle]
    approvals.append(Approval(by=handle, fingerprint=fingerprint, date=today))
    approved_by = list(meta.review.approved_by)
    if handle not in approved_by:
        approved_by.append(handle)
    review = Review(
        anonymised_by=meta.review.anonymised_by, approved_by=approved_by, approvals=approvals
    )
    text = replace_review_block(doc.path.read_text("utf-8"), doc.line_of("review"), review)
    count = len({a.by for a in approvals if a.fingerprint == fingerprint})
    return text, Approved(doc.rel, fingerprint, count)


def review_yaml(review: Review) -> list[str]:
    lines = ["review:", f"  anonymised_by: {review.anonymised_by}"]
    lines.append(f"  approved_by: [{', '.join(review.approved_by)}]")
    if review.approvals:
        lines.append("  approvals:  # written by `beenthere approve`; do not edit by hand")
        for a in review.approvals:
            lines.append(
                f"    - {{by: {a.by}, fingerprint: '{a.fingerprint}', date: {a.date.isoformat()}}}"
            )
    return lines


def replace_review_block(text: str, review_line: int | None, review: Review) -> str:
    """Swap the `review:` block of the front matter for ``review``, leaving the rest as it was."""
    lines = text.replace("\r\n", "\n").split("\n")
    if review_line is None:
        raise UsageError("the story has no review: block")
    start = review_line - 1
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    # keep blank lines that separated the block from what follows
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[:start] + review_yaml(review) + lines[end:])


def write_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step, so an interrupted write never leaves half a file."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
