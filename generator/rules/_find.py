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
    needs_digit: bool = False,
) -> Iterator[Hit]:
    """Every match of ``pattern`` in the published fields that ``accept`` keeps.

    The pattern runs only where it can match, which keeps a check of thousands of stories
    fast: with ``triggers``, every match contains one of them (in lower case), and the
    pattern runs near where they occur; with ``needs_digit``, every match contains a digit,
    and it runs near digits. Either way a match must lie within text.REACH tokens of its
    anchor (tests/test_windows.py holds each pattern to that). With ``folded``, a lower-case
    ``pattern`` runs on the lower-cased text, three times faster than IGNORECASE."""
    wanted = set(fields) if fields is not None else None
    triggers = tuple(triggers)
    for segment in segments(doc):
        if wanted is not None and segment.field not in wanted:
            continue
        if triggers:
            windows = segment.windows_around(triggers)
        elif needs_digit:
            windows = segment.digit_windows
        else:
            windows = [(0, len(segment.text))]
        if folded and len(segment.folded) == len(segment.text):
            text, compiled = segment.folded, pattern
        elif folded:  # lower-casing changed the length (rare letters): offsets would drift
            text, compiled = segment.text, ignoring_case(pattern)
        else:
            text, compiled = segment.text, pattern
        for start, end in windows:
            for match in compiled.finditer(text, start, end):
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
