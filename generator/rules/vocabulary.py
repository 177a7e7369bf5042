"""BT003: topics, warnings, categories and regions come from site_config.yml."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, ResourceMeta, StoryMeta
from generator.rules.base import Context, Rule

FIELDS = {
    "topics": "topics",
    "content_warnings": "content_warnings",
    "categories": "categories",
    "regions": "regions",
}


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta | ResourceMeta):
        return
    for field, vocab_name in FIELDS.items():
        values = getattr(meta, field, None)
        if values is None:
            continue
        vocabulary = getattr(ctx.config, vocab_name)
        for index, value in enumerate(values):
            if value in vocabulary:
                continue
            close = difflib.get_close_matches(value, list(vocabulary), n=1, cutoff=0.6)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else (f"known {vocab_name}: {', '.join(vocabulary)}")
            )
            yield RULE.finding(
                doc, f"{field}: unknown id '{value}'", doc.line_of(field, index), hint=hint
            )
        if len(set(values)) != len(values):
            yield RULE.finding(
                doc,
                f"{field}: the same id is listed twice",
                doc.line_of(field),
                hint="list each id once",
            )


RULE = Rule(
    id="BT003",
    name="known-vocabulary",
    severity=Severity.ERROR,
    summary="Every topic, content warning, category and region is an id declared in "
    "site_config.yml.",
    rationale="Readers navigate and filter by these; an unknown id would make a story or "
    "resource vanish from its lists, and an unknown warning would not be shown.",
    hint="use an id from site_config.yml, or add the new id there first",
    kinds=frozenset({"story", "resource"}),
    structural=True,
    examples=("topics: [recovry]", "topics: [recovery]"),
    check=check,
)
