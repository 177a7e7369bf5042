"""BT203: no UK postcodes in stories: full ones, and the first half next to a street."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, near, pattern_hits
from generator.rules.base import Context, Rule
from generator.rules.street_address import STREET_TYPES
from generator.text import Segment

# on the lower-cased text, with a space, a hyphen or nothing between the halves
POSTCODE = re.compile(
    r"\b(?:gir ?0aa|[a-pr-uwyz](?:\d{1,2}|[a-hk-y]\d{1,2}|\d[a-hjkpstuw]|[a-hk-y]\d[abehmnprv-y])"
    r"[ -]?(\d[abd-hjlnp-uw-z]{2}))\b"
)
ORDINAL = re.compile(r"1st|2nd|3rd|[4-9]th")
"""An inward half that reads as an ordinal: "the m6 2nd exit" is a junction, not a postcode
("l4 0th" reads as no word)."""
CONTEXT = re.compile(r"\bpost ?codes?\b", re.IGNORECASE)

AREAS = frozenset(
    "B E G L M N S W AB AL BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD "
    "DE DG DH DL DN DT DY EC EH EN EX FK FY GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA "
    "KT KW KY LA LD LE LL LN LS LU ME MK ML NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM "
    "SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB WA WC WD WF WN WR WS "
    "WV YO ZE".split()
)
"""The postcode areas, for the first half alone (M14, LS6), which is otherwise any code."""
OUTWARD = r"(?P<outward>[A-Za-z]{1,2}\d[A-Za-z\d]?)\b(?![ -]?\d)"
PARTIAL = re.compile(r"\b(?:[A-Z][a-z'’-]+\s+){1,3}(?:" + STREET_TYPES + r")\b\.?,?\s+" + OUTWARD)
SECTOR = re.compile(r"\b(?P<outward>[A-Z][A-Za-z]\d[A-Za-z\d]?) (?P<sector>\d)(?![\w:.,]\d|[\w%])")
"""A postcode sector, the first half and one figure ("NG7 2", "Ng7 2"): a few streets."""
LABELLED = re.compile(
    r"\bpost ?code(?:\s+(?:is|was|were))?:?\s+(?P<outward>[A-Za-z]{1,2}\d[A-Za-z\d]?)"
    r"(?:[ -]\d)?\b(?![ -]?\d)"
)
"""The first half of a postcode after a named street ("Moss Lane, M14") or the word."""


def _accept(segment: Segment, match: re.Match[str]) -> bool:
    written = segment.text[match.start() : match.end()]
    if written.isupper() or not ORDINAL.fullmatch(match.group(1)):
        return True  # M1 1AE, m1 1ae, M1-1AE
    return near(segment.text, match.start(), match.end(), CONTEXT)


def _accept_partial(segment: Segment, match: re.Match[str]) -> bool:
    outward = match.group("outward").upper()
    area = outward[:2] if outward[1].isalpha() else outward[:1]
    return area in AREAS


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, POSTCODE, _accept, folded=True, needs_digit=True):
        yield finding_at(RULE, doc, hit, "full UK postcode")
    for hit in pattern_hits(doc, PARTIAL, _accept_partial, needs_digit=True):
        yield finding_at(RULE, doc, hit, "street with the first half of a postcode")
    for hit in pattern_hits(doc, SECTOR, _accept_partial, needs_digit=True):
        yield finding_at(RULE, doc, hit, "postcode sector (first half and a figure)")
    labelled = pattern_hits(
        doc, LABELLED, _accept_partial, triggers=("postcode", "post code"), folded=True
    )
    for hit in labelled:
        yield finding_at(RULE, doc, hit, "first half of a postcode")


RULE = Rule(
    id="BT203",
    name="postcode",
    severity=Severity.ERROR,
    summary="Finds full UK postcodes (M1 1AE, also m1 1ae or M1-1AE) in a story, and the first "
    "half of one next to a named street or the word postcode (Moss Lane, M14).",
    rationale="A full postcode narrows a place down to a handful of homes.",
    hint="remove the postcode; a town or region is usually enough, or nothing at all",
    masks=True,
    waivable=True,
    check=check,
    examples=("the hostel at m1 1ae", "a hostel in the city centre"),
)
