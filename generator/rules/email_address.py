"""BT201: no e-mail addresses in stories."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment

# a space either side of the @ still reads as an address ("dee.walker @ example.org", or an
# address hard-wrapped after its @)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+ ?@ ?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


_AT = r"(?:\s*(?:\(at\)|\[at\]|\{at\}|<at>)\s*|\s+at\s+|@)"
_DOT = r"(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|<dot>)\s*|\s+dot\s+|\.)"
_PART = r"[a-z0-9_+-]{1,40}"
TLDS = r"(?:com|org|net|co|uk|io|me|info|biz|ac|gov|ie|eu|edu|online|email)"
PROVIDERS = (
    "gmail|googlemail|hotmail|yahoo|outlook|icloud|btinternet|aol|protonmail|proton|ymail|"
    "virginmedia|talktalk"
)
SPELLED = re.compile(
    rf"(?<![\w.+-]){_PART}(?:{_DOT}{_PART}){{0,4}}{_AT}"
    rf"(?:(?:{_PART}{_DOT}){{1,4}}{TLDS}\b(?:{_DOT}{TLDS}\b)?|(?:{PROVIDERS})\b(?:{_DOT}{TLDS}\b){{0,2}})"
)
"""An address spelled out or disguised: "dee dot walker at example dot com", "dee.walker
[at] example [dot] org", "dee(at)example(dot)org", and "deewalker at gmail" (a mail provider
named is enough)."""
SPELLED_TRIGGERS = ("dot", "(at)", "[at]", "{at}", "<at>", *PROVIDERS.split("|"))
NOT_A_USER = frozenset(
    "i me we you he she they it him her us them was were is are be been and or but so then "
    "there here look looked looking work worked works working job shop shopped bought ordered "
    "found find apply applied online site website go went got get it's its that this as on "
    "at is called".split()
)
"""A word before " at " that says the sentence is prose ("I looked at him dot to dot", "he
worked at example dot com")."""


def _address(segment: Segment, match: re.Match[str]) -> bool:
    """Not "posts it as @plot.sixteen": a word, a space, then a handle with a dot in it."""
    user, _, domain = match.group().partition("@")
    if user.endswith(" ") and not domain.startswith(" "):
        word = user.strip()
        return bool(re.search(r"[.\d_+-]", word)) or word.lower() not in NOT_A_USER
    return True


def _spelled(segment: Segment, match: re.Match[str]) -> bool:
    written = match.group()
    if "@" in written and re.search(r"@\S+\.[a-z]{2,}\b", written):
        return False  # a plain address: EMAIL finds it
    user = re.split(r"\s", written.strip(), maxsplit=1)[0]
    return user not in NOT_A_USER


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    found = set()
    for hit in pattern_hits(doc, EMAIL, _address, triggers=("@",)):
        found.add((hit.segment.field, hit.start))
        yield finding_at(RULE, doc, hit, "e-mail address")
    for hit in pattern_hits(doc, SPELLED, _spelled, triggers=SPELLED_TRIGGERS, folded=True):
        if (hit.segment.field, hit.start) not in found:
            yield finding_at(RULE, doc, hit, "e-mail address spelled out")


RULE = Rule(
    id="BT201",
    name="email-address",
    severity=Severity.ERROR,
    summary="Finds e-mail addresses in a story's title, pseudonym, summary and body, also "
    "spelled out or disguised (dee dot walker at example dot com, dee(at)example(dot)org, "
    "deewalker at gmail).",
    rationale="An e-mail address identifies its owner directly.",
    hint="remove the address, or describe it ('I e-mailed my probation officer')",
    masks=True,
    waivable=True,
    check=check,
    examples=("write to me at dee.walker@example.org", "write to me through the project"),
)
