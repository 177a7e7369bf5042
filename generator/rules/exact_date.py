"""BT303: exact calendar dates of events."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule
from generator.rules.date_of_birth import DATE, DAY, MONTHS

EXACT = re.compile(rf"\b(?:{DATE}|(?:on |the ){DAY}\s+(?:of\s+)?{MONTHS}\b|on {MONTHS} {DAY}\b)")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, EXACT, needs_digit=True):
        yield finding_at(RULE, doc, hit, "exact date of an event")


RULE = Rule(
    id="BT303",
    name="exact-date",
    severity=Severity.WARNING,
    summary="Finds exact calendar dates ('on 14 March 2019', '14/03/2019', 'on the 3rd of May').",
    rationale="An exact date lets people who were there (staff, other residents, victims) "
    "recognise the storyteller.",
    hint="use a season, a month or 'a few years ago' instead",
    kinds=frozenset({"story"}),
    waivable=True,
    check=check,
    examples=("I was released on 14 March 2019", "I was released one spring"),
)
