"""BT202: no phone numbers in stories (UK forms; the site's own helplines are allowed)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import Hit, finding_at, ignoring_case
from generator.rules.base import Context, Rule
from generator.text import DIGITS, Segment, digit_runs, needle_spans, segments

MIN_DIGITS = 10
"""UK numbers have 10 or 11 digits; shorter runs are years, prices, counts or short codes."""


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=8)
def _helplines(numbers: tuple[str, ...]) -> frozenset[str]:
    allowed = set()
    for raw in numbers:
        try:
            allowed.add(_e164(phonenumbers.parse(raw, "GB")))
        except phonenumbers.NumberParseException:
            continue
    return frozenset(allowed)


SPOKEN_DIGITS = {
    "zero": "0", "nought": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3",
    "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_WORD = "|".join(sorted(SPOKEN_DIGITS, key=len, reverse=True))
_TOKEN = (
    rf"(?:(?:double|triple|treble)[ -])?(?:{_WORD})(?:[ -](?:hundred|thousand))?\b"
    r"|(?:double|triple|treble)[ -]\d\b|[\do]{0,6}\d[\do]{0,6}\b"
)
SPOKEN = re.compile(rf"(?<![\w+])(?:\+|plus )?(?:{_TOKEN})(?:[ .,/-]{{1,2}}(?:{_TOKEN})){{1,22}}")
"""A number read out or typed with words or the letter O among the digits: "oh seven seven
double oh nine double oh one two three", "07700 nine hundred 123", "O77OO 9OO123"."""
TOKEN = re.compile(rf"(?:\+|plus )?(?:{_TOKEN})")
SPOKEN_NEEDLES = (*(word for word in SPOKEN_DIGITS if word != "o"), "double", "treble",
    "triple", "hundred", "thousand")  # fmt: skip
"""Where a number read out can be: its words ("o" alone is in every word: a run with it has
others too)."""
CLUSTER_GAP = 4
"""Characters between the words and figures of one number ("double oh", "O77OO 9OO123")."""
CLUSTER_WEIGHT = 6
"""Digits, about, that a cluster must hold before the pattern reads it."""


MIXED_DIGITS = 5
"""Figures, at least, in a number written part in words ("07700 nine hundred 123")."""
ZERO_WORDS = ("zero", "nought", "oh ")
"""A UK number starts with a zero: read out, it has one of these, or figures (below)."""


def _figures_may_be_spoken(text: str, start: int, end: int) -> bool:
    """Whether a run of figures may begin a number part in words ("07700 nine hundred") or
    have the letter O beside it ("O77OO 9OO123")."""
    return (end - start >= 3 and text[start] == "0") or (
        (start > 0 and text[start - 1] in "oO") or (end < len(text) and text[end] in "oO")
    )


def _clusters(text: str) -> Iterator[tuple[int, int]]:
    """Where words for digits, and figures with the letter O beside them, run together
    (one automaton pass and the digit runs; the pattern reads only these few places)."""
    items = []
    size = len(text)
    for start, end in needle_spans(text, SPOKEN_NEEDLES):
        if (start == 0 or not text[start - 1].isalnum()) and (
            end == size or not text[end].isalnum()
        ):
            items.append((start, end, 1, True))
    for start, end in digit_runs(text):
        spelled = (start > 0 and text[start - 1] == "o") or (end < size and text[end] == "o")
        items.append((start, end, end - start, spelled))
    if not any(spelled for *_, spelled in items):
        return
    items.sort()
    first, last, weight, spelled = items[0]
    for start, end, more, more_spelled in items[1:]:
        if start - last <= CLUSTER_GAP:
            last, weight, spelled = max(last, end), weight + more, spelled or more_spelled
            continue
        if weight >= CLUSTER_WEIGHT and spelled:
            yield first, last
        first, last, weight, spelled = start, end, more, more_spelled
    if weight >= CLUSTER_WEIGHT and spelled:
        yield first, last


_REPEAT = {"double": 2, "triple": 3, "treble": 3}


def _token_digits(token: str) -> str:
    """The digits a token of a spoken number stands for ("double oh" is 00)."""
    words = re.split(r"[ -]", token.removeprefix("plus ").removeprefix("+"))
    times = _REPEAT.get(words[0], 1)
    if times > 1:
        words = words[1:]
    first = words[0]
    digit = SPOKEN_DIGITS.get(first) or first.replace("o", "0")
    if len(words) > 1:
        digit += "00" if words[1] == "hundred" else "000"
    return digit * times


def spoken_numbers(segment: Segment, match: re.Match[str]) -> tuple[int, int, str] | None:
    """(start, end, digits) of the phone number a spoken run holds, from its first zero
    ("number one, oh seven seven ..." starts at "oh"), or None."""
    text, token = segment.folded, TOKEN
    if len(text) != len(segment.text):  # lower-casing moved the offsets (rare letters)
        text, token = segment.text, ignoring_case(TOKEN)
    tokens = list(token.finditer(text, match.start(), match.end()))
    parts = [_token_digits(found.group().lower()) for found in tokens]
    if all(found.group().isdigit() for found in tokens):
        return None  # figures only: phonenumbers reads those
    for first, part in enumerate(parts):
        if part.startswith("0") or tokens[first].group().startswith(("+", "plus")):
            break
    else:
        return None
    digits = "".join(parts[first:])
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    if not (MIN_DIGITS <= len(digits) <= 11) or digits.startswith("00"):
        return None
    return tokens[first].start(), tokens[-1].end(), digits


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    allowed = _helplines(tuple(link.phone for link in ctx.config.support.links if link.phone))
    for segment in segments(doc):
        text = segment.text
        found: set[int] = set()
        spoken = segment.holds(ZERO_WORDS)
        for start, end in segment.digit_windows:  # a number's digits sit within a few tokens
            count = sum(map(len, DIGITS.findall(text, start, end)))
            if not spoken and count >= MIXED_DIGITS:
                spoken = any(
                    _figures_may_be_spoken(text, *m.span())
                    for m in DIGITS.finditer(text, start, end)
                )
            if count < MIN_DIGITS:
                continue  # too few digits around here for a phone number
            # POSSIBLE, not VALID: Ofcom's drama ranges and new allocations must still be caught
            matcher = phonenumbers.PhoneNumberMatcher(
                text[start:end], "GB", leniency=phonenumbers.Leniency.POSSIBLE
            )
            for match in matcher:
                digits = sum(ch.isdigit() for ch in match.raw_string)
                if digits < MIN_DIGITS or _e164(match.number) in allowed:
                    continue
                hit = Hit(segment, start + match.start, start + match.end)
                found.add(hit.end)
                yield finding_at(RULE, doc, hit, "phone number")
        if not spoken:
            continue  # no words for a zero, no figures beside words: nothing read out
        for start, end, digits in _spoken_numbers(segment):
            if end in found or _e164_of(digits) in allowed:
                continue
            yield finding_at(RULE, doc, Hit(segment, start, end), "phone number in words")


def _spoken_numbers(segment: Segment) -> Iterator[tuple[int, int, str]]:
    text, pattern = segment.folded, SPOKEN
    if len(text) != len(segment.text):  # lower-casing moved the offsets (rare letters)
        text, pattern = segment.text, ignoring_case(SPOKEN)
    for start, end in _clusters(text.lower()):
        for match in pattern.finditer(text, max(0, start - 6), end):  # "plus ", "o "
            spoken = spoken_numbers(segment, match)
            if spoken is not None:
                yield spoken


def _e164_of(digits: str) -> str:
    try:
        return _e164(phonenumbers.parse(digits, "GB"))
    except phonenumbers.NumberParseException:
        return digits


RULE = Rule(
    id="BT202",
    name="phone-number",
    severity=Severity.ERROR,
    summary="Finds UK phone numbers (mobiles, landlines, +44 forms, with or without spaces, "
    "dots or slashes, or part in words: 'oh seven seven double oh nine ...', '07700 nine "
    "hundred 123', O for zero) in a story; the helplines listed in site_config.yml are allowed.",
    rationale="A phone number identifies its owner and can be used to reach them.",
    hint="remove the number; if readers need a service, link to its directory page",
    masks=True,
    waivable=True,
    check=check,
    examples=("text me on 07700 900123", "text me through the project"),
)
