"""BT801: nothing internal or unpublished in any built file (applied after rendering)."""

from generator.findings import Severity
from generator.rules.base import Rule

RULE = Rule(
    id="BT801",
    name="leak-check",
    severity=Severity.ERROR,
    summary="After rendering, every output file (pages, search index, sitemap, feeds, exports) "
    "is read as a reader sees it (tags stripped, entities undone, look-alike letters, dashes "
    "and invisible characters folded) and scanned for consent references, editor handles "
    "(including those in content/withdrawn.yml), approval fingerprints, and about ten words "
    "in a row, give or take an inserted word, from a draft, withdrawn or expired story; the "
    "names of copied files are checked for the same terms. Withdrawn stories are remembered "
    "by short hashes of their five-word runs in content/withdrawn.yml, never their text. A "
    "draft that mostly copies a published story does not count what it shares with it.",
    rationale="A template change or a copied paragraph could publish what the checklist kept "
    "out; this is the last gate before the new site replaces the old one.",
    hint="find where the text or term is copied from (a page, a story, a resource, a "
    "template or an image's file name) and remove it",
    kinds=frozenset({"story", "resource", "page"}),
    structural=True,
    phase="output",
    examples=(
        "a template that prints `review.approved_by`",
        "templates that print public fields only",
    ),
)
