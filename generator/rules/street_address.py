"""BT204: no street addresses (house number and street name) in stories."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

STREET_TYPES = (
    "Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Terrace|Place|Court|"
    "Gardens|Grove|Square|Row|Walk|Mews|Rise|Parade|Hill|Green|View|Park|Vale|Wharf|Yard|"
    "Wynd|Brae|Gate|Quay|Circus|Boulevard|Embankment"
)
UNITS = "one|two|three|four|five|six|seven|eight|nine"
NUMBER_WORD = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{UNITS}))?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    rf"|(?:{UNITS})(?: hundred(?: and (?:\w+[- ])?\w+)?)?)"
)
"""A house number in words: "forty-one", "twelve", "one hundred and six"."""
FLAT = rf"(?:[Ff]lat|FLAT)\s+(?:\d+[A-Za-z]?|(?i:{NUMBER_WORD})),?\s+"
NAME = r"(?:[A-Z][a-z'’-]+\s+){1,3}"
ADDRESS = re.compile(rf"\b(?:{FLAT})?\d{{1,4}}[A-Za-z]?,?\s+{NAME}(?:{STREET_TYPES})\b\.?")
WORDS_TYPES = "Street|Road|Lane|Avenue|Terrace|Crescent|Gardens|Grove|Close|Drive|Mews"
WORDS_ADDRESS = re.compile(
    rf"\b(?:{FLAT})?(?:(?i:number|no\.?)\s+)?(?i:{NUMBER_WORD}),?\s+{NAME}(?:{WORDS_TYPES})\b"
)
"""A house number in words before a named street: "forty-one Elm Road", "number twelve,
Percy Street", "fourteen Cranmore Terrace". Only street types that are not everyday words
after a number ("one Way", "three Park" and "one Crown Court" are not addresses)."""
WORDS_TRIGGERS = tuple(t.lower() for t in WORDS_TYPES.split("|"))
LOWER_TYPES = "street|road|lane|avenue|crescent|terrace|grove|gardens|mews"
"""Not "close" or "drive", which lower-case prose uses as words ("a ten minute drive")."""
COUNTED = (
    "the|a|an|my|our|his|her|main|back|side|busy|quiet|long|few|more|other|bus|buses|tram|"
    "train|route|platform|bay|room|floor|minutes?|mins?|hours?|days?|weeks?|months?|years?|"
    "times?|miles?|quid|pounds?|pence|people|of|or|and"
)
"""Words after a number that count something, not name a street ("on the number 60 bus")."""
LOWER_ADDRESS = re.compile(
    r"(?:\b(?:at|on|to|from|number|no\.?|lived|living|moved|round|address(?: is| was)?:?"
    r"|flat\s+\d{1,4}[a-z]?,?)|[a-z],)\s+(?P<address>\d{1,4}[a-z]?,?\s+"
    rf"(?:(?!(?:{COUNTED})\b)"
    rf"[a-z][a-z'’-]+\s+){{1,2}}(?:{LOWER_TYPES}|rd|ave|walk|row))\b(?![\w'’-])"
)
"""An address typed in lower case, after a word that puts someone there or set off by a
comma: "i lived at 22 hope street", "the new address is flat 2, 17 albany rd", "I rent a room,
41b alderbrook rd, above the nail shop". Not "on 2 busy roads": the types
are singular and the words are no adjectives of roads."""
LOWER_WORDS_ADDRESS = re.compile(
    r"\b(?:at|on|to|from|number|no\.?|lived|living|moved|round|it['’]s|it is|it was"
    r"|address(?: is| was)?:?)\s+"
    rf"(?P<address>(?:number\s+)?{NUMBER_WORD},?\s+"
    rf"(?:(?!(?:{COUNTED}|{UNITS}|hundred)\b)[a-z][a-z'’-]+\s+){{1,2}}(?:{LOWER_TYPES}))\b(?![\w'’-])"
)
"""The same with the number in words: "i live at forty-two tennyson street now", "it's
forty-two tennyson street"."""
LOWER_TRIGGERS = tuple(LOWER_TYPES.split("|"))
HOUSE_NUMBER = rf"(?:\d{{1,4}}[A-Za-z]?|(?i:{NUMBER_WORD})),?\s+"
WELSH_TYPES = "Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Teras"
WELSH_ADDRESS = re.compile(
    rf"\b(?:{FLAT})?{HOUSE_NUMBER}(?:{WELSH_TYPES})\s+(?:(?:y|yr|'r)\s+)?[A-Z][\w'’-]+"
)
"""Welsh streets put the type first: "37 Heol y Nant", "thirty-seven Ffordd Penrhyn"."""
WELSH_TRIGGERS = tuple(t.lower() for t in WELSH_TYPES.split("|"))
BLOCK_TYPES = "House|Court|Tower|Towers|Heights|Point|Lodge|Mansions|Buildings|Block|Flats"
BLOCK = re.compile(rf"\b{FLAT}(?:(?:in|at|of)\s+)?(?:[Tt]he\s+)?{NAME}(?:{BLOCK_TYPES})\b")
"""A flat in a named block: "flat nine, Corran House", "flat 12 in Ardmore House"."""


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    found: set[tuple[str, int]] = set()
    for hit in pattern_hits(doc, ADDRESS, needs_digit=True):
        found.add((hit.segment.field, hit.end))
        yield finding_at(RULE, doc, hit, "street address")
    for hit in pattern_hits(doc, WORDS_ADDRESS, triggers=WORDS_TRIGGERS):
        if (hit.segment.field, hit.end) not in found:  # "flat nine, 22 Hope Street": once
            found.add((hit.segment.field, hit.end))
            yield finding_at(RULE, doc, hit, "street address (house number in words)")
    for hit in pattern_hits(doc, LOWER_ADDRESS, group="address", folded=True, needs_digit=True):
        if (hit.segment.field, hit.end) not in found:
            found.add((hit.segment.field, hit.end))
            yield finding_at(RULE, doc, hit, "street address")
    words = pattern_hits(
        doc, LOWER_WORDS_ADDRESS, group="address", folded=True, triggers=LOWER_TRIGGERS
    )
    for hit in words:
        if (hit.segment.field, hit.end) not in found:
            found.add((hit.segment.field, hit.end))
            yield finding_at(RULE, doc, hit, "street address (house number in words)")
    for hit in pattern_hits(doc, WELSH_ADDRESS, triggers=WELSH_TRIGGERS):
        yield finding_at(RULE, doc, hit, "street address")
    for hit in pattern_hits(doc, BLOCK, triggers=("flat",)):
        if (hit.segment.field, hit.end) not in found:
            yield finding_at(RULE, doc, hit, "flat and named block")


RULE = Rule(
    id="BT204",
    name="street-address",
    severity=Severity.ERROR,
    summary="Finds a house number, in figures or words, followed by a street name (14 Mill "
    "Lane, forty-one Elm Road, number twelve, Percy Street, 37 Heol y Nant), or a flat in a "
    "named block (flat nine, Corran House), in a story.",
    rationale="An address says where someone lives, or lived, and who their neighbours are.",
    hint="remove the address ('a flat near the station')",
    masks=True,
    waivable=True,
    check=check,
    examples=("I moved into forty-one Elm Road", "I moved into a flat near the station"),
)
