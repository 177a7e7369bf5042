"""BT401: text that clearly describes a distressing subject carries the matching warning."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.rules._find import finding_at, pattern_hits, start_finder
from generator.rules.base import Context, Rule


@lru_cache(maxsize=8)
def _compiled(lexicons: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    """One pattern for every warning's phrases, a named group per warning: one pass per text."""
    groups = [
        f"(?P<w{i}>" + "|".join(f"(?:{p})" for p in phrases) + ")"
        for i, (_, phrases) in enumerate(lexicons)
        if phrases
    ]
    # (?=\w) first: the engine skips spaces and punctuation without trying every branch
    return re.compile(r"(?=\w)\b(?:" + "|".join(groups) + r")\b")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    lexicons = tuple((w, tuple(p)) for w, p in ctx.config.moderation.warning_lexicons.items())
    missing = {i for i, (w, _) in enumerate(lexicons) if w not in meta.content_warnings}
    if not missing or not any(phrases for _, phrases in lexicons):
        return
    pattern = _compiled(lexicons)
    reported: set[int] = set()
    starts = start_finder(pattern.pattern)  # tried only where a phrase can start
    for hit in pattern_hits(doc, pattern, folded=True, starts=starts):
        assert hit.match is not None
        index = next(int(k[1:]) for k, v in hit.match.groupdict().items() if v is not None)
        if index in missing and index not in reported:
            reported.add(index)
            warning = lexicons[index][0]
            label = ctx.config.content_warnings[warning].label
            yield finding_at(
                RULE,
                doc,
                hit,
                f"describes {label.lower()} but `{warning}` is not in content_warnings",
                hint=f"add {warning} to content_warnings (line {doc.line_of('content_warnings')})",
            )


RULE = Rule(
    id="BT401",
    name="missing-content-warning",
    severity=Severity.ERROR,
    summary="A story whose text describes self-harm, suicide, drug use, heavy drinking, "
    "violence, abuse or bereavement lists the matching content warning. The phrases are "
    "in site_config.yml (moderation.warning_lexicons) so editors can extend them.",
    rationale="Readers may be in crisis; a warning lets them choose whether and when to read.",
    hint="add the warning id to content_warnings",
    check=check,
    examples=(
        "content_warnings: []\n\nI started self-harming again.",
        "content_warnings: [self-harm]\n\nI started self-harming again.",
    ),
)
