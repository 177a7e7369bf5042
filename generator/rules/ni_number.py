"""BT206: no National Insurance numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, near, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment

# HMRC: first letter not D F I Q U V; second not D F I O Q U V; BG GB KN NK NT TN ZZ never
# used. On the lower-cased text; the six digits in pairs, threes or none, a space or hyphen
# between groups, the letter O sometimes typed for a zero.
NI_NUMBER = re.compile(
    r"\b(?!bg|gb|kn|nk|nt|tn|zz)[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]"
    r"[ -]?([\do]{2}[ -]?[\do]{2}[ -]?[\do]{2}|[\do]{3}[ -]?[\do]{3})[ -]?[a-d]\b"
)


WORD_PREFIXES = frozenset("am an as at be by go he me my no on or so to up us we".split())
"""Prefixes that are also words: "on 12 34 56 a day" is a count, not a number, in lower case."""
CONTEXT = re.compile(r"\b(?:NI|N\.I\.|national insurance|insurance|number|no\.)", re.IGNORECASE)


def _accept(segment: Segment, match: re.Match[str]) -> bool:
    if match.group(1).count("o") > 2:
        return False  # "o" for zero once or twice, not "oo oo oo"
    written = segment.text[match.start() : match.end()]
    if written[:2] not in WORD_PREFIXES:
        return True
    return near(segment.text, match.start(), match.end(), CONTEXT)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, NI_NUMBER, _accept, folded=True, needs_digit=True):
        yield finding_at(RULE, doc, hit, "National Insurance number")


RULE = Rule(
    id="BT206",
    name="ni-number",
    severity=Severity.ERROR,
    summary="Finds National Insurance numbers that follow HMRC's prefix rules "
    "(e.g. QQ 12 34 56 C), also in lower case or spaced and hyphenated any way "
    "(jt 12 34 56 a, JT123 456A).",
    rationale="A National Insurance number identifies one person to every public body.",
    hint="remove the number",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my NI number jt 12 34 56 a", "my NI number"),
)
