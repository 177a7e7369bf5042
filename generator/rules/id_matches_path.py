"""BT004: the id in the front matter is the file (or folder) name, and a page does not take an
address the site uses itself."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules.base import Context, Rule

RESERVED_PAGE_SLUGS = frozenset(
    (
        "index stories topics resources categories regions search search-index assets 404"
        " get-help privacy contact"
    ).split()
)
"""Folders the generator writes itself; a page of the same name would be overwritten."""


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    if doc.kind == "page":
        if doc.slug in RESERVED_PAGE_SLUGS:
            yield RULE.finding(
                doc,
                f"a page cannot be called '{doc.slug}': the site uses /{doc.slug}/ itself",
                1,
                hint="rename the file, e.g. about-our-stories.md",
            )
        return
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
    summary="A story's or resource's id equals its file or folder name; a page's file name is "
    "not one of the site's own folders (stories, topics, resources, search …).",
    rationale="The id is the public URL; one name in two places lets them drift apart and "
    "publish a page at an address nobody reviewed.",
    hint="make the id and the file name the same",
    kinds=frozenset({"story", "resource", "page"}),
    structural=True,
    check=check,
    examples=("stories/walks.md with `id: riverside-walks`", "stories/riverside-walks.md"),
)
