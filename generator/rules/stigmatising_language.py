"""BT501 and BT502: labels that reduce people to an offence or an addiction."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

# (pattern, person-first suggestion), after the MoJ style guide, Unlock and the Marshall
# Project's language guide. "cell" is deliberately absent: people in prison use it themselves.
TERMS: tuple[tuple[str, str], ...] = (
    (
        # not in the names of Acts, institutions and job titles ("the Rehabilitation of
        # Offenders Act", "a young offender institution", "my offender manager")
        r"(?:young |ex[- ]?|former |prolific |persistent |sex |violent )?offenders?"
        r"(?!['’]? (?:act|institution|manager|management|health|learning)\b)",
        "person with a conviction / person in prison / person on probation",
    ),
    (r"ex[- ]?cons?", "person with a conviction"),
    (r"convicts?(?! (?:him|her|them|someone|people))", "person with a conviction"),
    (r"felons?", "person with a conviction"),
    (
        r"criminals\b|\b(?:a|the|career|hardened|convicted) criminal(?! (?:record|justice|"
        r"conviction|offen[cs]e|case|court|damage|law|charge|history|lawyer|solicitor|"
        r"proceedings|behaviour|activity|investigation))",
        "person with a conviction",
    ),
    (r"inmates?", "person in prison"),
    (r"(?:drug |heroin |crack )?addicts?", "person with an addiction / person in recovery"),
    (r"junkies?|junky|druggies?|crackheads?|smackheads?|dopeheads?", "person who uses drugs"),
    (
        r"alcoholics?(?! anonymous)(?! (?:drinks?|beverages?))",
        "person with alcohol dependency / person in recovery",
    ),
    (r"substance abusers?|drug abusers?", "person who uses drugs"),
    (r"substance abuse|drug abuse", "substance use / drug use"),
    (
        r"(?:tested|test(?:ed)? came back|stayed|staying|stay|been|got|getting|keep|kept) clean"
        r"|clean (?:test|sample|urine|drug test)",
        "negative test / in recovery",
    ),
    (r"dirty (?:test|sample|urine|drug test)|tested dirty", "positive test"),
    (
        r"committed suicide|commit suicide|successful suicide|failed suicide",
        "died by suicide / took their own life / attempted suicide",
    ),
    (r"jailbirds?|lags?\b(?<!\blags)|old lag", "person with a conviction"),
    (r"lifers?", "person serving a life sentence"),
    (r"prostitutes?", "person who sells sex"),
)
TRIGGERS = (
    "offender",
    "x-con",  # ex-con, excon, ex con: "con" alone is in every "second" and "economy"
    "xcon",
    "x con",
    "convict",
    "felon",
    "criminal",
    "inmate",
    "addict",
    "junk",
    "drugg",
    "crackhead",
    "smackhead",
    "dopehead",
    "alcoholic",
    "abuse",
    "clean",
    "dirty",
    "suicide",
    "jailbird",
    "lag",
    "lifer",
    "prostitut",
)
"""Every term above contains one of these: a field with none of them is skipped."""
PATTERN = re.compile(  # lower case: it runs on lower-cased text
    r"(?=\w)\b(?:" + "|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(TERMS)) + r")\b"
)


def _label_findings(rule: Rule, doc: Document, editorial: bool) -> Iterator[Finding]:
    for hit in pattern_hits(doc, PATTERN, triggers=TRIGGERS, folded=True, editorial=editorial):
        assert hit.match is not None
        index = int(next(k for k, v in hit.match.groupdict().items() if v is not None)[1:])
        yield finding_at(
            rule,
            doc,
            hit,
            f"stigmatising label '{hit.text}'",
            hint=f"use person-first language: {TERMS[index][1]}",
        )


def check_editorial(doc: Document, ctx: Context) -> Iterator[Finding]:
    return _label_findings(EDITORIAL, doc, editorial=True)


def check_story_voice(doc: Document, ctx: Context) -> Iterator[Finding]:
    return _label_findings(STORY_VOICE, doc, editorial=False)


EDITORIAL = Rule(
    id="BT501",
    name="stigmatising-label",
    severity=Severity.ERROR,
    summary="Finds labels such as offender, ex-con, inmate, addict, junkie or 'committed "
    "suicide' in the words editors write: titles, summaries, resource text and pages.",
    rationale="Labels reduce people to the worst thing they did or a health condition, and "
    "tell readers who have been there that this site sees them the same way.",
    hint="use person-first language ('person with a conviction', 'person in recovery')",
    kinds=frozenset({"story", "resource", "page"}),
    waivable=True,
    check=check_editorial,
    examples=("title: From offender to mentor", "title: From prison to mentoring"),
)
STORY_VOICE = Rule(
    id="BT502",
    name="stigmatising-label-in-story",
    severity=Severity.INFO,
    summary="Finds the same labels in a storyteller's own words, as a note for the editor.",
    rationale="People may describe themselves as they choose ('I'm an alcoholic', 'us young "
    "offenders'): the voice is theirs, so this never asks for a change. It notes the word so "
    "that the editor can check with the storyteller that they mean it.",
    hint="ask the storyteller; keep it if they want it, or waive it with their reason",
    waivable=True,
    check=check_story_voice,
    examples=("I was an addict for ten years", "I was using for ten years"),
)
