"""Fold text to the letters a reader sees: one form for every way of writing the same thing on
screen, so that a rule's pattern, or the leak check's shingles, cannot be dodged with a
zero-width joiner, a soft hyphen, a full-width digit or a Cyrillic letter that looks Latin."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from confusable_homoglyphs import confusables


@dataclass(frozen=True)
class OffsetMap:
    """Where each character of a changed text came from: ``breaks`` are (new offset, old
    offset) pairs, sorted; between two breaks the texts run in step."""

    breaks: tuple[tuple[int, int], ...]
    then: OffsetMap | None = None
    """A map from the old text on to an older one, when the text was changed twice."""

    def source(self, offset: int) -> int:
        """The offset in the oldest text of the character at ``offset`` in the new one."""
        at = bisect_right(self.breaks, (offset, float("inf"))) - 1
        if at >= 0:
            new, old = self.breaks[at]
            offset = old + (offset - new)
        return offset if self.then is None else self.then.source(offset)

    def followed_by(self, older: OffsetMap | None) -> OffsetMap:
        """This map, then ``older``: for a text changed from ``older``'s old text."""
        if older is None:
            return self
        then = older if self.then is None else self.then.followed_by(older)
        return OffsetMap(self.breaks, then)


@lru_cache(maxsize=1)
def _look_alikes() -> dict[str, str]:
    """Letters and digits from other scripts that Unicode lists as confusable with one ASCII
    letter or digit (Cyrillic а, Greek Ο, Cherokee Ꭺ …), and the ASCII they pass for."""
    table: dict[str, str] = {}
    for character, glyphs in confusables.confusables_data.items():
        if len(character) != 1 or character.isascii():
            continue
        for glyph in glyphs:
            latin = glyph["c"]
            if len(latin) == 1 and latin.isascii() and (latin.isalnum() or latin in "'@."):
                table[character] = latin
                break
    return table


@lru_cache(maxsize=4096)
def fold_character(character: str) -> str:
    """What one character stands for on screen: '' for format characters (zero-width
    space, joiner, soft hyphen, bidi marks), '-' for every dash and hyphen, its compatibility
    form (full-width Ａ is A, ﬁ is fi), and look-alike letters as the Latin they pass for.
    Letters with accents stay as they are: Siobhán is not Siobhan."""
    category = unicodedata.category(character)
    if category == "Cf":
        return ""
    if category == "Pd" or character == "\u2212":
        return "-"
    if category == "Zs":
        return " "  # no-break and thin spaces, ideographic space
    compatible = unicodedata.normalize("NFKC", character)
    if len(compatible) > 1 and not any(c.isalnum() for c in compatible):
        compatible = character  # '…' stays one character: '...' would move offsets for nothing
    look_alikes = _look_alikes()
    return "".join(look_alikes.get(c, c) for c in compatible)


def fold(text: str) -> str:
    """``text`` as a reader sees it, folded (see ``fold_character``)."""
    return fold_with_map(text)[0]


def fold_with_map(text: str) -> tuple[str, OffsetMap | None]:
    """The folded text and, when characters were dropped or expanded, the map back to
    ``text`` (None when every character folded to exactly one)."""
    if text.isascii():
        return text, None
    table = {ord(c): fold_character(c) for c in set(text) if not c.isascii()}
    folded = text.translate(table)
    uneven = {chr(code) for code, into in table.items() if len(into) != 1}
    if not uneven:
        return folded, None
    breaks: list[tuple[int, int]] = []
    shift = 0  # new offset minus old offset so far
    for match in _uneven_pattern(frozenset(uneven)).finditer(text):
        into = table[ord(match.group())]
        shift += len(into) - 1
        breaks.append((match.end() + shift, match.end()))  # what follows runs in step again
    return folded, OffsetMap(tuple(breaks))


@lru_cache(maxsize=64)
def _uneven_pattern(characters: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(characters)) + "]")
