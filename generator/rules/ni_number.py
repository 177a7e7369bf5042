"""BT206: no National Insurance numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import Hit, finding_at, near, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment, segments

# HMRC: first letter not D F I Q U V; second not D F I O Q U V; BG GB KN NK NT TN ZZ never
# used. On the lower-cased text; the six digits in pairs, threes or none, a space or hyphen
# between groups, the letter O sometimes typed for a zero.
NI_NUMBER = re.compile(
    r"\b(?!bg|gb|kn|nk|nt|tn|zz)[a-ceghj-pr-tw-z] ?[a-ceghj-npr-tw-z]"
    r"[ -]?([\do]{2}[ -]?[\do]{2}[ -]?[\do]{2}|[\do]{3}[ -]?[\do]{3})[ -]?[a-d]\b"
)


ANY_PREFIX = re.compile(
    r"\b[a-z]{2}[ -]?([\do]{2}[ -]?[\do]{2}[ -]?[\do]{2}|[\do]{3}[ -]?[\do]{3})[ -]?[a-d]\b"
)
"""The same shape with any two letters: HMRC's own example (QQ 12 34 56 C), a temporary
number, or a prefix mistyped, read where National Insurance or HMRC is named nearby."""
NAMED = re.compile(r"\b(?:NI|N\.I\.|NINO|national insurance|insurance|HMRC)\b", re.IGNORECASE)
NAMED_NEEDLES = ("insurance", "hmrc", "nino", "n.i.", "ni ", "ni:", "ni.", "ni,")
"""Where NAMED can match, in lower case (a story without one is not read for the shape)."""
NAMED_REACH = 160
"""Characters either side of an unusual prefix within which National Insurance is named."""

WORD_PREFIXES = frozenset("am an as at be by go he me my no on or so to up us we".split())
"""Prefixes that are also words: "on 12 34 56 a day" is a count, not a number, in lower case."""
CONTEXT = re.compile(r"\b(?:NI|N\.I\.|national insurance|insurance|number|no\.)", re.IGNORECASE)


def _accept(segment: Segment, match: re.Match[str]) -> bool:
    if match.group(1).count("o") > 2:
        return False  # "o" for zero once or twice, not "oo oo oo"
    written = segment.text[match.start() : match.end()]
    # "S L 26 84 09 D" (letters apart) and "on 12 34 56 a" only where a number is spoken of
    if written[1] != " " and written[:2] not in WORD_PREFIXES:
        return True
    return near(segment.text, match.start(), match.end(), CONTEXT)


_UNITS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_TEENS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip
_TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7",
    "eighty": "8", "ninety": "9",
}  # fmt: skip
_NUMBER_WORD = (
    rf"(?:(?:double|treble) )?(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)}|\d{{1,3}})"
)
NUMBER_WORD = re.compile(_NUMBER_WORD)
SPOKEN_NI = re.compile(
    r"\b(?!bg|gb|kn|nk|nt|tn|zz)([a-ceghj-pr-tw-z][a-ceghj-npr-tw-z])[ ,.-]+"
    rf"(?P<digits>{_NUMBER_WORD}(?:[ ,.-]+{_NUMBER_WORD}){{1,5}})[ ,.-]+([a-d])\b"
)
"""A number read out: "JW thirty-eight sixty-one oh seven B" (looked for only in a field
that names National Insurance)."""
SPOKEN_CUES = ("insurance", " ni ", "n.i.", "ni no", "ni number")


def _spoken_digits(words: str) -> str:
    """The digits a run of number words stands for ("thirty-eight sixty-one oh seven")."""
    digits = ""
    for token in NUMBER_WORD.findall(words):
        times = 1
        for repeat, count in (("double ", 2), ("treble ", 3)):
            if token.startswith(repeat):
                times, token = count, token.removeprefix(repeat)
        parts = re.split(r"[- ]", token)
        if parts[0] in _TENS:
            value = _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) > 1 else "0")
        else:
            value = _TEENS.get(parts[0]) or _UNITS.get(parts[0]) or parts[0]
        digits += value * times
    return digits


def _named(segment: Segment, match: re.Match[str]) -> bool:
    if segment.text[match.start() : match.start() + 2].lower() in WORD_PREFIXES:
        return False  # "on 12 34 56 a day": the usual prefixes' rule reads those
    return match.group(1).count("o") <= 2 and near(
        segment.text, match.start(), match.end(), NAMED, NAMED_REACH
    )


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    found = set()
    for hit in pattern_hits(doc, NI_NUMBER, _accept, folded=True, needs_digit=True):
        found.add((hit.segment.field, hit.start))
        yield finding_at(RULE, doc, hit, "National Insurance number")
    if any(segment.holds(NAMED_NEEDLES) for segment in segments(doc)):
        for hit in pattern_hits(doc, ANY_PREFIX, _named, folded=True, needs_digit=True):
            if (hit.segment.field, hit.start) not in found:
                yield finding_at(RULE, doc, hit, "National Insurance number")
    for segment in segments(doc):
        folded = segment.folded
        if len(folded) != len(segment.text) or not segment.holds(SPOKEN_CUES):
            continue
        for match in SPOKEN_NI.finditer(folded):
            digits = _spoken_digits(match.group("digits"))
            if len(digits) == 6 and not match.group("digits").replace(" ", "").isdigit():
                hit = Hit(segment, match.start(), match.end(), match)
                yield finding_at(RULE, doc, hit, "National Insurance number (read out)")


RULE = Rule(
    id="BT206",
    name="ni-number",
    severity=Severity.ERROR,
    summary="Finds National Insurance numbers that follow HMRC's prefix rules "
    "(e.g. JT 12 34 56 C), or with any two letters where National Insurance or HMRC is named "
    "nearby (QQ 12 34 56 C), also in lower case or spaced and hyphenated any way "
    "(jt 12 34 56 a, JT123 456A), or read out in words where National Insurance is named "
    "(JW thirty-eight sixty-one oh seven B).",
    rationale="A National Insurance number identifies one person to every public body.",
    hint="remove the number",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my NI number jt 12 34 56 a", "my NI number"),
)
