"""BT201: no e-mail addresses in stories."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, EMAIL, triggers=("@",)):
        yield finding_at(RULE, doc, hit, "e-mail address")


RULE = Rule(
    id="BT201",
    name="email-address",
    severity=Severity.ERROR,
    summary="Finds e-mail addresses in a story's title, pseudonym, summary and body.",
    rationale="An e-mail address identifies its owner directly.",
    hint="remove the address, or describe it ('I e-mailed my probation officer')",
    masks=True,
    waivable=True,
    check=check,
    examples=("write to me at dee.walker@example.org", "write to me through the project"),
)
