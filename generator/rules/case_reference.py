"""BT214: no court case numbers, Police National Computer ids or CRO numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, near, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment

CROWN_COURT = re.compile(r"\b[Tt] ?\d{4} ?\d{4}\b")
"""A Crown Court case number: T and eight digits, the year first (T20237012)."""
PNC = re.compile(r"\b(?P<year>\d{2}) ?/ ?(?P<serial>\d{1,7})(?P<check>[a-z])\b")
"""A Police National Computer id: two-digit year / serial number, check letter (04/123456X)."""
CRO = re.compile(r"\b(?P<serial>\d{1,6}) ?/ ?(?P<year>\d{2})(?P<check>[a-z])\b")
"""A Criminal Records Office number: serial / two-digit year, check letter (012345/19X)."""
LABEL = re.compile(
    r"\b(?:pnc|police national computer|cro|criminal records? office|case|ref(?:erence)?|"
    r"indictment|crown court|court|number|no\.|id)\b",
    re.IGNORECASE,
)
"""Words that say a shorter or spaced code is a reference."""


def _crown_court(segment: Segment, match: re.Match[str]) -> bool:
    digits = match.group().replace(" ", "")[1:]
    if not 1990 <= int(digits[:4]) <= 2099:
        return False  # the year the case began comes first
    return " " not in match.group() or near(segment.text, match.start(), match.end(), LABEL)


def _code(least: int, group: str):
    def accept(segment: Segment, match: re.Match[str]) -> bool:
        written = segment.text[match.start() : match.end()]
        labelled = near(segment.text, match.start(), match.end(), LABEL)
        if " " in written or len(match.group(group)) < least:
            return labelled  # "24/7 a day", "3/4 a": a count or a fraction, not a code
        return True

    return accept


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    searches = (
        (CROWN_COURT, _crown_court, "Crown Court case number", {"folded": False}),
        (PNC, _code(5, "serial"), "Police National Computer id", {"folded": True}),
        (CRO, _code(4, "serial"), "CRO number", {"folded": True}),
    )
    seen: set[tuple[str, int]] = set()
    for pattern, accept, what, anchors in searches:
        # the T number is found near digits in the text as written ([Tt] fails fast on most
        # letters, where a lower-case pattern would not); the others near a slash
        anchor = {"needs_digit": True} if pattern is CROWN_COURT else {"triggers": ("/",)}
        for hit in pattern_hits(doc, pattern, accept, **anchors, **anchor):
            key = (hit.segment.field, hit.end)
            if key not in seen:  # 04/123456X reads as both shapes: report it once
                seen.add(key)
                yield finding_at(RULE, doc, hit, what)


RULE = Rule(
    id="BT214",
    name="case-reference",
    severity=Severity.ERROR,
    summary="Finds Crown Court case numbers (T20237012), Police National Computer ids "
    "(04/123456X) and CRO numbers (012345/19X), with or without their labels, in any case.",
    rationale="A case number, PNC id or CRO number points to one person's court and police "
    "records: anyone with access, or a court list, can look them up.",
    hint="remove the number ('my case', 'my record')",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my PNC id was 04/123456X", "the police had me on their computer"),
)
