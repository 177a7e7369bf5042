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
    "Gardens|Grove|Square|Row|Walk|Mews|Rise|Parade|Hill|Green|View|Park|Vale|Wharf|Yard"
)
ADDRESS = re.compile(
    r"\b(?:[Ff]lat\s+\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?,?\s+"
    r"(?:[A-Z][a-z'’-]+\s+){1,3}(?:" + STREET_TYPES + r")\b\.?"
)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, ADDRESS, needs_digit=True):
        yield finding_at(RULE, doc, hit, "street address")


RULE = Rule(
    id="BT204",
    name="street-address",
    severity=Severity.ERROR,
    summary="Finds a house number followed by a street name (e.g. 14 Mill Lane) in a story.",
    rationale="An address says where someone lives, or lived, and who their neighbours are.",
    hint="remove the address ('a flat near the station')",
    masks=True,
    waivable=True,
    check=check,
    examples=("I moved into 14 Mill Lane", "I moved into a flat near the station"),
)
