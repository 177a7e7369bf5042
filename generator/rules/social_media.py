"""BT210: no social-media handles or profile links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule
from generator.text import Segment

PROFILE = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?(?:facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|"
    r"tiktok\.com|linkedin\.com/in|snapchat\.com/add|youtube\.com/@?|threads\.net|"
    r"bsky\.app/profile|reddit\.com/u(?:ser)?|t\.me)/[\w.@-]+",
    re.IGNORECASE,
)
PROFILE_TRIGGERS = ("/",)
"""Every profile link has a slash after its site's name; prose has few."""
HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})\b")


PLATFORMS = (
    "instagram|insta|snapchat|snap|tiktok|tik tok|facebook|fb|twitter|bluesky|"
    "youtube|twitch|telegram|discord|kik|linkedin"
)
_NAME = r"(?P<handle>[a-z0-9_.][a-z0-9_.-]{1,29})"
NAMED_HANDLE = re.compile(
    rf"\b(?:(?:find|add|follow|message|dm|msg|hit)\s+(?:me|us)\s+(?:up\s+)?on\s+(?:{PLATFORMS})\b"
    rf"(?:\s+(?:as|at))?|on\s+(?:{PLATFORMS})\b\s+(?:as|at)"
    rf"|my\s+(?:{PLATFORMS})\b(?:\s+(?:name|handle|username|account|page))?(?:\s+is|'s|’s|:)"
    rf"|(?P<labelled>\b(?:{PLATFORMS}))\s*:)"
    r"(?:\s*[:,-]?\s*(?:it['’]?s|it is|i['’]?m(?:\s+on)?(?:\s+as)?|is)\b)?"
    rf"\s*[:,-]?\s*{_NAME}"
)
"""A handle without its @, after a platform named as the place to find someone: "find me
on insta dee_walks_again", "add me on snap: jaybird99", "add me on snap, it's kez.cooks",
"find us on tiktok, I'm on as geordie_gaz_sober",
"my tiktok is deewalks", "snapchat: jaybird"."""
ON_PLATFORM = re.compile(
    rf"\b(?:i['’]?m|im|i am|we['’]re|were)\s+on\s+(?:{PLATFORMS})\b\s*[:,-]?\s*"
    r"(?P<handle>[a-z0-9]+[._][a-z0-9._]*[a-z0-9]|[a-z]+\d+[a-z0-9]*)\b"
)
"""'im on tiktok, sparrowstitches_brum': a handle after "I'm on" a platform, when it has the
shape only handles have (a dot, an underscore or digits: not "I'm on facebook every night")."""
SEARCH_NAME = re.compile(
    rf"\bsearch\s+(?:for\s+me\s+on\s+)?(?:{PLATFORMS})\b\s+for\s+"
    r"(?P<handle>[a-z0-9_.'’-]{2,30}(?:\s[a-z0-9_.'’-]{2,30}){0,3})"
)
"""A profile to search for: "search facebook for dee walker recovery"."""
PLATFORM_TRIGGERS = tuple(sorted({p.split()[0] for p in PLATFORMS.split("|")}))
NOT_A_HANDLE = frozenset(
    "a an the my me you it is was and or but so if any anymore more no not now then there "
    "here too as at on in of for to with all just still only always never full private "
    "dead gone deleted down banned blocked hacked locked closed empty boring public open back "
    "up off out every everyone anyone someone people stuff things friends family photos "
    "videos pictures posts messages account page name handle profile this that these those "
    "his her their our your we they he she i i'm i’m we'll it's i'll myself yourself himself "
    "herself ourselves themselves well usual normal".split()
)
"""Words after a platform that are prose, not a handle ("my facebook is private")."""


CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”]|$|\n|if\b|and\b|or\b|x+\b)")


def _handle(segment: Segment, match: re.Match[str]) -> bool:
    words = match.group("handle").split()
    if not words or words[0].strip("._-") not in NOT_A_HANDLE:
        return bool(words)
    return False


def _named_handle(segment: Segment, match: re.Match[str]) -> bool:
    handle = match.group("handle")
    if not _handle(segment, match):
        return False
    labelled = match.group().startswith("my") or match.group("labelled")
    if re.search(r"[\d_.]", handle) or not labelled:
        return True  # jaybird99, dee_walks; "add me on snap: jay": asked to be found
    # "my tiktok is deewalks." but not "my tiktok is blowing up", nor "facebook: useless for
    # work": a word that ends the clause
    return bool(CLAUSE_END.match(segment.folded, match.end()))


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, PROFILE, triggers=PROFILE_TRIGGERS):
        yield finding_at(RULE, doc, hit, "social-media profile link")
    for hit in pattern_hits(doc, HANDLE, triggers=("@",)):
        yield finding_at(RULE, doc, hit, "social-media handle")
    searches = (
        (NAMED_HANDLE, _named_handle, "handle"),
        (ON_PLATFORM, None, "handle"),
        (SEARCH_NAME, _handle, "profile"),
    )
    for pattern, accept, what in searches:
        hits = pattern_hits(doc, pattern, accept, group="handle", triggers=PLATFORM_TRIGGERS,
                            folded=True)  # fmt: skip
        for hit in hits:
            if "@" not in hit.segment.text[max(0, hit.start - 1) : hit.start]:
                yield finding_at(RULE, doc, hit, f"social-media {what} named after a platform")


RULE = Rule(
    id="BT210",
    name="social-media",
    severity=Severity.ERROR,
    summary="Finds social-media handles (@name), handles without the @ after a platform's "
    "name (find me on insta dee_walks, my tiktok is deewalks, im on tiktok, dee_walks, search "
    "facebook for dee walker) "
    "and profile links (facebook.com/…, instagram.com/…, tiktok.com/@…, x.com/…).",
    rationale="A profile shows a face, friends and a home town.",
    hint="remove the handle or link",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("find me on Instagram @dee_walks", "I post my walks online"),
)
