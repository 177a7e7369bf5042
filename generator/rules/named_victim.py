"""BT215: a victim of the storyteller's offence named by first name ("what I did to Kelly")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.names import given_names, lower_given_names
from generator.rules._find import Hit, finding_at
from generator.rules.base import Context, Rule
from generator.rules.street_address import NUMBER_WORD
from generator.text import Segment, segments

VERB = (
    r"(?:stabb(?:ed|ing)|hurt(?:ing)?|hit(?:ting)?|punch(?:ed|ing)|attack(?:ed|ing)"
    r"|assault(?:ed|ing)|robb(?:ed|ing)|mugg(?:ed|ing)|burgl(?:ed|ing)|beat(?:en|ing)?"
    r"|batter(?:ed|ing)|kick(?:ed|ing)|strangl(?:ed|ing)|chok(?:ed|ing)|kill(?:ed|ing)"
    r"|murder(?:ed|ing)|shot|shoot(?:ing)?|rap(?:ed|ing)|abus(?:ed|ing)|threaten(?:ed|ing)"
    r"|stalk(?:ed|ing)|harass(?:ed|ing)|conn(?:ed|ing)|defraud(?:ed|ing)|scamm(?:ed|ing)"
    r"|glass(?:ed|ing)|slash(?:ed|ing)|kidnapp(?:ed|ing)|knif(?:ed|ing)|injur(?:ed|ing)"
    r"|wound(?:ed|ing)|headbutt(?:ed|ing)?|slapp(?:ed|ing)|bull(?:ied|ying)"
    r"|terrori[sz](?:ed|ing)|blackmail(?:ed|ing)|groom(?:ed|ing)|torment(?:ed|ing))"
)
"""Offences done to a person, as storytellers write them."""
TRIGGERS = tuple(
    " " + word
    for word in """
stabb hurt hit punch attack assault robb mugg burgl beat batter kick strangl chok kill murder
shot shoot rape raping abus threaten stalk harass conned conning defraud scamm glassed glassing
slash kidnap knif injur wound headbutt slapp bullied bullying terroris terroriz blackmail groom
torment did done caused victim put
""".split()
)
"""Where every match has an offence word (or "did", "done", "put", "victim") starting a word:
windows around these, not around "hit" in "white" or "rap" in "trap"."""
PERSON = (
    r"(?:girl|boy|lad|man|woman|bloke|guy|kid|lady|pensioner|fella|person|victim|neighbour"
    r"|girlfriend|boyfriend|wife|husband|partner|ex|mate|friend|cellmate|brother|sister"
    r"|cousin|dealer|student|driver)"
)


def _name(group: str) -> str:
    """A first name alone: a surname after it is BT211's to find (and "Dean Street" a place)."""
    return rf"(?P<{group}>[A-Z][a-z]{{1,14}}|[a-z]{{2,15}})(?![\w'’-])(?!\s+[A-Z][a-z])"


OBJECT = rf"(?:(?:my|his|her|their|our|the|this|that)\s+(?:ex-?\s?|former\s+)?{PERSON}\s*,?\s+)?"
ADVERBS = r"had|have|then|just|nearly|almost|once|really|badly"
SUBJECT = r"(?:I|i|we)\s+(?:had\s+|['’]d\s+)?"
FORMS = (
    # I stabbed Dean; the night I hurt Marcus; I beat up his girlfriend Kelly
    (
        "verb",
        rf"\b(?:I|i|we)(?:['’]d|\s+(?:{ADVERBS}))?\s+",
        rf"{VERB}(?:\s+up)?\s+{OBJECT}{_name('n')}",
    ),
    # convicted of robbing Kelly
    ("verb", r"\b(?:of|for|after|about)\s+", rf"{VERB}(?:\s+up)?\s+{OBJECT}{_name('n')}"),
    # Kelly, the girl I robbed
    ("verb", rf"\b{_name('n')},?\s+(?:the|my|that)\s+{PERSON}\s+{SUBJECT}", rf"{VERB}\b"),
    # the lad I glassed, Jordan; the lad I hit was called Callum
    (
        "verb",
        rf"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+{PERSON}\s+{SUBJECT}",
        rf"{VERB}(?:\s*,\s+|\s+(?:was|is)\s+(?:called|named)\s+|['’]s\s+(?:called|named)\s+)"
        rf"{_name('n')}",
    ),
    # what I did to Kelly; the harm I caused Kelly
    (
        "did",
        rf"\b(?:[Ww]hat|[Ee]verything|[Tt]he things|[Tt]he harm)\s+{SUBJECT}",
        rf"(?:did|done|caused)\s+(?:to\s+)?{OBJECT}{_name('n')}",
    ),
    # what I put Gemma through
    (
        "did",
        rf"\b(?:[Ww]hat|[Ee]verything)\s+{SUBJECT}",
        rf"put\s+{OBJECT}{_name('n')}\s+through\b",
    ),
    # my victim, Kelly; Kelly was my victim
    ("victim", r"\b[Mm]y\s+", rf"victim\s*,?\s+(?:was\s+)?{_name('n')}"),
    ("victim", rf"\b{_name('n')}\s+was\s+my\s+", r"victim\b"),
)
"""(kind of anchor word, what comes before it, what starts at it): each is tried only where an
anchor word starts, so the rule costs one pass of an automaton over the text."""
COMPILED = tuple(
    (kind, re.compile(before + r"\Z"), re.compile(after)) for kind, before, after in FORMS
)
REACH_BEFORE = 80
"""Characters before the anchor word that a form's beginning may lie within."""
ANCHORS = re.compile(rf"\b(?:{VERB}|did|done|caused|put|victim)\b", re.IGNORECASE)
"""The anchor words, for text whose lower-case form is longer than itself (offsets move)."""


PERFORMED = re.compile(
    r"[ \t]+(?:\w+[ \t]+){0,2}?(?:at|on|in)[ \t]+(?:the[ \t]+)?(?:karaoke|open mic|mic)\b",
    re.IGNORECASE,
)
"""After "murdered Jolene", a performance: the name is a song's."""
NOT_VICTIMS = frozenset(
    """
Christ God Jesus Allah Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December Christmas
Easter Mum Dad Nan Gran Grandad Mam Ma Pa Him Her Them
""".split()
)


HIS_NAME = re.compile(r"\b(?P<who>[Hh]is|[Hh]er) name(?:['’]s| is| was) (?P<n>[A-Z][a-z]{1,14})\b")
HARMED = re.compile(
    rf"\b(?:I|i|we)(?:['’]d|\s+(?:{ADVERBS}))?\s+{VERB}(?:\s+up)?\s+(?P<pronoun>him|her)\b"
    rf"|\b(?:[Tt]he|[Tt]hat)\s+(?P<person>{PERSON})\s+{SUBJECT}{VERB}\b"
)
"""'The lad I hurt ... His name is Rhodri.': a victim's name given in its own sentence, near
where the storyteller says they harmed him or her."""
HE = frozenset("him lad man boy bloke guy fella kid husband boyfriend brother".split())
SHE = frozenset("her girl woman lady wife girlfriend sister kid".split())
HARM_REACH = 800
"""Characters either side of "his name is" within which the harm is told."""
NAME_NEEDLES = ("his name", "her name")


def _named_after(segment: Segment) -> Iterator[tuple[int, int]]:
    if not segment.holds(NAME_NEEDLES):  # from the shared scan: most stories say neither
        return
    text = segment.text
    for match in HIS_NAME.finditer(text):
        if not _first_name(match.group("n")):
            continue
        people = HE if match.group("who").lower() == "his" else SHE
        low, high = max(0, match.start() - HARM_REACH), match.end() + HARM_REACH
        for harm in HARMED.finditer(text, low, high):
            who = (harm.group("pronoun") or harm.group("person")).lower()
            if who in people or who not in HE | SHE:
                yield match.start(), match.end()
                break


AGES = rf"(?:\d{{1,2}}|{NUMBER_WORD})"
NAME_AND_AGE = re.compile(rf"\b(?P<n>[A-Z][a-z]{{1,14}}) was (?:only |just )?{AGES}\b")
MOURNED = re.compile(
    r"\b(?:his|her|their) (?:mum|mam|dad|mother|father|family|parents|sister|brother|wife"
    r"|husband|partner|nan|gran) (?:(?:read|gave|made) (?:out )?(?:a |her |his |their )?"
    r"(?:victim |personal |impact )*statement|(?:stood up|spoke) in court)\b"
    r"|\bvictim (?:personal|impact) statement|\binquest\b|\b(?:his|her) funeral\b",
    re.IGNORECASE,
)
"""'Callum was seventeen ... His mum read a statement in court': a first name and an age
beside what the family of someone killed or hurt say or do in court."""
MOURNED_REACH = 400
MOURNED_NEEDLES = ("statement", "inquest", "funeral", " in court")
"""Every MOURNED match holds one of these: the pattern runs only where one is."""
OWN_PEOPLE = re.compile(
    r"\b(?:[Mm]y|[Oo]ur) (?:\w+ )?(?:son|daughter|boy|girl|brother|sister|mum|mam|dad|nan|gran"
    r"|cousin|wife|husband|partner|friend|mate|best mate|kid|baby|lad)?\s*,?\s*$"
)
"""'My sister Jade was nineteen ... at her funeral', 'our Shannon was fourteen': the
storyteller's own, not a victim."""


def _named_and_aged(segment: Segment, pseudonym: str | None) -> Iterator[tuple[int, int]]:
    text = segment.text
    if len(segment.folded) != len(text):  # lower-casing moved the offsets: search it all
        spans = [(0, len(text))] if segment.holds(MOURNED_NEEDLES) else []
    else:
        spans = segment.occurrences(MOURNED_NEEDLES)
    mourned: set[int] = set()
    for start, end in spans:
        for match in MOURNED.finditer(text, max(0, start - 60), end + 60):
            mourned.add(match.start())
    reported: set[int] = set()
    for at in sorted(mourned):
        for match in NAME_AND_AGE.finditer(text, max(0, at - MOURNED_REACH), at):
            name = match.group("n")
            if (
                match.start() not in reported
                and name != pseudonym
                and _first_name(name)
                and not OWN_PEOPLE.search(text, max(0, match.start() - 30), match.start())
            ):
                reported.add(match.start())
                yield match.start(), match.end()


DEAR = re.compile(
    r"(?:^|\n)[ \t]*(?:[Dd]ear|DEAR|[Tt]o|(?:[Tt]his (?:is|one['’]?s) |[Tt]his poem['’]?s )?[Ff]or)"
    r" (?P<n>[A-Z][a-z]{1,14})\b[ \t]*(?:[,.]|(?=\n)|(?=[a-z]))"
)
HARMED_YOU = re.compile(
    rf"\b(?:I|i)(?:['’]d|\s+(?:{ADVERBS}))?\s+(?P<verb>{VERB})(?:\s+up)?\s+you\b"
    r"|\bwhat (?:I|i) did to you\b"
    r"|\byou (?:gave|handed) me (?:the|your) (?:till|money|cash|takings|float|purse|wallet)\b"
    r"(?! (?:for|to|back|every|when))|\b(?:I|i) (?:scared|frightened|terrified|threatened) you\b"
)
ABUSE_CONTEXT = re.compile(
    r"\b(?:abus(?:e|ed|ive)|non-?(?:harassment|molestation) order|restraining order|domestic"
    r"|(?:scared|frightened|terrified) of me|controlling)\b",
    re.IGNORECASE,
)
"""'Dear Shannon, ... I hurt you', 'this is for Bogdan ... you gave me the till': a letter or
a poem to the person the storyteller harmed, named in its greeting (its line may run on into
the next, as a reader sees a poem's lines joined). "hurt" alone counts only where the letter
speaks of abuse: a letter to a child says "I hurt you by going away"."""


def _letter_to_victim(text: str) -> Iterator[tuple[int, int]]:
    greeting = DEAR.search(text, 0, 400)
    if greeting is None or not _first_name(greeting.group("n")):
        return
    for harm in HARMED_YOU.finditer(text):
        verb = harm.group("verb")
        if verb is None or not verb.startswith("hurt") or ABUSE_CONTEXT.search(text):
            yield greeting.start("n"), greeting.end("n")
            return


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    pseudonym = getattr(doc.meta, "pseudonym", None)
    for segment in segments(doc):
        found = list(_victims(segment))
        found += [(s, e) for s, e in _named_after(segment) if (s, e) not in found]
        found += [(s, e) for s, e in _letter_to_victim(segment.text) if (s, e) not in found]
        found += [(s, e) for s, e in _named_and_aged(segment, pseudonym) if (s, e) not in found]
        for start, end in found:
            hit = Hit(segment, start, end)
            yield finding_at(
                RULE, doc, hit, "a victim of the storyteller's offence is named by first name"
            )


def _victims(segment: Segment) -> Iterator[tuple[int, int]]:
    text = segment.text
    if len(segment.folded) == len(text):
        at = sorted({start + 1 for start, _ in segment.occurrences(TRIGGERS)})
    else:  # lower-casing moved the offsets
        at = [match.start() for match in ANCHORS.finditer(text)]
    done = -1
    for position in at:
        if position <= done:
            continue
        word = text[position : position + 7].lower()
        kind = "victim" if word.startswith("victim") else "did" if word[:3] in DID else "verb"
        for form, before, after in COMPILED:
            if form != kind:
                continue
            tail = after.match(text, position)
            if tail is None:
                continue
            head = before.search(text, max(0, position - REACH_BEFORE), position)
            if head is None:
                continue
            name = head.group("n") if "n" in before.groupindex and head.group("n") else None
            if word.startswith(("murder", "kill")) and PERFORMED.match(text, tail.end()):
                continue  # "I murdered Jolene at the karaoke": a song
            if _first_name(name or tail.group("n")):
                done = tail.end()
                yield head.start(), tail.end()
                break


DID = frozenset({"did", "don", "cau", "put"})


def _first_name(name: str | None) -> bool:
    if not name or name in NOT_VICTIMS:
        return False
    if name[:1].isupper():
        return name in given_names()
    return name in lower_given_names()


RULE = Rule(
    id="BT215",
    name="named-victim",
    severity=Severity.ERROR,
    summary="Finds a victim of the storyteller's offence named by first name, for any "
    "offence: 'what I did to Kelly', 'I stabbed Dean', 'Kelly, the girl I robbed', and 'His "
    "name is Rhodri' near where the storyteller says they hurt him, and 'Callum was "
    "seventeen' before what his family said in court.",
    rationale="A victim's first name beside the offence, the place and the year is often "
    "enough for people who know them to recognise them, and victims did not consent to the "
    "story.",
    hint="refer to the victim without a name ('a man', 'the lad', 'someone I hurt'); if the "
    "name is not a victim's (or is already changed), waive it with a reason",
    kinds=frozenset({"story"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("what I did to Kelly", "what I did to her"),
)
