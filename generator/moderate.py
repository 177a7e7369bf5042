"""Run the checklist: every rule over every document, with severities and waivers applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.config import CONFIG_RULE, Project
from generator.findings import Finding, Severity
from generator.loader import Content
from generator.model import Document, StoryMeta, lapsed_reason
from generator.registry import RULES, lookup
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

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.blocks]


def moderate(
    content: Content, project: Project, today: date, sensitive_terms: tuple[str, ...] = ()
) -> Verdict:
    """Apply every rule; pure apart from reading image bytes for fingerprints."""
    ctx = Context(config=project.config, today=today, sensitive_terms=sensitive_terms)
    severities, findings = _resolve_severities(project)
    findings += [_with(severities, f) for f in content.findings]
    valid = [doc for doc in content.documents if doc.meta is not None]
    for rule in RULES:
        severity = severities.get(rule.id, rule.severity)
        if severity is Severity.OFF:
            continue
        raw: list[Finding] = []
        if rule.check_content is not None:
            raw.extend(rule.check_content(content, ctx))
        if rule.check is not None:
            for doc in valid:
                if doc.kind in rule.kinds and (rule.structural or _publishable(doc, today)):
                    raw.extend(rule.check(doc, ctx))
        findings.extend(f.with_severity(severity) for f in raw)
    findings = _apply_waivers(findings, valid)
    verdict = Verdict(sorted(findings, key=Finding.sort_key))
    for doc in content.documents:
        reason = "front matter invalid" if doc.meta is None else _lapsed(doc, today)
        if reason is None:
            verdict.publish.append(doc)
        elif doc.kind == "story":
            verdict.excluded.append((doc, reason))
    return verdict


def _publishable(doc: Document, today: date) -> bool:
    return _lapsed(doc, today) is None


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


def _apply_waivers(findings: list[Finding], docs: list[Document]) -> list[Finding]:
    """Mark findings that an editor waived for their exact text; nothing else is silenced."""
    waivers = {doc.rel: getattr(doc.meta, "waivers", []) for doc in docs}
    result = []
    for finding in findings:
        for waiver in waivers.get(finding.file, ()):
            rule = lookup(waiver.rule)
            if _waives(rule, waiver.text, finding):
                finding = finding.waived(waiver.by)
                break
        result.append(finding)
    return result


def _waives(rule: Rule | None, text: str, finding: Finding) -> bool:
    return (
        rule is not None
        and rule.waivable
        and rule.id == finding.rule
        and finding.match is not None
        and finding.match == text
    )
