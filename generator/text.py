"""The published text of a document, field by field, with a way back to line and column."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

import ahocorasick_rs

from generator.fold import OffsetMap
from generator.model import ConfigText, Document, PageMeta, ResourceMeta, StoryMeta
from generator.readertext import reader_text

DIGITS = re.compile(r"\d+")
REACH = 8
"""Whitespace-separated tokens that a windowed pattern may span either side of its anchor
("date of birth is 14 March 2019", "my case is due to start", "Flat 2, 14 Grace Darling
Hope Street"); a pattern reaching further must search the whole text."""
LONGEST_TOKEN = 256
"""A run without whitespace counts as a token per this many characters: no identifier is
longer, and a 900 KB run of 'a@' must not be scanned to its end for every '@'."""
TOKENS = re.compile(rf"(?:\s*\S{{1,{LONGEST_TOKEN}}}){{0,{REACH}}}")
TOKEN = re.compile(rf"\S{{1,{LONGEST_TOKEN}}}")
WIDTH_STEP = 16
"""Character windows are made for widths in steps of this: a little more text to scan, but
one computation for the six codes (6 to 13 characters) that every story's numbers are read
for, not six."""
MANY_SPANS = 64
"""From this many anchors in one text, its tokens are found once and windows looked up in
them (linear), instead of widening each anchor by a pattern match."""


@dataclass(frozen=True)
class Segment:
    """One published field's text as a reader sees it (see generator.readertext), and where
    its source starts in the file."""

    field: str
    """Front matter key ('contact.address' for a nested one), or 'body'."""
    text: str
    """What the reader sees: markdown rendered, entities decoded, folded (generator.fold)."""
    line: int | None
    column: int
    """Column (1-based) of the source's first character on ``line``."""
    editorial: bool
    """Written by editors (title, summary, resource and page text), not the storyteller."""
    source: str | None = None
    """The field as written, when it differs from ``text``."""
    map: OffsetMap | None = None
    """From offsets in ``text`` to offsets in ``source``."""

    @classmethod
    def read(
        cls, field: str, source: str, line: int | None, column: int, editorial: bool
    ) -> Segment:
        """The segment of a field whose source is ``source``."""
        text, offsets = reader_text(source)
        written = None if text == source else source
        return cls(field, text, line, column, editorial, written, offsets)

    def as_written(self) -> Segment:
        """This field's source text, for the rules that judge markup itself."""
        if self.source is None:
            return self
        return Segment(self.field, self.source, self.line, self.column, self.editorial)

    @cached_property
    def folded(self) -> str:
        """The text in lower case, for cheap keyword tests before a costly pattern."""
        return self.text.lower()

    @cached_property
    def digit_windows(self) -> list[tuple[int, int]]:
        """Where a pattern that needs a digit can match: the text within REACH tokens of
        each run of digits. Prose without digits has none."""
        return self._around(self._digit_runs)

    @cached_property
    def _digit_runs(self) -> list[tuple[int, int]]:
        return digit_runs(self.text)

    def digit_windows_within(self, width: int) -> list[tuple[int, int]]:
        """Where a pattern whose matches are at most ``width`` characters long and hold a
        digit can match: ``width`` characters either side of each run of digits (a code of
        nine characters need not be looked for across sixteen words)."""
        width = -(-width // WIDTH_STEP) * WIDTH_STEP  # one set of windows for widths 1 to 16
        key = ("digits", width)
        found = self._windows.get(key)
        if found is None:
            runs = self._digit_runs
            found = self._windows[key] = _within(self.text, runs, width) if runs else []
        return found

    def windows_of(self, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
        """The text within REACH tokens of each match of ``anchor``, a cheap pattern that
        a costly one's every match contains."""
        found = self._windows.get(anchor)
        if found is None:
            found = self._windows[anchor] = self._around(
                [match.span() for match in anchor.finditer(self.text)]
            )
        return found

    @cached_property
    def _windows(self) -> dict[re.Pattern[str] | tuple[str, ...], list[tuple[int, int]]]:
        """Windows found so far, by anchor pattern or by needles."""
        return {}

    def windows_around(
        self, needles: tuple[str, ...], width: int | None = None
    ) -> list[tuple[int, int]]:
        """Where a pattern whose every match contains one of ``needles`` (lower case) can
        match: the text within REACH tokens of each place they occur, or within ``width``
        characters for a pattern whose matches are no longer than that."""
        key = _NEEDLE_SETS.key(needles)
        found = self._windows.get((key, width))
        if found is None:
            if len(self.folded) != len(self.text):  # lower-casing moved the offsets: search it all
                found = [(0, len(self.text))]
            else:
                spans = self._spans(key)
                if not spans:
                    found = []
                elif width is None:
                    found = self._around(sorted(spans))
                else:
                    found = _within(self.text, sorted(spans), width)
            self._windows[(key, width)] = found
        return found

    @property
    def has_digits(self) -> bool:
        return bool(self._digit_runs)

    def holds(self, needles: tuple[str, ...]) -> bool:
        """Whether one of ``needles`` (lower case) is in the text."""
        if len(self.folded) != len(self.text):
            return True  # lower-casing moved the offsets: as windows_around, search it all
        return bool(self._spans(_NEEDLE_SETS.key(needles)))

    def occurrences(self, needles: tuple[str, ...]) -> list[tuple[int, int]]:
        """``needle_spans(self.folded, needles)``, in the same order, read from one automaton
        pass over the folded text for every needle set asked of any segment so far: a story
        is scanned once, not once for each rule's set (seven sets: 0.9 s for 2,000 stories
        in separate passes, 0.13 s in one)."""
        if not needles:
            return []
        return self._spans(_NEEDLE_SETS.key(needles))

    def _spans(self, key: int) -> list[tuple[int, int]]:
        scan = self._scan
        if scan[0] != _NEEDLE_SETS.version:
            index: dict[str, list[int]] = {}
            needles = _NEEDLE_SETS.needles
            for which, _, end in _NEEDLE_SETS.automaton.find_matches_as_indexes(
                self.folded, overlapping=True
            ):
                index.setdefault(needles[which], []).append(end)
            scan[:] = [_NEEDLE_SETS.version, index, {}]
        if not scan[1]:
            return []  # most fields hold none of the needles
        found = scan[2].get(key)
        if found is None:
            found = scan[2][key] = _NEEDLE_SETS.spans(scan[1], key)
        return found

    @cached_property
    def _scan(self) -> list:
        """[version of _NEEDLE_SETS, {needle: [end offset of each occurrence]}, {needle set
        key: its spans}]."""
        return [-1, {}, {}]

    def _around(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sorted ``spans`` widened by REACH whitespace-separated tokens each way, merged."""
        if not spans:
            return []
        text = self.text
        if len(spans) >= MANY_SPANS:
            return _around_tokens(text, spans, whole_when_dense=True)
        size = len(text)
        backwards = text[::-1]
        windows: list[tuple[int, int]] = []
        for start, end in spans:
            start = size - TOKENS.match(backwards, size - start).end()
            end = TOKENS.match(text, end).end()
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))
        return windows

    def locate(self, offset: int) -> tuple[int | None, int]:
        """(line, column) in the file of the character at ``offset`` in ``text``."""
        source = self.text if self.source is None else self.source
        if self.map is not None:
            offset = min(self.map.source(offset), len(source))
        if self.line is None:
            return None, offset + 1
        newlines = bisect_left(self._newlines, offset)
        if newlines == 0:
            return self.line, self.column + offset
        return self.line + newlines, offset - self._newlines[newlines - 1]

    @cached_property
    def _newlines(self) -> list[int]:
        """Offsets of the source's newlines: a story with thousands of findings is located in
        linear time."""
        source = self.text if self.source is None else self.source
        return [match.start() for match in re.finditer("\n", source)]


def _around_tokens(
    text: str, spans: list[tuple[int, int]], whole_when_dense: bool = False
) -> list[tuple[int, int]]:
    """What Segment._around computes, from one pass over the tokens: each span widened by
    REACH tokens either side (the part of a token the span cuts counts as one), merged; with
    ``whole_when_dense``, the whole text when there are so many spans that the windows would
    cover most of it (merging 80,000 of them costs more than scanning it)."""
    starts, ends = [], []
    for token in TOKEN.finditer(text):
        starts.append(token.start())
        ends.append(token.end())
    if whole_when_dense and len(spans) * 2 * REACH >= len(starts):
        return [(0, len(text))]  # anchors so dense that the windows would cover it all
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        before = bisect_right(ends, start)  # tokens ending at or before the span's start
        if before < len(starts) and starts[before] < start:
            before += 1  # the span starts inside a token: its first part is one token
        low = starts[max(0, before - REACH)] if before else start
        after = bisect_left(starts, end)  # the first token starting at or after its end
        if after and ends[after - 1] > end:
            after -= 1  # it ends inside a token: the rest of that token is one
        high = ends[min(len(ends), after + REACH) - 1] if after < len(ends) else end
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _within(text: str, spans: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """The sorted ``spans`` widened by ``width`` characters each way, merged; each window ends
    where a token does, so that what follows a match (\\b, (?!\\d)) reads as in the whole text."""
    windows: list[tuple[int, int]] = []
    size = len(text)
    for start, end in spans:
        low = max(0, start - width)
        high = min(size, end + width)
        if high < size and not text[high - 1].isspace():
            token = TOKEN.match(text, high)
            high = token.end() if token is not None else high
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


AUTOMATON_MIN = 5
"""From this many needles, one pass of an Aho-Corasick automaton over the text costs less
than a str.find pass for each (measured: 10 needles, half the time)."""


_NEVER = "\x00"
"""Stands in for an empty list of needles, which the automaton refuses (a NUL found is
indexed under it, and no set asks for it)."""


def needle_spans(text: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """Every occurrence of every needle, overlapping ones included, in no particular order."""
    if len(needles) >= AUTOMATON_MIN:
        return [
            (start, end)
            for _, start, end in _automaton(needles).find_matches_as_indexes(text, overlapping=True)
        ]
    spans = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = text.find(needle, at + 1)
    return spans


def _build(needles: list[str]) -> ahocorasick_rs.AhoCorasick:
    """An automaton reporting every occurrence, overlapping ones too, with offsets in
    characters. The DFA form costs 3 ms to build for 1,500 needles and scans a story in less
    than half the time of the others (32 µs against 77)."""
    return ahocorasick_rs.AhoCorasick(
        needles,
        matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.DFA,
    )


class _NeedleSets:
    """Every needle set asked of a segment (Segment.occurrences), in one automaton. Rules ask
    for the same few sets of every story, so after the first story it no longer changes."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, ...], int] = {}
        self.sets: list[tuple[tuple[str, ...], frozenset[str]]] = []
        self.by_id: dict[int, tuple[tuple[str, ...], int]] = {}
        self.needles = [_NEVER]
        self.automaton = _build(self.needles)
        self.version = 0

    def key(self, needles: tuple[str, ...]) -> int:
        """A small number for the set: rules pass the same tuple object for every story, and
        hashing a tuple of a thousand place names for each field and rule would cost more
        than the lookups it keys."""
        known = self.by_id.get(id(needles))
        if known is not None and known[0] is needles:
            return known[1]
        key = self.keys.get(needles)
        if key is None:
            key = self.keys[needles] = len(self.sets)
            self.sets.append((needles, frozenset(needles)))
            self._rebuild()
        if len(self.by_id) < 256:  # held, so that the id is not reused by another tuple
            self.by_id[id(needles)] = (needles, key)
        return key

    def _rebuild(self) -> None:
        needles = frozenset().union(*(wanted for _, wanted in self.sets)) - {""}
        self.needles = sorted(needles) or [_NEVER]
        self.automaton = _build(self.needles)
        self.version += 1

    def spans(self, index: dict[str, list[int]], key: int) -> list[tuple[int, int]]:
        """What needle_spans gives for set ``key``, from a text's ``index`` (needle: end
        offsets): an automaton reports by end offset, the longest needle first; str.find
        needle by needle."""
        needles, wanted = self.sets[key]
        if len(needles) < AUTOMATON_MIN:
            return [(end - len(n), end) for n in needles for end in index.get(n, ())]
        found = [(end - len(n), end) for n, ends in index.items() if n in wanted for end in ends]
        found.sort(key=_end_then_start)
        return found


def _end_then_start(span: tuple[int, int]) -> tuple[int, int]:
    return span[1], span[0]


_NEEDLE_SETS = _NeedleSets()


@lru_cache(maxsize=16)
def _automaton(needles: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick:
    return _build(sorted(set(needles) - {""}) or [_NEVER])


_ASCII_DIGITS_TO_NUL = bytes.maketrans(b"0123456789", bytes(10))


def digit_runs(text: str) -> list[tuple[int, int]]:
    r"""The spans of ``\d+`` in ``text``, five times faster than the pattern on prose, where
    digits are few: a copy with each ASCII digit as a NUL byte is searched with bytes.find,
    and the pattern runs only from there. Text with other digits (Arabic-Indic, full-width:
    ``\d`` matches them too) or with NULs of its own is left to the pattern."""
    raw = text.encode("ascii", "replace")  # a byte per character: offsets stay the same
    if 0 in raw or (not text.isascii() and _has_other_digits(text, raw)):
        return [match.span() for match in DIGITS.finditer(text)]
    marked = raw.translate(_ASCII_DIGITS_TO_NUL)
    runs = []
    at = marked.find(0)
    while at >= 0:
        end = DIGITS.match(text, at).end()  # type: ignore[union-attr]
        runs.append((at, end))
        at = marked.find(0, end)
    return runs


def _has_other_digits(text: str, raw: bytes) -> bool:
    r"""Whether a character beyond ASCII is a digit to ``\d`` (str.isdecimal, as in re)."""
    if raw.count(b"?") - text.count("?") > len(text) // 8:
        return True  # mostly beyond ASCII (Welsh is not; Greek is): not worth a loop
    at = raw.find(b"?")  # where encoding replaced a character, or a real question mark
    while at >= 0:
        if text[at].isdecimal():
            return True
        at = raw.find(b"?", at + 1)
    return False


def _field(
    doc: Document,
    raw_lines: list[str],
    name: str,
    value: str,
    editorial: bool,
    path: tuple[str | int, ...] | None = None,
) -> Segment:
    line = doc.line_of(*(path or name.split(".")))
    column = 1
    if line is not None and 0 < line <= len(raw_lines):
        found = raw_lines[line - 1].find(value)
        column = found + 1 if found >= 0 else 1
    return Segment.read(name, value, line, column, editorial)


def segments(doc: Document) -> list[Segment]:
    """Every field of ``doc`` that readers see, as they see it, body last (computed once per
    document)."""
    cached = doc.cache.get("segments")
    if cached is None:
        cached = doc.cache["segments"] = _segments(doc)
    return cached


def source_segments(doc: Document) -> list[Segment]:
    """The same fields as written, for the rules that judge markup (tags, links, images)."""
    cached = doc.cache.get("source_segments")
    if cached is None:
        cached = doc.cache["source_segments"] = [s.as_written() for s in segments(doc)]
    return cached


def _segments(doc: Document) -> list[Segment]:
    meta = doc.meta
    raw_lines = doc.head.split("\n")
    fields: list[tuple[str, str | None, bool]] = []
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
            ("contact.address", meta.contact.address, True),
            ("contact.text", meta.contact.text, True),
        ]
    elif isinstance(meta, PageMeta):
        fields = [("title", meta.title, True), ("description", meta.description, True)]
    elif isinstance(meta, ConfigText):
        return [_field(doc, raw_lines, n, v, True, p) for n, p, v in meta.strings if v]
    result = [_field(doc, raw_lines, n, v, e) for n, v, e in fields if v]
    result.append(Segment.read("body", doc.body, doc.body_line, 1, doc.kind != "story"))
    return result


WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
SENTENCE_REACH = 600
"""Characters either side of a match that its sentence is taken to reach at most."""


def sentence_bounds(
    text: str, start: int, end: int, reach: int = SENTENCE_REACH
) -> tuple[int, int]:
    """The sentence around text[start:end], taken no further than ``reach`` characters
    either side (so that asking for many sentences costs time linear in the text)."""
    left = max(0, start - reach)
    for match in SENTENCE_END.finditer(text, left, start):
        left = match.end()
    right_match = SENTENCE_END.search(text, end, end + reach)
    right = right_match.end() if right_match else min(len(text), end + reach)
    return left, right
