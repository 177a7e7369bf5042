"""BT208: no dates of birth."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "thirtieth"
)
_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
DAY_WORDS = rf"(?:(?:twenty|thirty)[- ]?(?:{_ORDINAL_UNITS})|{_ORDINALS})"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
YEAR_WORDS = (
    rf"(?:(?:nineteen\s+)?(?:{_TENS})(?:[- ](?:{_UNITS}))?"
    rf"|(?:nineteen|twenty)\s+oh[- ](?:{_UNITS})"
    rf"|two\s+thousand(?:\s+and)?(?:\s+(?:{_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen))?)"
)
"""A year said aloud: "ninety", "nineteen eighty-six", "two thousand and one"."""
YEAR = rf"(?:\d{{4}}|['’]\d{{2}}|{YEAR_WORDS}\b)"
ANY_DAY = rf"(?:{DAY}|{DAY_WORDS})"


def date_pattern(day: str) -> str:
    """A whole date with its year, its day written as ``day`` allows (BT303 wants figures)."""
    return (
        rf"(?:(?:the\s+)?{day}\s+(?:of\s+)?{MONTHS},?\s+(?:in\s+)?{YEAR}"
        rf"|{MONTHS}\s+(?:the\s+)?{day},?\s+{YEAR}"
        rf"|(?:the\s+)?{DAY}\s+of\s+the\s+(?:1[0-2]|0?[1-9])(?:st|nd|rd|th),?\s+{YEAR}"
        r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d))"
    )


DATE = date_pattern(ANY_DAY)
BIRTH = re.compile(
    rf"\b(?:born(?:\s+on)?(?:\s+the)?|D\.?O\.?B\.?:?(?:\s+(?:is|was))?|date\s+of\s+birth"
    rf"(?:\s+(?:is|was))?:?|birthday(?:['’]s|\s+is|\s+was)?(?:\s+on)?)\s+({DATE})",
    re.IGNORECASE,
)

BIRTH_TRIGGERS = ("born", "dob", "d.o.b", "birth")
MONTH_TRIGGERS = tuple(
    "january february march april may june july august september october november december".split()
)
SPOKEN_DATE = re.compile(
    rf"\b(?:the\s+)?{ANY_DAY}\s+(?:of\s+)?(?:{'|'.join(MONTH_TRIGGERS)}),?\s+{YEAR_WORDS}\b",
    re.IGNORECASE,
)
"""A whole date said aloud ("the ninth of March nineteen eighty-seven"), its month in full: a
birth date when its sentence asks for one ("what is your date of birth," and I said ...)."""
ASKED = re.compile(r"\b(?:date of birth|d\.?o\.?b\b|birthday|born)", re.I)
ASKED_REACH = 120
"""Characters before a spoken date, in its sentence, within which a birth must be named."""


def _asked(segment: Segment, match: re.Match[str]) -> bool:
    """Whether the sentence names a birth before the date (not "I was born in the spring.
    On the ninth of March ...")."""
    text = segment.text
    low = max(0, match.start() - ASKED_REACH)
    start = max(text.rfind(end, low, match.start()) for end in (". ", "! ", "? ", "\n"))
    return ASKED.search(text, max(low, start + 1), match.start()) is not None


TOLD_DATE = re.compile(
    rf"(?:^|[.!?]\s+|\n)(?:It|That|This)\s+(?:was|is)\s+(?P<date>(?:the\s+)?{ANY_DAY}\s+(?:of\s+)?"
    rf"{MONTHS},?\s+(?:in\s+)?{YEAR})",
    re.IGNORECASE,
)
"""'It was the ninth of February 1989': a date that starts its sentence, told of a birth
named just before it (checked in _born_before)."""


def _born_before(segment: Segment, match: re.Match[str]) -> bool:
    """Whether a birth is named within twice ASKED_REACH characters before the date ("the
    story of me being born. It was ...")."""
    text = segment.text
    end = match.start("date")
    low = max(0, end - 2 * ASKED_REACH)
    return ASKED.search(text, low, end) is not None


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    found = set()
    for hit in pattern_hits(doc, BIRTH, group=1, triggers=BIRTH_TRIGGERS, needs_digit=True):
        found.add((hit.segment.field, hit.end))
        yield finding_at(RULE, doc, hit, "date of birth")
    for hit in pattern_hits(doc, SPOKEN_DATE, _asked, triggers=MONTH_TRIGGERS):
        if (hit.segment.field, hit.end) not in found:
            found.add((hit.segment.field, hit.end))
            yield finding_at(RULE, doc, hit, "date of birth (said aloud)")
    for hit in pattern_hits(doc, TOLD_DATE, _born_before, group="date", triggers=MONTH_TRIGGERS):
        if (hit.segment.field, hit.end) not in found:
            yield finding_at(RULE, doc, hit, "date of birth")


RULE = Rule(
    id="BT208",
    name="date-of-birth",
    severity=Severity.ERROR,
    summary="Finds a full date of birth, in figures or words (born on 3 March 1990, DOB "
    "03/03/1990, dob 3.3.90, born on the third of march ninety, my birthday's the 3rd of "
    'march, 1990; "what is your date of birth," and I said "the ninth of March nineteen '
    'eighty-seven").',
    rationale="A date of birth with a first name or a town is enough to find most people.",
    hint="remove the date; an age or a decade is enough ('in my thirties')",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("I was born on 3 March 1990", "I was born in the nineties"),
)
