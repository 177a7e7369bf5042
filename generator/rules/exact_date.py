"""BT303: exact calendar dates of events."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule
from generator.rules.date_of_birth import (
    DAY,
    DAY_WORDS,
    MONTH_TRIGGERS,
    MONTHS,
    YEAR_WORDS,
    date_pattern,
)
from generator.text import Segment, sentence_bounds

_WHOLE = date_pattern(DAY)
EXACT = re.compile(
    rf"\b(?:(?:on\s+)?(?P<whole>{_WHOLE})"
    rf"|(?:on |the ){DAY}\s+(?:of\s+)?{MONTHS}\b|on {MONTHS} {DAY}\b)",
    re.IGNORECASE,
)
"""A date with a digit in it, in any case ('the 22nd of june')."""
_MONTH_WORDS = "|".join(MONTH_TRIGGERS)
SPOKEN = re.compile(
    rf"\b(?:(?:the\s+)?{DAY_WORDS}\s+(?:of\s+)?(?:{_MONTH_WORDS}),?\s+(?:in\s+)?{YEAR_WORDS}"
    rf"|(?:{_MONTH_WORDS})\s+(?:the\s+)?{DAY_WORDS},?\s+{YEAR_WORDS})\b"
)
"""A whole date said in words, to be run on lower-cased text ('the twelfth of june two
thousand and nine')."""
EVENT = re.compile(
    r"\b(?:releas|arrest|nicked|lifted|(?:was|were|got) charged|sentenc|convict|courts?\b|"
    r"trial|remand|sent down|went (?:in|down)|got out|came out|raid(?:ed)?\b|police|cops\b|"
    r"crash|fire\b|attack|robb(?:ed|ery|ing)|stab|assault|"
    r"fight|killed|died|death|funeral|overdos|accident|started (?:work|at|my|the)|"
    r"first day|offence|happened)",
    re.IGNORECASE,
)
"""What makes a day and month without a year worth a warning: something happened then that
records, staff or a neighbour could put a name to ('released on the 3rd of May'), not a
drink at a cousin's party."""


def _dated_event(segment: Segment, match: re.Match[str]) -> bool:
    if match.re is SPOKEN or match.group("whole"):
        return True
    start, end = sentence_bounds(segment.text, match.start(), match.end())
    return EVENT.search(segment.text, start, end) is not None


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, EXACT, _dated_event, needs_digit=True):
        yield finding_at(RULE, doc, hit, "exact date of an event")
    for hit in pattern_hits(doc, SPOKEN, triggers=MONTH_TRIGGERS, folded=True):
        yield finding_at(RULE, doc, hit, "exact date of an event")


RULE = Rule(
    id="BT303",
    name="exact-date",
    severity=Severity.WARNING,
    summary="Finds exact calendar dates ('on 14 March 2019', '14/03/2019'), and a day and month "
    "without a year when something happened then that records could name ('released on the 3rd "
    "of May').",
    rationale="An exact date lets people who were there (staff, other residents, victims) "
    "recognise the storyteller.",
    hint="use a season, a month or 'a few years ago' instead",
    kinds=frozenset({"story"}),
    waivable=True,
    check=check,
    examples=("I was released on 14 March 2019", "I was released one spring"),
)
