"""BT202: no phone numbers in stories (UK forms; the site's own helplines are allowed)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import Hit, finding_at
from generator.rules.base import Context, Rule
from generator.text import DIGITS, segments

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


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    allowed = _helplines(tuple(link.phone for link in ctx.config.support.links if link.phone))
    for segment in segments(doc):
        for start, end in segment.digit_windows:  # a number's digits sit within a few tokens
            if sum(map(len, DIGITS.findall(segment.text, start, end))) < MIN_DIGITS:
                continue  # too few digits around here for a phone number
            # POSSIBLE, not VALID: Ofcom's drama ranges and new allocations must still be caught
            matcher = phonenumbers.PhoneNumberMatcher(
                segment.text[start:end], "GB", leniency=phonenumbers.Leniency.POSSIBLE
            )
            for match in matcher:
                digits = sum(ch.isdigit() for ch in match.raw_string)
                if digits < MIN_DIGITS or _e164(match.number) in allowed:
                    continue
                hit = Hit(segment, start + match.start, start + match.end)
                yield finding_at(RULE, doc, hit, "phone number")


RULE = Rule(
    id="BT202",
    name="phone-number",
    severity=Severity.ERROR,
    summary="Finds UK phone numbers (mobiles, landlines, +44 forms, with or without spaces) "
    "in a story; the helplines listed in site_config.yml are allowed.",
    rationale="A phone number identifies its owner and can be used to reach them.",
    hint="remove the number; if readers need a service, link to its directory page",
    masks=True,
    waivable=True,
    check=check,
    examples=("text me on 07700 900123", "text me through the project"),
)
