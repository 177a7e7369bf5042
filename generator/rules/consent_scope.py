"""BT103: the storyteller agreed to publication on the website."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if isinstance(meta, StoryMeta) and "website" not in meta.consent.scope:
        yield RULE.finding(
            doc,
            f"consent.scope {meta.consent.scope} does not include 'website'",
            doc.line_of("consent", "scope"),
        )


RULE = Rule(
    id="BT103",
    name="consent-scope",
    severity=Severity.ERROR,
    summary="consent.scope includes `website`.",
    rationale="Consent is given per channel; a story agreed for a printed booklet may not go "
    "online.",
    hint="publish only if the signed consent covers the website; otherwise set status: draft",
    check=check,
    examples=("scope: [booklet]", "scope: [website, booklet]"),
)
