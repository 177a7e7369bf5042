"""After rendering, before publishing: no internal metadata or unpublished text in any file."""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.parallel import map_items
from generator.rules import leak_check as leak_rule

RULE = leak_rule.RULE.id
SHINGLE = 8
"""Words in a row that count as a quotation of an unpublished story."""
TEXT_SUFFIXES = {
    ".html",
    ".htm",
    ".json",
    ".xml",
    ".txt",
    ".csv",
    ".js",
    ".md",
    ".atom",
    ".rss",
}
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"[\w-]+")
_TAG = re.compile(r"<[^>]+>")


def internal_terms(documents: Iterable[Document]) -> set[str]:
    """Consent references, editor handles and fingerprints: never on any public page."""
    terms: set[str] = set()
    for doc in documents:
        meta = doc.meta
        if not isinstance(meta, StoryMeta):
            continue
        terms.add(meta.consent.reference)
        terms.add(meta.review.anonymised_by)
        terms.update(meta.review.approved_by)
        for approval in meta.review.approvals:
            terms.update((approval.by, approval.fingerprint))
        for waiver in meta.waivers:
            terms.add(waiver.by)
            if len(waiver.reason) >= 24:
                terms.add(waiver.reason)
    return {term for term in terms if len(term) >= 4}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def unpublished_shingles(documents: Iterable[Document]) -> dict[tuple[str, ...], str]:
    """Every run of SHINGLE words from unpublished stories, mapped to the story's file."""
    shingles: dict[tuple[str, ...], str] = {}
    for doc in documents:
        meta = doc.meta
        parts = [doc.body]
        if isinstance(meta, StoryMeta):
            parts += [meta.title, meta.summary]
        for part in parts:
            words = _words(part)
            for i in range(max(0, len(words) - SHINGLE + 1)):
                shingles.setdefault(tuple(words[i : i + SHINGLE]), doc.rel)
    return shingles


def _raw_text(path: Path) -> str:
    """The file as text, with JSON escapes and HTML entities undone."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    if path.suffix == ".json":
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


@dataclass(frozen=True)
class Needles:
    single: frozenset[str]
    """One-token terms (handles, references, fingerprints), found through a set of tokens."""
    multi: tuple[str, ...]
    shingles: dict[tuple[str, ...], str]


def _scan(needles: Needles, site_dir: Path, path: Path) -> list[Finding]:
    text = _raw_text(path)
    folded = text.casefold()
    rel = path.relative_to(site_dir).as_posix()
    findings: list[Finding] = []
    hit = next(iter(needles.single.intersection(_TOKEN.findall(folded))), None)
    hit = hit or next((t for t in needles.multi if t in folded), None)
    if hit:
        findings.append(
            Finding(
                rel,
                RULE,
                Severity.ERROR,
                "internal metadata (consent reference, editor handle or fingerprint) "
                "appears in the built site",
                "remove it from the published text or templates; internal fields must never "
                "be shown",
                match=hit,
                sensitive=True,
            )
        )
    if needles.shingles:
        words = _words(_TAG.sub(" ", text))  # tags would otherwise split runs of words
        for i in range(len(words) - SHINGLE + 1):
            source = needles.shingles.get(tuple(words[i : i + SHINGLE]))
            if source:
                findings.append(
                    Finding(
                        rel,
                        RULE,
                        Severity.ERROR,
                        f"text of an unpublished story ({source}) appears in the built site",
                        "find where this text is copied from and remove it",
                        match=" ".join(words[i : i + SHINGLE]),
                        sensitive=True,
                    )
                )
                break
    return findings


def text_files(folder: Path) -> list[Path]:
    """Every text file under ``folder``, in a stable order."""
    found = []
    for top, _, names in os.walk(folder):
        found += [
            Path(top, name) for name in names if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES
        ]
    return sorted(found)


def leak_needles(published: list[Document], excluded: list[Document]) -> Needles:
    """What the leak check looks for, gathered once per build."""
    terms = {term.casefold() for term in internal_terms([*published, *excluded])}
    single = {t for t in terms if _TOKEN.fullmatch(t)}
    single |= {t.split(":", 1)[1] for t in terms if t.startswith("sha256:")}
    return Needles(
        frozenset(single),
        tuple(t for t in terms - single if not t.startswith("sha256:")),
        unpublished_shingles(excluded),
    )


def check_output(
    site_dir: Path, needles: Needles, files: list[Path] | None = None
) -> list[Finding]:
    """Scan every text file of the built site (or the given ``files`` in it), on every core;
    each hit blocks the build."""
    files = text_files(site_dir) if files is None else files
    found = map_items(partial(_scan, needles, site_dir), files)
    return [finding for findings in found for finding in findings]
