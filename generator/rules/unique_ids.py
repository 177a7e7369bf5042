"""BT005: ids (and aliases) are unique within stories and within resources."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.findings import Finding, Severity
from generator.rules.base import Context, Rule

if TYPE_CHECKING:
    from generator.loader import Content


def check_content(content: Content, ctx: Context) -> Iterator[Finding]:
    for kind in ("story", "resource"):
        docs = [i for i in content.identities if i.kind == kind and i.valid]
        # ids first, so that an alias never takes a URL away from a real id
        names = [(doc, "id", doc.id, doc.id_line) for doc in docs]
        names += [
            (doc, "alias", alias, line)
            for doc in docs
            for alias, line in zip(doc.aliases, doc.alias_lines, strict=True)
        ]
        owners: dict[str, str] = {}
        for doc, label, name, line in names:
            # casefold: on a case-insensitive disk two ids must not share one folder
            key = name.casefold()
            if key in owners and owners[key] != doc.rel:
                yield RULE.finding(
                    doc.rel, f"{label} '{name}' is already used by {owners[key]}", line
                )
            else:
                owners.setdefault(key, doc.rel)


RULE = Rule(
    id="BT005",
    name="unique-ids",
    severity=Severity.ERROR,
    summary="No two stories (or two resources) share an id or an alias.",
    rationale="Two documents at one URL means one silently replaces the other.",
    hint="choose another id; ids are permanent addresses",
    kinds=frozenset({"story", "resource"}),
    structural=True,
    check_content=check_content,
    examples=("stories/walks.md and stories/walks/index.md", "one of them renamed"),
)
