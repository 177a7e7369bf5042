"""BT211: no full personal names (first name and surname) of anyone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.names import common_words, looks_like_full_name, surnames
from generator.rules._find import Hit, finding_at
from generator.rules.base import Context, Rule
from generator.text import segments

# A capitalised word: Smith, O'Brien, McDonald, Smith-Jones
TOKEN = r"(?:[A-Z]['’])?(?:Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
WORD = re.compile(TOKEN + r"(?:['’]s)?")
# A title and up to four capitalised words, or two to four capitalised words in a row
# (single capitalised words, such as every sentence's first, never match: that keeps it fast)
CANDIDATE = re.compile(
    rf"\b(?:(?P<title>Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?P<titled>{TOKEN}(?:[ \t]+{TOKEN}){{0,3}})"
    rf"|(?P<run>{TOKEN}(?:[ \t]+{TOKEN}){{1,3}}))(?:['’]s)?\b"
)
PLACE_WORDS = frozenset(
    """
Street Road Lane Avenue Close Drive Way Crescent Terrace Place Court Gardens Grove Square
Row Walk Mews Rise Parade Park House Hall Trust Centre Center Prison Hospital College School
University Church Chapel Project Group Foundation Service Services Team Unit Ward Wing
Estate Station Library Cafe Club Bank Council Academy Farm Mill Bridge Market Hotel Hostel
Surgery Clinic Court Store Shop Stores Works Society Network Partnership Line
""".split()
)
NEVER_NAMES = frozenset(
    """
Monday Tuesday Wednesday Thursday Friday Saturday Sunday North South East West Northern
Southern Eastern Western Central Great Greater Upper Lower New Old Saint Port Fort Mount
Lake Isle Royal National British English Scottish Welsh Irish Christmas Easter God Lord
Jesus Christ Allah Universal Credit Jobcentre
""".split()
)
"""Capitalised words that, in these stories, are places, days, faiths or services."""
# Two capitalised words in a row (or a title and a name): every candidate contains this, and
# it is found six times faster, so CANDIDATE runs only near it
CAPITALISED_PAIR = re.compile(r"[A-Z][\w'’.-]*\s+(?:[A-Z]['’])?(?:Mc|Mac)?[A-Z]")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘’(\n]\s*|\n\s*[-*>#]+\s*)$")


def _is_name(words: list[str], sentence_start: bool, titled: bool, strict: bool) -> bool:
    if words[-1] in PLACE_WORDS or any(w in NEVER_NAMES for w in words):
        return False
    if titled:
        return words[-1] in surnames() or words[-1].lower() not in common_words()
    return looks_like_full_name(words, sentence_start, strict)


def _candidates(words: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """(first, last) word indexes of each pair, and of each triple with a middle name."""
    for i in range(len(words) - 1):
        yield i, i + 1
        if i + 2 < len(words):
            yield i, i + 2


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    pseudonym = getattr(doc.meta, "pseudonym", None)
    for segment in segments(doc):
        if segment.field == "pseudonym":
            continue  # BT212 judges the pseudonym itself
        text = segment.text
        runs = (
            run
            for start, end in segment.windows_of(CAPITALISED_PAIR)
            for run in CANDIDATE.finditer(text, start, end)
        )
        for run in runs:
            title = run.group("title")
            first = run.start("titled") if title else run.start("run")
            words = list(WORD.finditer(text, first, run.end()))
            names = [re.sub(r"['’]s$", "", w.group(0)) for w in words]
            following = re.match(r"\s+([A-Z][a-z]+)", text[run.end() :])
            if any(n in PLACE_WORDS for n in names[1:]) or (
                following and following.group(1) in PLACE_WORDS
            ):
                continue  # "Mary Seacole House", "Grace Darling Community Centre"
            if pseudonym and " ".join(names) == pseudonym:
                continue
            if title:
                pairs = [(0, 0)] if _is_name(names[:1], False, True, True) else []
            else:
                pairs = [
                    (i, j)
                    for i, j in _candidates(words)
                    if _is_name(
                        [names[i], names[j]],
                        _at_start(text, words[i].start()),
                        False,
                        strict=segment.field != "title",
                    )
                ]
            if pairs:
                i, j = pairs[0]
                start = run.start() if title else words[i].start()
                hit = Hit(segment, start, words[j].end())
                yield finding_at(RULE, doc, hit, "full personal name")


def _at_start(text: str, start: int) -> bool:
    return start == 0 or bool(SENTENCE_START.search(text[max(0, start - 4) : start]))


RULE = Rule(
    id="BT211",
    name="personal-name",
    severity=Severity.ERROR,
    summary="Finds full names (a known first name followed by a known surname, or Mr/Mrs/Dr "
    "and a surname) of anyone, using Faker's UK, Irish, US and South Asian name lists.",
    rationale="A full name identifies the storyteller, their family, victims, staff or other "
    "residents, and can be searched for.",
    hint="use a first name alone or a role instead ('my son', 'my probation officer'); if "
    "this is not a person's name, waive it with a reason",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("my mentor Karen Whitfield", "my mentor K."),
)
