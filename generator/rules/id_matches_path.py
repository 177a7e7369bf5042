"""BT004: the id in the front matter is the file (or folder) name."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta_id = getattr(doc.meta, "id", None)
    if meta_id is not None and meta_id != doc.slug:
        yield RULE.finding(
            doc,
            f"id '{meta_id}' does not match the file name '{doc.slug}'",
            doc.line_of("id"),
            hint=f"rename the file to {meta_id}.md, or set `id: {doc.slug}`",
        )


RULE = Rule(
    id="BT004",
    name="id-matches-path",
    severity=Severity.ERROR,
    summary="A story's or resource's id equals its file or folder name.",
    rationale="The id is the public URL; one name in two places lets them drift apart and "
    "publish a page at an address nobody reviewed.",
    hint="make the id and the file name the same",
    kinds=frozenset({"story", "resource"}),
    structural=True,
    check=check,
    examples=("stories/walks.md with `id: riverside-walks`", "stories/riverside-walks.md"),
)
