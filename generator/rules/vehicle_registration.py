"""BT209: no vehicle registrations."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

# current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D) formats
REGISTRATION = re.compile(
    r"\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])\b"
)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, REGISTRATION, needs_digit=True):
        yield finding_at(RULE, doc, hit, "vehicle registration")


RULE = Rule(
    id="BT209",
    name="vehicle-registration",
    severity=Severity.ERROR,
    summary="Finds UK vehicle registrations (AB12 CDE and older formats).",
    rationale="A registration leads to a registered keeper and an address.",
    hint="remove the registration ('my old van')",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my van, KX63 LMN, was towed", "my van was towed"),
)
