"""Patterns run only near their anchors (digits, or trigger words): they must find exactly what a
scan of the whole text finds, on the fixtures, the labelled corpus and generated text."""

import re
from types import SimpleNamespace

import pytest
import yaml
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import generator.text as text_module
from conftest import ROOT
from generator.rules._find import Starts, pattern_hits, quick_failing, start_finder
from generator.rules.content_warnings import _compiled as warning_pattern
from generator.rules.date_of_birth import BIRTH, BIRTH_TRIGGERS, MONTH_TRIGGERS, SPOKEN_DATE
from generator.rules.email_address import EMAIL
from generator.rules.exact_date import EXACT
from generator.rules.exact_date import SPOKEN as SPOKEN_EXACT
from generator.rules.nhs_number import TEN_DIGITS
from generator.rules.ni_number import NI_NUMBER
from generator.rules.ongoing_proceedings import ONGOING
from generator.rules.ongoing_proceedings import TRIGGERS as ONGOING_TRIGGERS
from generator.rules.personal_name import (
    CANDIDATE,
    CAPITALISED_PAIR,
    _matches_from,
    _word_name_and_next,
)
from generator.rules.postcode import POSTCODE
from generator.rules.prison_number import PRISON_NUMBER
from generator.rules.social_media import HANDLE, PROFILE, PROFILE_TRIGGERS
from generator.rules.stigmatising_language import PATTERN as LABELS
from generator.rules.stigmatising_language import TRIGGERS as LABEL_TRIGGERS
from generator.rules.street_address import ADDRESS, LOWER_ADDRESS, WELSH_ADDRESS, WELSH_TRIGGERS
from generator.rules.vehicle_registration import REGISTRATION
from generator.text import Segment, _around_tokens, digit_runs, needle_spans

DIGITS = {"needs_digit": True}
FOLDED_DIGITS = {"needs_digit": True, "folded": True}  # lower-case patterns on folded text
LEXICONS = yaml.safe_load((ROOT / "site_config.yml").read_text("utf-8"))["moderation"][
    "warning_lexicons"
]
WARNINGS = warning_pattern(tuple((w, tuple(p)) for w, p in LEXICONS.items()))
CASES = {  # each pattern with the anchors its rule gives it
    "BT201": (EMAIL, {"triggers": ("@",)}),
    "BT203": (POSTCODE, FOLDED_DIGITS),
    "BT204": (ADDRESS, DIGITS),
    "BT204-lower": (LOWER_ADDRESS, FOLDED_DIGITS),
    "BT204-welsh": (WELSH_ADDRESS, {"triggers": WELSH_TRIGGERS}),
    "BT205": (PRISON_NUMBER, FOLDED_DIGITS),
    "BT206": (NI_NUMBER, FOLDED_DIGITS),
    "BT207": (TEN_DIGITS, DIGITS),
    "BT208": (BIRTH, {"triggers": BIRTH_TRIGGERS, **DIGITS}),
    "BT208-spoken": (SPOKEN_DATE, {"triggers": MONTH_TRIGGERS}),
    "BT209": (REGISTRATION, FOLDED_DIGITS),
    "BT210-profile": (PROFILE, {"triggers": PROFILE_TRIGGERS}),
    "BT210-handle": (HANDLE, {"triggers": ("@",)}),
    "BT301": (ONGOING, {"triggers": ONGOING_TRIGGERS, "folded": True}),
    "BT303": (EXACT, DIGITS),
    "BT303-spoken": (SPOKEN_EXACT, {"triggers": MONTH_TRIGGERS, "folded": True}),
    "BT501": (LABELS, {"triggers": LABEL_TRIGGERS, "folded": True}),
    "BT401": (WARNINGS, {"starts": start_finder(WARNINGS.pattern), "folded": True}),
}
TOKENS = (
    "born on the date of birth is D.O.B: 14 14th 3rd 1 2019 19 03/04/2019 of March May Jan, "
    "Flat 12A, 2 Grace Darling Hope Street Rd Walk. SW1A 1AA M1 1AE A1234BC AB 12 34 56 C "
    "AB12 CDE A123 BCD 943 476 5919 9434765919 07700 900123 and then we walked home NHS "
    "dee@example.org @dee_walker facebook.com/dee.walker instagram.com/dee twitter.com "
    "my case is starts will be over I'm still on remand bail for years ago awaiting trial "
    "due to go back court next week appeal pending Tested clean young ex-con ex con offenders "
    "career criminal record convicts him addicts alcoholics anonymous old lags Mr Dr. O'Brien "
    "McDonald Dee Walker Smith-Jones's Priya heroin smoked smoking overdosed self-harm self "
    "harming died passed away grief took his own life rape grapes kicked him needles relapsed "
    "suicidal drinking heavy with without a drink cut myself therapist at lived 22 hope street "
    "thirty-seven Heol y Nant Ffordd"
).split()


def _spans(text: str, pattern, options: dict) -> list[tuple[int, int]]:
    doc = SimpleNamespace(cache={"segments": [Segment("body", text, 1, 1, False)]})
    return [(h.start, h.end) for h in pattern_hits(doc, pattern, **options)]


def _whole(text: str, pattern, anchors: dict) -> list[tuple[int, int]]:
    """The same pattern over the whole text: no anchors."""
    return _spans(text, pattern, {"folded": anchors.get("folded", False)})


def _texts() -> list[str]:
    texts = [p.read_text("utf-8") for p in (ROOT / "tests" / "fixtures" / "rules").rglob("*.md")]
    texts.append((ROOT / "tests" / "corpus" / "clean.md").read_text("utf-8"))
    planted = yaml.safe_load((ROOT / "tests" / "corpus" / "planted.yml").read_text("utf-8"))
    texts += [str(item) for item in _leaves(planted)]
    return texts


def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, str):
        yield value


@pytest.mark.parametrize("case", CASES)
def test_windows_find_what_the_whole_text_scan_finds(case):
    pattern, anchors = CASES[case]
    found = 0
    for text in _texts():
        whole = _whole(text, pattern, anchors)
        assert _spans(text, pattern, anchors) == whole, text[:200]
        found += len(whole)
    assert found, "the fixtures exercise this pattern"


PHRASES = [
    "ex con", "excon", "ex-con", "young offenders", "a convict", "old lag", "tested clean",
    "committed suicide", "drug addicts", "I'm still on remand", "awaiting trial",
    "my case is next month", "I have to go back to court", "born on 14 March 1990",
    "date of birth is 03/04/1990", "D.O.B: 3rd May 1990", "dee@example.org",
    "instagram.com/dee", "A1234BC", "SW1A 1AA", "AB 12 34 56 C", "AB12 CDE", "943 476 5919",
    "14 March 2019", "Flat 2, 14 Grace Darling Hope Street", "smoked heroin", "self-harm",
]  # fmt: skip
"""A phrase for each pattern, each tested alone: no other anchor nearby stands in for its own."""


@pytest.mark.parametrize("phrase", PHRASES)
def test_windows_find_each_phrase_alone(phrase):
    text = f"We walked by the river for a long while. {phrase}, we said, and then went home."
    found = 0
    for pattern, anchors in CASES.values():
        whole = _whole(text, pattern, anchors)
        assert _spans(text, pattern, anchors) == whole
        found += len(whole)
    assert found, "some pattern finds this phrase"


def prose(gaps: list[str], max_size: int):
    """Text of TOKENS joined by ``gaps``."""
    pieces = st.tuples(st.sampled_from(TOKENS), st.sampled_from(gaps))
    return st.lists(pieces, max_size=max_size).map(
        lambda items: "".join(token + gap for token, gap in items)
    )


@settings(max_examples=400, deadline=None)
@given(prose([" ", "  ", "\n", "\n\n", ", "], max_size=60))
def test_windows_agree_on_generated_text(text):
    for pattern, anchors in CASES.values():
        assert _spans(text, pattern, anchors) == _whole(text, pattern, anchors)


def _names(text: str, windowed: bool) -> list[tuple[int, int]]:
    segment = Segment("body", text, 1, 1, False)
    windows = segment.windows_of(CAPITALISED_PAIR) if windowed else [(0, len(text))]
    return [m.span() for start, end in windows for m in CANDIDATE.finditer(text, start, end)]


def test_name_candidates_are_found_near_capitalised_pairs():
    texts = _texts()
    assert sum(len(_names(text, False)) for text in texts) > 0
    for text in texts:
        assert _names(text, True) == _names(text, False), text[:200]


@settings(max_examples=300, deadline=None)
@given(prose([" ", "\t", "\n", ". ", ", "], max_size=40))
def test_name_candidates_agree_on_generated_text(text):
    assert _names(text, True) == _names(text, False)


def test_start_finder_reads_where_a_match_can_start():
    finder = start_finder(r"(?=\w)\b(?:heroin|crack cocaine|overdos(?:e|ed)|self[- ]harm\w*)\b")
    assert finder == Starts(("crack", "heroin", "overdose", "self"), word=True)
    assert finder.positions("self-harm, my_self, overdosed, heroin_ crack") == [0, 20, 31, 39]
    assert start_finder(r"(?:young |ex[- ]?)?offenders?", size=3) == Starts(
        ("ex", "off", "you"),  # "ex" stands for "exo" too; not only at word starts
        word=False,
    )
    for anything in (r"\w+ing", r".*", r"(?:a|\d)x", r"a*b", r"[^a]b", r"(?i:A)b", r"(?i)ab"):
        assert start_finder(anything) is None, anything


def _regexes():
    """Small patterns of literals, classes, optional parts, repeats and alternatives."""
    atom = st.sampled_from(["a", "b", "ab", "ba", "-", " ", "[ab]", "[a-]", "\\w", "\\b", "\\B"])
    piece = st.one_of(
        atom,
        atom.map(lambda a: f"(?:{a})?"),
        atom.map(lambda a: f"{a}+"),
        atom.map(lambda a: f"{a}*"),
        st.tuples(atom, atom).map(lambda ab: f"(?:{ab[0]}|{ab[1]})"),
    )
    return st.lists(piece, min_size=1, max_size=5).map("".join)


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["", "\\b", "\\B", "(?=\\w)\\b", "(?=a)"]),
    _regexes(),
    st.lists(_regexes(), max_size=2),
    st.text("ab -_é’", max_size=30),
)
def test_start_finder_misses_no_match_of_any_pattern(anchor, first, others, text):
    pattern = _alternatives(anchor, first, others)
    finder = start_finder(pattern.pattern)
    whole = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
    if finder is None:
        return
    found = [
        (h.start, h.end) for h in pattern_hits(_doc(text), pattern, folded=True, starts=finder)
    ]
    assert [span for span in found if span[1] > span[0]] == whole


@pytest.mark.parametrize("case", CASES)
def test_quick_failing_patterns_find_what_the_pattern_finds(case):
    pattern = CASES[case][0]
    quick = quick_failing(pattern)
    for text in [*_texts(), " ".join(TOKENS)]:
        for searched in (text, text.lower()):
            assert [m.span() for m in quick.finditer(searched)] == [
                m.span() for m in pattern.finditer(searched)
            ], searched[:200]


def test_quick_failing_reads_the_first_characters():
    assert quick_failing(EXACT) is not EXACT  # the date patterns are what it is for
    assert (
        quick_failing(re.compile(r"\b(?:[Ff]lat )?\d+")).pattern == r"(?=[F\df])\b(?:[Ff]lat )?\d+"
    )
    assert quick_failing(re.compile(r"(?i)\bab|c")).pattern == r"(?i)(?=[ac])\bab|c"
    for anything in (r"a?b*", r"[^a]b", r".x", r"(?i:a)b", r"\Wb", r"(?:a|.)b"):
        pattern = re.compile(anything)
        assert quick_failing(pattern) is pattern, anything


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["", "\\b", "\\B", "(?i)", "(?<![a-])", "(?=a)"]),
    _regexes(),
    st.lists(_regexes(), max_size=2),
    st.text("abAB -_é’]\\^", max_size=30),
)
def test_quick_failing_misses_no_match_of_any_pattern(anchor, first, others, text):
    pattern = _alternatives(anchor, first, others)
    quick = quick_failing(pattern)
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def _alternatives(anchor: str, first: str, others: list[str]) -> re.Pattern[str]:
    """``anchor`` before the generated alternatives; the example is skipped when that is no
    pattern (a repeated \\b)."""
    try:
        return re.compile(anchor + "(?:" + "|".join([first, *others]) + ")")
    except re.error:
        assume(False)
        raise


def _doc(text: str):
    return SimpleNamespace(cache={"segments": [Segment("body", text, 1, 1, False)]})


def test_text_without_anchors_has_no_windows():
    segment = Segment("body", "We walked by the river on Grace Street.", 1, 1, False)
    assert segment.digit_windows == []
    assert segment.windows_around(("offender", "bail")) == []
    assert segment.windows_around(("river",)) == [(0, len(segment.text))]


ASCII_PIECES = ["we walked ", "in ", "7", "2019", "?", ", ", "\n"]
RARE_PIECES = ["’", "é", "٣", "７", "λόγος", "\0"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(ASCII_PIECES * 6 + RARE_PIECES), max_size=40).map("".join)
    | st.text(st.characters(codec="utf-8"), max_size=40)
)
def test_digit_runs_are_what_the_pattern_finds(text):
    """The fast path (ASCII digits by bytes.find) and the pattern agree: on prose with a few
    curly quotes, accents, digits of other scripts or NULs, and on text mostly beyond ASCII."""
    assert digit_runs(text) == [m.span() for m in re.finditer(r"\d+", text)]


def test_digit_runs_take_the_fast_path_and_the_pattern():
    assert digit_runs("in 2019, at 14.30") == [(3, 7), (12, 14), (15, 17)]
    assert digit_runs("I’m 7, not ７") == [(4, 5), (11, 12)]
    assert digit_runs("I’m 7, not ٣3") == [(4, 5), (11, 13)]
    assert digit_runs("λόγος 12") == [(6, 8)]
    assert digit_runs("what? 1\0 2") == [(6, 7), (9, 10)]


def _found_one_by_one(text: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    return sorted(
        (m.start(), m.start() + len(needle))
        for needle in needles
        for m in re.finditer(f"(?={re.escape(needle)})", text)
    )


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("abcx- ’é"), max_size=60),
    st.lists(st.text(st.sampled_from("abcx- ’é"), min_size=1, max_size=4), min_size=1, max_size=8),
)
def test_needles_are_found_with_or_without_the_automaton(text, needles):
    """Few needles are looked for one by one, many with an automaton: every occurrence,
    overlapping ones included, either way."""
    needles = tuple(dict.fromkeys(needles))
    assert sorted(needle_spans(text, needles)) == _found_one_by_one(text, needles)


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("abcAB- ’é"), max_size=60),
    st.lists(
        st.lists(st.text(st.sampled_from("abc- ’é"), min_size=1, max_size=4), max_size=8),
        min_size=1,
        max_size=4,
    ),
)
def test_occurrences_from_the_shared_scan_are_what_needle_spans_finds(text, sets):
    """A segment is scanned once for every rule's needles; each set's spans come back as
    needle_spans finds them, in the same order (rules rely on it), also after a set the scan
    did not know yet makes it scan again."""
    segment = Segment("body", text, 1, 1, False)
    for needles in [tuple(dict.fromkeys(n)) for n in sets] * 2:
        assert segment.occurrences(needles) == needle_spans(segment.folded, needles)


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("wil ’'\tmark-x"), max_size=80), st.sampled_from(["will", "l", "wi"])
)
@example("mark will will will mark", "will")
def test_a_name_is_tried_only_where_it_occurs(text, name):
    """BT211 tries the pattern for a lower-case name only where str.find finds the name: the
    same matches as finditer over the whole text, overlapping occurrences included."""
    pattern = _word_name_and_next(name)
    assert [m.span() for m in _matches_from(text, name, pattern)] == [
        m.span() for m in pattern.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet="ab  \n1@", min_size=1, max_size=300),
    anchors=st.lists(st.tuples(st.integers(0, 299), st.integers(0, 3)), min_size=1, max_size=12),
)
def test_windows_from_tokens_equal_windows_from_patterns(text, anchors):
    """Many anchors in one text take the token path (linear); it finds the same windows as
    widening each anchor by a pattern match."""
    spans = sorted({(min(at, len(text)), min(at + size, len(text))) for at, size in anchors})
    segment = Segment("body", text, 1, 1, False)
    text_module.MANY_SPANS, saved = 10**9, text_module.MANY_SPANS
    try:
        by_pattern = segment._around(spans)
    finally:
        text_module.MANY_SPANS = saved
    assert _around_tokens(text, spans) == by_pattern
