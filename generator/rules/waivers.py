"""BT901 and BT902: waivers name a waivable rule and still match something."""

from generator.findings import Severity
from generator.rules.base import Rule

UNUSED = Rule(
    id="BT901",
    name="unused-waiver",
    severity=Severity.WARNING,
    summary="A waiver whose rule and exact text no longer match any finding.",
    rationale="Waivers go stale when text changes; a stale waiver could later silence a "
    "different, real problem with the same words.",
    hint="remove the waiver",
    kinds=frozenset({"story", "resource"}),
    phase="waivers",
    examples=(
        "waivers: [{rule: BT211, text: Grace Hall, ...}] with no 'Grace Hall' left",
        "no waiver",
    ),
)
NOT_WAIVABLE = Rule(
    id="BT902",
    name="invalid-waiver",
    severity=Severity.ERROR,
    summary="A waiver names a rule that does not exist or cannot be waived (consent, "
    "approvals, markup and structural rules cannot).",
    rationale="Some rules protect storytellers absolutely; no reason makes missing consent "
    "or a script in a page acceptable.",
    hint="fix the content instead; only rules marked waivable in the rule reference accept waivers",
    kinds=frozenset({"story", "resource"}),
    structural=True,
    phase="waivers",
    examples=("waivers: [{rule: BT111, ...}]", "two editors approve the text"),
)
