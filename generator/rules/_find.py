"""Shared matching for the text rules: run a pattern over a document's published fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from generator.findings import Finding
from generator.model import Document
from generator.rules.base import Rule
from generator.text import Segment, segments


@dataclass(frozen=True)
class Hit:
    segment: Segment
    start: int
    end: int
    match: re.Match[str] | None = None
    """The match itself, when a pattern produced this hit."""

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]


def pattern_hits(
    doc: Document,
    pattern: re.Pattern[str],
    accept: Callable[[Segment, re.Match[str]], bool] | None = None,
    fields: Iterable[str] | None = None,
    group: int | str = 0,
    triggers: Iterable[str] = (),
    folded: bool = False,
) -> Iterator[Hit]:
    """Every match of ``pattern`` in the published fields that ``accept`` keeps. When
    ``triggers`` are given, a field containing none of them (in lower case) is skipped
    without running the pattern: every match must contain one of them. With ``folded``, a
    lower-case ``pattern`` runs on the lower-cased text, three times faster than IGNORECASE."""
    wanted = set(fields) if fields is not None else None
    triggers = tuple(triggers)
    for segment in segments(doc):
        if wanted is not None and segment.field not in wanted:
            continue
        if triggers:
            folded = segment.folded
            if not any(trigger in folded for trigger in triggers):
                continue
        if folded and len(segment.folded) == len(segment.text):
            matches = pattern.finditer(segment.folded)
        elif folded:  # lower-casing changed the length (rare letters): offsets would drift
            matches = ignoring_case(pattern).finditer(segment.text)
        else:
            matches = pattern.finditer(segment.text)
        for match in matches:
            if accept is None or accept(segment, match):
                yield Hit(segment, match.start(group), match.end(group), match)


@lru_cache(maxsize=64)
def ignoring_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)


def finding_at(rule: Rule, doc: Document, hit: Hit, message: str, **kwargs) -> Finding:
    line, column = hit.segment.locate(hit.start)
    where = "" if hit.segment.field == "body" else f"{hit.segment.field}: "
    return rule.finding(doc, where + message, line, column, match=hit.text, **kwargs)


def near(text: str, start: int, end: int, words: re.Pattern[str], reach: int = 60) -> bool:
    """True when ``words`` occurs within ``reach`` characters of text[start:end]."""
    return bool(words.search(text, max(0, start - reach), min(len(text), end + reach)))
