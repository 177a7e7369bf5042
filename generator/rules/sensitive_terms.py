"""BT213: no term from the editors' private list of identifying names, places and nicknames."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule


@lru_cache(maxsize=4)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in cleaned)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    pattern = _pattern(ctx.sensitive_terms)
    if pattern is None:
        return
    for hit in pattern_hits(doc, pattern):
        yield finding_at(RULE, doc, hit, "term from the private sensitive-terms list")


RULE = Rule(
    id="BT213",
    name="sensitive-term",
    severity=Severity.ERROR,
    summary="Finds any term from the private sensitive-terms file (one per line, kept outside "
    "the repository; --sensitive-terms PATH or BEENTHERE_SENSITIVE_TERMS).",
    rationale="Editors know names, places and nicknames that identify someone but that no "
    "general rule can: a wing's nickname, a small village, a mentor's street name.",
    hint="remove or generalise the term",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("we met at the Harrowby drop-in", "we met at a drop-in"),
)
