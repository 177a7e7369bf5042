"""Run the checklist: every rule over every document, with severities and waivers applied."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from generator.cache import CheckCache
from generator.config import CONFIG_RULE, Project
from generator.configtext import config_document
from generator.findings import Finding, Severity, mask_overlaps
from generator.loader import Content
from generator.model import Document, StoryMeta, lapsed_reason
from generator.names import warm_up
from generator.parallel import map_items
from generator.registry import RULES, lookup
from generator.rules import file_readable, waivers
from generator.rules.base import Context, Rule


@dataclass
class Verdict:
    """What the checklist decided: the findings, and what may be published."""

    findings: list[Finding]
    publish: list[Document] = field(default_factory=list)
    excluded: list[tuple[Document, str]] = field(default_factory=list)
    """Stories left out, with the reason (draft, withdrawn, expired, unreadable)."""

    @property
    def blocked(self) -> bool:
        return any(finding.blocks for finding in self.findings)


def moderate(
    content: Content,
    project: Project,
    today: date,
    sensitive_terms: tuple[str, ...] = (),
    cache: CheckCache | None = None,
) -> Verdict:
    """Apply every rule; pure apart from reading image bytes for fingerprints. Per-document
    results come from ``cache`` when the file is unchanged; cross-file rules always run."""
    ctx = Context(config=project.config, today=today, sensitive_terms=sensitive_terms)
    severities, findings = _resolve_severities(project)
    findings += content.findings
    valid = [doc for doc in content.documents if doc.meta is not None]
    for rule in _active(severities):
        if rule.check_content is not None:
            findings.extend(rule.check_content(content, ctx))
    findings += check_config_text(project, severities, ctx)
    reviewed = dict(content.cached_findings)
    for doc in valid:
        cached = _cached(cache, doc)
        if cached is not None:
            reviewed[doc.rel] = cached
    # usually none left: the loader's workers checked what they read (see checklist.check)
    todo = [doc for doc in valid if doc.rel not in reviewed]
    results = map_items(reviewer(project, today, sensitive_terms), todo) if todo else []
    for doc, found in zip(todo, results, strict=True):
        reviewed[doc.rel] = found
        if cache is not None and doc.rel in cache.entries:
            cache.entries[doc.rel].check_findings = found
            cache.changed = True
    for found in reviewed.values():
        findings.extend(found)
    findings = [_with(severities, f) for f in findings]
    findings = mask_overlaps([f for f in findings if f.severity is not Severity.OFF])
    verdict = Verdict(sorted(findings, key=Finding.sort_key))
    for doc in content.documents:
        reason = "front matter invalid" if doc.meta is None else _lapsed(doc, today)
        if reason is None:
            verdict.publish.append(doc)
        elif doc.kind == "story":
            verdict.excluded.append((doc, reason))
    return verdict


def reviewer(
    project: Project, today: date, sensitive_terms: tuple[str, ...] = ()
) -> Callable[[Document], list[Finding]]:
    """``review_document`` with this run's rules and context bound: what a worker runs on each
    document (the loader runs it right after reading when the text need not be kept)."""
    severities, _ = _resolve_severities(project)
    rules = [rule for rule in _active(severities) if rule.check is not None]
    warm_up()  # load shared data once, before the workers fork
    ctx = Context(config=project.config, today=today, sensitive_terms=sensitive_terms)
    return partial(review_document, rules=rules, ctx=ctx)


def check_config_text(
    project: Project, severities: dict[str, Severity], ctx: Context
) -> list[Finding]:
    """The identifier rules (those whose matches are masked) and the rules for editors' pages,
    over the config's published strings."""
    doc = config_document(project)
    rules = [
        rule
        for rule in _active(severities)
        if rule.check is not None and not rule.structural and (rule.masks or "page" in rule.kinds)
    ]
    found: list[Finding] = []
    for rule in rules:
        found.extend(rule.check(doc, ctx))  # type: ignore[misc]
    return found


def _active(severities: dict[str, Severity]) -> list[Rule]:
    return [
        rule
        for rule in RULES
        if rule.phase == "check" and severities.get(rule.id) is not Severity.OFF
    ]


def _cached(cache: CheckCache | None, doc: Document) -> list[Finding] | None:
    if cache is None or not doc.digest:
        return None
    entry = cache.entries.get(doc.rel)
    return entry.check_findings if entry is not None and entry.digest == doc.digest else None


def review_document(doc: Document, rules: list[Rule], ctx: Context) -> list[Finding]:
    """The document's own findings with its waivers applied (all that the cache keeps)."""
    return apply_waivers(doc, check_document(doc, rules, ctx))


def check_document(doc: Document, rules: list[Rule], ctx: Context) -> list[Finding]:
    """Every per-document rule that applies to ``doc``. A draft gets all but the publishing
    gates (it is already public in a pull request, so a name in it is an error); a story whose
    consent lapsed gets only the structural rules (its fix is to withdraw it)."""
    reason = _lapsed(doc, ctx.today)
    found: list[Finding] = []
    started = time.monotonic()
    for rule in rules:
        if doc.kind in rule.kinds and _applies(rule, reason) and rule.check:
            found.extend(rule.check(doc, ctx))
            if time.monotonic() - started > FILE_BUDGET_S:
                found.append(_over_budget(doc, rule))
                break
    return found


FILE_BUDGET_S = 30.0
"""Longest a file may take to check. Every rule is linear in the file's length (tested), so only
a pathological file comes near it; it is then held, never left half-checked and published."""


def _over_budget(doc: Document, rule: Rule) -> Finding:
    return file_readable.RULE.finding(
        doc,
        f"checking this file took longer than {FILE_BUDGET_S:.0f} seconds (stopped after "
        f"{rule.id}), so it was not fully checked and cannot be published",
        hint="split the story into shorter files, or remove long runs of repeated characters "
        "or markup",
    )


def _applies(rule: Rule, lapsed: str | None) -> bool:
    if lapsed is None or rule.structural:
        return True
    return lapsed == "draft" and not rule.gate


def _lapsed(doc: Document, today: date) -> str | None:
    return lapsed_reason(doc.meta, today) if isinstance(doc.meta, StoryMeta) else None


def _with(severities: dict[str, Severity], finding: Finding) -> Finding:
    severity = severities.get(finding.rule)
    return finding if severity is None else finding.with_severity(severity)


def _resolve_severities(project: Project) -> tuple[dict[str, Severity], list[Finding]]:
    """Per-rule overrides from the config, by id; unknown keys and unsafe overrides are errors."""
    config_file = project.relative(project.config_file)
    resolved: dict[str, Severity] = {}
    problems: list[Finding] = []
    for key, severity in project.config.moderation.severities.items():
        rule = lookup(key)
        if rule is None:
            problems.append(
                Finding(
                    config_file,
                    CONFIG_RULE,
                    Severity.ERROR,
                    f"moderation.severities: unknown rule '{key}'",
                    "use a rule id or name from the editors' rule reference",
                )
            )
        elif rule.structural and severity is not Severity.ERROR:
            problems.append(
                Finding(
                    config_file,
                    CONFIG_RULE,
                    Severity.ERROR,
                    f"moderation.severities: {rule.id} ({rule.name}) cannot be lowered",
                    "structural rules keep unreadable or unconsented content out; "
                    "fix the content instead",
                )
            )
        else:
            resolved[rule.id] = severity
    return resolved, problems


def apply_waivers(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Mark the document's findings that an editor waived for their exact text; nothing else
    is silenced. Waivers that name an unwaivable rule, or match nothing, are findings too."""
    result = list(findings)
    for number, waiver in enumerate(getattr(doc.meta, "waivers", [])):
        line = doc.line_of("waivers", number)
        rule = lookup(waiver.rule)
        if rule is None or not rule.waivable:
            what = "no rule" if rule is None else f"{rule.id} ({rule.name}), which"
            result.append(
                waivers.NOT_WAIVABLE.finding(
                    doc, f"waiver names {what} cannot be waived: '{waiver.rule}'", line
                )
            )
            continue
        used = False
        for index, finding in enumerate(result):
            if finding.rule == rule.id and finding.match == waiver.text:
                result[index] = finding.waived(waiver.by)
                used = True
        if not used:
            result.append(
                waivers.UNUSED.finding(
                    doc, f"waiver for {rule.id} '{waiver.text}' matches nothing", line
                )
            )
    return result
