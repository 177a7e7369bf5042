"""BT121: a resource's details were confirmed with the service recently enough."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, ResourceMeta
from generator.rules.base import Context, Rule
from generator.sitemodel import months_between


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, ResourceMeta):
        return
    limit = ctx.config.moderation.stale_after_months
    months = months_between(meta.last_verified, ctx.today)
    if months < limit:
        return
    yield RULE.finding(
        doc,
        f"last verified on {meta.last_verified.isoformat()}, {months} months ago "
        f"(moderation.stale_after_months is {limit}): readers are told the details may be out "
        "of date",
        doc.line_of("last_verified"),
        hint="confirm the phone number, e-mail, address, eligibility and web page with the "
        f"service, correct anything that changed, then set `last_verified: "
        f"{ctx.today.isoformat()}`",
    )


RULE = Rule(
    id="BT121",
    name="resource-not-verified",
    severity=Severity.WARNING,
    summary="A resource whose `last_verified` date is `moderation.stale_after_months` (12) or "
    "more months ago.",
    rationale="Someone in crisis who rings a number that has changed may not try again; the "
    "page warns readers, and this tells editors to check the details.",
    hint="confirm the details with the service, correct anything that changed, then set "
    "`last_verified` to today's date",
    kinds=frozenset({"resource"}),
    check=check,
    examples=("last_verified: 2024-05-01", "last_verified: 2026-11-20"),
)
