"""BT104: drafts and stories whose consent was withdrawn or expired are left out."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta, lapsed_reason
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    reason = lapsed_reason(meta, ctx.today)
    if reason is not None:
        line = doc.line_of("status") if reason == "draft" else doc.line_of("consent")
        yield RULE.finding(doc, f"not published: {reason}", line)


RULE = Rule(
    id="BT104",
    name="story-not-published",
    severity=Severity.INFO,
    summary="Reports each story left out of the site: drafts, withdrawn or expired consent.",
    rationale="Editors must see what is not going out, and why, on every build.",
    hint="nothing to do unless this is unexpected; withdrawn stories are best removed with "
    "`beenthere withdraw`",
    structural=True,
    check=check,
    examples=("consent:\n  withdrawn: 2026-05-01", "(no withdrawn date)"),
)
