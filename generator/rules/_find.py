"""Shared matching for the text rules: run a pattern over a document's published fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from generator.findings import Finding
from generator.model import Document
from generator.rules.base import Rule
from generator.text import Segment, segments


@dataclass(frozen=True)
class Hit:
    segment: Segment
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]


def pattern_hits(
    doc: Document,
    pattern: re.Pattern[str],
    accept: Callable[[Segment, re.Match[str]], bool] | None = None,
    fields: Iterable[str] | None = None,
    group: int | str = 0,
) -> Iterator[Hit]:
    """Every match of ``pattern`` in the published fields that ``accept`` keeps."""
    wanted = set(fields) if fields is not None else None
    for segment in segments(doc):
        if wanted is not None and segment.field not in wanted:
            continue
        for match in pattern.finditer(segment.text):
            if accept is None or accept(segment, match):
                yield Hit(segment, match.start(group), match.end(group))


def finding_at(rule: Rule, doc: Document, hit: Hit, message: str, **kwargs) -> Finding:
    line, column = hit.segment.locate(hit.start)
    where = "" if hit.segment.field == "body" else f"{hit.segment.field}: "
    return rule.finding(doc, where + message, line, column, match=hit.text, **kwargs)


def near(text: str, start: int, end: int, words: re.Pattern[str], reach: int = 60) -> bool:
    """True when ``words`` occurs within ``reach`` characters of text[start:end]."""
    return bool(words.search(text, max(0, start - reach), min(len(text), end + reach)))
