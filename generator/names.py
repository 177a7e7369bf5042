"""Given names and surnames, loaded once from generator/data/names.txt.

That file is built by ``python -m generator.names`` (run it after upgrading Faker) from Faker's
person lists for sixty locales (the UK and Ireland, Central and Eastern Europe, South Asia,
West and East Africa, Turkey, Iberia, Latin America...), from data/extra_names.txt (names of the
communities in British prisons that Faker misses or spells without accents) and from an English
word list: a name from a non-English locale that is an everyday English word ("Maj", "Luz",
"Deniz", "Bent") is dropped, because clean prose is full of them. Importing sixty Faker modules
takes half a second; reading the built file takes a few milliseconds."""

from __future__ import annotations

import importlib
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
NAMES_FILE = DATA / "names.txt"
ENGLISH_LOCALES = ("en_GB", "en_IE", "en_US", "en_IN", "en_NZ", "en_PK", "en", "ga_IE")
"""Their names are kept even when they are English words ("Grace", "Will"): the rules judge
those by context."""
OTHER_LOCALES = tuple(
    """
en_NG en_KE pl_PL cs_CZ sk_SK ro_RO hu_HU lt_LT lv_LV sl_SI hr_HR pt_PT pt_BR es_ES es_MX es_AR
es_CO es_CL it_IT fr_FR fr_BE de_DE de_AT de_CH nl_NL nl_BE tr_TR az_AZ yo_NG ig_NG ha_NG tw_GH
zu_ZA sw sv_SE da_DK no_NO fi_FI et_EE id_ID vi_VN fr_DZ uz_UZ is_IS en_TH
""".split()
)
"""Their names are kept only when written in Latin letters and not an everyday English word
(Arabic, Devanagari, Tamil and Cyrillic lists are another script: UK stories transliterate,
and data/extra_names.txt holds the common transliterations)."""
BRITISH_WORDS = frozenset(
    """
mum mam nan nana nanna gran grandad lad lass bloke mate bruv fella telly quid pint brew chippy
dole giro nick pad screw kip bairn wean wee aye ta cheers innit nowt owt summat our
""".split()
)
"""Everyday British words an American word list lacks."""
KIN_WORDS = frozenset(
    """nan nana nanna nanny gran granny grandad granda grandma grandpa auntie aunty aunt uncle
    mum mam mummy mammy dad daddy cousin khala khalu chacha chachi nani dadi bhai baji""".split()
)
"""What a child calls a relative, before their first name ("Auntie Parveen", "Uncle Des")."""
PHONETIC_LETTERS = (
    "alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima "
    "mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky x-ray "
    "xray yankee zulu"
).split()
"""The phonetic alphabet letters are read out in ("Alpha Two Seven Eight Eight Delta
Foxtrot")."""
FAMILY_WORDS = KIN_WORDS | frozenset("big little lil old young baby wee ah".split())
"""Words before a first name that make it a nickname or a relative, not a full name ("Ah" is
the Cantonese familiar prefix: "Ah Keung")."""


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current: set[str] = set()
    for line in NAMES_FILE.read_text("utf-8").splitlines():
        if line.startswith("# ") and line[2:].isalpha():
            current = sections.setdefault(line[2:], set())
        elif not line.startswith("#"):
            current.update(line.split())
    return {key: frozenset(value) for key, value in sections.items()}


def given_names() -> frozenset[str]:
    """Given names as written ("Siobhán", "Gurpreet", "Łukasz")."""
    return _lists()["given"]


def surnames() -> frozenset[str]:
    """Surnames as written ("O'Brien", "Wójcik", "Okafor")."""
    return _lists()["surname"]


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Lower-case names that are also everyday English words ("bill", "grace", "hunter"), and
    Faker's thousand lorem words."""
    return _lists()["everyday"] | common_words()


DIALECT = frozenset(
    "aye nae naw noo oot aboot wee ken dae didnae cannae wouldnae yin yer yous youse hen pal "
    "ma mam mar wor gan gannin hinny bairn lass lad pet canny divvent howay owt nowt summat "
    "ey eh ah ye yeh ya wi an oo ur un bin bevvy ginnel jigger scran bairns mither mardy "
    "nesh innit bruv fam blud wagwan ting peng bare allow".split()
)
"""Words of British dialects and slang that are also someone's name somewhere ("an", "ma",
"ken"): in lower case they are the word, not the name."""


def _lower(names: frozenset[str]) -> frozenset[str]:
    # one or two letters in lower case ("an", "li") are words or initials far more often
    return (
        frozenset(low for low in (name.lower() for name in names) if len(low) > 2)
        - everyday_words()
        - DIALECT
    )


@lru_cache(maxsize=1)
def lower_given_names() -> frozenset[str]:
    """Given names in lower case that are no English word: "darren", "siobhan", never "will"."""
    return _lower(given_names())


@lru_cache(maxsize=1)
def lower_word_given_names() -> frozenset[str]:
    """Given names that are also words but not among the commonest ("paddy", "frank",
    "grace"): in lower case, a name only before a long surname that is no word."""
    return (
        (
            frozenset(low for low in (name.lower() for name in given_names()) if len(low) > 2)
            & everyday_words()
        )
        - common_words()
        - DIALECT
    )


@lru_cache(maxsize=1)
def lower_surnames() -> frozenset[str]:
    """Surnames in lower case that are no English word: "mcallister", never "green"."""
    return _lower(surnames())


@lru_cache(maxsize=1)
def folded_given_names() -> frozenset[str]:
    """Every given name in lower case, for names written in capitals ("JOHN")."""
    return frozenset(name.lower() for name in given_names())


@lru_cache(maxsize=1)
def folded_surnames() -> frozenset[str]:
    """Every surname in lower case, for names written in capitals ("SMITH")."""
    return frozenset(name.lower() for name in surnames())


@lru_cache(maxsize=1)
def common_word_names() -> frozenset[str]:
    words = set()
    for line in (DATA / "common_word_names.txt").read_text("utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def not_people() -> frozenset[str]:
    """Brands, titles and characters that read as names ("Morgan Stanley", "Mr Brightside"),
    as written and in lower case."""
    lines = (DATA / "not_people.txt").read_text("utf-8").splitlines()
    phrases = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(phrases | {phrase.lower() for phrase in phrases})


def common_words() -> frozenset[str]:
    """About a thousand everyday English words (Faker's lorem list): not surnames."""
    return _lists()["common"]


def english_words() -> frozenset[str]:
    """Every English word of three or more letters in lower case (Debian's word list, with
    Faker's and the British words): a capitalised word that is none of them is a name or a
    place."""
    return _lists()["english"]


SURNAME_ENDINGS = (
    # Lithuanian, with and without their accents (Kriaučiūnas, Petrauskienė)
    "auskas", "auskienė", "auskaitė", "iūnas", "iunas", "aitis", "aitienė", "avičius",
    "evičius", "avicius", "evicius", "ienė", "aitė", "aitytė",
    # Polish and Czech (Wiśniewski, Kowalczyk); not "-ski" alone, which English has
    "owski", "ewski", "owska", "ewska", "wicz", "czyk", "czak", "iński", "ińska", "inski",
    "inska", "ycki", "ycka",
    # Romanian (Popescu, Ardeleanu), Ukrainian and Russian (Shevchenko, Kravchuk, Petrovich)
    "escu", "eanu", "enko", "chuk", "czuk", "ovych", "ovich", "evich",
    # Georgian, Greek, Turkish (Beridze, Papadopoulos, Dervişoğlu), Scandinavian
    "shvili", "idze", "adze", "opoulos", "poulos", "akis", "iadis", "oğlu", "oglu", "sson",
    # Tamil (Sivagnanasundaram, Thevarajah)
    "lingam", "ratnam", "arajah", "eswaran",
)  # fmt: skip
"""Endings that only surnames have, in the languages of many British caseloads: a word with
one that is no English word is a surname, whatever the lists hold."""
SURNAME_PARTS = ("chukwu",)
"""Parts of Igbo names (Ifeanyichukwu, Nwachukwu, Chukwuemeka) that no English word holds."""


def surname_shaped(word: str) -> bool:
    """Whether ``word`` has the shape of a surname from its ending (or part) alone."""
    low = word.lower().removesuffix("'s").removesuffix("’s")
    if len(low) < 6 or low in english_words():
        return False
    return low.endswith(SURNAME_ENDINGS) or any(part in low for part in SURNAME_PARTS)


def looks_like_full_name(
    words: list[str], sentence_start: bool = False, strict: bool = True
) -> bool:
    """First name then surname. A surname missing from the lists still counts when the first
    name is unambiguous and the second word is no everyday word (``strict`` off for titles,
    which capitalise every word). Names written all in capitals ("SMITH, JOHN" comes reversed)
    must both be in the lists; so must names all in lower case, and neither be an English
    word."""
    if len(words) < 2:
        return False
    first, last = words[0], words[-1]
    if first.lower() in FAMILY_WORDS:
        return False  # "Nanna Bev", "Big Al", "Uncle Tony"
    if first.isupper() and last.isupper() or first.islower() and last.islower():
        return written_in_one_case(first, last)
    if first not in given_names() and not _double_given(first):
        return False
    ambiguous = first.lower() in common_word_names()
    if last in surnames():
        # "Hope Green said" is a name; "Hope Green" opening a sentence is more often two words
        return not (sentence_start and ambiguous)
    return (
        strict
        and not ambiguous
        and last.lower() not in common_words()
        and not last.endswith(("ing", "ed", "s", "ly"))
    )


def _double_given(first: str) -> bool:
    """A double first name ("Chloe-Mae", "Jean-Luc"): both halves capitalised, one listed."""
    parts = first.split("-")
    return (
        len(parts) == 2
        and all(part[:1].isupper() for part in parts)
        and any(part in given_names() for part in parts)
    )


def written_in_one_case(first: str, last: str) -> bool:
    """Whether two words in capitals or in lower case are a given name and a surname."""
    a, b = first.lower(), last.lower()
    if first.islower():
        return a in lower_given_names() and b in lower_surnames()
    if len(a) < 3 or len(b) < 3:
        return False  # "HM", "DJ", "NA"
    return a in folded_given_names() and b in folded_surnames()


def warm_up() -> None:
    """Load every list now, so that forked workers share one copy instead of each loading
    its own."""
    lower_given_names(), lower_surnames(), folded_given_names(), folded_surnames()
    common_word_names(), not_people(), lower_word_given_names()


# Building data/names.txt (a developer's step, never at run time)


def build(english_words: Path = Path("/usr/share/dict/words")) -> str:
    """The text of data/names.txt, from the installed Faker and an English word list (Debian's
    wamerican package installs one at /usr/share/dict/words)."""
    import faker

    english = {w for w in english_words.read_text("utf-8").split() if w.islower()}
    from faker.providers.lorem.en_US import Provider

    common = set(Provider.word_list)
    english |= BRITISH_WORDS | common
    given: set[str] = set()
    surname: set[str] = set()
    for locale in ENGLISH_LOCALES:
        g, s = _locale_names(locale)
        given |= {name for name in g if name.isalpha() and len(name) > 1}
        surname |= {name for name in s if len(name) > 1}
    foreign_given: set[str] = set()
    foreign_surname: set[str] = set()
    for locale in OTHER_LOCALES:
        g, s = _locale_names(locale)
        foreign_given |= {name for name in g if _foreign_name(name, english)}
        foreign_surname |= {name for name in s if _foreign_name(name, english)}
    extra = _extra_names()
    foreign_given |= extra["given"]
    foreign_surname |= extra["surname"]
    # people type names without their accents ("Pham Duc Minh", "Wojcik"): both forms
    given |= foreign_given | _unaccented(foreign_given, english)
    surname |= foreign_surname | _unaccented(foreign_surname, english)
    # a Polish surname has a form for women ("Wróblewski", "Wróblewska"): the lists hold one
    surname |= {n[:-1] + "a" for n in surname if n.endswith(("ski", "cki", "dzki")) and len(n) > 5}
    everyday = {name.lower() for name in given | surname} & english
    lexicon = {w for w in english if len(w) > 2 and w.isalpha() and w.isascii()}
    header = (
        f"# Built by `python -m generator.names` from Faker {faker.VERSION} ({len(ENGLISH_LOCALES)}"
        f" English and Irish locales, {len(OTHER_LOCALES)} others), data/extra_names.txt and"
        " an English word list. Do not edit: edit extra_names.txt and rebuild."
    )
    parts = [header]
    lists = (
        ("given", given),
        ("surname", surname),
        ("everyday", everyday),
        ("common", common),
        ("english", lexicon),
    )
    for title, names in lists:
        parts.append(f"# {title}")
        parts.extend(_wrapped(sorted(names)))
    return "\n".join(parts) + "\n"


_UNFOLDED = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i"})


def _unaccented(names: set[str], english: set[str]) -> set[str]:
    """Each name with its accents taken off (Đức → Duc, Łukasz → Lukasz), where that is no
    English word."""
    plain = set()
    for name in names:
        decomposed = unicodedata.normalize("NFKD", name.translate(_UNFOLDED))
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
        if bare != name and bare.isascii() and bare.lower() not in english:
            plain.add(bare)
    return plain


def _locale_names(locale: str) -> tuple[set[str], set[str]]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ImportError:  # a locale dropped by a future Faker: the others still load
        return set(), set()
    given: set[str] = set()
    for attribute in ("first_names", "first_names_male", "first_names_female"):
        given.update(_strings(getattr(provider, attribute, ())))
    return given, _strings(getattr(provider, "last_names", ()))


def _strings(value) -> set[str]:
    """A Faker list: a tuple, or a dict of weights; a few locales compute it (a property)."""
    try:
        return {name for name in value if isinstance(name, str)}
    except TypeError:
        return set()


def _foreign_name(name: str, english: set[str]) -> bool:
    if len(name) < 3 or name.lower() in english or " " in name:
        return False
    return all(c in "'’-" or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in name)


def _extra_names() -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {"given": set(), "surname": set()}
    current: set[str] = set()
    for line in (DATA / "extra_names.txt").read_text("utf-8").splitlines():
        if line.startswith("# ") and line[2:] in sections:
            current = sections[line[2:]]
        elif not line.startswith("#"):
            current.update(line.split())
    return sections


def _wrapped(names: list[str], width: int = 99) -> list[str]:
    lines, line = [], ""
    for name in names:
        if line and len(line) + 1 + len(name) > width:
            lines.append(line)
            line = name
        else:
            line = f"{line} {name}" if line else name
    if line:
        lines.append(line)
    return lines


if __name__ == "__main__":
    NAMES_FILE.write_text(build(*(Path(a) for a in sys.argv[1:2])), "utf-8")
    print(f"wrote {NAMES_FILE}")
