"""BT212: the pseudonym must not look like a full legal name."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.names import looks_like_full_name
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    words = meta.pseudonym.replace(".", " ").split()
    if looks_like_full_name(words):
        line = doc.line_of("pseudonym")
        yield RULE.finding(doc, "pseudonym looks like a full name", line, match=meta.pseudonym)


RULE = Rule(
    id="BT212",
    name="pseudonym-full-name",
    severity=Severity.ERROR,
    summary="The pseudonym is not a first name followed by a surname.",
    rationale="A pseudonym that reads like a full legal name may be the storyteller's real "
    "one, or someone else's.",
    hint="use one first name, initials or a nickname the storyteller chose ('Dee', 'J.', 'Big Al')",
    masks=True,
    waivable=True,
    check=check,
    examples=("pseudonym: Karen Whitfield", "pseudonym: Kaz"),
)
