"""BT210: no social-media handles or profile links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule

PROFILE = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?(?:facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|"
    r"tiktok\.com|linkedin\.com/in|snapchat\.com/add|youtube\.com/@?|threads\.net|"
    r"bsky\.app/profile|reddit\.com/u(?:ser)?|t\.me)/[\w.@-]+",
    re.IGNORECASE,
)
PROFILE_TRIGGERS = ("/",)
"""Every profile link has a slash after its site's name; prose has few."""
HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})\b")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit in pattern_hits(doc, PROFILE, triggers=PROFILE_TRIGGERS):
        yield finding_at(RULE, doc, hit, "social-media profile link")
    for hit in pattern_hits(doc, HANDLE, triggers=("@",)):
        yield finding_at(RULE, doc, hit, "social-media handle")


RULE = Rule(
    id="BT210",
    name="social-media",
    severity=Severity.ERROR,
    summary="Finds social-media handles (@name) and profile links (facebook.com/…, "
    "instagram.com/…, tiktok.com/@…, x.com/…).",
    rationale="A profile shows a face, friends and a home town.",
    hint="remove the handle or link",
    kinds=frozenset({"story", "resource", "page"}),
    masks=True,
    waivable=True,
    check=check,
    examples=("find me on Instagram @dee_walks", "I post my walks online"),
)
