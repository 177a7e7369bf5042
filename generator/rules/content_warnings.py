"""BT401: text that describes a distressing subject carries the matching warning.

Three lists in site_config.yml decide it. A phrase of ``warning_lexicons`` is a clear
description ("he stabbed me", "I relapsed on heroin"): an error. A cue of ``warning_cues`` may
mean the subject or may not ("died", "needles"): alone it is a note (info) for the editor to
read; with one of its confirming words in the same sentence ("my dad ... died"), or beside a
second cue of the same subject, it is an error. The warnings in ``advisory_warnings``
(bereavement, in the example config) are only ever noted: a passing "funeral" or "died" is
not the distressing description the warnings are for, and blocking on it taught editors to
add warnings that were not needed. A phrase of ``warning_other_senses`` reads
either in another sense ("my phone died", "needle and thread", "killing myself laughing"),
and a phrase inside one needs no warning.

Negation and recovery do not remove a warning: "I haven't touched heroin in three years"
still puts heroin in front of a reader in recovery, which is what the warning is for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from generator.config import WarningCue
from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.rules._find import Hit, Starts, finding_at, ignoring_case, pattern_hits, start_finder
from generator.rules.base import Context, Rule

FIELDS = ("title", "summary", "body")
"""What readers read as the story (the pseudonym is a name, not a description)."""
SENTENCE_REACH = 120
"""Characters either side of a cue searched for its confirming words, within its sentence."""
SENSE_REACH = 80
"""Characters either side of a phrase within which another sense of it must lie."""
SENTENCE_END = re.compile(r"[.!?…](?=[\s\"'”’)]|$)|\n[ \t]*\n")

Entries = tuple[tuple[str, tuple[str, ...]], ...]
"""(warning, phrases) pairs: a warning's clear phrases, or one cue with its confirming words."""


@dataclass(frozen=True)
class Lexicon:
    """Every warning's phrases and cues in one pattern: a named group per entry."""

    pattern: re.Pattern[str]
    warnings: tuple[str, ...]
    """The warning of each entry (group ``e<n>``)."""
    confirms: tuple[re.Pattern[str] | None, ...]
    """For a cue, what confirms it (None when nothing can); for a clear phrase, None."""
    clear: tuple[bool, ...]
    other_senses: re.Pattern[str] | None
    starts: Starts | None


def _compiled(lexicons: Iterable[tuple[str, Iterable[str]]]) -> re.Pattern[str]:
    """The pattern of the clear phrases alone (the tests hold its windows to a full scan)."""
    return _lexicon(tuple((w, tuple(p)) for w, p in lexicons), (), ()).pattern


@lru_cache(maxsize=8)
def _lexicon(
    clear: Entries, cues: tuple[tuple[str, str, str], ...], others: tuple[str, ...]
) -> Lexicon:
    entries: list[tuple[str, str, str | None]] = [
        (warning, "|".join(f"(?:{p})" for p in phrases), None)
        for warning, phrases in clear
        if phrases
    ]
    entries += [(warning, cue, confirm) for warning, cue, confirm in cues]
    groups = [f"(?P<e{n}>{phrase})" for n, (_, phrase, _) in enumerate(entries)]
    # (?=\w) first: the engine skips spaces and punctuation without trying every branch
    pattern = re.compile(r"(?=\w)\b(?:" + "|".join(groups) + r")\b")
    others_pattern = (
        re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in others) + r")\b") if others else None
    )
    return Lexicon(
        pattern=pattern,
        warnings=tuple(w for w, _, _ in entries),
        confirms=tuple(re.compile(rf"\b(?:{c})\b") if c else None for _, _, c in entries),
        clear=tuple(c is None for _, _, c in entries),
        other_senses=others_pattern,
        starts=start_finder(pattern.pattern),  # tried only where a phrase can start
    )


def lexicon_of(ctx: Context) -> Lexicon:
    moderation = ctx.config.moderation
    clear = tuple((w, tuple(p)) for w, p in moderation.warning_lexicons.items())
    cues = tuple(
        (w, *_cue(entry)) for w, entries in moderation.warning_cues.items() for entry in entries
    )
    return _lexicon(clear, cues, tuple(moderation.warning_other_senses))


def _cue(entry: str | WarningCue) -> tuple[str, str]:
    return (entry, "") if isinstance(entry, str) else (entry.cue, entry.confirm)


@dataclass(frozen=True)
class _Found:
    warning: str
    entry: int
    hit: Hit
    clear: bool


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    lexicon = lexicon_of(ctx)
    if not any(w not in meta.content_warnings for w in lexicon.warnings):
        return
    found: dict[str, list[_Found]] = {}
    hits = pattern_hits(doc, lexicon.pattern, fields=FIELDS, folded=True, starts=lexicon.starts)
    for hit in hits:
        assert hit.match is not None and hit.match.lastgroup is not None
        entry = int(hit.match.lastgroup[1:])
        warning = lexicon.warnings[entry]
        if warning in meta.content_warnings or _other_sense(lexicon, hit):
            continue
        clear = lexicon.clear[entry] or _confirmed(lexicon.confirms[entry], hit)
        found.setdefault(warning, []).append(_Found(warning, entry, hit, clear))
    for warning, items in found.items():
        yield from _findings(doc, ctx, warning, items)


def _findings(doc: Document, ctx: Context, warning: str, items: list[_Found]) -> Iterator[Finding]:
    """One finding per distinct text (a waiver names one text: it must not hide the rest):
    errors for clear descriptions, or for two different cues; a lone cue that nothing
    confirms ("relapsed", "needles") is a note for the editor, as is anything about an
    advisory warning (a passing "funeral" is not a distressing description)."""
    clear = [item for item in items if item.clear]
    if warning in ctx.config.moderation.advisory_warnings:
        chosen, severity = items, Severity.INFO
    elif clear:
        chosen, severity = clear, Severity.ERROR
    elif len({item.entry for item in items}) > 1:
        chosen, severity = items, Severity.ERROR
    else:
        chosen, severity = items, Severity.INFO
    label = ctx.config.content_warnings[warning].label.lower()
    line = doc.line_of("content_warnings")
    seen: set[str] = set()
    for item in chosen:
        text = item.hit.text
        if text in seen:
            continue
        seen.add(text)
        waive = f"waivers: [{{rule: BT401, text: '{text}', reason: ..., by: <you>}}]"
        if severity is Severity.ERROR:
            message = f"'{text}' describes {label}, but `{warning}` is not in content_warnings"
            hint = (
                f"add {warning} to content_warnings (line {line}); if here these words mean "
                f"something else, accept them with {waive}"
            )
        else:
            message = (
                f"'{text}' may be about {label} (`{warning}` is not in content_warnings): "
                "read the sentence"
            )  # a note, never a block
            hint = (
                f"if it is about {label}, add {warning} to content_warnings (line {line}); "
                f"if not (a figure of speech, an object), accept it with {waive}"
            )
        finding = finding_at(RULE, doc, item.hit, message, hint=hint)
        yield finding if severity is Severity.ERROR else finding.with_severity(severity)


def _searched(pattern: re.Pattern[str], hit: Hit) -> tuple[re.Pattern[str], str]:
    """The pattern and text to read around ``hit``: the lower-cased text it was found in."""
    assert hit.match is not None
    text = hit.match.string
    return (pattern if text is hit.segment.folded else ignoring_case(pattern)), text


def _other_sense(lexicon: Lexicon, hit: Hit) -> bool:
    """Whether a phrase of another sense includes the hit ("the battery died")."""
    if lexicon.other_senses is None:
        return False
    pattern, text = _searched(lexicon.other_senses, hit)
    low, high = max(0, hit.start - SENSE_REACH), min(len(text), hit.end + SENSE_REACH)
    at = low
    while at <= hit.start:
        match = pattern.search(text, at, high)
        if match is None or match.start() > hit.start:
            return False
        if match.end() >= hit.end:
            return True
        at = match.start() + 1  # a later one may still include the hit
    return False


def _confirmed(confirm: re.Pattern[str] | None, hit: Hit) -> bool:
    """Whether the cue's confirming words are in its sentence."""
    if confirm is None:
        return False
    pattern, text = _searched(confirm, hit)
    low = max(0, hit.start - SENTENCE_REACH)
    left = low
    for end in SENTENCE_END.finditer(text, low, hit.start):
        left = end.end()
    high = min(len(text), hit.end + SENTENCE_REACH)
    after = SENTENCE_END.search(text, hit.end, high)
    right = after.end() if after else high
    return pattern.search(text, left, right) is not None


RULE = Rule(
    id="BT401",
    name="missing-content-warning",
    severity=Severity.ERROR,
    summary="A story whose title, summary or text describes self-harm, suicide, drug use, "
    "heavy drinking, violence, abuse or bereavement lists the matching content warning. A "
    "clear description is an error; a single word that may mean it ('died', 'needles') is a "
    "warning to read. The phrases are in site_config.yml (moderation.warning_lexicons, "
    "warning_cues, and warning_other_senses for idioms and objects) so editors can extend them.",
    rationale="Readers may be in crisis; a warning lets them choose whether and when to read. "
    "A story about recovery still describes the subject: 'I haven't used heroin in three "
    "years' needs the drug-use warning. Figures of speech ('I could murder a bacon roll', "
    "'my phone died') need none, and a false alarm can be waived with a reason.",
    hint="add the warning id to content_warnings",
    check=check,
    waivable=True,
    examples=(
        "content_warnings: []\n\nI started self-harming again.",
        "content_warnings: [self-harm]\n\nI started self-harming again.",
    ),
)
