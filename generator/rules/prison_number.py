"""BT205: no prison numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

PRISON_NUMBER = re.compile(r"\b[A-Z]\d{4} ?[A-Z]{2}\b")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, PRISON_NUMBER, needs_digit=True):
        yield finding_at(RULE, doc, hit, "prison number")


RULE = Rule(
    id="BT205",
    name="prison-number",
    severity=Severity.ERROR,
    summary="Finds prison numbers (one letter, four digits, two letters: A1234BC).",
    rationale="A prison number is unique to one person for life and is on every record about them.",
    hint="remove the number",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my number was A1234BC", "I had a number instead of a name"),
)
