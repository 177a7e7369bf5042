"""BT102: consent was given, not in the future, and not after the story was published."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    given = meta.consent.given
    if given > ctx.today:
        yield RULE.finding(
            doc,
            f"consent.given {given.isoformat()} is in the future",
            doc.line_of("consent", "given"),
            hint="use the date the consent form was signed",
        )
    if given > meta.published:
        yield RULE.finding(
            doc,
            f"consent.given {given.isoformat()} is after published {meta.published.isoformat()}",
            doc.line_of("consent", "given"),
            hint="a story can only be published after consent; correct one of the dates",
        )


RULE = Rule(
    id="BT102",
    name="consent-dates",
    severity=Severity.ERROR,
    summary="consent.given is not in the future and not after `published`.",
    rationale="A story published before consent was given was published without consent.",
    hint="copy the dates from the signed consent record",
    check=check,
    examples=(
        "published: 2026-01-01\nconsent: {given: 2026-02-01}",
        "published: 2026-03-01\nconsent: {given: 2026-02-01}",
    ),
)
