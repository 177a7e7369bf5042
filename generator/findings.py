"""A finding is a value: where, which rule, how bad, what is wrong, how to fix it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    """How a finding affects the build: errors block, warnings are shown, info is reported."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OFF = "off"


@dataclass(frozen=True)
class Finding:
    """One problem (or note) about one place in one file."""

    file: str
    """Path relative to the project root, with forward slashes."""
    rule: str
    """Rule id, e.g. ``BT002``."""
    severity: Severity
    message: str
    hint: str = ""
    """How to fix it, in plain words."""
    line: int | None = None
    column: int | None = None
    match: str | None = None
    """The exact text the rule matched (what a waiver names)."""
    sensitive: bool = False
    """The match could identify someone: reporters mask it and never print it whole."""
    waived_by: str | None = None
    """Handle of the editor who waived this exact match, if any."""

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def waived(self, handle: str) -> Finding:
        return replace(self, waived_by=handle)

    @property
    def shown_match(self) -> str | None:
        """The match as reports may print it."""
        if self.match is None:
            return None
        return mask(self.match) if self.sensitive else self.match

    @property
    def blocks(self) -> bool:
        """True when this finding stops a build."""
        return self.severity is Severity.ERROR and self.waived_by is None

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.rule, self.message)


def mask(text: str) -> str:
    """One scheme for every rule and format: the first character of each word, the rest as
    dots, enough to find the place (the line and column say where) and never to read it:
    ``Karen Whitfield`` → ``K•••• W••••••••``, ``07700 900123`` → ``0•••• 9•••••``."""
    return re.sub(r"(?<=\S)\S", "•", text)


def mask_overlaps(findings: list[Finding]) -> list[Finding]:
    """Findings whose match overlaps a sensitive finding's match are sensitive too (a date of
    birth is no less identifying when BT303 reports it as an exact date)."""
    sensitive: dict[tuple[str, int | None], list[tuple[int, int, str]]] = {}
    for finding in findings:
        if finding.sensitive and finding.match:
            sensitive.setdefault((finding.file, finding.line), []).append(_span(finding))
    if not sensitive:
        return findings
    result = []
    for finding in findings:
        if not finding.sensitive and finding.match:
            start, end, text = _span(finding)
            for other_start, other_end, other in sensitive.get((finding.file, finding.line), ()):
                if (start < other_end and other_start < end) or other in text or text in other:
                    finding = replace(finding, sensitive=True)
                    break
        result.append(finding)
    return result


def _span(finding: Finding) -> tuple[int, int, str]:
    start = finding.column or 0
    match = finding.match or ""
    return start, start + len(match), match
