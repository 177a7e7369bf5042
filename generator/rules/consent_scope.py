"""BT103: the storyteller agreed to publication on the website, and the channels are spelt right."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import CHANNELS, Document, StoryMeta
from generator.rules.base import Context, Rule


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    line = doc.line_of("consent", "scope")
    if "website" not in meta.consent.scope:
        yield RULE.finding(
            doc, f"consent.scope {meta.consent.scope} does not include 'website'", line
        )
    for channel in meta.consent.scope:
        # other outlets (a newsletter) are the consent form's business; a misspelt channel of
        # ours would silently turn channels on or off that the storyteller chose
        if channel in CHANNELS:
            continue
        close = difflib.get_close_matches(channel, CHANNELS, n=1, cutoff=0.7)
        if close:
            yield RULE.finding(
                doc,
                f"consent.scope: '{channel}' is not a channel",
                line,
                hint=f"did you mean '{close[0]}'? The channels are {', '.join(CHANNELS)}",
            )


RULE = Rule(
    id="BT103",
    name="consent-scope",
    severity=Severity.ERROR,
    summary="consent.scope includes `website`, and names the channels `website`, `feeds`, "
    "`search` and `print` as they are spelt.",
    rationale="Consent is given per channel; a story agreed for a printed booklet may not go "
    "online, and a story kept out of the feeds or search must not reach them through a typo.",
    hint="publish only if the signed consent covers the website; otherwise set status: draft",
    check=check,
    examples=("scope: [booklet]", "scope: [website, booklet]"),
)
