"""The published text of a document, field by field, with a way back to line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from generator.model import Document, PageMeta, ResourceMeta, StoryMeta


@dataclass(frozen=True)
class Segment:
    """One published field's text and where it starts in the file."""

    field: str
    """Front matter key, or 'body'."""
    text: str
    line: int | None
    column: int
    """Column (1-based) of the text's first character on ``line``."""
    editorial: bool
    """Written by editors (title, summary, resource and page text), not the storyteller."""

    @cached_property
    def folded(self) -> str:
        """The text in lower case, for cheap keyword tests before a costly pattern."""
        return self.text.lower()

    def locate(self, offset: int) -> tuple[int | None, int]:
        """(line, column) of the character at ``offset`` in ``text``."""
        if self.line is None:
            return None, offset + 1
        newlines = self.text.count("\n", 0, offset)
        if newlines == 0:
            return self.line, self.column + offset
        return self.line + newlines, offset - self.text.rfind("\n", 0, offset)


def _field(doc: Document, raw_lines: list[str], name: str, value: str, editorial: bool):
    line = doc.line_of(name)
    column = 1
    if line is not None and 0 < line <= len(raw_lines):
        found = raw_lines[line - 1].find(value)
        column = found + 1 if found >= 0 else 1
    return Segment(name, value, line, column, editorial)


def segments(doc: Document) -> list[Segment]:
    """Every field of ``doc`` that readers see, body last (computed once per document)."""
    cached = doc.cache.get("segments")
    if cached is None:
        cached = doc.cache["segments"] = _segments(doc)
    return cached


def _segments(doc: Document) -> list[Segment]:
    meta = doc.meta
    raw_lines = doc.head.split("\n")
    fields: list[tuple[str, str, bool]] = []
    if isinstance(meta, StoryMeta):
        fields = [
            ("title", meta.title, True),
            ("pseudonym", meta.pseudonym, True),
            ("summary", meta.summary, True),
        ]
    elif isinstance(meta, ResourceMeta):
        fields = [
            ("name", meta.name, True),
            ("organisation", meta.organisation, True),
            ("eligibility", meta.eligibility, True),
        ]
    elif isinstance(meta, PageMeta):
        fields = [("title", meta.title, True), ("description", meta.description, True)]
    result = [_field(doc, raw_lines, n, v, e) for n, v, e in fields if v]
    result.append(Segment("body", doc.body, doc.body_line, 1, doc.kind != "story"))
    return result


WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]."""
    left = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right_match = SENTENCE_END.search(text, end)
    right = right_match.end() if right_match else len(text)
    return left, right
