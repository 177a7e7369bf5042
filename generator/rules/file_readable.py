"""BT001: every file under content/ can be read safely (applied by the loader)."""

from generator.findings import Severity
from generator.rules.base import Rule

RULE = Rule(
    id="BT001",
    name="file-readable",
    severity=Severity.ERROR,
    summary="Every file under content/ is UTF-8 text in its expected place, with well-formed "
    "front matter, and no symbolic link leaves content/.",
    rationale="A file the generator cannot read cannot be checked, so it must not be published "
    "or silently skipped: the checklist fails closed.",
    hint="fix the file as the message says; the line number points at the problem",
    kinds=frozenset({"story", "resource", "page"}),
    structural=True,
    phase="load",
    examples=("---\ntitle: Walking: again\n---", '---\ntitle: "Walking: again"\n---'),
)
