"""BT106: consent that runs out soon, while there is still time to ask about renewing it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.rules.base import Context, Rule


def days_left(meta: StoryMeta, ctx: Context) -> int | None:
    """Days until consent expires, when that is within the notice period (and not yet past)."""
    expires = meta.consent.expires
    if expires is None or meta.consent.withdrawn is not None:
        return None
    left = (expires - ctx.today).days
    return left if 0 < left <= ctx.config.moderation.renewal_notice_days else None


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    left = days_left(meta, ctx)
    if left is None:
        return
    when = "in 1 day" if left == 1 else f"in {left} days"
    yield RULE.finding(
        doc,
        f"consent for this story expires on {meta.consent.expires.isoformat()}, {when}: "
        "ask the storyteller whether to renew",
        doc.line_of("consent", "expires"),
    )


RULE = Rule(
    id="BT106",
    name="consent-renewal",
    severity=Severity.WARNING,
    summary="Consent runs out within `moderation.renewal_notice_days` (60): time to ask the "
    "storyteller whether to renew it.",
    rationale="On the day consent expires the story comes down by itself; asking in good time "
    "lets the storyteller choose, rather than the calendar. `beenthere consent` lists every "
    "story's consent dates for the calls.",
    hint="ask the storyteller; if they renew, copy the new expiry date from the renewed consent "
    "record into `consent.expires`; if not, it comes down on that day (or sooner with "
    "`beenthere withdraw <id> --by <your-handle>`)",
    check=check,
    examples=(
        "consent:\n  expires: 2026-12-20  # three weeks away",
        "consent:\n  expires: 2028-01-20",
    ),
)
