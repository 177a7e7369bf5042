"""BT105: a story in the withdrawn register never comes back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.findings import Finding, Severity
from generator.rules.base import Context, Rule

if TYPE_CHECKING:
    from generator.loader import Content


def check_content(content: Content, ctx: Context) -> Iterator[Finding]:
    withdrawn = {entry.id: entry for entry in content.withdrawn}
    for doc in content.identities:
        if doc.kind != "story":
            continue
        for name in sorted({doc.slug, doc.id, *doc.aliases}):
            if name in withdrawn:
                yield RULE.finding(
                    doc.rel,
                    f"'{name}' was withdrawn on {withdrawn[name].date.isoformat()} and must "
                    "never be published again",
                    doc.id_line,
                )


RULE = Rule(
    id="BT105",
    name="withdrawn-register",
    severity=Severity.ERROR,
    summary="No story file may use an id listed in content/withdrawn.yml.",
    rationale="A withdrawn story brought back by a merge, a revert or a copy must not go online "
    "again; the register remembers after the file is gone.",
    hint="delete this file; if the storyteller has given new consent, use a new id and a new "
    "consent record",
    structural=True,
    check_content=check_content,
    examples=(
        "withdrawn.yml lists riverside-walks; stories/riverside-walks.md exists",
        "the file deleted",
    ),
)
