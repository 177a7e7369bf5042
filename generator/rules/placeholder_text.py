"""BT006: the placeholder body that `beenthere new` writes is replaced, not left in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules.base import Context, Rule
from generator.scaffold import RESOURCE_PLACEHOLDER, STORY_PLACEHOLDER


def _sentences(text: str) -> list[re.Pattern[str]]:
    """Each sentence of a placeholder, matched however the lines are wrapped (an editor may
    paste the story above the instructions and forget one of them)."""
    return [
        re.compile(r"\s+".join(re.escape(word) for word in sentence.split()), re.IGNORECASE)
        for sentence in re.split(r"(?<=\.)\s+", text)
    ]


PLACEHOLDERS = {
    "story": _sentences(STORY_PLACEHOLDER),
    "resource": _sentences(RESOURCE_PLACEHOLDER),
}


def _longest_words(text: str) -> list[str | None]:
    """The longest ASCII word of each sentence, in lower case: in ASCII text a sentence can
    match only where its lower-cased copy holds this word (an IGNORECASE pattern finds no
    literal to skip ahead to, and tried at every character of every story cost 0.1 s per
    1,000 stories)."""
    sentences = re.split(r"(?<=\.)\s+", text)
    return [
        max((w for w in sentence.split() if w.isascii()), key=len, default="").lower() or None
        for sentence in sentences
    ]


KEYWORDS = {
    "story": _longest_words(STORY_PLACEHOLDER),
    "resource": _longest_words(RESOURCE_PLACEHOLDER),
}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    body = doc.body
    lowered = body.lower() if body.isascii() else None  # other text: every pattern is tried
    hits = [
        m
        for pattern, word in zip(PLACEHOLDERS[doc.kind], KEYWORDS[doc.kind], strict=True)
        if (lowered is None or word is None or word in lowered) and (m := pattern.search(body))
    ]
    if not hits:
        return
    first = min(hits, key=lambda m: m.start())
    line = doc.body_line + doc.body.count("\n", 0, first.start())
    yield RULE.finding(
        doc,
        f"the placeholder text from `beenthere new {doc.kind}` is still here: "
        f"'{first.group(0).split(',')[0].rstrip('.')}…'",
        line,
    )


RULE = Rule(
    id="BT006",
    name="placeholder-text",
    severity=Severity.ERROR,
    summary="No story or resource still holds the placeholder text that `beenthere new` "
    "writes ('Write the story here…', 'Describe what the service offers…'), in whole or in "
    "part.",
    rationale="Instructions meant for the editor would be published as the storyteller's words "
    "or the service's description.",
    hint="replace the placeholder paragraph with the story (or the service's description) and "
    "delete every sentence of the instructions",
    kinds=frozenset({"story", "resource"}),
    check=check,
    examples=(
        "Write the story here, in the storyteller's own words. …",
        "The bus was late, and I counted the stops all the way home …",
    ),
)
