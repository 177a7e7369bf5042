"""BT208: no dates of birth."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DATE = (
    rf"(?:{DAY}\s+(?:of\s+)?{MONTHS},?\s+\d{{4}}|{MONTHS}\s+{DAY},?\s+\d{{4}}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))"
)
BIRTH = re.compile(
    rf"\b(?:born(?:\s+on)?(?:\s+the)?|D\.?O\.?B\.?:?|date\s+of\s+birth(?:\s+is|:)?|birthday"
    rf"(?:\s+is)?(?:\s+on)?)\s+({DATE})",
    re.IGNORECASE,
)

BIRTH_TRIGGERS = ("born", "dob", "d.o.b", "birth")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, BIRTH, group=1, triggers=BIRTH_TRIGGERS, needs_digit=True):
        yield finding_at(RULE, doc, hit, "date of birth")


RULE = Rule(
    id="BT208",
    name="date-of-birth",
    severity=Severity.ERROR,
    summary="Finds a full date of birth (born on 3 March 1990, DOB 03/03/1990).",
    rationale="A date of birth with a first name or a town is enough to find most people.",
    hint="remove the date; an age or a decade is enough ('in my thirties')",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("I was born on 3 March 1990", "I was born in the nineties"),
)
