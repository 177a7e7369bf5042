"""BT401: text that clearly describes a distressing subject carries the matching warning."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.rules._find import finding_at, pattern_hits
from generator.rules.base import Context, Rule


@lru_cache(maxsize=64)
def _compiled(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")\b", re.IGNORECASE)


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    for warning, phrases in ctx.config.moderation.warning_lexicons.items():
        if warning in meta.content_warnings or not phrases:
            continue
        hit = next(pattern_hits(doc, _compiled(tuple(phrases))), None)
        if hit is not None:
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
