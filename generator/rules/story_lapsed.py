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
    if reason is None:
        return
    if reason == "draft":
        line, hint = doc.line_of("status"), DRAFT_HINT
    elif reason.startswith("consent withdrawn"):
        line, hint = doc.line_of("consent", "withdrawn"), WITHDRAWN_HINT
    else:
        line, hint = doc.line_of("consent", "expires"), EXPIRED_HINT
    yield RULE.finding(doc, f"not published: {reason}", line, hint=hint)


DRAFT_HINT = (
    "when the story is ready, both editors have approved it and the storyteller has signed it "
    "off, change `status: draft` to `status: published`"
)
WITHDRAWN_HINT = (
    "the storyteller took the story back: remove it for good with `beenthere withdraw <id> "
    "--by <your-handle>`, which also keeps it from coming back"
)
EXPIRED_HINT = (
    "consent has run out: ask the storyteller whether to renew it (then set a new "
    "`consent.expires`), or remove the story with `beenthere withdraw <id> --by <your-handle>`"
)


RULE = Rule(
    id="BT104",
    name="story-not-published",
    severity=Severity.INFO,
    summary="Reports each story left out of the site: drafts, withdrawn or expired consent.",
    rationale="Editors must see what is not going out, and why, on every build.",
    hint="each reason has its own next step: publish a finished draft, withdraw a story whose "
    "consent was withdrawn, renew or withdraw one whose consent expired",
    structural=True,
    check=check,
    examples=("consent:\n  withdrawn: 2026-05-01", "(no withdrawn date)"),
)
