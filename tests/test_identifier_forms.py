"""Each identifier rule finds its own examples the way people re-type them: in lower case,
re-spaced, hyphenated, with the letter O for a zero; and leaves ordinary prose alone."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TODAY, copy_project
from fixtures import FIXTURES, install_tree
from generator.config import load_config
from generator.loader import load_content
from generator.registry import lookup
from generator.rules.base import Context

CODES = {
    "BT205": [("A", "1234", "BC"), ("K", "9876", "ZX")],
    "BT206": [("JT", "12", "34", "56", "A"), ("AB", "12", "34", "56", "C")],
    "BT209": [("KX", "63", "LMN"), ("AB", "12", "CDE")],
    "BT203": [("M1", "1AE"), ("LS1", "4DY"), ("SW1A", "2AA")],
}
"""Codes as groups: the rule must find them however the groups are joined and cased."""


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("forms") / "p", content=False)
    install_tree(FIXTURES / "BT201" / "good", project)
    config = load_config(project / "site_config.yml")
    doc = next(d for d in load_content(config).documents if d.kind == "story")
    return doc, Context(config=config.config, today=TODAY)


def findings(story, rule_id: str, body: str) -> list:
    doc, ctx = story
    return list(lookup(rule_id).check(dataclasses.replace(doc, body=body, cache={}), ctx))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rule_id=st.sampled_from(sorted(CODES)),
    pick=st.integers(0, 1),
    joins=st.lists(st.sampled_from(["", " ", "-"]), min_size=4, max_size=4),
    lower=st.booleans(),
    before=st.sampled_from(["It was ", "my number was ", "on the letter: ", "\n"]),
    after=st.sampled_from([" back then.", ", on everything.", "", " and that was it"]),
)
def test_codes_found_however_joined_and_cased(story, rule_id, pick, joins, lower, before, after):
    groups = CODES[rule_id][pick % len(CODES[rule_id])]
    code = groups[0] + "".join(j + g for j, g in zip(joins, groups[1:], strict=False))
    if lower:
        code = code.lower()
    if rule_id in ("BT205", "BT209") and lower and joins[0] == " ":
        before = "the reg number was " if rule_id == "BT209" else "my prison number was "
    found = findings(story, rule_id, before + code + after)
    assert found, f"{rule_id} missed {code!r}"


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("BT205", "It was A1O34BC back then."),
        ("BT202", "It was O77OO 9OO123 back then."),
        ("BT202", "ring oh seven seven double oh nine double oh one two three"),
        ("BT202", "it's 07700 nine hundred 123"),
        ("BT201", "dee dot walker at example dot com"),
        ("BT201", "dee(at)example(dot)org"),
        ("BT201", "deewalker at gmail"),
        ("BT210", "add me on snap: jaybird99"),
        ("BT204", "forty-one Elm Road"),
        ("BT203", "Moss Lane, M14"),
        ("BT208", "born on the third of march ninety"),
        ("BT214", "PNC id 04/123456X"),
        ("BT214", "t20237012"),
        ("BT214", "CRO number 123456/04A"),
        ("BT202", "ring the church on oh one six one, four nine six, oh two three eight"),
        ("BT202", "my number was oh seven seven double oh, nine double oh, three four one"),
        ("BT203", "writing l4 0th all in small letters"),
        ("BT203", "postcode was bd3 9"),
        ("BT203", "a big old red brick house in Ng7 2, right opposite the co-op"),
        ("BT211", "My probation officer, Síofra Ní Dhubhghaill, has probably forgotten"),
        ("BT211", "He said “WIŚNIEWSKI, Bartosz” and he said it wrong"),
        ("BT211", "from primary, llŷr ap emrys, he was always the weird one"),
        ("BT211", "What Nguyễn Văn Thắng taught me in the kitchen"),
        ("BT211", "me pal Jonjo Maguire from the Bogside"),
        ("BT211", "Officer Tremaine Whitlock-Burrows let me out"),
        ("BT211", "Gaz Mulhearn, my old co-d, is still inside"),
        ("BT211", "Dwayne ‘Tiny’ Fairweather cut my hair"),
        (
            "BT208",
            "“what is your date of birth,” and I said “the ninth of March nineteen eighty-seven,”",
        ),
        ("BT204", "flat 12 in Ardmore House on Lochside Wynd"),
        ("BT211", "our boys are on the wing. Abdiwali Xasan Geedi said to tell you"),
        ("BT211", "me and kyle dunachie grew up in the same close"),
        ("BT211", "What Folasade Oyelaran taught me about reading"),
        ("BT211", "the way they had it on the system, PHAM DUC MINH, on every page"),
        ("BT211", "“Dritan Qerimaj,” he said, shaking my hand with the flour still on it."),
        ("BT211", "Father Yonas Woldegiorgis came every second Tuesday on the bus"),
        ("BT211", "his name wis hugh garvellach an he'd been clean four year"),
        ("BT211", "“Right, here you are. WRÓBLEWSKA, Halina, that's you?”"),
        ("BT211", "at the bottom it said Probation Officer Nafisa Elhag Abdelmoneim, and I sat"),
        ("BT211", "My keyworker Seonag NicAmhlaigh, if she ever reads this"),
        ("BT211", "What Florin Dumitrașcu taught me about bread"),
        ("BT211", "two lads in recovery and hüseyin dervişoğlu who runs the kebab shop"),
        ("BT211", "my whole name in big capital letters, THARSHIKA SIVAGNANASUNDARAM, and"),
        ("BT211", "It was signed U. C. Onwuegbu, Admissions."),
        ("BT211", "three nights a week at Siu Fong Kwok's chippy"),
        ("BT301", "His trial starts at Snaresbrook in May."),
        ("BT301", "My son has been on remand for seven months."),
        ("BT301", "My appeal has been given permission, and it's listed to be heard in spring"),
        ("BT204", "we lived at thirty-seven Heol y Nant"),
        ("BT204", "back to 12 Ffordd Penrhyn"),
        ("BT204", "they put me in flat nine, Corran House"),
        ("BT204", "Flat 4 Jubilee Court"),
        ("BT204", "14 Castle Wynd"),
        ("BT204", "i lived at 22 hope street for a year"),
        ("BT210", "snapchat: jaybird"),
        ("BT211", "Chloe-Mae Rowntree was my cellmate"),
        ("BT211", "paddy mcdonagh was on the site with me"),
    ],
)
def test_spelled_and_disguised_forms(story, rule_id, text):
    assert findings(story, rule_id, text)


PROSE = [
    "in 2 ways, b4 you go m8, room 4b at 10am on the 6th, a 5k run, the A1 road and the M62.",
    "In 2019, aged 34, I was released at 10:30 with £46; on 04/05 I was back in court.",
    "I looked at him dot to dot. I'm not on facebook any more.",
    "he was always on his phone on tiktok. Grace Street was where the hostel was.",
    "oh well, one or two of us, three at most, for six years. ring 999, or 111, or 116 123.",
    "I was born in the nineties and my birthday is in the spring, the 3rd of march.",
    "counting one, two, three, four, five, six, seven, eight, nine, ten. the m6 4th exit.",
    "a flat in a tower block, then the Heol y Nant estate. my flat, Corran House, was damp.",
    "on the number 60 bus floor close, a ten minute drive, at 10 minutes walk down the road.",
    "on the ninth of March nineteen eighty-seven we got married, in a flat in a block.",
]


@pytest.mark.parametrize("rule_id", [f"BT{n}" for n in (*range(201, 211), 214)])
def test_ordinary_prose_stays_clean(story, rule_id):
    assert not findings(story, rule_id, "\n\n".join(PROSE))


@pytest.mark.parametrize("rule_id", [f"BT{n}" for n in (*range(201, 211), 214)])
def test_linear_time_on_a_huge_story(story, rule_id):
    import time

    chunk = "0 7 7 oh o double 1234 a1234 ab12 at dot @ m1 1 / 04/ t2023 born on the "
    body = re.sub(r"\s+", " ", chunk * 4000)  # 300 KB of near-misses: linear, or it takes minutes
    started = time.perf_counter()
    findings(story, rule_id, body)
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize(
    "text",
    [
        "Ah'm not sayin ah'm Gordon Ramsay but ah'm not far off.",  # a public figure
        "like tyson fury's dad, big hands",
        "Ah just smile an buy ma bridie an get on wi it.",  # Scots words, not "Bridie An"
        "me an ma pal went doon the toon",
        "i was frank with everyone, jack russell terrier and all",
        "me and kyle werent talking, we had gulab jamun and bara brith, and a can of Irn Bru",
        "we went to Kirkby Lonsdale for the day and Kyle was goin on about it",
        "The Red Lion on Market Street was where it started, then the Black Bull.",
        "Jai Shri Krishna, my nan would say. Kwame Nkrumah was on my dad's wall.",
        "Like in Shawshank, Andy Dufresne crawling out. We took the Megabus to London Victoria.",
        "“Eid Mubarak,” she said. “Nollaig Shona,” my gran said. “Croeso Cymru,” the sign said.",
        "A North Tyneside man. My dad's side are from Hong Kong. GET OUT, he shouted.",
    ],
)
def test_public_figures_and_dialect_are_not_names(story, text):
    assert not findings(story, "BT211", text)


def test_lower_case_names_are_still_names(story):
    assert findings(story, "BT211", "me and darren mcallister shared a pad")


@pytest.mark.parametrize(
    ("text", "warned", "found"),
    [
        ("Her youth football coach in Peckham had raped her when she was fourteen.", False, True),
        ("The harm I did was to my niece, who was eleven at the time.", True, True),
        ("The harm I did was to my niece, who was eleven at the time.", False, False),
        ("I was convicted of a sexual offence and did the programme.", False, False),
        ("What happened to me I won't write about. It's mine.", True, False),
        ("It happened in our flat above the launderette in Portstewart.", True, True),
        ("It happened in our flat above the launderette in Portstewart.", False, False),
    ],
)
def test_sexual_offence_victim_details(story, text, warned, found):
    doc, ctx = story
    meta = doc.meta.model_copy(update={"content_warnings": ["abuse"] if warned else []})
    got = list(lookup("BT302").check(dataclasses.replace(doc, meta=meta, body=text, cache={}), ctx))
    assert bool(got) is found
