"""BT220: details that are harmless one by one but together identify someone ("jigsaw"
identification), in one story or pooled over every story with the same pseudonym."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.findings import Finding, Severity, mask
from generator.model import Document, Status, StoryMeta
from generator.names import (
    common_word_names,
    common_words,
    english_words,
    given_names,
    not_people,
    surnames,
)
from generator.rules.base import Context, Rule
from generator.rules.date_of_birth import MONTH_TRIGGERS
from generator.text import Segment, needle_spans, segments, sentence_bounds

if TYPE_CHECKING:
    from generator.loader import Content

DATA = Path(__file__).resolve().parent.parent / "data"

LABELS = {
    "place": "small town or village",
    "estate": "named estate or district",
    "street": "named street",
    "school": "named school",
    "prison": "named prison",
    "employer": "named employer or club",
    "job": "distinctive job or title",
    "church": "named church",
    "paper": "named local paper",
    "town": "small town or village",
    "mark": "visible mark or pet",
    "nickname": "nickname",
    "relative": "child's first name",
    "age": "exact age",
    "year": "year",
    "offence": "offence",
    "date": "exact date",
}
NAMED = frozenset(
    {
        "place",
        "town",
        "estate",
        "street",
        "school",
        "prison",
        "employer",
        "church",
        "paper",
        "job",
        "nickname",
        "relative",
        "mark",
    }
)
"""Kinds that point at one place or group of people; a combination needs at least one (an
age, a year and an offence alone fit thousands of people)."""
FLAGGED = NAMED | {"offence"}
"""Kinds that get a story flagged when another story's details complete the picture."""
PLACES = frozenset({"place", "estate", "street"})
SAME_KIND = {"age": "when", "year": "when", "town": "place"}
"""An age and a year both say when; clean stories use both freely ("when I was 19", "in
2015"), so together they count as one kind. A town known only by the shape of its name
("in Glenmorrow") is a place like any other, but not one of two places (see combines)."""
KINDS_NEEDED = 3
PLACES_NEEDED = 2
PAIRS = (
    frozenset({"relative", "school"}),
    frozenset({"school", "place"}),
    frozenset({"nickname", "estate"}),
    frozenset({"nickname", "place"}),
    frozenset({"nickname", "street"}),
    frozenset({"job", "employer"}),
    frozenset({"job", "place"}),
    frozenset({"mark", "place"}),
    frozenset({"mark", "estate"}),
    frozenset({"mark", "street"}),
)
"""Two details that identify together, as in press rulings: a child's first name and their
school; a named school in a small town (every parent there knows every other); a nickname
and the estate, street or small town where everyone knew it; a distinctive job or title and a
named employer or club ("the only woman on the tools" at "Pennock Motors"), or a small named
place ("the only chippy in the village" and "Cemaes"); a visible mark
("the eagle tattoo on my neck", "my three-legged greyhound") and the place where people see
it."""


@dataclass(frozen=True)
class Detail:
    """One quasi-identifier found in a story."""

    kind: str
    text: str
    line: int | None
    column: int | None

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.text.casefold()

    def describe(self, where: str = "") -> str:
        at = f"{where} line {self.line}" if where else f"line {self.line}"
        return f"{LABELS[self.kind]} '{mask(self.text)}' ({at.strip()})"


@dataclass(frozen=True)
class StoryDetails:
    """What the cross-story part needs of one story (kept in its Identity and the cache)."""

    rel: str
    pseudonym: str
    details: tuple[Detail, ...]
    expires: date | None
    waivers: tuple[tuple[str, str], ...] = ()
    """(text, editor) of the story's BT220 waivers."""


def story_details(doc: Document) -> StoryDetails | None:
    """The story's quasi-identifiers, found once per document. None for other documents; no
    details for drafts and withdrawn stories, which are not published."""
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return None
    cached = doc.cache.get("jigsaw")
    if cached is None:
        found: tuple[Detail, ...] = ()
        if meta.status is not Status.DRAFT and meta.consent.withdrawn is None:
            found = tuple(_unique(d for s in segments(doc) for d in _segment_details(s, meta)))
        waived = tuple((w.text, w.by) for w in meta.waivers if w.rule in (RULE_ID, RULE_NAME))
        cached = doc.cache["jigsaw"] = StoryDetails(
            doc.rel, meta.pseudonym, found, meta.consent.expires, waived
        )
    return cached


def _unique(details: Iterable[Detail]) -> Iterator[Detail]:
    seen: set[tuple[str, str]] = set()
    for detail in details:
        if detail.key not in seen:
            seen.add(detail.key)
            yield detail


def combines(details: Iterable[Detail]) -> bool:
    """Three kinds of detail (an age and a year count as one) with at least one named thing
    among them, two named places smaller than a city (districts known by name alone not
    counted, and not two streets alone), or one of the PAIRS."""
    details = list(details)
    kinds = {SAME_KIND.get(d.kind, d.kind) for d in details}
    # a district of a city known by name alone ("Brixton", "Peckham") is too big to pair with
    # another: an estate called so ("the Longmoor estate"), a street or a small town is not
    places = {d.key for d in details if d.kind in PLACES and not _district(d)}
    if len(kinds) >= KINDS_NEEDED and kinds & NAMED:
        return True
    # two streets point at a part of a city, not at someone; a street and a small town do
    two = len(places) >= PLACES_NEEDED and any(kind != "street" for kind, _ in places)
    return two or any(pair <= kinds for pair in PAIRS)


def _district(detail: Detail) -> bool:
    return detail.kind == "estate" and "estate" not in detail.text.lower()


def _match_text(details: Iterable[Detail]) -> str:
    return " + ".join(d.text for d in details)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    found = story_details(doc)
    if found is None or not combines(found.details):
        return
    first = found.details[0]
    listed = ", ".join(d.describe() for d in found.details)
    yield RULE.finding(
        doc,
        f"details that together could identify the storyteller: {listed}",
        first.line,
        first.column,
        match=_match_text(found.details),
    )


def check_content(content: Content, ctx: Context) -> Iterator[Finding]:
    """Details spread over several stories with the same pseudonym, pooled."""
    groups: dict[str, list[StoryDetails]] = {}
    for identity in content.identities:
        found = getattr(identity, "details", None)
        if not isinstance(found, StoryDetails) or not found.details:
            continue
        if found.expires is not None and found.expires <= ctx.today:
            continue
        groups.setdefault(found.pseudonym.strip().casefold(), []).append(found)
    for stories in groups.values():
        if len(stories) < 2:
            continue
        pooled: dict[tuple[str, str], tuple[Detail, StoryDetails]] = {}
        for story in sorted(stories, key=lambda s: s.rel):
            for detail in story.details:
                pooled.setdefault(detail.key, (detail, story))
        if not combines(d for d, _ in pooled.values()):
            continue
        involved = sorted({s.rel for _, s in pooled.values()})
        listed = ", ".join(d.describe(s.rel) for d, s in pooled.values())
        match = _match_text(d for d, _ in pooled.values())
        message = (
            f"details spread over {len(involved)} stories by the same storyteller "
            f"('{mask(stories[0].pseudonym)}': {', '.join(involved)}) together could "
            f"identify them: {listed}"
        )
        # on each story that brings a named detail or the offence: that is where one is
        # generalised (a story that only gives an age or a year is listed, not flagged)
        for story in sorted(stories, key=lambda s: s.rel):
            own = [d for d, owner in pooled.values() if owner is story]
            if combines(story.details) or not any(d.kind in FLAGGED for d in own):
                continue  # its own finding says so, or it only gives an age or a year
            finding = RULE.finding(story.rel, message, own[0].line, own[0].column, match=match)
            for text, by in story.waivers:
                if text == match:
                    finding = finding.waived(by)
            yield finding


# ---- finding the details ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(lower-case place name -> kind, prison names, prisons known by name alone)."""
    places: dict[str, str] = {}
    kind = "place"
    for line in (DATA / "jigsaw_places.txt").read_text("utf-8").splitlines():
        if line.startswith("# estates"):
            kind = "estate"
        if line.strip() and not line.startswith("#"):
            places[line.strip().lower()] = kind
    prisons: set[str] = set()
    alone: set[str] = set()
    target = prisons
    for line in (DATA / "jigsaw_prisons.txt").read_text("utf-8").splitlines():
        if line.startswith("# known alone"):
            target = alone
        if line.strip() and not line.startswith("#"):
            target.add(line.strip().lower())
    # a prison's name of two or more words names it alone when capitalised ("sent tae Castle
    # Huntly"), unless the words are ordinary ones
    alone |= {name for name in prisons if " " in name and name not in ORDINARY_PRISON_NAMES}
    return places, frozenset(prisons), frozenset(alone)


@lru_cache(maxsize=1)
def _big_places() -> frozenset[str]:
    """Lower-case names of cities, big towns and places abroad: never a small place."""
    lines = (DATA / "big_towns.txt").read_text("utf-8").splitlines()
    return CITIES | {line.strip().lower() for line in lines if line.strip()[:1] not in ("", "#")}


def _small_unlisted(name: str) -> bool:
    """Whether a capitalised name that no list holds, said where a small place would be, can be
    one: no English word, first name, city, big town, public name, time or shop."""
    first = name.split()[0]
    return not (
        first.lower() in english_words()
        or first in given_names()
        or first.lower() in STOP_WORDS
        or first in NOT_PLACES
        or name.lower() in _big_places()
        or first.lower() in _big_places()
        or name in not_people()
    )


ORDINARY_PRISON_NAMES = frozenset(
    {
        "high down",
        "new hall",
        "isle of wight",
        "low newton",
        "forest bank",
        "warren hill",
        "rye hill",
    }
)


@lru_cache(maxsize=1)
def _needles() -> tuple[tuple[str, ...], dict[str, str]]:
    """Every lower-case word that starts a look, with what it starts."""
    places, _, alone = _lists()
    found: dict[str, str] = {}
    for name, kind in places.items():
        found[name] = kind
    for name in alone:
        found[name] = "prison-alone"
    cues = (
        (PRISON_CUES, "prison-cue"),
        (PRISON_AFTER, "prison-after"),
        (STREET_TYPES, "street"),
        (SCHOOL_WORDS, "school"),
        (EMPLOYER_WORDS, "employer"),
        (OFFENCES, "offence"),
        (OFFENCE_ACTS, "offence-act"),
        (AGE_CUES, "age"),
    )
    for words, kind in cues:  # in this order: a later kind wins a word both list
        found.update(dict.fromkeys(words, kind))
    found["the only "] = "job"
    found["only two "] = "job"
    found["only three "] = "job"
    found.update(dict.fromkeys(DISTINCTIVE_JOBS, "job-named"))
    found[" estate"] = "estate-named"
    for word in ("village called ", "town called ", "village of ", "hamlet of ", "hamlet called "):
        found[word] = "place-called"
    for word in RELATIVE_CUES:
        found[word] = "relative"
    for word in NICKNAME_CUES:
        found[word] = "nickname"
    found.update(dict.fromkeys(MONTH_TRIGGERS, "date"))
    found.update(dict.fromkeys(("(" + word[1:] for word in OFFENCES), "offence"))
    found.update(dict.fromkeys(TITLE_CUES, "title"))
    found.update(dict.fromkeys(HOUSE_WORDS, "employer-at"))
    found.update(dict.fromkeys(PAPER_WORDS, "paper"))
    found.update(dict.fromkeys(("isle of ", "island of "), "isle"))
    found.update(dict.fromkeys(HOLIDAYS, "holiday"))
    found.update(dict.fromkeys(JOB_CUES, "job-place"))
    found.update(dict.fromkeys(_SAYINGS, "saying"))
    found.update(dict.fromkeys(ON_THE_CUES, "estate-on"))
    found.update(dict.fromkeys(MARK_CUES, "mark"))
    found.update(dict.fromkeys(TOWN_ENDINGS, "town-ending"))
    found.update(dict.fromkeys((" under-", " under ", " u-"), "junior-team"))
    found[" class"] = "class"
    found.update(dict.fromkeys((f"the {pub}" for pub in PUBS), "pub"))
    return tuple(sorted(found)), found


PREPOSITIONS = frozenset("in from near outside to at around round towards toward into".split())
PRISON_CUES = ("hmp ", "hmyoi ", "hm prison ", "hm yoi ", "yoi ")
PRISON_AFTER = (" prison", " jail", " gaol", " nick")
STREET_TYPES = tuple(
    " " + w
    for w in "street road lane avenue close drive crescent terrace gardens grove mews "
    "parade".split()
)
SCHOOL_WORDS = tuple(
    " " + w
    for w in (
        "primary",
        "academy",
        "high school",
        "comprehensive",
        "grammar",
        "infants",
        "juniors",
        "junior school",
        "school",
        "college",
    )
)
EMPLOYER_WORDS = tuple(
    " " + w
    for w in (
        "car wash",
        "bakery",
        "cafe",
        "café",
        "garage",
        "butchers",
        "butcher's",
        "chippy",
        "takeaway",
        "salon",
        "barbers",
        "barber's",
        "scrapyard",
        "scrap yard",
        "motors",
        "logistics",
        "removals",
        "builders",
        "plumbing",
        "taxis",
        "cabs",
        "diner",
        "ltd",
        "limited",
        "pies",
        "bakers",
        "bakehouse",
        "deli",
        "florists",
        "newsagents",
        "fish bar",
        "cycles",
        "autos",
        "& sons",
        "and sons",
        "& son",
        "& daughter",
        "& daughters",
        "and daughter",
        "and daughters",
        "fisheries",
        "kebabs",
        "haulage",
        "roofing",
        "joinery",
        "scaffolding",
        "upholstery",
        "upholsterers",
        "glazing",
        "carpets",
        "flooring",
        "landscaping",
        "fencing",
        "catering",
        "printers",
        "tyres",
        "coaches",
        "electrics",
        "decorators",
        "reclamation",
        "salvage",
        "tyre place",
        "tyre shop",
        "abc",
        "fc",
        "afc",
        "rfc",
        "boxing club",
        "football club",
        "cricket club",
        "rugby club",
        "bowls club",
        "club",
        "welfare",
        "arms",
        "inn",
        "tavern",
        "care home",
        "nursing home",
        "cars",
        "private hire",
        "sunday side",
        "sunday team",
        "bakes",
        "cakes",
    )
)
CLUB_WORDS = frozenset(
    """youth social working men's mens book night sports comedy fight breakfast boxing football
    rugby cricket golf tennis bowls bowling darts snooker pool chess gym health lunch supper
    homework country conservative labour liberal rotary lions legion miners miners' miners’
    women's womens ex-servicemen's glee drama film supporters fan fan's premier holiday
    slimming running cycling walking swimming""".split()
)
"""Words that make a club or an inn of a kind, not a named one ("the Youth Club", "a Premier
Inn", "the Conservative Club")."""
PUBS = tuple(
    """wheatsheaf|red lion|white lion|black lion|royal oak|white hart|white horse|black horse|
    red cow|plough|swan|black swan|white swan|kings head|king's head|queens head|queen's head|
    rose and crown|rose & crown|nags head|nag's head|fox and hounds|fox & hounds|greyhound|
    cross keys|dog and duck|coach and horses|blacksmiths|three horseshoes|malt shovel|
    crooked billet|golden lion|green man|royal hotel|station hotel|black bull|half moon|
    new inn|old bell|rising sun|grapes|eagle and child|lamb and flag|jolly sailor|ship inn|
    packhorse|wagon and horses|waggon and horses|woolpack|fleece|hare and hounds|
    prince of wales|duke of wellington|marquis of granby|pig and whistle|dun cow|spread eagle|
    boars head|boar's head|travellers rest|traveller's rest""".replace("\n", "").split("|")
)
"""Pubs known by their name alone ("the quiz at the Wheatsheaf"): one in many villages, so with
the village or the estate it points at the people behind the bar and at the quiz."""
PUB_BEFORE = re.compile(r"\b(?:at|in|down|from|behind|outside|to|by|near|of|round) $")
HOUSE_WORDS = (" house", " lodge", " manor", " grange")
"""A named care home, hostel or hall where someone works ("activities coordinator at
Heatherlea House"): counted only straight after "at"."""
PAPER_WORDS = tuple(
    " " + w
    for w in "gazette echo herald advertiser chronicle mercury courier argus examiner recorder "
    "journal bugle telegraph".split()
) + (" free press", " evening post", " evening news", " weekly news")
_PAPER_BEFORE = re.compile(r"\b(?:in|made|front of|page of|reporter from|off) the$")
"""What puts a paper's one word after it: "it was in the Echo", "made the Argus"."""
NATIONAL_PAPER_WORDS = frozenset(
    """daily sunday evening morning northern southern western eastern yorkshire lancashire
    birmingham jewish catholic financial racing""".split()
)
"""First words of national and regional papers (the Northern Echo, the Jewish Chronicle): a
story in one is not local news that neighbours read."""
OFFENCES = tuple(
    " " + w
    for w in (
        "arson",
        "robbery",
        "robberies",
        "burglary",
        "burglaries",
        "manslaughter",
        "murder",
        "gbh",
        "abh",
        "wounding",
        "fraud",
        "dealing",
        "supplying",
        "supply",
        "possession with intent",
        "affray",
        "assault",
        "kidnap",
        "kidnapping",
        "blackmail",
        "theft",
        "shoplifting",
        "handling stolen goods",
        "dangerous driving",
        "drink driving",
        "drink-driving",
        "stalking",
        "harassment",
        "criminal damage",
        "firearms",
        "money laundering",
        "carjacking",
        "joyriding",
        "twoc",
        "stabbing",
        "rape",
        "embezzlement",
    )
)
OFFENCE_ACTS = (
    " robbed ",
    "set fire to ",
    "setting fire to ",
    "torched ",
    "burnt down ",
    "burned down ",
    "burnt it down",
    "burned it down",
    "set it on fire",
    "set fire to it",
    "for nicking ",
    "for stealing ",
    "for robbing ",
    "for pinching ",
    "i stole ",
    "ah stole ",
    "we stole ",
    "i nicked ",
    "was nicking ",
    "was stealing ",
    " held up ",
    " holding up ",
    "took out the ",
    "crashed into ",
    "ploughed into ",
    "smashed into ",
    "drove into ",
    "banned from driving",
    "driving ban",
    "drink-drive ",
    "drink drive ",
)
AGE_CUES = (
    "i was ",
    "aged ",
    "age of ",
    "turned ",
    "i'm ",
    "i’m ",
    "i am ",
    "year-old",
    "years old",
)
RELATIVE_CUES = tuple(
    f"my {w} "
    for w in "son daughter boy girl lad little eldest youngest stepson stepdaughter grandson "
    "granddaughter step-son step-daughter twins baby".split()
) + ("my wee girl ", "my wee boy ", "my wee lad ", "my wee one ")
DISTINCTIVE_JOBS = (
    "lollipop lady", "lollipop man", "school crossing patrol", "farrier", "blacksmith",
    "thatcher", "town crier", "harbour master", "harbourmaster", "lighthouse keeper",
    "gamekeeper", "ghillie", "falconer", "chimney sweep", "taxidermist", "ferryman",
    "lock keeper", "toll collector", "village postmistress", "lifeboat cox", "parish clerk",
    "verger", "church warden", "churchwarden", "village bobby", "tower captain",
)  # fmt: skip
"""Jobs so few people do that, with a town or an age, they point at one person."""
NICKNAME_CUES = (
    "called me ", "call me ", "called us ", "nicknamed me ", "nickname was ", "knew me as ",
    "know me as ", "knows me as ", "known me as ", "i was known as ", "mine was ", "calls me ",
    "calls us ", "call us ", "i've been called ", "i’ve been called ",
)  # fmt: skip
"""What puts the name people knew someone by next ("everyone knew me as Biscuit"); not "went
by", which is as often a route ("I went by Tesco")."""

CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
STOP_WORDS = frozenset(
    """the a an my our his her their your this that these those its at in on from to of and or
    but so then when after before while as by for with into near i we he she they you it
    catholic church primary secondary high grammar sunday night evening art drama police military
    naval army open sixth form further boarding special approved english british welsh scottish
    irish comprehensive infant infants junior juniors senior middle free state private independent
    public local prison borstal bible secret old new big little main back front next last first
    same other only good bad best worst nearest new-build training driving dance music film
    business community adult summer holiday day mum dad nan gran grandad grandma uncle auntie aunt
    brother sister cousin mate mates council corner local village town city street road lane
    mr mrs ms miss dr housing industrial trading business retail real country crown royal
    farm""".split()
)
FAMOUS_STREETS = frozenset(
    name.strip()
    for name in """civvy street|easy street|queer street|memory lane|lovers lane|coronation street|
    downing street|wall street|sesame street|fleet street|abbey road|penny lane|oxford street|
    park lane|baker street|old kent road|carnaby street|harley street|bond street|regent street|
    elland road|bramall lane|high street|main street|the high street|kew gardens|
    brick lane|portobello road|baker's street|rye lane|electric avenue|coldharbour lane|
    brixton road|kingsland road|mare street|whitechapel road|commercial road|edgware road|
    green lanes|kilburn high road|wilmslow road|oldham street|market street|bold street|
    lord street|sauchiehall street|buchanan street|argyle street|princes street|leith walk|
    grey street|northumberland street|corporation street|new street|broad street|
    queen street|st mary street|briggate|the headrow|london road|fargate|soho road|
    ladypool road|stratford road|belgrave road|granby street|cowley road|piccadilly gardens|
    maine road|deansgate|the mall|whitehall""".split("|")
)
"""Streets known across the country, or a city's main shopping and high streets: naming one
says nothing about who lived near it."""
FAMOUS_EMPLOYERS = frozenset(
    """mcdonald's macdonald's sainsbury's morrison's morrisons' domino's wetherspoon's nando's
    tesco's asda's lloyd's boot's boots' greggs' halfords' kwik fit jd's argos' currys' dixon's
    timpson's timpsons' specsavers' screwfix' wickes' b&q's aldi's lidl's iceland's""".split()
)
NOT_NICKNAMES = frozenset(
    """mum dad sir miss mister mate bro son love darling god names back in up out over mr mrs ms
    dr monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december""".split()
)

_AGE = re.compile(
    r"(?:i was|i['’]d just turned|i turned|i['’]d turned|aged|at the age of|i['’]m|i am)"
    r"\s(?:just\s|only\s)?"
    r"(\d{1,2}|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?)\b"
    r"(?![ -]?(?:%|percent|per\b|months?|weeks?|days?|minutes?|mins?|hours?|hrs?|times?|quid|"
    r"pounds?|grand|p\b|am\b|pm\b|a\.m|p\.m|o'clock|:|\.\d|,\d|stone|st\b|kg|mph|miles?|feet|"
    r"foot|ft\b|inches|inch|cm|metres?|meters?|of\b|or\b|and a half|out of|years? (?:in|inside|"
    r"into|clean|sober|off|on|later|before|after|ago)|x\b))"
)
_YEARS_OLD = re.compile(r"(\d{1,2})[ -]years?[ -]old\b")
YEAR_CUES = frozenset(
    """in since from until till during by around of back summer spring autumn winter early late
    mid christmas january february march april may june july august september october november
    december""".split()
)
_OFFENCE_CUE = re.compile(
    r"\b(?:done|convicted|charged|sentenced|down|jailed|arrested|nicked|lifted|locked up|inside|"
    r"in|time|years?|months?|stretch|sentence|served|got|guilty|admitted|remanded|prison|jail|"
    r"custody|bail|tagged|recalled)(?:\s[\w'’]+){0,3}?\s(?:for|of|with|to)\s"
    r"(?:an?\s|the\s|attempted\s|armed\s|aggravated\s|(?:a|one|two|three|four|\d) counts? of\s)?$"
    r"|\bwhat (?:i|we) did was\s(?:an?\s|attempted\s|armed\s|aggravated\s)?$"
    r"|\bconvictions?\s?(?:\(|:\s|was\s|were\s|was for\s)$"
)
_ROBBED = re.compile(
    r"(?:robbed|set fire to|torched|burnt down|burned down|held up|holding up)\s"
    r"(?:the|a|an|that|our|his|her|my)\s"
    r"(?:local\s|little\s|village\s|corner\s)?"
    r"(post office|bank|bookies|bookmakers|petrol station|garage|jewellers|jeweller's|"
    r"off-licence|offy|corner shop|chemist|building society|school|church|mosque|pub|shop|"
    r"warehouse|house|flat|car|van|cafe|takeaway|chippy|club|community centre)\b"
)
_TAKEN = re.compile(
    r"(?!(?:it|them|that|this|him|her|me|something|anything|stuff|things|food|sweets)\b)"
    r"(?:the\s|a\s|an\s|some\s)?[a-z][\w'’-]*(?:\s(?!(?:and|but|when|because|so|to)\b)"
    r"[a-z][\w'’-]*){1,4}"
)
_JOB = re.compile(
    r"the only (?:person|one|man|woman|bloke|lass|lad|fella|guy) (?:who|that) (?:does|do|makes|"
    r"mends|repairs|fixes|builds|restores|sells|teaches)\b"
    r"|the only (?:person|one|man|woman|bloke|lass|lad|fella|guy|girl) (?:running|driving|selling|"
    r"making|mending|repairing|fixing|building|teaching) (?:a |an |the )?(?:[\w'’-]+ ){0,4}?"
    r"(?:van|stall|shop|business|cafe|café|round|boat|taxi|cab|lorry|salon|bakery|chippy|pub|"
    r"farm|garage|forge|class|club)s?\b"
    r"|the only (?:(?:female|woman|women|male|man|black|asian|white|gay|lesbian|trans|deaf|blind|"
    r"disabled|polish|irish|muslim|sikh|hindu|jewish|young|teenage|girl|lad)\s)"
    r"(welder|plumber|electrician|joiner|roofer|bricklayer|mechanic|driver|taxi driver|"
    r"bus driver|lorry driver|nurse|teacher|doctor|chef|cook|barber|hairdresser|carpenter|"
    r"firefighter|fireman|copper|police officer|officer|guard|miner|fitter|engineer|scaffolder|"
    r"labourer|butcher|baker|postman|postwoman|vet|pharmacist|solicitor|lawyer|priest|vicar|imam|"
    r"councillor|paramedic|pilot|surgeon|dentist|apprentice|foreman|forewoman|boxer|jockey|"
    r"footballer|referee|dj|mp|thatcher|farrier|blacksmith|stallholder)s?\b"
    r"|the only (?:thatcher|farrier|blacksmith|stallholder|lollipop lady|lollipop man"
    r"|apprentice|trainee)\b"
    r"|the only (?:woman|women|man|girl|lad|lass|fella|bloke|guy|black \w+|asian \w+|\w+ woman"
    r"|\w+ man) (?:on|in|at) (?:the|our) (?:\w+ ){0,2}?(?:counter|line|site|crew|team|shift|rig"
    r"|boat|trawler|yard|floor|wing|course|estate|street|village|town|island|shop|depot|garage"
    r"|kitchen|office|factory|warehouse|bakery|salon|rota)\b"
    r"|(?:the )?only (?:two|three) (?:women|lasses|men|blokes|lads) (?:on|in|at) (?:the|our)"
    r" (?:\w+ ){0,2}?(?:rota|depot|site|crew|team|shift|yard|floor|garage|station)\b"
    r"|(?P<shop>the only (?:\w+ ){0,2}(?:stall|shop|firm|takeaway|garage|salon|business|pub|cafe"
    r"|café) (?:in|on|at|for) (?:the|our|that|this|miles|town)\b"
    r"|the only (?:\w+ ){1,2}(?:stall|takeaway|salon)\b)"
    r"|the only (\w+(?: \w+)?) (?:in|at|on) (?:the|our|my|that) (?:village|town|island|estate|"
    r"street|depot|yard|site|works|pit|mine|factory)\b"
)
JOB_WORDS_AT = frozenset(
    """welder plumber electrician joiner roofer bricklayer mechanic driver nurse teacher doctor
    chef cook barber hairdresser carpenter firefighter fireman copper officer guard miner fitter
    engineer scaffolder labourer butcher baker postman postwoman vet pharmacist solicitor lawyer
    priest vicar imam councillor paramedic pilot surgeon dentist apprentice foreman""".split()
)
SHOP_WORDS = frozenset(
    """chippy shop pub takeaway garage cafe café bakery butchers butcher's newsagents newsagent's
    offy offie launderette bookies hotel salon barbers barber's hairdressers hairdresser's
    surgery pharmacy chemist chemists school""".split()
)
_WORK_BEFORE = re.compile(
    r"\b(?:work|works|working|worked|job|run|runs|running|ran|own|owns|owned|had|have|got|my)\b"
)
"""'I work in the only chippy in the village': the one place of its kind, where they work."""
LOCAL_JOBS = JOB_WORDS_AT | frozenset(
    """dinner lady|dinner man|midday supervisor|window cleaner|milkman|postie|bin man|binman|
    barmaid|barman|cleaner|caretaker|janitor|receptionist|shop assistant|carer|care worker|
    landlord|landlady|publican|bus driver|taxi driver|teaching assistant|classroom assistant|
    farmer|fisherman|shepherd|gardener|groundsman|undertaker|postmistress|shopkeeper|newsagent|
    beautician|childminder|nanny|lifeguard|security guard|bouncer|doorman|pcso|policeman|
    school cook|hairdresser|barber|coach|manager""".replace("\n", "").split("|")
)
JOB_CUES = tuple(
    f"{cue} a"
    for cue in (
        "i've been", "i’ve been", "i'd been", "i’d been", "i'm", "i’m", "i am", "i was",
        "worked as", "work as", "working as", "job as", "i became",
    )
)  # fmt: skip
_JOB_IN_PLACE = re.compile(
    r"[\w'’ ]+? an? ((?:[a-z-]+ ){0,2}?[a-z-]+) (in|at) "
    r"([A-Z][a-z'’-]{3,}(?: [A-Z][a-z'’-]{3,})?)\b(?!['’]s)"
)
"""'I've been a dinner lady in Glenmorrow': the storyteller's own job in a small named place,
where few do it (tried where a JOB_CUES starts)."""


def _job_in_place(text, folded, start, end, kind):
    if start and folded[start - 1].isalnum():
        return None
    match = _JOB_IN_PLACE.match(text, start, start + 90)
    if match is None or text.find(" a", start, match.start(1)) != end - 2:
        return None  # the article must be the cue's own ("I was a", not "I was in a …")
    words = match.group(1).split()
    if not any(" ".join(words[i:]) in LOCAL_JOBS for i in range(len(words))):
        return None
    place = match.group(3)
    # "a cleaner at Heathrow" is as often a firm or an airport as a place: only "in" one
    if place.lower() in _lists()[0] or (match.group(2) == "in" and _small_unlisted(place)):
        return match.start(1), "job", text[match.start(1) : match.end(3)]
    return None


_NICKNAME_SUBJECT = re.compile(
    r"(?:they|everyone|everybody|people|lads|boys|girls|mates|others|inmates|screws|kids|folk|"
    r"estate|town|village|wing|landing|school|class|crew|gang|quay|street|road|pit|yard|"
    r"lads|bairns|weans|mam|mum|ma|nan|gran|dad|da|family|polis|police|coppers|"
    r"down the \w+)(?:\s(?:on|in|round|at|from|down)\s(?:the\s)?[\w'’-]+(?:\s[\w'’-]+)?)?"
    r"\s(?:(?:all|always|just|still|has|have|['’]ve|ever|even)\s)*"
    r"(?:used to\s|would\s|'d\s)?$"
)
_NAMES_TALK = re.compile(r"\b(?:nick ?names?|names?|called)\b")
NAMES_TALK_REACH = 240
"""Characters before "mine was" within which names must be spoken of ("Everybody had a name
where I grew up. ... Mine was Pigeon")."""
_QUOTED = re.compile(r"[“\"‘']([^”\"’'\n]{2,20})[”\"’']")
_CAPITALISED_NAME = re.compile(r"([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)\b")


def _segment_details(segment: Segment, meta: StoryMeta) -> Iterator[Detail]:
    if segment.field == "pseudonym":
        return
    text = segment.text
    folded = segment.folded
    if len(folded) != len(text):
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    needles, what = _needles()
    found: list[tuple[int, str, str]] = []
    size = len(folded)
    spans = (
        segment.occurrences(needles) if folded is segment.folded else needle_spans(folded, needles)
    )
    for start, end in spans:
        kind = what[folded[start:end]]
        # cheap tests first: most hits are ordinary words ("college", "drive", "likely")
        if kind in _AFTER_A_NAME:
            word = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
            if not (text[word : word + 1].isupper() or text[word : word + 1] == "&") and not (
                kind == "paper" and text[start + 1 : start + 2].isupper()  # "in the Echo"
            ):
                continue
        elif kind in _WHOLE_WORDS and (
            (start and folded[start - 1].isalnum()) or (end < size and folded[end].isalnum())
        ):
            continue
        hit = _LOOKS[kind](text, folded, start, end, kind)
        if hit is not None:
            found.append(hit)
    for century in ("19", "20"):  # two str.find passes cost less than a pattern's
        at = text.find(century)
        while at >= 0:
            hit = _year(text, folded, at, at + 4)
            if hit is not None:
                found.append(hit)
            at = text.find(century, at + 2)
    if "St " in text or "St. " in text or "Saint " in text:
        found.extend(_saints_schools(text))
    schools = [at for at, kind, _ in found if kind == "school"]
    if schools:
        found.extend(_children(text, schools, meta.pseudonym))
    if " and " in text:
        found.extend(_named_children(text, meta.pseudonym))
    if "the only " in folded:
        found.extend(_only_in(text))
    if segment.holds(SMALL_PLACE_WORDS):  # from the shared scan, not six more passes
        found.extend(_unlisted_small_places(text))
    found.extend(_shaped_towns(text))
    if " own " in folded:
        found.extend(_own_business(text, folded))
    found.extend(_pseudonym_nicknames(text, meta.pseudonym))
    nickname_pseudonym = meta.pseudonym.casefold()
    reached = 0
    for at, kind, value in sorted(found, key=lambda hit: (hit[0], -len(hit[2]))):
        if at < reached:
            continue  # inside a longer detail ("Meadowell" in "the Meadowell estate")
        reached = at + len(value)
        if kind == "nickname" and value.casefold() == nickname_pseudonym:
            continue
        line, column = segment.locate(at)
        yield Detail(kind, value, line, column)


_AFTER_A_NAME = frozenset(
    {"street", "school", "employer", "estate-named", "employer-at", "paper", "class", "town-ending"}
)
_WHOLE_WORDS = frozenset({"place", "estate", "prison-alone"})
_MY_NAME = re.compile(
    r"\b(?:[Mm]y|[Oo]ur) (?:little |eldest |youngest |baby )?([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\b"
)


_CHILD_CONTEXT = re.compile(
    r"\b(?:my|our) (?:son|daughter|kids?|children|child|boy|girl|lad|lass|twins|bairns?|weans?"
    r"|little ones?|youngest|eldest)s?\b"
    r"|\b(?:she|he)['’]s (?:only )?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven)\b(?! (?:o['’]clock|quid|pounds|stone|miles|minutes))"
    r"|\b(?:her|his|their) (?:mum|mam|dad|da|mummy|daddy)\b"
    r"|\b(?:twins|nursery|school gate|parents['’]? evening|school run|first day at)\b"
)
_GIVEN_WORD = re.compile(r"\b([A-Z][a-z'’]+)\b")
SCHOOL_NAME_REACH = 60
"""Characters before a school's name within which a child's first name goes with it."""
_NAME_PAIR = re.compile(r"([A-Z][a-z'’]+) and ([A-Z][a-z'’]+)(?=[.,:;!]|\s[a-z])")
"""'Kai and Kenzie. Born on Christmas Day': two first names that start a sentence."""


def _named_children(text: str, pseudonym: str) -> Iterator[tuple[int, str, str]]:
    """Two children named together at the start of a sentence, in a text about children
    ('Kai and Kenzie. Born on Christmas Day, 2014'), looked for at each " and " before a
    capital."""
    about_children: bool | None = None  # searched for once, at the first pair of names
    at = text.find(" and ")
    while at >= 0:
        if text[at + 5 : at + 6].isupper():
            first = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
            match = _NAME_PAIR.match(text, first) if _sentence_start(text, first) else None
            if match is not None and match.end(1) == at:
                a, b = match.group(1), match.group(2)
                if _children_named(a, b, pseudonym):
                    if about_children is None:
                        about_children = _CHILD_CONTEXT.search(text) is not None
                    if about_children:
                        yield match.start(1), "relative", f"{a} and {b}"
        at = text.find(" and ", at + 5)


def _children_named(a: str, b: str, pseudonym: str) -> bool:
    given = given_names()
    return (
        a in given
        and b in given
        and pseudonym not in (a, b)
        and f"{a} and {b}" not in not_people()
        and not {a.lower(), b.lower()} & (STOP_WORDS | NOT_NICKNAMES)
    )


_TOOK_TO = re.compile(
    r"\b(?:took|take|taking|takes|dropped|drop|dropping|picked up|pick up|picking up|walk|walked"
    r"|walking) ([A-Z][a-z'’]+) (?:to|from|at|off at) (?:school|nursery|playgroup|the school"
    r"|the nursery|stay-and-play|the school gate)\b"
)
"""'the first time i took Marnie to nursery': a child named on the way to school."""
_IN_YEAR = re.compile(
    r"\b([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?:['’]s| is| was)"
    r" (?:in|starting|started|going into|moving up to|now in) (?:Year|year|Y) ?\d{1,2}\b"
)


def _children(text: str, schools: list[int], pseudonym: str) -> list[tuple[int, str, str]]:
    """'my Ellie-Mae', 'our Kayden', 'Amelie's in Year 3', 'Morwenna. Kestrel class.': a
    first name after my/our, before a school year, or just before the school's name in a
    text about a child, looked for only in a segment that names a school (a child's name and
    school identify together)."""
    given, common = given_names(), common_word_names()
    found = []
    if _CHILD_CONTEXT.search(text):
        for at in schools:
            for match in _GIVEN_WORD.finditer(text, max(0, at - SCHOOL_NAME_REACH), at):
                name = match.group(1)
                if (
                    name in given
                    and name != pseudonym
                    and name.lower() not in common
                    and name.lower() not in STOP_WORDS
                    and "\n\n" not in text[match.end() : at]
                ):
                    found.append((match.start(1), "relative", name))
    for match in _TOOK_TO.finditer(text):
        if match.group(1) in given and match.group(1) != pseudonym:
            found.append((match.start(1), "relative", match.group(1)))
    for match in _IN_YEAR.finditer(text):
        first = match.group(1).split("-")[0]
        if first in given and first.lower() not in STOP_WORDS:
            found.append((match.start(1), "relative", match.group(1)))
    for match in _MY_NAME.finditer(text):
        name = match.group(1)
        first = name.split("-")[0]
        if first in given and first.lower() not in common and first.lower() not in STOP_WORDS:
            found.append((match.start(1), "relative", name))
    return found


def _bounded(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start else " "
    after = folded[end] if end < len(folded) else " "
    return not (before.isalnum() or after.isalnum())


def _word_before(folded: str, start: int) -> str:
    words = folded[max(0, start - 16) : start].split()
    return words[-1].strip("“\"‘'(,") if words else ""


def _place(text, folded, start, end, kind):
    if not _bounded(folded, start, end) or folded[end : end + 1] in ("'", "’"):
        return None
    before = _word_before(folded, start)
    if before not in PREPOSITIONS and not (kind == "estate" and before == "the"):
        return None
    if not text[start].isupper() and folded[start:end] in common_words():
        return None  # "to settle", not "in Settle"
    return start, kind, text[start:end]


def _prison_alone(text, folded, start, end, kind):
    if not _bounded(folded, start, end):
        return None
    if (
        " " in folded[start:end]
        and not text[start].isupper()
        and not folded.startswith("the ", start)
    ):
        return None
    return start, "prison", text[start:end]


def _prison_cue(text, folded, start, end, kind):
    if start and folded[start - 1].isalnum():
        return None
    _, prisons, _ = _lists()
    rest = text[end : end + 40]
    capitals = re.match(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}", rest)
    if capitals:
        words = capitals.group().split()
        while len(words) > 1 and " ".join(words).lower() not in prisons:
            words.pop()
        return start, "prison", text[start:end] + " ".join(words)
    lowered = folded[end : end + 40].split()
    for size in (3, 2, 1):
        name = " ".join(w.strip(".,;:!?") for w in lowered[:size])
        if name in prisons:
            return start, "prison", text[start:end] + text[end : end + len(name)]
    return None


def _prison_after(text, folded, start, end, kind):
    if end < len(folded) and folded[end].isalnum():
        return None
    _, prisons, alone = _lists()
    words = folded[max(0, start - 40) : start].split()
    for size in (3, 2, 1):
        if len(words) >= size:
            name = " ".join(words[-size:]).strip("“\"‘'(")
            if name in prisons and name not in alone:
                return start - len(name), "prison", text[start - len(name) : end]
    return None


def _name_before(
    text: str, start: int, most: int = 3, inner: frozenset[str] = frozenset()
) -> tuple[int, str] | None:
    """The capitalised words just before ``start`` (without stop words, except ``inner``
    ones after the first word: "Grove Lane Juniors"), and where they begin."""
    words = list(re.finditer(r"\S+", text[max(0, start - 60) : start]))[-most:]
    offset = max(0, start - 60)
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        token = word.group()
        if token in ("&", "and"):
            kept.insert(0, word)
            continue
        if not CAPITALISED.fullmatch(token):
            break
        if kept and token.endswith((".", ",", ";", ":", "!", "?")) and token != "St.":
            break  # "the real Manchester. Maine Road": the name starts after the full stop
        stop = token.rstrip("'’s").lower() in STOP_WORDS or token.lower() in STOP_WORDS
        if stop and token.lower() not in inner:
            break
        kept.insert(0, word)
    if len(kept) == 1 and kept[0].group().lower() in inner:
        kept.pop(0)  # "Lane Juniors" names nothing; "Grove Lane Juniors" does
    while kept and kept[0].group() in ("&", "and"):
        kept.pop(0)
    first_word = kept[0].group() if kept else ""
    if (
        kept
        and not first_word.endswith(("'s", "’s"))
        and first_word not in ("St", "St.")
        and _sentence_start(text, offset + kept[0].start())
        and (len(kept) == 1 or not inner)
        and (first_word.lower() in english_words() or first_word in given_names())
    ):
        # "Nice college ...": a capital that starts a sentence names nothing, unless it is no
        # word at all ("Trewennack Primary, where the sign's got a gull on it")
        kept.pop(0)
    while kept and kept[0].group() in ("&", "and"):
        kept.pop(0)
    if not kept:
        return None
    # the words must run up to the keyword (no comma or full stop in between)
    last = kept[-1]
    if last.group().endswith((",", ".", ";", ":")) or offset + last.end() != start:
        return None
    first = offset + kept[0].start()
    return first, text[first:start]


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(" “\"‘'(")
    return not before or before[-1] in ".!?\n:"


def _capital_keyword(text, folded, start, end, most=3) -> tuple[int, str] | None:
    """The name before a capitalised keyword that starts with a space (" Road", " Gazette"),
    as _name_before finds it."""
    at = start + 1
    if not _bounded(folded, at, end) or not text[at].isupper():
        return None
    return _name_before(text, start, most)


def _street(text, folded, start, end, kind):
    found = _capital_keyword(text, folded, start, end, 2)
    if found is None:
        return None
    first, _ = found
    value = text[first:end]
    if value.lower() in FAMOUS_STREETS:
        return None
    return first, "street", value


def _estate(text, folded, start, end, kind):
    at = start + 1
    if not _bounded(folded, at, end) or folded.startswith(" agent", end):
        return None
    found = _name_before(text, start)
    if found is None:
        return None
    first, _ = found
    return first, "estate", text[first:end]


TOWN_ENDINGS = tuple(
    " " + w
    for w in "bridge moor heath green common vale marsh cross end magna parva fen wold".split()
)
"""Second words of the names of small places ("Pennock Bridge", "Hexley Moor")."""


_SHAPED_TOWN = re.compile(
    r"[A-Z][a-z]{2,}(?:thorpe|by|wick|ley|leigh|ton|ham|field|bury|borough|ford|mouth|worth"
    r"|dale|beck|den|stow|wich|combe|caster|chester|cester|holme|bridge|moor|well|hurst|stead"
    r"|gate|thwaite|ness|haven|minster|pool|ington)\b(?!['’]s\b| [A-Z])"
)
"""'the pubs in Lowmoor', 'a bakery in Haverleigh': a town no list holds, told by the ending
English place names have (and no English word, first name, city or big town has)."""
TOWN_PREPOSITIONS = ("in", "from", "near", "outside")
"""The words before a town that no list holds, found by the shape of its name."""
SHAPED_TOWN_CUES = tuple(f" {word} " for word in TOWN_PREPOSITIONS)


def _shaped_towns(text: str) -> Iterator[tuple[int, str, str]]:
    """Looked for after each cue before a capital (str.find passes, not a pattern over the
    whole text: a fifth of BT220's time when it was one)."""
    for cue in SHAPED_TOWN_CUES:
        at = text.find(cue)
        while at >= 0:
            begin = at + len(cue)
            at = text.find(cue, begin - 1)
            if not text[begin : begin + 1].isupper():
                continue
            match = _SHAPED_TOWN.match(text, begin)
            if match is None:
                continue
            name = match.group()
            if not _unlisted_town(name):
                continue
            if cue == " from " and name in surnames():
                continue  # "a letter from Thornton": as often a person
            yield begin, "town", name


def _town_ending(text, folded, start, end, kind):
    """'in Pennock Bridge': a place no list holds, told by the shape of its name after 'in',
    'from', 'near' or 'outside'. A small town or village, but not one of two places (a
    district of a city has such names too)."""
    at = start + 1
    if not _bounded(folded, at, end) or not text[at].isupper():
        return None
    first = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    name = text[first:end]
    if _word_before(folded, first) not in TOWN_PREPOSITIONS or not _unlisted_town(name):
        return None
    return first, "town", name


def _unlisted_town(name: str) -> bool:
    """A town known by its name's shape: one no list holds (a listed place is found as one)
    and no big town, word or first name."""
    return name.lower() not in _lists()[0] and _small_unlisted(name)


_TEAM_BEFORE = re.compile(
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:Rovers|United|Utd|Athletic|Town|City|Wanderers"
    r"|Juniors|Colts|Rangers|Albion|Villa|Celtic|FC|JFC|Harriers|Dynamos|Boys|Girls|Youth)$"
)
_AGE_GROUP = re.compile(
    r"[- ](?:\d{1,2}|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|eighteen)s?\b"
)


def _junior_team(text, folded, start, end, kind):
    """'Millbeck Rovers under-elevens': a children's team, named; its parents know each other
    (a first team called so is a professional club, known to all: not counted)."""
    age_group = _AGE_GROUP.match(folded, end - 1)
    if age_group is None:
        return None
    team = _TEAM_BEFORE.search(text, max(0, start - 40), start)
    if team is None or team.group(1).split()[0].lower() in _big_places():
        return None
    return team.start(), "employer", text[team.start() : age_group.end()]


MARK_CUES = (
    tuple(
        f"{mark} {where} my "
        for mark in ("tattoo", "tattoos", "scar", "birthmark")
        for where in ("on", "across", "down", "under", "over")
    )
    + tuple(f"tattoos on {whose} " for whose in ("his", "her"))
    + ("-legged ", "one-eyed ", " painted on ", " across my knuckles", " on my knuckles")
)
_MARK = re.compile(
    r"(?:(?:an?|the|my) )?(?:[a-z-]+ )?(?:tattoos? (?:on|across|down|under|over) (?:my|his|her)"
    r" (?:neck|face"
    r"|cheek|forehead|head|hands?|knuckles|throat|chin|scalp)"
    r"|(?:got |had |with )[\w'’-]+ (?:tattooed )?(?:across|on) my knuckles"
    r"|(?:scar|birthmark) (?:on|across|down|under|over) my (?:neck|face|cheek|forehead|throat"
    r"|chin|lip|eye))\b"
    r"|(?:(?:one|two|three)-legged|one-eyed) (?:[\w'’-]+ )?(?:dog|cat|greyhound|lurcher|staffy"
    r"|staffie|collie|terrier|great dane|dane|alsatian|pony|horse|parrot|ferret|whippet|spaniel)\b"
    r"|(?:the one |a van |a car |my van |my car )?with (?:a|the|an) (?:[\w'’-]+ ){1,3}painted on"
    r" (?:the|its|it)(?: side| back| front| bonnet| door)?"
)
"""What everyone sees and remembers ("the eagle tattoo on my neck", "my three-legged
greyhound", "the one with the cow painted on the side"): with the place where they see it,
the person."""


def _mark(text, folded, start, end, kind):
    low = max(0, folded.rfind(" ", 0, max(0, folded.rfind(" ", 0, start) - 1)) - 40)
    for match in _MARK.finditer(folded, low, end + 40):
        if match.start() <= start < match.end() or match.start() <= end - 2 < match.end():
            return match.start(), "mark", text[match.start() : match.end()].strip()
    return None


ON_THE_CUES = tuple(
    f"{cue} on the "
    for cue in "grew up|lived|living|live|raised|brought up|born|everyone|everybody|folk".split("|")
)
_ON_THE_NAME = re.compile(r"([A-Z][a-z'’-]{3,})\b(?!['’]s\b| (?:[A-Z][a-z]+ )?(?:[A-Z]|estate\b))")


def _estate_on(text, folded, start, end, kind):
    """'I grew up on the Larchfield': an estate known by its name alone, where someone lived
    (a name no list holds, no word and no street: "on the Larchfield", not "on the Broadway
    Road")."""
    if start and folded[start - 1].isalnum():
        return None
    match = _ON_THE_NAME.match(text, end)
    if match is None or not _small_unlisted(match.group(1)):
        return None
    return match.start(1), "estate", match.group(1)


def _place_called(text, folded, start, end, kind):
    match = re.match(r"([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)\b", text[end : end + 40])
    if match is None or match.group(1).lower() in STOP_WORDS:
        return None
    return end, "place", match.group(1)


_TWINS = re.compile(r"[^.!?\n]{0,30}?[.,:;]?\s*([A-Z][a-z'’-]+) and ([A-Z][a-z'’-]+)\b")


def _relative(text, folded, start, end, kind):
    if start and folded[start - 1].isalnum():
        return None
    if folded[start:end] == "my twins ":  # "my twins were three. Tobi and Tayo."
        twins = _TWINS.match(text, end)
        if twins is None or twins.group(1).lower() in STOP_WORDS | NOT_NICKNAMES:
            return None
        return twins.start(1), "relative", twins.group(1) + " and " + twins.group(2)
    match = re.match(
        r"(?:little |eldest |youngest )?(?:son |daughter |boy |girl )?,? ?"
        r"([A-Z][a-z'’-]+)\b",
        text[end : end + 40],
    )
    if match is None or match.group(1).lower() in STOP_WORDS | NOT_NICKNAMES:
        return None
    return end + match.start(1), "relative", match.group(1)


SCHOOL_INNER = frozenset("lane road street park hill green grove avenue way church".split())
"""Words a school's name may hold after its first ("Grove Lane Juniors", "Park Road
Primary")."""


def _school(text, folded, start, end, kind):
    at = start + 1
    if not _bounded(folded, at, end):
        return None
    found = _name_before(text, start, inner=SCHOOL_INNER)
    if found is None:
        return None
    first, name = found
    if name.lower().endswith(("university",)) or text[first:end].lower() in FAMOUS_STREETS:
        return None
    if folded.startswith(" college", start) and name.split()[0].lower() in CITIES:
        return None  # "Glasgow Kelvin College", "Leeds City College": a city's, thousands in it
    return first, "school", text[first:end]


def _employer(text, folded, start, end, kind):
    at = start + 1
    if not _bounded(folded, at, end) and not folded[at:end].startswith("&"):
        return None
    found = _name_before(text, start)
    if found is None:
        return None
    first, name = found
    words = name.split()
    if all(w.lower() in CLUB_WORDS or w.lower() in STOP_WORDS for w in words):
        return None  # "the Youth Club", "a Premier Inn": a kind of place, not a named one
    owner = next((w for w in words if w.endswith(("'s", "’s", "s'", "s’"))), None)
    if owner is not None:
        if owner.lower().replace("’", "'") in FAMOUS_EMPLOYERS:
            return None
    elif not (text[at].isupper() or (text[at] == "&" and text[at + 2 : at + 3].isupper())):
        return None  # "Tyne Motors" names a firm; "Hillside cafe" is read as a description
    return first, "employer", text[first:end]


def _offence(text, folded, start, end, kind):
    at = start + 1
    if not _bounded(folded, at, end):
        return None
    if not _OFFENCE_CUE.search(folded, max(0, at - 50), at):
        return None
    return at, "offence", text[at:end]


DIRECT_ACTS = frozenset(
    {
        "burnt it down",
        "burned it down",
        "set it on fire",
        "set fire to it",
        "banned from driving",
        "driving ban",
        "drink-drive ",
        "drink drive ",
    }
)
"""Offence cues that say what was done on their own ("... because I burnt it down")."""
CRASH_CUES = frozenset(
    {"took out the ", "crashed into ", "ploughed into ", "smashed into ", "drove into "}
)
_CRASHED = re.compile(
    r"(?:the |a |an |somebody['’]s |someone['’]s )?(?:[\w'’-]+ )?(?:bus shelter|bus stop|lamp ?post"
    r"|shop ?front|shop window|front wall|garden wall|war memorial|post box|level crossing"
    r"|roundabout|petrol station|front of (?:a|the) \w+)\b"
)
"""What a crash hit that the neighbours saw ("took out the bus shelter at the bottom of the
brae"): a street's news, like an offence."""


def _offence_act(text, folded, start, end, kind):
    at = start + 1 if folded[start] == " " else start
    if at and folded[at - 1].isalnum():
        return None
    cue = folded[at:end]
    if cue in DIRECT_ACTS:
        return at, "offence", text[at:end].rstrip()
    if cue in CRASH_CUES:
        crash = _CRASHED.match(folded, end)
        return None if crash is None else (at, "offence", text[at : crash.end()])
    if cue.startswith(("for ", "i ", "ah ", "we ", "was ", "setting")):
        taken = _TAKEN.match(folded, end)
        if taken is None:
            return None
        return at, "offence", text[at : taken.end()]
    match = _ROBBED.match(folded, at)
    if match is None:
        return None
    return at, "offence", text[at : match.end()]


def _age(text, folded, start, end, kind):
    if start and folded[start - 1].isalnum():
        return None
    if kind == "age" and folded[start:end] in ("year-old", "years old"):
        match = _YEARS_OLD.search(folded, max(0, start - 3), end)
        if match is None:
            return None
        return match.start(), "age", text[match.start() : match.end()]
    begin = max(0, start - 20)
    match = _AGE.match(folded, start)
    if match is None:
        match = next((m for m in _AGE.finditer(folded, begin, end + 20) if m.end() > start), None)
        if match is None:
            return None
    return match.start(1), "age", text[match.start(1) : match.end(1)]


def _job(text, folded, start, end, kind):
    if start and folded[start - 1].isalnum():
        return None
    match = _JOB.match(folded, start)
    if match is None:
        return None
    what = match.group(2)
    works = _WORK_BEFORE.search(folded, max(0, start - 30), start) is not None
    if match.group("shop") and not works:
        return None  # "we went to the only pub in the village": where everyone goes
    if (
        what is not None
        and what.split()[-1] not in JOB_WORDS_AT
        and (what.split()[-1] not in SHOP_WORDS or not works)
    ):
        return None
    return start, "job", text[start : match.end()]


TITLE_CUES = ("won the ", "win the ", "winning the ", " champion")
_TITLE_WON = re.compile(
    r"(?:won|win|winning) the (?:county|regional|district|area|national|british|english|welsh"
    r"|scottish|irish|northern|all-ireland|world|european)\b(?: [\w'’-]+){0,2}? (?:singles"
    r"|doubles|pairs|title|championships?|cup|trophy|final|crown|belt|open)\b"
)
_CHAMPION = re.compile(
    r"\b(?:county|regional|district|national|british|english|welsh|scottish|irish|world"
    r"|european)(?: [\w'’-]+)? champion\b(?!s)"
)
"""A title one person holds in a year ("I won the county singles in 2015", "the county darts
champion"): with a place or a year, it points at them in the record books."""


def _title(text, folded, start, end, kind):
    if start and folded[start - 1].isalnum():
        return None
    if folded[start] == " ":  # " champion": its words come before it
        match = _CHAMPION.search(folded, max(0, start - 40), end + 1)
    else:
        match = _TITLE_WON.match(folded, start)
    if match is None:
        return None
    return match.start(), "job", text[match.start() : match.end()]


def _employer_at(text, folded, start, end, kind):
    """'at Heatherlea House': a named house, lodge or manor where someone works or stays."""
    found = _capital_keyword(text, folded, start, end, 2)
    if found is None:
        return None
    first, name = found
    if not folded.endswith(" at ", 0, first) or name.split()[0].lower() in CLUB_WORDS:
        return None
    return first, "employer", text[first:end]


def _pub(text, folded, start, end, kind):
    """'the quiz at the Wheatsheaf': a pub, capitalised, after a word that puts someone there."""
    if end < len(folded) and folded[end].isalnum():
        return None
    if not text[start + 4 : start + 5].isupper():
        return None
    if not PUB_BEFORE.search(folded, max(0, start - 8), start):
        return None
    return start, "employer", text[start:end]


def _paper(text, folded, start, end, kind):
    """'in the Kelbeck Gazette': a local paper, named, where the story was news."""
    found = _capital_keyword(text, folded, start, end, 2)
    if found is None:
        if text[start + 1 : start + 2].isupper() and _PAPER_BEFORE.search(
            folded, max(0, start - 30), start
        ):
            return start - 3, "paper", text[start - 3 : end]  # "it was in the Echo"
        return None
    first, name = found
    words = name.lower().split()
    if words[0] in NATIONAL_PAPER_WORDS or words[0] in CITIES or name in not_people():
        return None
    return first, "paper", text[first:end]


BIG_ISLANDS = frozenset({"man", "wight", "dogs", "thanet", "ely"})
"""Islands too big, or not islands at all, for their name to narrow anyone down."""
_ISLE = re.compile(r"(?:[Ii]sle|[Ii]sland) of ([A-Z][a-z'’-]+)")


def _isle(text, folded, start, end, kind):
    """'the Isle of Scarra': an island is a small place unless it is one everyone knows."""
    match = _ISLE.match(text, start)
    if match is None or (start and folded[start - 1].isalnum()):
        return None
    if match.group(1).lower() in BIG_ISLANDS:
        return None
    return start, "place", match.group()


HOLIDAYS = (
    "christmas day",
    "christmas eve",
    "boxing day",
    "new year's day",
    "new year’s day",
    "new year's eve",
    "new year’s eve",
    "valentine's day",
    "valentine’s day",
    "bonfire night",
    "hogmanay",
    "halloween",
    "st patrick's day",
    "st patrick’s day",
)
_HOLIDAY_DATE = re.compile(r",? (?:in |of )?(?:19[5-9]\d|20[0-4]\d)\b")


def _holiday(text, folded, start, end, kind):
    """'Born on Christmas Day, 2014': a day of the year as exact as a date, when it is a
    birthday or comes with its year."""
    if not _bounded(folded, start, end):
        return None
    born = folded.endswith(("born on ", "birthday is on ", "birthday's on "), 0, start)
    if not born and not _HOLIDAY_DATE.match(folded, end):
        return None
    return start, "date", text[start:end]


CLASS_NOT_NAMES = frozenset(
    """maths math english art drama music science history geography french spanish german
    welsh latin pe re ict computing biology chemistry physics cookery pottery yoga pilates
    boxing dance zumba spin cooking first second business economics sociology psychology
    reception nursery year top bottom middle whole same other this that my our her his their
    a the evening night anger parenting""".split()
)


def _class(text, folded, start, end, kind):
    """'Kestrel class': a primary school class, named (a parent's detail of their child)."""
    at = start + 1
    if not _bounded(folded, at, end) or text[at] != "c":
        return None
    word = _LAST_WORD.search(text, max(0, start - 24), start)
    if word is None or not word.group(1)[0].isupper():
        return None
    name = word.group(1)
    if name.lower() in CLASS_NOT_NAMES or name.lower() in STOP_WORDS:
        return None
    if not _SCHOOL_CONTEXT.search(text, max(0, start - 300), end + 300):
        return None
    return word.start(1), "school", text[word.start(1) : end]


_LAST_WORD = re.compile(r"([A-Za-z][a-z'’-]+)$")


def _job_named(text, folded, start, end, kind):
    if not _bounded(folded, start, end) or (end < len(folded) and folded[end] == "s"):
        return None  # "farriers" in general, not this one
    return start, "job", text[start:end]


_ONLY_IN = re.compile(
    r"the only (?:[\w'’-]+ ){1,3}?in (?!The\b|My\b|Our\b)([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)"
)


CITIES = frozenset(
    """london birmingham manchester liverpool leeds sheffield bristol newcastle nottingham
    leicester coventry bradford cardiff swansea newport glasgow edinburgh aberdeen dundee
    belfast derry hull stoke plymouth southampton portsmouth brighton reading oxford cambridge
    york norwich exeter wolverhampton sunderland derby preston salford wakefield bath chester
    lancaster carlisle durham peterborough milton gloucester worcester hereford lincoln
    inverness stirling perth lisburn newry truro ely ripon lichfield salisbury canterbury
    chichester bangor armagh dunfermline wrexham britain england scotland wales ireland uk europe
    yorkshire lancashire kent essex devon cornwall tesco asda lidl aldi greggs sainsbury's
    morrisons costa primark mcdonald's nhs amazon""".split()
)
"""Places and firms with too many people for "the only … in" to point at one of them."""


_SMALL_PLACE = re.compile(
    r"\b([A-Z][a-z'’-]{2,})(?:['’]s| is| was) (?:a|such a) (?:small|wee|little|tiny) "
    r"(?:place|town|village|island|community)\b"
)
_BEING_ITSELF = re.compile(r"\b([A-Z][a-z'’-]{2,}) being \1\b")
_EVERYONE_IN = re.compile(
    r"\b(?i:every(?:one|body| kid| single person)) in "
    r"([A-Z][a-z'’-]{2,}(?: [A-Z][a-z'’-]{2,})?)\b(?!['’]s)"
)
_NOT_BIG = re.compile(
    r"\b([A-Z][a-z'’-]{2,})(?:['’]s| is| was)(?: not|n['’]t) (?:very |that |exactly |a )?big\b"
    r"|\b([A-Z][a-z'’-]{2,})['’]s that (?:kind|sort) of (?:place|town|village)\b"
)


_PLACE_SAYINGS = (
    (" small ", _SMALL_PLACE),
    (" being ", _BEING_ITSELF),
    ("not big", _NOT_BIG),
    ("n't big", _NOT_BIG),
    ("n’t big", _NOT_BIG),
    ("not very big", _NOT_BIG),
    ("not that big", _NOT_BIG),
    ("not exactly big", _NOT_BIG),
    ("not a big", _NOT_BIG),
    ("kind of place", _NOT_BIG),
    ("sort of place", _NOT_BIG),
    ("kind of town", _NOT_BIG),
    ("kind of village", _NOT_BIG),
    ("everyone in ", _EVERYONE_IN),
    ("everybody in ", _EVERYONE_IN),
    ("every kid in ", _EVERYONE_IN),
    ("every single person in ", _EVERYONE_IN),
)
"""Sayings that name a small place (with the word each needs): "Llandovery's a small place",
"Todmorden being Todmorden", "Skelderby's not big", "Askerby's that kind of place", "every
kid in Maryport knew my van" (a place where everyone knows everyone)."""
_SAYINGS = dict(_PLACE_SAYINGS)
SAYING_REACH = 64
"""Characters either side of a saying's word that its place name may take."""


def _saying(text, folded, start, end, kind):
    """The place a saying names, looked for only around its word ("small" is in most
    stories; the sayings in few)."""
    pattern = _SAYINGS[folded[start:end]]
    low, high = max(0, start - SAYING_REACH), end + SAYING_REACH
    for match in pattern.finditer(text, low, high):
        group = match.lastindex  # the alternative's own group: _NOT_BIG has two
        name = match.group(group)
        if name.lower() in CITIES:
            continue
        judged = pattern is not _SMALL_PLACE and pattern is not _BEING_ITSELF
        if judged and not _small_unlisted(name) and name.lower() not in _lists()[0]:
            continue  # "Dave's not big", "everyone in Doncaster knew"
        return match.start(group), "place", name
    return None


_SAINTS = re.compile(r"\b(?:St\.?|Saint) [A-Z][a-z'’-]+['’]s\b")
_SCHOOL_CONTEXT = re.compile(
    r"\b(?:schools?|primary|assembly|classroom|class|teachers?|pupils|head ?teacher|year [1-9]"
    r"|nursery|playgroup|stay-and-play|toddler group"
    r"|reception|nativity|sports day|spelling bee|parents['’]? evening)\b",
    re.IGNORECASE,
)


_BUSINESS = (
    r"(?:shop|business|salon|studio|caf[eé]|caff|barbers?|barbershop|parlour|pub|bar|gym|"
    r"garage|takeaway|van|stall|bakery|firm|company|workshop|chippy)"
)
_NAME_WORD = r"[A-Z][\w'’&-]*"
_MORE_WORDS = rf"(?: (?:{_NAME_WORD}|&|and|of|the))"
_OWN_BUSINESS = re.compile(
    r"\b(?:opened|ran|run|running|started|had|owned|set up|bought|took over)"
    rf" (?:my|our|his|her|their) own (?:[\w-]+ ){{0,2}}?{_BUSINESS}\b"
    rf"(?:,? (?:called|named) [“\"‘']?(?P<called>{_NAME_WORD}{_MORE_WORDS}{{0,3}})"
    rf"|\. (?P<alone>{_NAME_WORD}{_MORE_WORDS}{{1,3}})[.!])"
)
"""The storyteller's own business, named: "I opened my own shop. Black Anchor.", "ran my
own van called Mick's Munchies" (a sentence of its name alone, or its name after called)."""


SMALL_PLACE_WORDS = (
    "small town",
    "little town",
    "tiny town",
    "village",
    "hamlet",
    "small place",
    "it is small",
    "it's small",
    "it’s small",
    "one high street",
)
_LIVED_IN = re.compile(
    r"\b(?:moved|move|moving|came|come|coming|went|gone|back|live|lived|living|settled"
    r"|stayed|staying|grew up|born|raised|ended up) (?:down |up |back |out |over )?"
    r"(?:to|in|into|near|outside) ([A-Z][a-z'’-]{3,}(?: [A-Z][a-z'’-]{3,})?)\b(?!['’]s\b)"
    r"|\b(?:a|my|our) (?:flat|house|room|bedsit|caravan|home) (?:in|near|outside)"
    r" ([A-Z][a-z'’-]{3,}(?: [A-Z][a-z'’-]{3,})?)\b(?!['’]s\b)"
)


def _unlisted_small_places(text: str) -> Iterator[tuple[int, str, str]]:
    """ "I'd come down to Trevanick ... Small town, a harbour": a place no list holds, where
    someone lived or moved to, in a text that says it is small. Its name is no English word,
    first name, city or public name."""
    for match in _LIVED_IN.finditer(text):
        group = match.lastindex  # the alternative's own group
        if _small_unlisted(match.group(group)):
            yield match.start(group), "place", match.group(group)


NOT_PLACES = frozenset(
    """Ramadan Eid Christmas Easter Diwali Lent Advent Passover Hanukkah Vaisakhi Navratri
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Tesco Asda Aldi Lidl Morrisons
    Sainsbury's Greggs Primark Wetherspoons""".split()
) | {month.title() for month in MONTH_TRIGGERS}
"""Capitalised words after "moved in", "came back in" that are times or shops, not places."""


def _own_business(text: str, folded: str) -> Iterator[tuple[int, str, str]]:
    """Looked for only around each " own " ("my own" is in most stories; a named business
    after it in few)."""
    reached = 0
    at = folded.find(" own ")
    while at >= 0:
        match = _OWN_BUSINESS.search(text, max(reached, at - 30), at + 160)
        at = folded.find(" own ", at + 1)
        if match is None:
            continue
        reached = match.end()
        group = "called" if match.group("called") else "alone"
        name = match.group(group)
        if name.split()[0].lower() in STOP_WORDS:
            continue  # "... my own business. The End."
        yield match.start(group), "employer", name


_CHURCH_CONTEXT = re.compile(
    r"\b(?:church|chapel|parish|vicar|priest|rector|curate|choir|bells?|ringing|ringers?|tower"
    r"|vestry|congregation|mass|pcc|sunday service|pews?)\b",
    re.IGNORECASE,
)


def _saints_schools(text: str) -> Iterator[tuple[int, str, str]]:
    """'the hall at St Aidan's in Hexham' in a sentence about a school: the school, named;
    'tower captain at St Petroc's': a church, named (its congregation knows everyone in it)."""
    for match in _SAINTS.finditer(text):
        start, end = sentence_bounds(text, match.start(), match.end())
        if _SCHOOL_CONTEXT.search(text, start, end):
            yield match.start(), "school", match.group()
        elif _CHURCH_CONTEXT.search(text, start, end):
            yield match.start(), "church", match.group()


def _only_in(text: str) -> Iterator[tuple[int, str, str]]:
    """'the only female farrier in Kettlewell': a place small enough to have one of them."""
    for match in _ONLY_IN.finditer(text):
        place = match.group(1)
        first = place.split()[0].lower()
        if first in CITIES or first in STOP_WORDS or first in common_words():
            continue
        yield match.start(1), "place", place


def _nickname(text, folded, start, end, kind):
    if start and folded[start - 1].isalnum():
        return None
    if folded.endswith(NAMED_AT_BIRTH, max(0, start - 12), start):
        return None  # "she nearly called me Blessing": a name chosen, not one people use
    us = folded[start:end] in ("called us ", "calls us ", "call us ")
    if us and not _NICKNAME_SUBJECT.search(folded, max(0, start - 60), start):
        return None  # "called us" is "called me" only in some voices ("everyone called us Tuna")
    rest = text[end : end + 40]
    match = _QUOTED.match(rest) or _CAPITALISED_NAME.match(rest)
    if match is None:
        return None
    value = match.group(1)
    if folded[start:end] == "mine was " and (
        not _NAMES_TALK.search(folded, max(0, start - NAMES_TALK_REACH), start)
        or value in given_names()
    ):
        return None  # "Mine was Pigeon" only after talk of names, and not a first name
    if value.endswith(("'s", "’s")):
        return None  # "knew me as Geoff's brother": a relation, not a name of one's own
    first = value.split()[0]
    if first in NOT_NICKNAME_TITLES or (
        " " not in value and value in given_names() and value.lower() not in english_words()
    ):
        return None  # "they called me Kevin", "call me Father Don": a name, not a nickname
    if value.lower() in NOT_NICKNAMES or re.fullmatch(r"(?:the|a|an) [a-z ]+", value):
        return None  # 'the sergeant' describes; 'Tank' or 'the Professor' names
    return end + match.start(1), "nickname", value


NAMED_AT_BIRTH = ("nearly ", "almost ", "wanted to ", "going to ", "gonna ")
NOT_NICKNAME_TITLES = frozenset(
    "Father Sister Brother Mother Mr Mrs Miss Ms Dr Sir Madam Pastor Reverend Imam".split()
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
_MONTH = rf"(?:{'|'.join(MONTH_TRIGGERS)})"
_DATE = re.compile(rf"\b(?:the )?{_DAY} (?:of )?{_MONTH}\b|\b{_MONTH} (?:the )?{_DAY}\b")
"""A day and a month ("the 3rd of June", "Monday the 6th of January"): with a named place
or employer, the day someone started, was released or moved points at them."""


NOT_NICKNAME_WORDS = frozenset(
    """when then so and but if as said says asked told thanks hi hello hiya dear love poor oh
    yes no mr mrs ms miss dr auntie aunty aunt uncle sister brother nan nana gran mum mam dad
    our my your his her their the a an to for with from by at in on of or nor only even just
    like because cos after before while until since where what who why how that this these
    those me us him them it is was were be been being am are""".split()
)


def _pseudonym_nicknames(text: str, pseudonym: str) -> Iterator[tuple[int, str, str]]:
    """'I've been Chippy Tash since I was twelve': a word joined to the storyteller's first
    name mid-sentence makes the nickname people knew them by."""
    if not re.fullmatch(r"[A-Z][a-z'’-]{1,20}", pseudonym) or pseudonym not in text:
        return
    pattern = re.compile(rf"(?<![.!?\n“\"‘])[ \t]([A-Z][a-z'’-]{{2,20}}) {re.escape(pseudonym)}\b")
    for match in pattern.finditer(text):
        word = match.group(1)
        if word.lower() not in NOT_NICKNAME_WORDS and word.lower() in english_words():
            yield match.start(1), "nickname", f"{word} {pseudonym}"


def _date(text, folded, start, end, kind):
    """A month with its day (found at the month's name)."""
    if not _bounded(folded, start, end):
        return None
    match = _DATE.search(folded, max(0, start - 16), min(len(folded), end + 10))
    if match is None or not match.start() <= start < match.end():
        return None
    return match.start(), "date", text[match.start() : match.end()]


def _year(text, folded, start, end):
    if not text[start + 2 : end].isdigit() or len(text) < end:
        return None
    if (start and text[start - 1].isdigit()) or text[end : end + 1].isdigit():
        return None
    if not 1950 <= int(text[start:end]) <= 2049:
        return None
    if start and text[start - 1] in "£$€#.,:/-'’":
        return None
    if end < len(text) and text[end] in "%:,." and end + 1 < len(text) and text[end + 1].isdigit():
        return None
    if _word_before(folded, start) not in YEAR_CUES:
        return None
    return start, "year", text[start:end]


_LOOKS = {
    "date": _date,
    "holiday": _holiday,
    "job-place": _job_in_place,
    "saying": _saying,
    "estate-on": _estate_on,
    "mark": _mark,
    "pub": _pub,
    "town-ending": _town_ending,
    "junior-team": _junior_team,
    "title": _title,
    "employer-at": _employer_at,
    "paper": _paper,
    "isle": _isle,
    "class": _class,
    "place": _place,
    "estate": _place,
    "prison-alone": _prison_alone,
    "prison-cue": _prison_cue,
    "prison-after": _prison_after,
    "street": _street,
    "school": _school,
    "employer": _employer,
    "offence": _offence,
    "offence-act": _offence_act,
    "age": _age,
    "job": _job,
    "job-named": _job_named,
    "estate-named": _estate,
    "relative": _relative,
    "place-called": _place_called,
    "nickname": _nickname,
}

RULE_ID = "BT220"
RULE_NAME = "identifying-combination"

RULE = Rule(
    id=RULE_ID,
    name=RULE_NAME,
    severity=Severity.ERROR,
    summary="Finds details that are harmless one by one but identify someone together: three "
    "or more kinds (a small town or village, a named estate, street, school or class, prison, "
    "employer, pub, club, church or local paper, a distinctive job or title ('the county "
    "singles'), an ordinary job in a small named place, a nickname, a child's first name, an "
    "offence or a crash the street saw, a day and month ('the 3rd of June', 'born on "
    "Christmas Day'), and an exact age or a year, which count as one) with at least one named "
    "thing among them; two named places smaller than a city (not two streets alone); a "
    "child's first name with their school; a distinctive job with a named employer or club, "
    "or with a small named place; "
    "a nickname, or a visible mark or pet ('the eagle tattoo on my neck', 'my three-legged "
    "greyhound'), with the estate, street or town where it is known. In one story, or "
    "pooled over every story with the same pseudonym (the finding names every story "
    "involved).",
    rationale="A motivated intruder (the ICO's test for anonymised data) puts details together: "
    "press complaints show people found from a named small employer, a town and a start date, a "
    "child's first name and school, an estate and a nickname, or a prison, a year and an "
    "offence. Each detail passes every other check; the combination can cost a storyteller a "
    "job, a home or their safety. Details spread over several stories by one storyteller add "
    "up the same way. Big cities (Manchester, Leeds, London), durations ('a year in prison') "
    "and unnamed places ('a warehouse job') are not counted, and an age or a year alone, or "
    "with an offence, is not enough: such details fit thousands of people.",
    hint="generalise one or more of the details listed ('a small town up north', 'a warehouse "
    "job', 'the early 2010s', 'in my twenties', 'a prison in the north-west', 'a tattoo', 'my "
    "dog', 'the local paper'); or, when the "
    "storyteller and an editor have judged the combination safe, waive it with the reason "
    "(waiver text: the details joined by ' + ', as in the finding's match)",
    masks=True,
    waivable=True,
    check=check,
    check_content=check_content,
    examples=(
        "I did two years in HMP Styal after I was done for arson in 2019",
        "I did two years in a women's prison after a conviction in the late 2010s",
    ),
)
