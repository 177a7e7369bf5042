"""BT301: signs that a legal case is still going on (contempt of court risk)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment, sentence_bounds

ONGOING = re.compile(  # lower case: it runs on lower-cased text
    r"\b(?:awaiting (?:my |a |the )?(?:trial|sentenc\w*|retrial|hearing|appeal|verdict)"
    r"|(?:am|i'm|i’m|still|currently|now) (?:on remand|remanded|on bail|bailed)"
    r"|(?:has|have|['’]s|['’]ve) been (?:on remand|remanded) for"
    r"|(?:my|the|his|her|their|our) (?:appeal|trial|retrial|case|hearing|court date|sentencing)"
    r"(?: hearing)? "
    r"(?:is|starts|comes up|will be|has been set|was set for)\b(?! (?:over|closed|done|finished))"
    r"|appeal (?:is )?pending|pending (?:trial|appeal)|(?:back )?in court next "
    r"(?:week|month|year)"
    r"|(?:due|going|(?<!n't )(?<!n’t )(?<!never )(?<!not )have to go) (?:back )?(?:to|in) court"
    r"|(?:on|released on) (?:police |court )?bail\b(?! (?:for|until) \w+ (?:years?|months?) ago)"
    r"|(?:appeal|case|trial|hearing) (?:has been|was|is|got) (?:given|granted) (?:permission|leave)"
    r"|(?:it['’]s|its|it is|(?:my|the) (?:appeal|case|trial|hearing) is) listed (?:to be heard|for)"
    r"|listed for (?:a |the |my )?(?:hearing|trial|retrial|sentencing|appeal)"
    r"|(?:still|now|currently|i['’]m|im|am) (?:waiting|waitin['’]?) (?:to be sentenced|to go to"
    r" trial|to hear (?:about|if|whether) (?:my|the) appeal|for (?:my|the|a) (?:trial|retrial"
    r"|sentencing|sentence|hearing|appeal|verdict))|yet to be sentenced"
    r"|(?:not|n['’]t|never) (?:been |got )?sentenced yet|up for sentencing"
    r"|(?:been|got) (?:adjourned|put back) (?:again|twice|till|until|to)\b"
    r"|(?:is|it['’]s) (?:due|set|going) to be heard"
    r"|(?:the )?jury (?:is|are|['’]s|could be|will be|might be|may be|should be|won['’]t be"
    r"|will not be|isn['’]t|is not|aren['’]t) (?:still )?out"
    r"|(?:waiting|wait|waiting on) (?:for )?(?:the|a) verdict|verdict (?:is )?(?:due|expected)"
    r"|(?:re-?trial|trial) (?:started|began|opened) (?:at (?:the )?[\w'’ ]{3,30}? )?"
    r"(?:on (?:monday|tuesday|wednesday|thursday|friday)|this week|yesterday|today)"
    r"(?![^.\n]{0,40}\b(?:19|20)\d\d\b))"
)
TRIGGERS = (
    "await",
    "remand",
    "bail",
    "appeal",
    "trial",
    "case",
    "hearing",
    "court",
    "sentenc",
    "pending",
    "jury",
    "verdict",
)
PAST = re.compile(
    r"\b(?:was|were|had been|back then|years ago|in the end|after|before|used to)\b",
    re.IGNORECASE,
)


def _current(segment: Segment, match: re.Match[str]) -> bool:
    """Drop matches told in the past tense ('I was on bail for a year')."""
    start, _ = sentence_bounds(segment.text, match.start(), match.end())
    return not PAST.search(segment.text, start, match.start())


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, ONGOING, _current, triggers=TRIGGERS, folded=True):
        yield finding_at(RULE, doc, hit, "sounds like a case that is still going on")


RULE = Rule(
    id="BT301",
    name="ongoing-proceedings",
    severity=Severity.ERROR,
    summary="Finds signs of ongoing proceedings: awaiting trial or sentence, on remand, on "
    "bail, an appeal pending, 'my case is next month'.",
    rationale="Publishing details of a live case can prejudice it (contempt of court) and "
    "harm the storyteller's defence. An editor must look before it goes out.",
    hint="check with the storyteller whether the case is over; remove the details, or waive "
    "with a reason once an editor has confirmed it is finished",
    kinds=frozenset({"story", "page"}),
    waivable=True,
    check=check,
    examples=("I'm on bail until my trial in the spring", "I was on bail for a year"),
)
