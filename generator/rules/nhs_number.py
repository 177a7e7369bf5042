"""BT207: no NHS numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, near, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment

TEN_DIGITS = re.compile(r"(?<![\d+])(\d{3})([ -]?)(\d{3})\2(\d{4})(?!\d)")
CONTEXT = re.compile(r"\b(?:NHS|patient|hospital|GP|medical|health)\b", re.IGNORECASE)


def valid_nhs_number(digits: str) -> bool:
    """The modulus-11 check digit of an NHS number."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check_digit = 11 - total % 11
    check_digit = 0 if check_digit == 11 else check_digit
    return check_digit != 10 and check_digit == int(digits[9])


def _accept(segment: Segment, match: re.Match[str]) -> bool:
    digits = match.group(1) + match.group(3) + match.group(4)
    if not valid_nhs_number(digits) or digits.startswith("0"):
        return False  # numbers starting 0 are phone numbers (BT202)
    # one random ten-digit number in eleven passes the check: also ask for the 3-3-4 layout
    # or a health word nearby
    return bool(match.group(2)) or near(segment.text, match.start(), match.end(), CONTEXT)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, TEN_DIGITS, _accept, needs_digit=True):
        yield finding_at(RULE, doc, hit, "NHS number")


RULE = Rule(
    id="BT207",
    name="nhs-number",
    severity=Severity.ERROR,
    summary="Finds NHS numbers: ten digits passing the modulus-11 check, written 3-3-4 or "
    "near a health word.",
    rationale="An NHS number identifies one person and opens their health record.",
    hint="remove the number",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("NHS number 943 476 5919", "my NHS number"),
)
