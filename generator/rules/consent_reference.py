"""BT101: the consent reference is present and in the configured format."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    pattern = ctx.config.moderation.consent_reference_pattern
    if not re.fullmatch(pattern, meta.consent.reference):
        yield RULE.finding(
            doc,
            "consent.reference does not match the configured format",
            doc.line_of("consent", "reference"),
            hint=f"copy the reference from the signed consent record (format {pattern})",
        )


RULE = Rule(
    id="BT101",
    name="consent-reference",
    severity=Severity.ERROR,
    summary="Every story names its signed consent record, in the configured format.",
    rationale="Without a findable consent record nobody can show the storyteller agreed, or "
    "act quickly when they withdraw.",
    hint="copy the reference from the signed consent record",
    check=check,
    examples=("reference: TBC", "reference: CR-2099-001"),
)
