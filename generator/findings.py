"""A finding is a value: where, which rule, how bad, what is wrong, how to fix it."""

from __future__ import annotations

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
    """Keep just enough of a sensitive match to find it: ``07700 900123`` → ``07700 9•••••``."""
    visible = max(1, min(6, len(text) // 2)) if len(text) > 3 else 1
    shown = text[:visible]
    hidden = "".join("•" if not ch.isspace() else ch for ch in text[visible:])
    return shown + hidden
