"""BT205: no prison numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.names import PHONETIC_LETTERS
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


DIGIT = r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine)"
_SEP = "[ ,.-]+"
_FOUR = "|".join(  # four digits read out, "double" saying two of them ("two seven double eight")
    _SEP.join(f"double {DIGIT}" if step == 2 else DIGIT for step in steps)
    for steps in ((1, 1, 1, 1), (2, 1, 1), (1, 2, 1), (1, 1, 2), (2, 2))
)
LETTER = rf"(?:{'|'.join(sorted(PHONETIC_LETTERS, key=len, reverse=True))}|[a-z])"
"""A letter read out, alone or in the phonetic alphabet ("Delta Foxtrot")."""
TWO_LETTER_WORDS = "of|to|in|on|at|is|it|or|an|as|be|by|do|go|he|me|my|no|so|up|us|we|am|if|oh"
SPOKEN = re.compile(
    rf"(?<!['’])\b{LETTER}{_SEP}(?:{_FOUR}){_SEP}"
    rf"(?:{LETTER}{_SEP}{LETTER}|(?!{TWO_LETTER_WORDS})[a-z]{{2}})\b"
    r"(?![ -]+(?!i\b)[a-z]\b)"  # no more letters spelt after it (but "... foxtrot. i said")
)
"""A number read out, digit by digit: "they called me A one six eight three C J", "Alpha Two
Seven Eight Eight Delta Foxtrot"."""
SPOKEN_CUES = ("number", "called me", "call me", "calls me", "nomis", " no.", "prison")
"""Where a number is spoken of: SPOKEN is looked for only in a field holding one of these."""


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    found = set()
    for hit in pattern_hits(doc, PRISON_NUMBER, _accept, folded=True, needs_digit=True):
        found.add((hit.segment.field, hit.start))
        yield finding_at(RULE, doc, hit, "prison number")
    for hit in pattern_hits(doc, SPOKEN, folded=True, triggers=SPOKEN_CUES):
        if (hit.segment.field, hit.start) not in found:
            yield finding_at(RULE, doc, hit, "prison number, read out")


RULE = Rule(
    id="BT205",
    name="prison-number",
    severity=Severity.ERROR,
    summary="Finds prison numbers (one letter, four digits, two letters: A1234BC), also in "
    "lower case, spaced or hyphenated (a1234bc, A 1234 BC, A-1234-BC), with the letter O "
    "for a zero, or read out digit by digit (A one six eight three C J, Alpha Two Seven Eight "
    "Eight Delta Foxtrot).",
    rationale="A prison number is unique to one person for life and is on every record about them.",
    hint="remove the number",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my number was a1234bc", "I had a number instead of a name"),
)
