"""BT801: nothing internal or unpublished in any built file (applied after rendering)."""

from generator.findings import Severity
from generator.rules.base import Rule

RULE = Rule(
    id="BT801",
    name="leak-check",
    severity=Severity.ERROR,
    summary="After rendering, every output file (pages, search index, sitemap, feeds, exports) "
    "is scanned for consent references, editor handles, approval fingerprints and any eight "
    "words in a row from a draft, withdrawn or expired story.",
    rationale="A template change or a copied paragraph could publish what the checklist kept "
    "out; this is the last gate before the new site replaces the old one.",
    hint="find where the text is copied from (a template, another story) and remove it",
    kinds=frozenset({"story", "resource", "page"}),
    structural=True,
    phase="output",
    examples=(
        "a template that prints `review.approved_by`",
        "templates that print public fields only",
    ),
)
