"""BT211: no full personal names (first name and surname) of anyone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from generator.findings import Finding, Severity
from generator.model import Document
from generator.names import (
    DIALECT,
    KIN_WORDS,
    PHONETIC_LETTERS,
    SURNAME_ENDINGS,
    SURNAME_PARTS,
    common_word_names,
    common_words,
    english_words,
    everyday_words,
    folded_given_names,
    folded_surnames,
    given_names,
    looks_like_full_name,
    lower_given_names,
    lower_surnames,
    lower_word_given_names,
    not_people,
    surname_shaped,
    surnames,
    written_in_one_case,
)
from generator.rules._find import Hit, finding_at
from generator.rules.base import Context, Rule
from generator.text import Segment, needle_spans, segments, sentence_bounds

_LATIN = [chr(code) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))]
"""Latin letters with accents, Latin Extended Additional included (Vietnamese: Nguyễn)."""
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
"""Latin letters with their accents: Łukasz, Wójcik, Siobhán, Ştefan, Dvořák."""
# A capitalised word: Smith, O'Brien, McDonald, Smith-Jones, al-Hassan, Ní
TOKEN = (
    rf"(?:(?:al|el|Al|El)-)?(?:[A-Z]['’])?(?:Mc|Mac|Nic|Mhic|Fitz)?[{UPPER}][{LOWER}]+"
    rf"(?:-[{UPPER}][{LOWER}]+)?"
)
WORD = re.compile(TOKEN + r"(?:['’]s)?")
PARTICLE = r"(?:ap|ab|ferch|Ní|Nic|Mhic|Ó|Ua|Uí|bin|ibn|bint|binti|van|von|de|da|di|dos|du|le)"
"""Between a given name and a surname: Dafydd ap Gwilym, Pádraig Ó Súilleabháin, Omar bin
Laden. A lower-case particle links two capitalised words only."""
NAMING_PARTICLES = frozenset("ap ab ferch Ní Nic Mhic Ó Ua Uí bin ibn bint binti".split())
"""Particles that join only names ("son of", "daughter of"): between two capitalised words,
a name, whatever the lists hold (Síofra Ní Dhubhghaill, Llŷr ap Emrys)."""
NICKNAMED = re.compile(
    rf"(?<![\w'’])(?P<first>{TOKEN})[ \t]+[‘'\"“][^’'\"”\n]{{1,20}}[’'\"”][ \t]+(?P<last>{TOKEN})"
)
"""A nickname in quotes between the names: Dwayne ‘Tiny’ Fairweather."""
GAP = rf"[ \t]+(?:(?:{PARTICLE}|[A-Z]\.?)[ \t]+)?"
"""Between the words of a name: a space, and perhaps a particle or an initial (John P. Smith)."""
TITLES = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|DCI|DC|DS|DI|PC|PCSO|Sgt|Sergeant|Inspector|Detective"
    r"|Constable|Officer|Judge|Governor|Rev|Reverend|Cllr|Councillor"
)
"""A title and a capitalised word are a name: "DC Haines", "Judge Barker", "Mrs Patel"."""
SPELLED_TITLES = frozenset({"Officer", "Governor", "Sergeant", "Detective", "Inspector"})
SOCIAL_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Rev", "Reverend"})
"""Titles that with a surname alone ("Mr Lloyd", "Dr Shah") name no one in full, unlike a
police officer's or a judge's rank with a surname ("DC Haines"), which names one official."""
ADDRESSES = frozenset(
    """Sister Brother Auntie Aunty Aunt Uncle Pastor Father Mother Elder Deacon Bishop Imam
    Sheikh Nana Nan Gran Granny Grandad Grandma Papa Mama Baba Bhai Baji Apa Amma Appa Chacha
    Mamu Khala Tita Tito Lola Lolo Kuya Ate Big Little Young Old Cousin Coach Sir Saint Bibi
    Bibiji Sardar Sardarni Masi Bua Chachi Mami Dadi Nani Bhabhi Didi Bhaiya Ustad""".split()
)
"""Words people put before a first name to address someone ("Sister Grace", "Auntie Efua",
"Big Steve"): with one name after them, no full name."""
# A title and up to four capitalised words, or two to four capitalised words in a row
# (single capitalised words, such as every sentence's first, never match: that keeps it fast),
# after a space, or a quote that opens them ("'Emyr ap Dafydd,' he says"), not O'Brien's Brien
CANDIDATE = re.compile(
    rf"(?:(?<![\w'’])|(?<=^['’])|(?<=[\s(“\"]['’]))"
    rf"(?:(?P<title>{TITLES})\.?[ \t]+(?P<titled>{TOKEN}(?:{GAP}{TOKEN}){{0,3}})"
    rf"|(?P<run>{TOKEN}(?:{GAP}{TOKEN}){{1,3}}))(?:['’]s)?(?!\w|['’]\w)"
)
CAPS = rf"[{UPPER}][{UPPER}'’-]*[{UPPER}]"
# Names written in capitals or surname first: SMITH, JOHN / Smith, John / MCALLISTER Darren
# (the second word in a lookahead, so that "Then SMITH, JOHN" still finds SMITH, JOHN)
REVERSED = re.compile(
    rf"(?<![\w'’])(?P<a>{CAPS}|{TOKEN})(?=(?P<gap>,?[ \t]+)(?P<b>{CAPS}|{TOKEN})(?![\w'’]))"
)
PLACE_WORDS = frozenset(
    """
Street Road Lane Avenue Close Drive Way Crescent Terrace Place Court Gardens Grove Square
Row Walk Mews Rise Parade Park House Hall Trust Centre Center Prison Hospital College School
University Church Chapel Project Group Foundation Service Services Team Unit Ward Wing
Estate Station Library Cafe Club Bank Council Academy Farm Mill Bridge Market Hotel Hostel
Surgery Clinic Court Store Shop Stores Works Society Network Partnership Line Act Law Bill
Order Rule Rules Scheme Award Prize Fund Appeal Syndrome Disease Extra Express Plus Limited
Ltd Plc Inc Associates Solicitors Recovery Probation Police Justice Magistrates Crown
Officer Statement Support Worker Manager Liaison Awareness Course Programme Program Meeting
Panel Board Day Night Masjid Mosque Gurdwara Mandir Temple Synagogue Tabernacle Capel Eglwys
Llyn Afon Mynydd Cwm Coed Bwlch Canal River Loch Beach Harbour Marina Dock Docks Reservoir
Valley Island Islands Bay Sands Pier Quay Cove Carnival Festival Fair Mela Games Show Cup
""".split()
)
"""Words after a name that make it a place, a law, a firm or a service (Sarah's Law, Tesco
Extra, Hope House, Barry Island)."""
NEVER_NAMES = frozenset(
    """
Monday Tuesday Wednesday Thursday Friday Saturday Sunday North South East West Northern
Southern Eastern Western Central Great Greater Upper Lower New Old Saint St Port Fort Mount
Lake Isle Royal National British English Scottish Welsh Irish Christmas Easter God Lord
Jesus Christ Allah Universal Credit Jobcentre Holy Our Lady Big Little HMP HMYOI YOI HMPYOI
World Comics Lite January February March April May June July August September October
November December Mental Health Crown Magistrates County High Supreme Act Mr Mrs Miss Dr
Alcoholics Narcotics Anonymous Dear Happy Merry Sweet Bloody Whatsisname Whatshisname
Whatsername Whatshername Whatshisface Thingy Thingummy Whatever Nobody Somebody
""".split()
) | {word.title() for word in KIN_WORDS}
"""Capitalised words that, in these stories, are places, days, faiths or services, or family
words before a first name ("Auntie Parveen", "Uncle Des": what a child calls someone, not a
full name)."""
ROLE_BEFORE = re.compile(
    r"\b(?:my|ma|mah|our|his|her|their|the|a|your|me and my|me)[ \t]+"
    r"(?:new[ \t]+|old[ \t]+|ex-?[ \t]*)?"
    r"(?:probation officer|probation worker|offender manager|officer|mentor|peer mentor"
    r"|solicitor|barrister|lawyer|brief|key ?worker|support worker|case ?worker|social worker"
    r"|youth worker|worker|governor|sister|brother|cousin|uncle|aunt(?:ie)?|nephew|niece"
    r"|cell ?mate|pad ?mate|co-?defendant|codefendant|friend|best mate|mate|girlfriend"
    r"|boyfriend|partner|wife|husband|son|daughter|counsellor|therapist|psychologist"
    r"|psychiatrist|doctor|nurse|teacher|tutor|boss|manager|supervisor|chaplain|imam|vicar"
    r"|pastor|priest|neighbour|landlord|landlady|sponsor|victim|dealer|PO|OM|pal|co-?d)"
    r"[ \t]*,?[ \t]*(?:was[ \t]+|is[ \t]+|called[ \t]+|named[ \t]+)?$"
    r"|\b(?:name(?:['’]s|[ \t]+is|[ \t]+was|[ \t]+wis)|introduced (?:himself|herself|themselves) as"
    r"|a (?:man|woman|lad|girl|bloke|fella|guy|lady) called"
    r"|\b(?:probation officer|support worker|key ?worker|case ?worker|social worker|youth worker))"
    r"[ \t]*,?[ \t]*[“\"‘']?$",
    re.IGNORECASE,
)
"""A role right before two capitalised words makes them a name even when neither is in the
lists: "my probation officer, Tanvir Rahman", "my mentor Femi Adeyemi"."""
ROLE_AFTER = re.compile(
    r"[ \t]*,[ \t]+(?:my|our|his|her|me)[ \t]+(?:new[ \t]+|old[ \t]+|ex-?[ \t]*|best[ \t]+)?"
    r"(?:probation officer|officer|mentor|solicitor|key ?worker|case ?worker|social worker"
    r"|cell ?mate|pad ?mate|co-?defendant|co-?d|friend|mate|pal|cousin|neighbour|sponsor"
    r"|teacher|boss|manager|landlord|landlady|dealer)\b"
)
"""The same role right after the name: "Gaz Mulhearn, my old co-d, is still inside"."""
# Two capitalised words in a row (or a title and a name, or SMITH, JOHN): every candidate
# contains this, and it is found six times faster, so the patterns run only near it
CAPITALISED_PAIR = re.compile(  # a word runs at most 40 characters: linear on 'aBaBaB…'
    r"[A-ZÀ-ÞĀ-ž][\w'’.,-]{0,40}\s+(?:a[pb]\s+|[A-Z]['’]|Mc|Mac)?[A-ZÀ-ÞĀ-ž]"
)
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘’(\n]\s*|\n\s*[-*>#]+\s*)$")
POSSESSIVE = re.compile(r"['’]s$")


def _is_name(words: list[str], sentence_start: bool, titled: bool, strict: bool) -> bool:
    if words[-1] in PLACE_WORDS or any(w in NEVER_NAMES for w in words):
        return False
    if titled:
        return words[-1] in surnames() or words[-1].lower() not in everyday_words()
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
        found: list[tuple[int, int]] = []
        for start, end in _names(segment, pseudonym):
            if not any(start < e and s < end for s, e in found):
                found.append((start, end))
        for start, end in sorted(found):
            if (
                _public(segment.text[start:end])
                or AFTER_SAINT.search(segment.text, max(0, start - 7), start)
                or _within_public(segment.text, start, end)
                or _in_public_talk(segment.text, start, end)
            ):
                continue
            hit = Hit(segment, start, end)
            yield finding_at(RULE, doc, hit, "full personal name")


def _public(name: str) -> bool:
    """A brand, a character or a public figure ("Gordon Ramsay", "tyson fury's"), a saint
    ("saint andrew"), or a greeting before a first name ("ASSALAMU ALAIKUM AISHA"), in any
    case."""
    words = POSSESSIVE.sub("", " ".join(name.split())).split()
    if words and words[0].casefold() in SAINTS:
        return True  # "saint andrew", "St Helen": a saint, a church or a place
    if all(w.casefold() in PHONETIC_LETTERS for w in words) and words[-1] not in surnames():
        return True  # "Delta Foxtrot": letters read out
    folded = _folded_not_people()
    whole = " ".join(words)
    if whole.casefold() in folded or whole.lower() in _places():
        return True  # a public name, or a town ("Bishop Auckland", "Barnard Castle")
    return (
        len(words) == 3
        and " ".join(words[:2]).casefold() in folded
        and words[2].casefold() in folded_given_names()
    )


SAINTS = frozenset({"saint", "st", "st."})
AFTER_SAINT = re.compile(r"\b(?:St\.?|Saint|ST\.?|SAINT)\s+$")
"""A name just after "St" is a saint's, a church's or a place's ("St Pauls Carnival")."""
PLAIN_NAME = re.compile(r"[A-Z][a-z'’-]+ [A-Z][a-z'’-]+(?:['’]s)?")
PUBLIC_TALK = re.compile(
    r"\b(?:telly|tv|television|episodes?|series|sitcom|soaps?|programme|documentary|films?"
    r"|movies?|novels?|author|poems?|poet|songs?|album|band|gig|concert|singer|sang|singin[g']?"
    r"|rapper|actor|actress|presenter|netflix|bbc|itv|radio|podcast|youtube|starring|famous"
    r"|celebrity|comedian|autobiography|footballer|striker|goalkeeper|captain of|played for"
    r"|plays for|boxer|olympics?|world cup|premier league|named after|law is named|crowd"
    r"|music|cricket|football|boxing|snooker|darts|rugby|westerns?|reggae|records?|tunes?"
    r"|sound system|dj|danced?|dancing)\b",
    re.IGNORECASE,
)
"""Talk of television, books, music and sport."""
SEEN_BEFORE = re.compile(
    r"\b(?:watch(?:ed|ing)?|see|saw|seen|listen(?:ed|ing)? to|hear|heard|that|like|love[sd]?"
    r"|fan of|read|by|named after|play(?:ed|ing|s)?(?: some)?(?: old)?|put on)[ \t]+$",
    re.IGNORECASE,
)
"""What puts a public name after it: someone watched, heard, read or admired ("that Nigel
Slater who cooks", "took me to see Gerry Cinnamon at Hampden", "named after Clare Wood")."""


def _in_public_talk(text: str, start: int, end: int) -> bool:
    """A name written plainly after SEEN_BEFORE, in a sentence of PUBLIC_TALK, and not said to
    be someone the storyteller knows ("Darren Hughes, my pad mate, watched telly all day" and
    "Darren Hughes watched telly" are names; a name in capitals, lower case or after a title
    never is a public one here)."""
    if not PLAIN_NAME.fullmatch(text, start, end):
        return False
    if not SEEN_BEFORE.search(text, max(0, start - 30), start) or ROLE_AFTER.match(text, end):
        return False
    low, high = sentence_bounds(text, start, end, reach=300)
    return PUBLIC_TALK.search(text, low, high) is not None


def _within_public(text: str, start: int, end: int) -> bool:
    """Whether the name is part of a longer public one written around it ("Nusrat Fateh Ali"
    in "Nusrat Fateh Ali Khan")."""
    name = " ".join(text[start:end].split()).casefold()
    around = " ".join(text[max(0, start - 40) : end + 40].split()).casefold()
    return any(name in entry and entry in around for entry in _folded_not_people())


@lru_cache(maxsize=1)
def _folded_not_people() -> frozenset[str]:
    return frozenset(entry.casefold() for entry in not_people())


def _names(segment: Segment, pseudonym: str | None) -> Iterator[tuple[int, int]]:
    """(start, end) of each full name in the segment, perhaps overlapping."""
    text = segment.text
    strict = segment.field != "title"
    for start, end in segment.windows_of(CAPITALISED_PAIR):
        for run in CANDIDATE.finditer(text, start, end):
            span = _judge_run(text, run, pseudonym, strict)
            if span:
                yield span
        for pair in REVERSED.finditer(text, start, end):
            if _reversed_or_capitals(pair):
                yield pair.start(), pair.end("b")
    yield from _lower_case_names(text, _has_particle(segment))
    yield from _unlisted_runs(text, segment.windows_of(CAPITALISED_PAIR))
    yield from _shaped_names(segment)
    if any(quote in text for quote in "‘'\"“"):
        yield from _nicknamed_names(text)
        yield from _introduced_names(text)
    # letters only Vietnamese uses; a pattern, not a loop over the characters (a quarter of
    # the checklist's time on 2,000 stories)
    if not text.isascii() and VIET_LETTER.search(text):
        yield from _vietnamese_names(text)


_CAPITALISED = rf"(?:[{UPPER}][{LOWER}]+|[{UPPER}]{{3,}})"
RUN3 = re.compile(
    rf"(?<![\w'’])(?=[{UPPER}])(?=(?P<run>{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{2}})"
    r"(?:['’]s)?(?![\w'’]))"
)
"""Three capitalised words (or three in capitals) in a row."""
PREPOSITIONS = frozenset("in at to from near into through round around via outside by".split())


def _unlisted_runs(text: str, windows: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Names no list holds, told by their shape: three capitalised words none of which is
    English ("Abdiwali Xasan Geedi", "PHAM DUC MINH"), or a word that is no English word
    before a listed surname ("Folasade Oyelaran") where no preposition makes it a place."""
    english = english_words()
    for start, end in windows:  # the windows the other candidates use, found once
        for run in RUN3.finditer(text, start, end):  # a lookahead: runs may overlap
            words = run.group("run").split()
            if all(_foreign(w, english) for w in words):
                yield run.span("run")
        for pair in PAIR.finditer(text, start, end):
            first, last = pair.group("a"), pair.group("b")
            before = text[max(0, pair.start() - 12) : pair.start()].split()
            if before and before[-1].lower() in PREPOSITIONS:
                continue
            if _foreign(first, english) and last in surnames() and last.lower() not in english:
                yield pair.start(), pair.end("b")
            elif (
                first in given_names()
                and first not in NEVER_NAMES  # "North Tyneside"
                and _foreign(last, english)
                and _distinct(last)
            ):
                yield pair.start(), pair.end("b")  # "Florin Dumitrașcu"
    for start, end in windows:
        for pair in FOREIGN_PAIR.finditer(text, start, end):
            first, last = pair.group("a"), pair.group("b")
            if first == last or not (_foreign(first, english) and _foreign(last, english)):
                continue  # "Kabhi Kabhi", "Calon Lân"
            if pair.group("s") or NAME_CUE.search(text, max(0, pair.start() - 16), pair.start()):
                yield pair.start(), pair.end("b")  # "Ifeanyichukwu Obiagwu's story"
        for match in INITIALS.finditer(text, start, end):
            if _foreign(match.group("last"), english):
                yield match.span()  # "U. C. Onwuegbu"
        for match in CAPITALS.finditer(text, start, end):
            if all(len(w) >= 6 and _foreign(w, english) for w in match.group(1, 2)):
                yield match.span()  # "THARSHIKA SIVAGNANASUNDARAM"


SHAPE_NEEDLES = tuple(sorted({*SURNAME_ENDINGS, *SURNAME_PARTS}))
_LETTERS = re.compile(rf"[{UPPER}{LOWER}'’-]+")
_LEFT_WORD = re.compile(rf"([{UPPER}{LOWER}'’-]+)[ \t]+$")
NAME_CUE = re.compile(
    r"\b(?:met|meet|mate|pal|friend|cousin|bro|thanks to|big up|shout ?out to"
    r"|name(?:['’]s| is| was| wis)|(?:fella|man|woman|lad|lass|bloke|guy|girl|boy|lady|kid"
    r"|someone|somebody|geezer|officer|worker|teacher|screw|chaplain|he|she|who)"
    r"(?: was)? (?:called|named))[ \t]+$",
    re.IGNORECASE,
)
"""Words that put a person next ("I met …", "big up …", "my mate …")."""


def _shaped_names(segment: Segment) -> Iterator[tuple[int, int]]:
    """A word with a surname's ending ("Kriaučiūnas", "Popescu") next to a word that can be a
    given name: capitalised beside a capitalised word that is no English word, or in lower
    case beside a listed given name or an unknown word ("vaidotas kriaučiūnas")."""
    text = segment.text
    folded = segment.folded
    if len(folded) == len(text):
        spans = segment.occurrences(SHAPE_NEEDLES)
    else:
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        spans = needle_spans(folded, SHAPE_NEEDLES)
    if not spans:
        return
    english = english_words()
    done: set[int] = set()
    for at, _ in spans:
        start = at
        while start and _LETTERS.fullmatch(text[start - 1]):
            start -= 1
        word = _LETTERS.match(text, start)
        if word is None or word.start() in done or not surname_shaped(word.group()):
            continue
        done.add(word.start())
        name = word.group().removesuffix("'s").removesuffix("’s")
        before = _LEFT_WORD.search(text, max(0, start - 42), start)
        after = re.match(r"[ \t]+([^\s,.;:!?()]+)", text[word.end() : word.end() + 42])
        if before is not None and _pairs(before.group(1), name, english):
            yield before.start(1), word.start() + len(name)
        elif after is not None and _pairs(after.group(1), name, english):
            yield word.start(), word.end() + after.end(1)


def _pairs(other: str, shaped: str, english: frozenset[str]) -> bool:
    """Whether ``other``, beside a surname-shaped word, makes a full name with it."""
    other = other.removesuffix("'s").removesuffix("’s")
    if len(other) < 2 or not other[0].isalpha():
        return False
    if shaped[0].isupper():
        return other[0].isupper() and (
            other in given_names() or other in surnames() or _foreign(other, english)
        )
    if other != other.lower():
        return False
    return other in lower_given_names() or (
        len(other) > 2 and other not in english and other not in DIALECT
    )


FOREIGN_PAIR = re.compile(
    rf"(?<![\w'’])(?P<a>[{UPPER}][{LOWER}]{{3,}})[ \t]+(?P<b>[{UPPER}][{LOWER}]{{3,}})"
    r"(?P<s>['’]s\b)?(?![\w'’])"
)
"""Two capitalised words, four letters or more, neither English: a name when the second is
possessive or a word before puts a person next ("I met Ifeanyichukwu Obiagwu")."""
INITIALS = re.compile(
    rf"(?<![\w.])[A-Z]\.[ \t]?(?:[A-Z]\.[ \t]?)+(?P<last>[{UPPER}][{LOWER}]{{3,}})\b"
)
CAPITALS = re.compile(rf"(?<![\w'’])([{UPPER}]{{3,}}),?[ \t]+([{UPPER}]{{3,}})(?![\w'’])")


def _distinct(word: str) -> bool:
    """A surname no list holds but no English word could be: accented, or long."""
    return not word.isascii() or len(word) >= 8


PAIR = re.compile(
    rf"(?<![\w'’])(?P<a>[{UPPER}][{LOWER}]{{2,}})"
    rf"(?=[ \t]+(?P<b>[{UPPER}][{LOWER}]{{2,}})(?![\w'’]))"
)


def _foreign(word: str, english: frozenset[str]) -> bool:
    """A capitalised word that is no English word, place, day or service."""
    low = word.lower()
    return (
        len(word) > 2
        and low not in english
        and word.title() not in NEVER_NAMES
        and word.title() not in PLACE_WORDS
        and low not in _places()
    )


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    from generator.rules.jigsaw import CITIES  # noqa: PLC0415 (jigsaw reads names: no cycle at import)

    return CITIES


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    from generator.rules.jigsaw import CITIES, _lists  # noqa: PLC0415

    return frozenset(_lists()[0]) | CITIES


INTRODUCED = re.compile(
    rf"[“\"‘'](?P<a>[{UPPER}][{LOWER}]{{2,}})[ \t]+(?P<b>[{UPPER}][{LOWER}]{{2,}})"
    r"[,.!]?[”\"’'],?[ \t]+"
    r"(?:he|she|they|I|the \w+) (?:said|says|goes|went|told me|announced)\b"
)
"""A person saying their own name, "“Dritan Qerimaj,” he said, shaking my hand"."""


def _introduced_names(text: str) -> Iterator[tuple[int, int]]:
    english = english_words()
    for match in INTRODUCED.finditer(text):
        a, b = match.group("a"), match.group("b")
        listed = a in given_names() or b in surnames()
        if listed and _foreign(a, english) and _foreign(b, english):  # not "“Eid Mubarak,”"
            yield match.start("a"), match.end("b")


LOWER_NICKNAMED = re.compile(
    rf"(?<![\w'’])(?P<first>[{LOWER}]{{2,20}})[ \t]+[‘'\"“][^’'\"”\n]{{1,20}}[’'\"”][ \t]+"
    rf"(?P<last>(?:mc|mac|o['’])?[{LOWER}]{{2,20}})(?![\w'’])"
)
"""The same in lower case: bernadette “bernie” mcalister."""


def _nicknamed_names(text: str) -> Iterator[tuple[int, int]]:
    """Dwayne ‘Tiny’ Fairweather; bernadette “bernie” mcalister (both names in the lists)."""
    for match in NICKNAMED.finditer(text):
        first, last = match.group("first"), match.group("last")
        if looks_like_full_name([first, last]) or (
            first in given_names() and _unlisted_name(first, last)
        ):
            yield match.span()
    for match in LOWER_NICKNAMED.finditer(text):
        first, last = match.group("first"), match.group("last")
        if first in lower_given_names() and last in lower_surnames():
            yield match.span()


def _vietnamese_names(text: str) -> Iterator[tuple[int, int]]:
    for run in VIETNAMESE.finditer(text):
        words = list(WORD.finditer(text, *run.span()))
        while words and words[0].group().lower() in common_words():
            words.pop(0)  # "What Nguyễn Văn Thắng taught me"
        names = [w.group() for w in words]
        if (
            len(names) > 1
            and any(VIET_LETTER.search(w) for w in names)
            and any(w in surnames() or w in given_names() for w in names)
        ):
            yield words[0].start(), words[-1].end()


def _judge_run(
    text: str, run: re.Match[str], pseudonym: str | None, strict: bool
) -> tuple[int, int] | None:
    title = run.group("title")
    first = run.start("titled") if title else run.start("run")
    words = list(WORD.finditer(text, first, run.end()))
    names = [POSSESSIVE.sub("", w.group(0)) for w in words]
    following = re.match(r"\s+([A-Z][a-z]+)", text[run.end() : run.end() + 40])
    if any(n in PLACE_WORDS for n in names[1:]) or (
        following and following.group(1) in PLACE_WORDS
    ):
        return None  # "Mary Seacole House", "Grace Darling Community Centre"
    if " ".join(names) in not_people():
        return None  # "Jai Shri Krishna", "Linton Kwesi Johnson"
    if pseudonym and " ".join(names) == pseudonym:
        return None
    if title:
        if f"{title} {names[0]}" in not_people():
            return None  # "Dr Martens", "Mr Brightside"
        if (
            len(names) > 1
            and _unlisted_name(names[0], names[1])
            and (
                title in SPELLED_TITLES or not any(w.lower() in english_words() for w in names[:2])
            )
        ):
            return run.start(), words[1].end()  # "Officer Tremaine …", "Father Yonas Woldegiorgis"
        if len(names) > 1 and _is_name(names[:2], False, True, True):
            return run.start(), words[1].end()  # "Mrs Priya Patel"
        if title in SPELLED_TITLES and names[0] in given_names() and names[0] not in surnames():
            return None  # "Officer Karen" is a first name
        if title in SOCIAL_TITLES and not _after_role(text, run.start()):
            return None  # "Mr Lloyd ran the domino club": a surname alone is no full name
        return (run.start(), words[0].end()) if _is_name(names[:1], False, True, True) else None
    for i, j in _candidates(words):
        if names[i] == "The" or _after_the(text, words[i].start()):
            continue  # "the Red Lion", "The Black Bull": people's names take no article
        if (
            names[i] == names[i + 1]
            or (i and names[i - 1] == names[i])
            or (j == i + 1 and names[i] in ADDRESSES)
        ):
            continue  # "Red Red Wine"; "Sister Grace", "Auntie Efua": a first name, addressed
        if names[i].lower() in _cities():
            continue  # "London Victoria", "Manchester Piccadilly"
        middle = names[i + 1]
        if j == i + 2 and not (
            middle in given_names() or middle in surnames() or middle in NAMING_PARTICLES
        ):
            continue  # a middle name is a name (or ap, Ní): "No Job Too Small" is no Job Small
        pair = [names[i], names[j]]
        if " ".join(pair) in not_people() or " ".join(names[i : j + 1]) in not_people():
            continue
        between = text[words[i].end() : words[j].start()]
        if _is_name(pair, _at_start(text, words[i].start()), False, strict) or (
            (j == i + 1 or names[i + 1] in NAMING_PARTICLES) and _particle_name(pair, between)
        ):
            return words[i].start(), words[j].end()
    if _after_role(text, words[0].start()) and _unlisted_name(names[0], names[1]):
        return words[0].start(), words[1].end()
    if ROLE_AFTER.match(text, words[1].end()) and _unlisted_name(names[0], names[1]):
        return words[0].start(), words[1].end()
    return None


def _after_the(text: str, start: int) -> bool:
    return text[max(0, start - 4) : start] in ("the ", "The ")


def _particle_name(pair: list[str], between: str) -> bool:
    """Dafydd ap Gwilym, Pádraig Ó Súilleabháin: a particle and one of the two in the lists."""
    if any(w in NEVER_NAMES for w in pair):
        return False
    if between.strip() in NAMING_PARTICLES:
        return True
    if between.strip() in ("", ".") or between.strip()[:1].isupper() and len(between.strip()) < 3:
        return False  # nothing between, or an initial
    return pair[0] in given_names() or pair[1] in surnames()


def _after_role(text: str, start: int) -> bool:
    return bool(ROLE_BEFORE.search(text[max(0, start - 40) : start]))


def _unlisted_name(first: str, last: str) -> bool:
    """Two capitalised words after a role that are no place, service or everyday words."""
    if first in NEVER_NAMES or last in NEVER_NAMES or last in PLACE_WORDS:
        return False
    everyday = everyday_words()
    return (first in given_names() or first.lower() not in everyday) and (
        last in surnames() or last.lower() not in everyday
    )


def _unlisted_surname(word: str) -> bool:
    """A surname no list holds but its shape gives away: double-barrelled of words that are
    no English ones (Adjei-Fosuhene), or with a surname's ending."""
    english = english_words()
    if "-" in word:
        return all(_foreign(part, english) for part in word.split("-"))
    return surname_shaped(word)


def _reversed_or_capitals(pair: re.Match[str]) -> bool:
    """SMITH, JOHN; Smith, John; MCALLISTER Darren; JOHN SMITH."""
    a, b = POSSESSIVE.sub("", pair.group("a")), POSSESSIVE.sub("", pair.group("b"))
    comma = "," in pair.group("gap")
    if a.title() in NEVER_NAMES or b.title() in NEVER_NAMES:
        return False
    if a.isupper() and b.isupper():
        return written_in_one_case(a, b) or comma and written_in_one_case(b, a)
    if a.isupper():  # MCALLISTER Darren: surname in capitals, then the given name
        parts = a.lower().split("-")  # OSEI-BONSU, Kwabena: a double surname, each part listed
        return (
            len(a) > 2
            and (
                a.lower() in folded_surnames()
                or all(p in folded_surnames() for p in parts)
                # KOWALCZYK, Agnieszka: a form's order, any surname before a listed given name
                or (comma and b in given_names() and a.lower() not in english_words())
            )
            and a.lower() not in everyday_words()
            and (b in given_names() or comma and b.lower() not in everyday_words())
        )
    if comma and not b.isupper():  # Smith, John: a surname, a comma and a given name
        before = pair.string[max(0, pair.start() - 2) : pair.start()]
        return (
            (a in surnames() or _unlisted_surname(a))
            and b in given_names()
            and not before.startswith(",")  # "Kelly, Dean, Mark and me": first names
            and not pair.string.startswith((",", " and ", " or ", " &"), pair.end("b"))
            and a.lower() not in common_word_names()
            and a.lower() not in common_words()
            and b.lower() not in common_words()
        )
    return False


def _has_particle(segment: Segment) -> bool:
    """Whether a lower-case particle (" ap ", " ó ") is in the text, from the shared scan."""
    if len(segment.folded) == len(segment.text):
        return bool(segment.occurrences(PARTICLE_NEEDLES))
    return any(needle in segment.text for needle in PARTICLE_NEEDLES)


BRACKETS_TO_SPACES = str.maketrans(dict.fromkeys('()[]{}<>"“”‘,;:!?*_/', " "))
"""What may stand against a lower-case name: "(jaspreet kaur sandhu, ...)"."""


def _lower_case_names(text: str, particle: bool = True) -> Iterator[tuple[int, int]]:
    """darren mcallister, siobhan o'brien: both in the lists and neither an English word.
    A set intersection finds the given names first, so prose without one costs one split.
    Every text is read so: people who capitalise "I" still type a name in lower case."""
    # one pass of the words through both lists (a story's thousand words, hashed and looked
    # up once), then the few found are sorted between them
    found_any = _lower_names_either().intersection(text.translate(BRACKETS_TO_SPACES).split())
    yield from _lower_word_names(text, found_any & lower_word_given_names())
    if particle:  # llŷr ap emrys
        english = english_words()
        for match in LOWER_PARTICLE.finditer(text):
            given, particle, last = match.group(1, 2, 3)
            if given in folded_given_names() and (
                particle in ("ap", "ab", "ferch")
                or last in folded_given_names()
                or last not in english
            ):
                yield match.span()  # ruairí ó ceallacháin, síofra ní dhubhghaill
            elif particle in ONLY_NAMES_JOIN and (
                last in folded_given_names() or (given not in english and last not in english)
            ):
                yield match.span()  # iestyn ap rhydderch, donnchadh ó ceallaigh
    if " called " in text or " named " in text:
        yield from _lower_called(text)
    found = found_any & lower_given_names()
    if not found:
        return
    yield from _lower_unknown_surnames(text, found)
    surnames_ = lower_surnames()
    for name in found:
        for match in re.finditer(rf"(?<![\w'’]){re.escape(name)}((?:[ \t]+[\w'’-]+){{1,2}})", text):
            following = match.group(1).split()
            last = following[-1].rstrip("'’").removesuffix("'s").removesuffix("’s")
            if (
                len(following) == 2
                and following[0] in {"kaur", "singh", "bibi", "begum", "kumar"}
                and written_in_one_case(name, last)
            ):
                yield match.start(), match.start(1) + match.group(1).rfind(last) + len(last)
            elif following[0] in surnames_ and written_in_one_case(name, following[0]):
                yield (
                    match.start(),
                    match.start(1) + match.group(1).find(following[0]) + len(following[0]),
                )


LOWER_PARTICLES = ("ap", "ab", "ferch", "ó", "ní", "nic", "mhic", "uí", "ua", "mac", "bin", "ibn")
ONLY_NAMES_JOIN = frozenset({"ap", "ab", "ferch", "ó", "ní", "nic", "mhic", "uí"})
"""Particles no English sentence has: between two words that are no English ones, a name."""
PARTICLE_NEEDLES = tuple(f" {particle} " for particle in LOWER_PARTICLES)
LOWER_PARTICLE = re.compile(
    rf"(?<![\w'’])([{LOWER}]{{3,}}) ({'|'.join(LOWER_PARTICLES)}) ([{LOWER}'’]{{3,}})\b"
)
"""A name in lower case joined by a particle: Welsh ap ("son of") with a given name either
side (llŷr ap emrys), Irish ó, ní, nic, mac and Arabic bin after a given name before a word
that is no English one (ruairí ó ceallacháin)."""
VIET_LETTER = re.compile("[\u1ea0-\u1ef9]")
VIETNAMESE = re.compile(rf"(?<![\w'’])[{UPPER}][{LOWER}]+(?:[ \t]+[{UPPER}][{LOWER}]+){{1,3}}")
"""Vietnamese names come surname first and carry letters English never has (Nguyễn Văn
Thắng): two to four capitalised words, one with such a letter, one in the lists."""
LONG_SURNAME = 6
"""Letters, at least, of the surname after a given name that is also a word ("paddy
mcdonagh", not "frank lane")."""


@lru_cache(maxsize=1)
def _lower_names_either() -> frozenset[str]:
    return lower_given_names() | lower_word_given_names()


def _lower_unknown_surnames(text: str, found: set[str]) -> Iterator[tuple[int, int]]:
    """me and kyle dunachie: after a word that puts a person next, a given name, then a word
    of five letters or more that is no English word, no dialect or text-speak, no word with
    its g dropped ("goin") and no contraction without its apostrophe ("werent")."""
    english = english_words()
    for name in found:
        for match in re.finditer(rf"(?<![\w'’]){re.escape(name)}[ \t]+([{LOWER}]{{5,}})\b", text):
            last = match.group(1)
            accented = not last.isascii()  # "hüseyin dervişoğlu": no English word has these
            if not accented and not LOWER_NAME_BEFORE.search(
                text, max(0, match.start() - 16), match.start()
            ):
                continue  # "gulab jamun", "bara brith": food, not people
            if (
                last not in english
                and last not in DIALECT
                and last + "g" not in english
                and last.rstrip("s") not in english
                and not _contracted(last, english)
            ):
                yield match.start(), match.end()


LOWER_CALLED = re.compile(
    r"\b(?:a|an|this|some|the)[ \t]+(?:fella|feller|man|woman|lad|lass|bloke|guy|girl|boy|lady"
    r"|kid|geezer)[ \t]+(?:called|named)[ \t]+"
    rf"(?P<name>([{LOWER}]{{3,}})[ \t]+([{LOWER}][{LOWER}'’-]{{3,}}))\b"
)
"""A person introduced by name in lower case: "a fella called shadrach loveridge-heron"."""


def _lower_called(text: str) -> Iterator[tuple[int, int]]:
    english = english_words()
    for match in LOWER_CALLED.finditer(text):
        first, last = match.group(2), match.group(3).rstrip("'’")
        parts = [p for p in last.split("-") if p]
        if first not in english and any(p not in english for p in parts):
            yield match.span("name")


LOWER_NAME_BEFORE = re.compile(
    r"\b(?:me and|called|named|name(?:['’]s| is| was| wis| were)|mate|pal|friend|m8|cousin|bruv"
    r"|bro|cuz|met|saw|texted|rang|told|asked)[ \t]+$"
)
"""Words that put a person next: only after one is an unknown word a surname in lower case."""


def _contracted(word: str, english: frozenset[str]) -> bool:
    """A contraction typed without its apostrophe: werent, theyre, youve, shouldnt."""
    for ending in ("nt", "re", "ve", "ll", "d", "s"):
        root = word.removesuffix(ending)
        if root != word and (root in english or root.removesuffix("n") in english):
            return True
    return False


def _lower_word_names(text: str, found: set[str]) -> Iterator[tuple[int, int]]:
    surnames_ = lower_surnames()
    for name in found:
        for match in _matches_from(text, name, _word_name_and_next(name)):
            last = match.group(1)
            if len(last) >= LONG_SURNAME and last in surnames_:
                yield match.start(), match.end()


@lru_cache(maxsize=4096)
def _word_name_and_next(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’]){re.escape(name)}[ \t]+([a-z'’-]+)")


def _matches_from(text: str, head: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds when every match starts with ``head``: the
    pattern tried only where str.find finds it, not at every character ("will", "hope" and
    "mark" are in most stories: a scan of the whole story for each cost 0.2 s per 1,000)."""
    end = 0
    at = text.find(head)
    while at >= 0:
        if at >= end:
            match = pattern.match(text, at)
            if match is not None:
                end = match.end()
                yield match
        at = text.find(head, at + 1)


def _at_start(text: str, start: int) -> bool:
    return start == 0 or bool(SENTENCE_START.search(text[max(0, start - 4) : start]))


RULE = Rule(
    id="BT211",
    name="personal-name",
    severity=Severity.ERROR,
    summary="Finds full names of anyone: a known first name and surname (in any case, surname "
    "first, with middle names, initials or particles such as ap, Ní and Ó), a title such as "
    "Mr, DC or Judge and a name, two capitalised words right after a role ('my probation "
    "officer, …'), and names no list holds, by their shape: a surname's ending (Popescu, "
    "Kriaučiūnas), words that are no English ones after 'met' or 'big up', or possessive.",
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
