"""BT112: the storyteller signed off the exact text that will be published."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.fingerprint import checked_fingerprint
from generator.model import Document, StoryMeta
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta) or ctx.config.moderation.storyteller_signoff == "off":
        return
    signoff = meta.review.storyteller
    if signoff is None:
        yield RULE.finding(doc, "no sign-off by the storyteller is recorded", doc.line_of("review"))
    elif signoff.fingerprint != checked_fingerprint(doc):
        yield RULE.finding(
            doc,
            f"the text changed after the storyteller signed it off on "
            f"{signoff.date.isoformat()} (recorded by {signoff.by})",
            doc.line_of("review", "storyteller"),
            hint="go through the changed text with the storyteller again, and when they agree "
            "run `beenthere approve <file> --storyteller --by <your-handle> --how "
            "read-aloud|paper|message`",
        )


RULE = Rule(
    id="BT112",
    name="storyteller-signoff",
    severity=Severity.ERROR,
    summary="The storyteller agreed to the exact text that will be published, and an editor "
    "recorded it with `beenthere approve --storyteller` (when "
    "`moderation.storyteller_signoff` is `required`, the default).",
    rationale="It is the storyteller's story: they decide the final words, and an edit they "
    "have not seen (a cut, a changed detail) can misrepresent them or make them recognisable.",
    hint="read the final text to the storyteller (or give or send it to them); when they agree, "
    "run `beenthere approve <file> --storyteller --by <your-handle> --how "
    "read-aloud|paper|message`",
    check=check,
    gate=True,
    examples=(
        "review:\n  approvals: [...]  # no storyteller sign-off",
        "review:\n  storyteller: {by: <your-handle>, how: read-aloud, fingerprint: '…', "
        "date: 2026-03-01}",
    ),
)
