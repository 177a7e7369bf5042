"""BT209: no vehicle registrations."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, near, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment

# current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D) formats, on the lower-cased
# text, with a space or hyphen between the groups or none
REGISTRATION = re.compile(
    r"\b(?:(?P<current>[a-z]{2}[ -]?\d{2}[ -]?[a-z]{3})|[a-z](?P<gap>[ -]?)\d{1,3}[ -]?[a-z]{3}"
    r"|[a-z]{3}[ -]?\d{1,3}(?P<end>[ -]?)[a-z])\b"
)
CONTEXT = re.compile(
    r"\b(?:reg|registration|number ?plates?|plates?|index|dvla|reg\.? (?:no|number))\b",
    re.IGNORECASE,
)
"""What makes a lower-case shape a registration: "the m62 the next day" is a motorway."""
COMMON_WORDS = frozenset(
    "and are but can for got had has her him his its not now off one our out the too two "
    "was way who why yet you all any new old day".split()
)
"""Three letters that are also words: "kx63 lmn" is a plate, "fy19 and" may not be."""


def _accept(segment: Segment, match: re.Match[str]) -> bool:
    written = segment.text[match.start() : match.end()]
    if match.group("gap") == " " or match.group("end") == " ":
        return False  # "A 12 DAY FAST", "ABC 123 A": words and a count, not a plate
    if written.isupper():
        return True  # KX63 LMN, R123 ABC, KX63-LMN: exact shapes, as before
    if near(segment.text, match.start(), match.end(), CONTEXT):
        return True
    # lower case without a plate nearby: only the current format, whose two letters, two
    # digits and three letters ("kx63 lmn") prose does not make, unless they are a word
    if not match.group("current") or written[-3:].lower() in COMMON_WORDS:
        return False
    # "at 16 wiv": a word, a number, a word; a plate typed in lower case keeps its first
    # letters on its digits ("kx63 lmn")
    return not (written[2] == " " and written[:2].lower() in TWO_LETTER_WORDS)


TWO_LETTER_WORDS = frozenset(
    "at in on is by to up me we he my no so or of an as be do go if it us".split()
)
"""Two letters that are a word: spaced apart from the digits, prose."""


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, REGISTRATION, _accept, folded=True, needs_digit=True):
        yield finding_at(RULE, doc, hit, "vehicle registration")


RULE = Rule(
    id="BT209",
    name="vehicle-registration",
    severity=Severity.ERROR,
    summary="Finds UK vehicle registrations (AB12 CDE and older formats), also in lower case "
    "(kx63 lmn) or spaced and hyphenated; older formats in lower case near a word like reg.",
    rationale="A registration leads to a registered keeper and an address.",
    hint="remove the registration ('my old van')",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my van, KX63 LMN, was towed", "my van was towed"),
)
