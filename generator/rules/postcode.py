"""BT203: no full UK postcodes in stories."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y])"
    r" ?\d[ABD-HJLNP-UW-Z]{2})\b"
)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, POSTCODE, needs_digit=True):
        yield finding_at(RULE, doc, hit, "full UK postcode")


RULE = Rule(
    id="BT203",
    name="postcode",
    severity=Severity.ERROR,
    summary="Finds full UK postcodes (e.g. M1 1AE) in a story.",
    rationale="A full postcode narrows a place down to a handful of homes.",
    hint="remove the postcode; a town or region is usually enough, or nothing at all",
    masks=True,
    waivable=True,
    check=check,
    examples=("the hostel at M1 1AE", "a hostel in the city centre"),
)
