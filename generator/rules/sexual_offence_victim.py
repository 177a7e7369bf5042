"""BT302: a sexual offence mentioned with anything that could point to the victim."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import Hit, finding_at
from generator.rules.base import Context, Rule
from generator.text import segments, sentence_bounds

OFFENCE = re.compile(
    r"\b(?:rap(?:e|ed|ist)|sexual(?:ly)? (?:assault\w*|abus\w*|offen[cs]\w*|touching|activity)"
    r"|sex offen[cs]\w*|indecent(?:ly)? (?:assault\w*|exposure|images?)|molest\w*|groom\w*"
    r"|child sexual|abuse images|upskirting|voyeurism)\b",
    re.IGNORECASE,
)
TRIGGERS = ("rap", "sex", "indecen", "molest", "groom", "abuse images", "upskirt", "voyeur")
IMPLIED = re.compile(
    r"\b(?:the harm|what|everything) (?:I|he|she|they) (?:did|was doing|were doing|had done"
    r"|['’]d done|had been doing) (?:was )?to\b"
    r"|\bwhat (?:he|she|they)(?:['’]d| had) been doing\b"
    r"|\bwhat (?:happened|was done) to (?:me|her|him)\b|\babused (?:me|her|him|them)\b"
    r"|\babus(?:ed|ing) (?:my|her|his|our) (?:child|children|kids?|daughter|son|girl|boy)\b"
    r"|\bit (?:happened|started|went on)\b",
    re.IGNORECASE,
)
"""An offence told without its name ("the harm I did was to ...", "it happened in ..."), read
only in a story warned for abuse: there it is a sexual or childhood offence often enough to
check."""
AGE = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen)"
)
POINTER = re.compile(
    r"\b(?:my|his|her|their|our|the) (?:step)?(?:daughter|son|niece|nephew|sister|brother|"
    r"cousin|wife|husband|partner|girlfriend|boyfriend|ex|neighbour\w*|pupil|student|"
    r"patient|client|colleague|friend\w*|mum|mother|dad|father|aunt|uncle|grand\w+|kids?|"
    r"child(?:ren)?|babysitter|lodger|flatmate|(?:\w+ )?(?:coach|teacher|tutor|carer)|"
    r"youth worker|foster \w+|priest|vicar|scout leader)\b"
    r"|\b(?:aged|age) \d{1,2}\b|\b" + AGE + r"[- ]year[- ]old\b"
    r"|\b(?:when|since) (?:I|she|he|they) (?:was|were) " + AGE + r"\b"
    r"|\bwho was " + AGE + r"\b"
    r"|\b(?:at|from|outside|near|in|behind|by|above) (?:the|her|his|their|a|my) "
    r"(?:school|college|care home|children's home|church|club|party|pub|house|flat|hostel|"
    r"shop|chippy|takeaway|garage|gym|pool|park)\b"
    r"|\bon the high street\b"
    r"|\bwho (?:lived|worked|was staying)\b",
    re.IGNORECASE,
)
PLACE = re.compile(
    r"\b(?:in|at|near|outside|from) (?!The\b|My\b)[A-Z][a-z]{2,}\b(?! (?:[Pp]rison|[Cc]ourt))"
)
"""A named place ("in Peckham"); names of prisons and courts point at the offender."""


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    warned = "abuse" in getattr(doc.meta, "content_warnings", ())
    for segment in segments(doc):
        text = segment.text
        named = segment.holds(TRIGGERS)  # from the shared scan
        if not named and not warned:
            continue
        offences = [*OFFENCE.finditer(text)] if named else []
        if warned:
            offences += IMPLIED.finditer(text)
        for offence in offences:
            start, end = sentence_bounds(text, offence.start(), offence.end())
            # the sentence, and the one after it: victims are often described next
            _, after = sentence_bounds(text, end, end)
            stop = max(end, after)
            if POINTER.search(text, start, stop) or PLACE.search(text, start, stop):
                hit = Hit(segment, offence.start(), offence.end())
                yield finding_at(
                    RULE,
                    doc,
                    hit,
                    "sexual offence mentioned with details that could point to the victim",
                )


RULE = Rule(
    id="BT302",
    name="sexual-offence-victim",
    severity=Severity.ERROR,
    summary="Finds a sexual offence mentioned in the same or next sentence as a relationship, "
    "an age or a place that could point to the victim.",
    rationale="Victims of sexual offences have lifelong anonymity in law; a relationship, "
    "an age or a place can be enough to identify them.",
    hint="remove the detail that points to the victim; an editor must confirm and may waive "
    "with a reason",
    kinds=frozenset({"story", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=(
        "I was convicted of sexual assault on my neighbour's daughter",
        "I was convicted of a sexual offence",
    ),
)
