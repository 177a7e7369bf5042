"""What a moderation rule is, and the context every check receives."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from generator.findings import Finding, Severity
from generator.model import Document, Kind

if TYPE_CHECKING:
    from generator.config import SiteConfig
    from generator.loader import Content


@dataclass(frozen=True)
class Context:
    """What a rule may know besides the document: the config, today's date, private terms."""

    config: SiteConfig
    today: date
    sensitive_terms: tuple[str, ...] = ()
    """Private names and places from the editor's file outside the repository."""


DocumentCheck = Callable[[Document, Context], Iterable[Finding]]
ContentCheck = Callable[["Content", Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One independent moderation rule. Ids are stable and never reused once retired."""

    id: str
    """Stable id, e.g. BT101."""
    name: str
    """Short kebab-case name, usable in waivers and severities instead of the id."""
    severity: Severity
    """Default severity; site_config.yml may override it."""
    summary: str
    """What it checks, in one sentence."""
    rationale: str
    """Why it exists."""
    hint: str
    """How to fix what it finds."""
    kinds: frozenset[Kind] = frozenset({"story"})
    """Which kinds of document it reads."""
    check: DocumentCheck | None = None
    """Pure check of one document."""
    check_content: ContentCheck | None = None
    """Pure check across all documents (e.g. duplicate ids)."""
    structural: bool = False
    """Runs on drafts and lapsed stories too (their shape must be right even unpublished)."""
    gate: bool = False
    """Decides only whether finished text may go out (approvals): skipped on drafts, whose
    text is still changing. Every other rule runs on drafts, which are public in a pull request."""
    masks: bool = False
    """Its matches are sensitive: reporters mask them."""
    waivable: bool = False
    """An editor may accept one exact match in the front matter (e.g. a false positive)."""
    examples: tuple[str, str] = ("", "")
    """(bad, good) snippets for the editors' reference."""
    phase: Literal["load", "check", "waivers", "output"] = "check"
    """When it applies: while loading files, as a check, when waivers are matched, or to the
    built output."""

    def finding(
        self,
        doc: Document | str,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        hint: str | None = None,
        match: str | None = None,
    ) -> Finding:
        """A finding of this rule at its default severity (overrides are applied later)."""
        return Finding(
            file=doc if isinstance(doc, str) else doc.rel,
            rule=self.id,
            severity=self.severity,
            message=message,
            hint=self.hint if hint is None else hint,
            line=line,
            column=column,
            match=match,
            sensitive=self.masks,
        )
