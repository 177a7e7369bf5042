"""BT205: no prison numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, near, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment

# on the lower-cased text: a letter, four digits (letter O typed for a zero), two letters,
# with a space, hyphen, underscore, dot or slash between the groups or none
PRISON_NUMBER = re.compile(r"\b[a-z]([ _./-]?)([\do]{4})([ _./-]?)[a-z]{2}\b")
CONTEXT = re.compile(r"\b(?:prison(?:er)?|number|inmate|no\.|id|nomis|booking)\b", re.IGNORECASE)


def _accept(segment: Segment, match: re.Match[str]) -> bool:
    digits = match.group(2)
    if digits.count("o") > 2:
        return False  # "o" for zero once or twice in a real number, not "oooo"
    written = segment.text[match.start() : match.end()]
    if match.group(1) != " " or written.isupper():
        return True  # A1234BC, a1234bc, k9876 zx, A 1234 BC, a-1234-bc: shapes prose never makes
    # "a 2015 vw": a word, a year, a word; a number only where the text talks about one
    return near(segment.text, match.start(), match.end(), CONTEXT)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, PRISON_NUMBER, _accept, folded=True, needs_digit=True):
        yield finding_at(RULE, doc, hit, "prison number")


RULE = Rule(
    id="BT205",
    name="prison-number",
    severity=Severity.ERROR,
    summary="Finds prison numbers (one letter, four digits, two letters: A1234BC), also in "
    "lower case, spaced or hyphenated (a1234bc, A 1234 BC, A-1234-BC) or with the letter O "
    "for a zero.",
    rationale="A prison number is unique to one person for life and is on every record about them.",
    hint="remove the number",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my number was a1234bc", "I had a number instead of a name"),
)
