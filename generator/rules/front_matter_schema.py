"""BT002: front matter matches the content contract (applied by the loader)."""

from generator.findings import Severity
from generator.rules.base import Rule

RULE = Rule(
    id="BT002",
    name="front-matter-schema",
    severity=Severity.ERROR,
    summary="Front matter has every required field, with the right types and dates as "
    "YYYY-MM-DD, and no unknown field.",
    rationale="The checklist relies on these fields; a misspelt `withdrawn` would otherwise "
    "publish a story its teller took back.",
    hint="correct the field named in the message",
    kinds=frozenset({"story", "resource", "page"}),
    structural=True,
    phase="load",
    examples=("consent:\n  withdrawl: 2026-05-01", "consent:\n  withdrawn: 2026-05-01"),
)
