"""BT111: enough distinct editors approved this exact text."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.fingerprint import checked_fingerprint
from generator.model import Document, StoryMeta
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    required = ctx.config.moderation.required_approvals
    current = checked_fingerprint(doc)
    valid = {a.by for a in meta.review.approvals if a.fingerprint == current}
    if len(valid) >= required:
        return
    stale = sorted({a.by for a in meta.review.approvals} - valid)
    unbound = sorted(set(meta.review.approved_by) - {a.by for a in meta.review.approvals})
    details = [f"{len(valid)} of {required} required approvals match the current text"]
    if stale:
        details.append(f"changed since approved by {', '.join(stale)}")
    if unbound:
        details.append(f"listed without `beenthere approve`: {', '.join(unbound)}")
    yield RULE.finding(doc, "; ".join(details), doc.line_of("review"))


RULE = Rule(
    id="BT111",
    name="approvals",
    severity=Severity.ERROR,
    summary="At least `moderation.required_approvals` distinct editors approved the exact text "
    "that will be published (title, pseudonym, summary, topics, warnings, body, images, "
    "waivers).",
    rationale="Two pairs of eyes on the final words; an edit after approval, however small, "
    "can reintroduce a name.",
    hint="ask editors to read the final text and run `beenthere approve <file> --by <your-handle>`",
    check=check,
    gate=True,
    examples=(
        "approved_by: [<your-handle>, <another-handle>]  # typed by hand",
        "approvals written by `beenthere approve`",
    ),
)
