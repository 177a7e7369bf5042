"""BT206: no National Insurance numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

# HMRC: first letter not D F I Q U V; second not D F I O Q U V; BG GB KN NK NT TN ZZ never used
NI_NUMBER = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b"
)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, NI_NUMBER, needs_digit=True):
        yield finding_at(RULE, doc, hit, "National Insurance number")


RULE = Rule(
    id="BT206",
    name="ni-number",
    severity=Severity.ERROR,
    summary="Finds National Insurance numbers that follow HMRC's prefix rules "
    "(e.g. QQ 12 34 56 C).",
    rationale="A National Insurance number identifies one person to every public body.",
    hint="remove the number",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my NI number JT 12 34 56 A", "my NI number"),
)
