"""Shared matching for the text rules: run a pattern over a document's published fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# the parser re itself uses: private, but stable since Python 3.11 and exercised by
# tests/test_windows.py on generated patterns
from re import _constants as sre  # noqa: I001
from re import _parser as sre_parse

from generator.findings import Finding
from generator.model import Document
from generator.rules.base import Rule
from generator.text import Segment, needle_spans, segments


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
    starts: Starts | None = None,
    editorial: bool | None = None,
) -> Iterator[Hit]:
    """Every match of ``pattern`` in the published fields that ``accept`` keeps.

    The pattern runs only where it can match, which keeps a check of thousands of stories
    fast: with ``triggers``, every match contains one of them (in lower case), and the
    pattern runs near where they occur; with ``needs_digit``, every match contains a digit,
    and it runs near digits. Either way a match must lie within text.REACH tokens of its
    anchor (tests/test_windows.py holds each pattern to that). With ``starts`` (see
    ``start_finder``), the pattern is tried only where that finds a place a match can start.
    With ``folded``, a lower-case ``pattern`` runs on the lower-cased text, three times faster
    than IGNORECASE. With ``editorial``, only the segments that editors (True) or storytellers
    (False) wrote are searched."""
    wanted = set(fields) if fields is not None else None
    triggers = tuple(triggers)
    plan = _plan(pattern)
    longest = plan.longest
    for segment in segments(doc):
        if wanted is not None and segment.field not in wanted:
            continue
        if editorial is not None and segment.editorial != editorial:
            continue
        if len(segment.text) <= WHOLE_FIELD and (triggers or needs_digit):
            # a title or a summary: read whole when its anchors are in it at all, without
            # the cost of working out windows in it (a third of a check for most stories)
            anchored = segment.holds(triggers) if triggers else segment.has_digits
            windows = [(0, len(segment.text))] if anchored else []
        elif triggers:
            windows = segment.windows_around(triggers, longest)
        elif needs_digit:
            windows = (
                segment.digit_windows if longest is None else segment.digit_windows_within(longest)
            )
        else:
            windows = [(0, len(segment.text))]
        if not windows and starts is None:
            continue  # none of its anchors here: most fields, for most patterns
        if folded and len(segment.folded) == len(segment.text):
            text, compiled = segment.folded, plan.quick
        elif folded:  # lower-casing changed the length (rare letters): offsets would drift
            text, compiled = segment.text, ignoring_case(pattern)
        else:
            text, compiled = segment.text, plan.quick
        if starts is not None and text is segment.folded:
            matches = _matches_at(pattern, text, starts.positions(text, segment.occurrences))
        else:
            matches = (m for start, end in windows for m in compiled.finditer(text, start, end))
        for match in matches:
            if accept is None or accept(segment, match):
                yield Hit(segment, match.start(group), match.end(group), match)


WHOLE_FIELD = 400
"""Fields up to this many characters are searched whole when they hold an anchor at all."""
LONGEST_WINDOWED = 48
"""Longest match, in characters, for which a pattern is looked for within that many characters
of its anchor rather than within REACH tokens (codes, numbers, registrations)."""


def longest_match(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of ``pattern`` can span, when it is short enough to window
    by characters; None for a pattern that can reach further, or one not understood."""
    return _plan(pattern).longest


@dataclass(frozen=True)
class _Plan:
    """What pattern_hits reads from a pattern once, not once per story."""

    pattern: re.Pattern[str]
    longest: int | None
    quick: re.Pattern[str]
    """The pattern, failing fast where no match can start (see quick_failing)."""


_PLANS: dict[int, _Plan] = {}


def _plan(pattern: re.Pattern[str]) -> _Plan:
    # kept by identity: hashing a compiled pattern walks its whole program (a list of a
    # thousand names), once per rule and story with lru_cache
    known = _PLANS.get(id(pattern))
    if known is None or known.pattern is not pattern:
        known = _PLANS[id(pattern)] = _Plan(pattern, _longest(pattern), quick_failing(pattern))
    return known


def _longest(pattern: re.Pattern[str]) -> int | None:
    try:
        longest = sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1]
    except (re.error, RecursionError, TypeError, ValueError):
        return None
    return longest if longest <= LONGEST_WINDOWED else None


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def quick_failing(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead for the characters its matches can start with
    ("(?=[\\dFf])"), when they can be read from it: the same matches, but at each place where
    none can start it fails at once instead of trying every branch (re does this by itself
    only when the pattern opens with a literal or a class, not after \\b or a lookbehind).
    Twice as fast for the date patterns, at every digit of every story."""
    chars = _first_characters(pattern)
    if chars is None:
        return pattern
    source = pattern.pattern
    flags = _GLOBAL_FLAGS.match(source)
    head = flags.group() if flags else ""  # global flags must stay first
    return re.compile(f"{head}(?={chars}){source[len(head) :]}", pattern.flags)


class _Unknown(Exception):
    """A match could start with a character that no class here describes."""


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_WORD: r"\w",
}


def _first_characters(pattern: re.Pattern[str]) -> str | None:
    """A class of every character a match of ``pattern`` can start with, or None."""
    try:
        items: set[str] = set()
        if _first_of(sre_parse.parse(pattern.pattern, pattern.flags), items):
            return None  # it can match the empty string
    except (_Unknown, re.error, RecursionError, TypeError, ValueError):
        return None
    return "[" + "".join(sorted(items)) + "]"


def _first_of(sequence, items: set[str]) -> bool:
    """Adds to ``items`` what the parsed ``sequence`` can start with; True when it can match
    nothing at all (then what follows it can start the match)."""
    for op, av in sequence:
        if op in _ZERO_WIDTH:
            continue
        if not _first_of_item(op, av, items):
            return False
    return True


def _first_of_item(op, av, items: set[str]) -> bool:
    if op is sre.LITERAL:
        items.add(_in_class(av))
        return False
    if op is sre.IN:
        for kind, value in av:
            if kind is sre.LITERAL:
                items.add(_in_class(value))
            elif kind is sre.RANGE:
                items.add(f"{_in_class(value[0])}-{_in_class(value[1])}")
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                items.add(_CATEGORIES[value])
            else:
                raise _Unknown  # a negated class, or one of its complements
        return False
    if op is sre.SUBPATTERN:
        _, add_flags, _, sequence = av
        if add_flags & re.IGNORECASE:
            raise _Unknown  # (?i:...) inside: its letters stand for either case
        return _first_of(sequence, items)
    if op is sre.BRANCH:
        return any([_first_of(branch, items) for branch in av[1]])  # every branch added
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, sequence = av
        return _first_of(sequence, items) or least == 0
    if op is sre.ATOMIC_GROUP:
        return _first_of(av, items)
    raise _Unknown


def _in_class(code: int) -> str:
    return "\\" + chr(code) if chr(code) in "\\]^-[" else chr(code)


def _matches_at(
    pattern: re.Pattern[str], text: str, positions: list[int]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, trying the pattern only at ``positions``."""
    end = 0
    for start in positions:
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                end = max(match.end(), start + 1)
                yield match


@dataclass(frozen=True)
class Starts:
    """Where every match of a pattern starts: at one of ``heads``, its literal beginnings
    (letters and digits, none the beginning of another), and at the start of a word only
    when ``word``."""

    heads: tuple[str, ...]
    word: bool

    def positions(
        self, text: str, spans: Callable[[tuple[str, ...]], list[tuple[int, int]]] | None = None
    ) -> list[int]:
        """The places in ``text``, in order. ``spans`` finds the heads in it when given (a
        segment's ``occurrences``), else needle_spans does."""
        heads = needle_spans(text, self.heads) if spans is None else spans(self.heads)
        found = sorted({start for start, _ in heads})
        if self.word:
            return [at for at in found if at == 0 or not _word_character(text[at - 1])]
        return found


def _word_character(character: str) -> bool:
    return character.isalnum() or character == "_"  # what \w means to re, as Unicode


@lru_cache(maxsize=32)
def start_finder(pattern: str, size: int = 8) -> Starts | None:
    """Where ``pattern`` can match, read from the pattern itself: the literal text, up to
    ``size`` letters or digits, that every match starts with. None when some match could
    start with anything (scan the whole text then).

    A pattern of sixty phrases tries each at every word; its beginnings are found instead in
    one pass of an automaton (text.needle_spans), and the pattern tried only there: twice as
    fast on a story as a pattern that finds the beginnings."""
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None  # its letters would stand for either case
        found = _expand(parsed, size)
    except (re.error, RecursionError, AttributeError, TypeError, ValueError):
        return None  # not understood: the whole text is scanned, as without a finder
    heads = {re.match(r"\w*", text).group() for text, _ in found}  # type: ignore[union-attr]
    if "" in heads:
        return None
    # "ex" finds every place "exo" would: keep the shortest, so that no head begins another
    heads = {h for h in heads if not any(h != o and h.startswith(o) for o in heads)}
    return Starts(tuple(sorted(heads)), _starts_a_word(parsed))


def _starts_a_word(parsed) -> bool:
    for op, av in parsed:
        if op is sre.AT:
            return av is sre.AT_BOUNDARY
        if op is not sre.ASSERT:
            return False
    return False


_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_MAX_HEADS = 4096


def _expand(items, size: int) -> set[tuple[str, bool]]:
    """The literal beginnings of every match of a parsed pattern: (text, whether the match may
    go on with whatever follows these items)."""
    found = {("", True)}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        options = _options(op, av, size)
        if options is None:
            return {(text, False) for text, _ in found}
        grown = set()
        for text, open_ in found:
            if not open_ or len(text) >= size:
                grown.add((text, False))
                continue
            for more, more_open in options:
                joined = text + more
                grown.add((joined[:size], more_open and len(joined) < size))
        if len(grown) > _MAX_HEADS:
            return {(text, False) for text, _ in found}
        found = grown
    return found


def _options(op, av, size: int) -> set[tuple[str, bool]] | None:
    if op is sre.LITERAL:
        return {(chr(av), True)}
    if op is sre.IN:
        if any(kind is not sre.LITERAL for kind, _ in av):
            return None
        return {(chr(code), True) for _, code in av}
    if op is sre.SUBPATTERN:
        _, add_flags, _, items = av
        return None if add_flags & re.IGNORECASE else _expand(items, size)
    if op is sre.BRANCH:
        return {option for branch in av[1] for option in _expand(branch, size)}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        least, most, item = av
        once = _expand(item, size)
        if least == 0:
            return once | {("", most == 1)}  # absent; after more than one, unknown
        return once if most == 1 else {(text, False) for text, _ in once}
    return None


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
