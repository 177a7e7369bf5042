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
from generator.model import (
    Approval,
    Document,
    HowAgreed,
    Review,
    StoryMeta,
    StorytellerSignoff,
)


@dataclass(frozen=True)
class Approved:
    rel: str
    fingerprint: str
    count: int
    """Distinct approvals of the current text, this one included."""
    already: bool = False
    """This editor had already approved this exact text: nothing was changed."""


@dataclass(frozen=True)
class SignedOff:
    rel: str
    signoff: StorytellerSignoff
    already: bool = False
    """The storyteller's sign-off of this exact text was already recorded: nothing changed."""


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


def _story(doc: Document) -> StoryMeta:
    if not isinstance(doc.meta, StoryMeta):
        raise UsageError(f"{doc.rel}: only a story with valid front matter can be approved")
    return doc.meta


def _count(approvals: list[Approval], fingerprint: str) -> int:
    return len({a.by for a in approvals if a.fingerprint == fingerprint})


def _rewrite(doc: Document, review: Review) -> str:
    return replace_review_block(doc.path.read_text("utf-8"), doc.line_of("review"), review)


def approve(doc: Document, handle: str, today: date) -> tuple[str | None, Approved]:
    """The file's new text with this editor's approval recorded (pure: nothing written), or
    None when this editor already approved this exact text (it is not counted twice)."""
    meta = _story(doc)
    fingerprint = story_fingerprint(doc)
    mine = [a for a in meta.review.approvals if a.by == handle and a.fingerprint == fingerprint]
    if mine:
        count = _count(meta.review.approvals, fingerprint)
        return None, Approved(doc.rel, fingerprint, count, already=True)
    approvals = [a for a in meta.review.approvals if a.by != handle]
    approvals.append(Approval(by=handle, fingerprint=fingerprint, date=today))
    approved_by = list(meta.review.approved_by)
    if handle not in approved_by:
        approved_by.append(handle)
    review = meta.review.model_copy(update={"approved_by": approved_by, "approvals": approvals})
    return _rewrite(doc, review), Approved(doc.rel, fingerprint, _count(approvals, fingerprint))


def revoke(doc: Document, handle: str) -> tuple[str, Approved]:
    """The file's new text without this editor's approval (of any text), for an approval given
    by mistake or withdrawn after a second look."""
    meta = _story(doc)
    if handle not in meta.review.approved_by and all(a.by != handle for a in meta.review.approvals):
        raise UsageError(f"{doc.rel}: {handle} has not approved this story; nothing to revoke")
    approvals = [a for a in meta.review.approvals if a.by != handle]
    approved_by = [h for h in meta.review.approved_by if h != handle]
    review = meta.review.model_copy(update={"approved_by": approved_by, "approvals": approvals})
    fingerprint = story_fingerprint(doc)
    return _rewrite(doc, review), Approved(doc.rel, fingerprint, _count(approvals, fingerprint))


def sign_off(
    doc: Document, handle: str, agreed: date, how: HowAgreed | None
) -> tuple[str | None, SignedOff]:
    """The file's new text with the storyteller's sign-off of the current text, recorded by
    ``handle``; None when this exact text was already signed off."""
    meta = _story(doc)
    fingerprint = story_fingerprint(doc)
    current = meta.review.storyteller
    if current is not None and current.fingerprint == fingerprint:
        return None, SignedOff(doc.rel, current, already=True)
    signoff = StorytellerSignoff(by=handle, fingerprint=fingerprint, date=agreed, how=how)
    review = meta.review.model_copy(update={"storyteller": signoff})
    return _rewrite(doc, review), SignedOff(doc.rel, signoff)


def revoke_sign_off(doc: Document) -> str:
    """The file's new text without the storyteller's sign-off."""
    meta = _story(doc)
    if meta.review.storyteller is None:
        raise UsageError(f"{doc.rel}: no storyteller sign-off is recorded; nothing to revoke")
    return _rewrite(doc, meta.review.model_copy(update={"storyteller": None}))


def review_yaml(review: Review) -> list[str]:
    lines = ["review:", f"  anonymised_by: {review.anonymised_by}"]
    lines.append(f"  approved_by: [{', '.join(review.approved_by)}]")
    if review.approvals:
        lines.append("  approvals:  # written by `beenthere approve`; do not edit by hand")
        for a in review.approvals:
            lines.append(
                f"    - {{by: {a.by}, fingerprint: '{a.fingerprint}', date: {a.date.isoformat()}}}"
            )
    signoff = review.storyteller
    if signoff is not None:
        how = f"how: {signoff.how.value}, " if signoff.how else ""
        lines.append("  storyteller:  # written by `beenthere approve --storyteller`; do not edit")
        lines.append(
            f"    {{by: {signoff.by}, {how}fingerprint: '{signoff.fingerprint}', "
            f"date: {signoff.date.isoformat()}}}"
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
