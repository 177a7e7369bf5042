"""Where a leak found in the built site came from (a template, a page, the editors' guide, the
rule reference, a story), so that a BT801 finding says which file and line to change.

A leak is found in the output, where the editor cannot fix it; every text the site is rendered
from is read here as the leak check reads the output, and the first one holding the leaked term
or words is named with its line. Only run when the leak check has found something."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from generator.findings import Finding
from generator.leakcheck import RULE, find_term, reader_text, words_of
from generator.model import Document, StoryMeta


@dataclass(frozen=True)
class Origin:
    """One text the site is made from."""

    kind: str
    """template, page, guide, rules, config, story or resource."""
    rel: str
    """Its file, relative to the project root."""
    lines: tuple[tuple[int, str], ...]
    """(line number in the file, text) of the parts that are published."""


def origin_texts(
    root: Path,
    templates_dir: Path,
    config_file: Path,
    published: list[Document],
    guide: str,
    rules_reference: str,
) -> list[Origin]:
    """Every text the build renders the site from, templates first (the usual culprit)."""
    origins = [
        Origin("template", _rel(root, path), _numbered(path.read_text("utf-8", errors="replace")))
        for path in sorted(templates_dir.rglob("*"))
        if path.is_file() and path.suffix in {".j2", ".html", ".md", ".txt", ".xml", ".js"}
    ]
    if guide:
        origins.append(Origin("guide", "EDITORS.md", _numbered(guide)))
    origins.append(Origin("rules", "RULES.md", _numbered(rules_reference)))
    for doc in published:
        origins.append(Origin(doc.kind, doc.rel, _published_lines(doc)))
    if config_file.is_file():
        origins.append(
            Origin("config", _rel(root, config_file), _numbered(config_file.read_text()))
        )
    return origins


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _numbered(text: str, first: int = 1) -> tuple[tuple[int, str], ...]:
    return tuple(enumerate(text.split("\n"), start=first))


def _published_lines(doc: Document) -> tuple[tuple[int, str], ...]:
    """A story's public fields and body, never its front matter's review or consent (which
    hold the very terms looked for); resources and pages hold nothing internal."""
    body = _numbered(doc.body, doc.body_line)
    if not isinstance(doc.meta, StoryMeta):
        return _numbered(doc.head) + body
    fields = tuple(
        (doc.line_of(name) or 1, str(getattr(doc.meta, name)))
        for name in ("title", "pseudonym", "summary")
    )
    return fields + body


def locate_term(term: str, origins: list[Origin]) -> tuple[Origin, int] | None:
    """The first text and line that holds ``term`` (already read, as the leak check reads)."""
    for origin in origins:
        for number, line in origin.lines:
            if find_term(reader_text(line), {term: ""}):
                return origin, number
    return None


def locate_words(words: list[str], origins: list[Origin]) -> tuple[Origin, int] | None:
    """The first text and line where the quoted ``words`` start, in that order."""
    if not words:
        return None
    for origin in origins:
        flat: list[tuple[str, int]] = [
            (word, number) for number, line in origin.lines for word in words_of(reader_text(line))
        ]
        for i in range(len(flat) - len(words) + 1):
            if flat[i][0] == words[0] and [w for w, _ in flat[i : i + len(words)]] == words:
                return origin, flat[i][1]
    return None


_RULE_HEADING = re.compile(r"^## (BT\d{3} \S+)")


def _rule_at(origin: Origin, number: int) -> str | None:
    """The rule whose section of the reference holds line ``number``."""
    heading = None
    for n, line in origin.lines:
        if n > number:
            break
        match = _RULE_HEADING.match(line)
        if match:
            heading = match.group(1)
    return heading


def _placeholder(what: str) -> str:
    if "consent reference" in what:
        return "`<consent-reference>`"
    if "fingerprint" in what:
        return "`<fingerprint>`"
    return "`<your-handle>`"


def _where(origin: Origin, number: int) -> str:
    names = {
        "template": "the template",
        "page": "the page",
        "guide": "the editors' guide",
        "rules": "the rule reference",
        "config": "the site config",
        "story": "the story",
        "resource": "the resource",
    }
    return f"{names[origin.kind]} {origin.rel}, line {number}"


def _hint(origin: Origin, number: int, what: str | None) -> str:
    """What to change, by where the text came from."""
    where = _where(origin, number)
    if what is None:  # text of an unpublished story
        return (
            f"remove the quotation from {where}; a story that is not published must not be "
            "quoted anywhere"
        )
    placeholder = _placeholder(what)
    if origin.kind == "template":
        return (
            f"edit {where}: a template prints public fields only, never review, consent or "
            f"approvals; an example in it needs a placeholder such as {placeholder}"
        )
    if origin.kind == "rules":
        rule = _rule_at(origin, number)
        section = f"the examples or text of {rule}" if rule else "the rule reference's text"
        return (
            f"this {what.split(' of ')[0]} is in use, and {section} shows it: write a "
            f"placeholder such as {placeholder} in that rule in generator/rules/, then run "
            "`beenthere rules-doc --write RULES.md`"
        )
    if origin.kind in {"guide", "page", "config"}:
        return (
            f"this {what.split(' of ')[0]} is in use, and {where} shows it as an example: "
            f"write a placeholder such as {placeholder} there instead"
        )
    return (
        f"{where} shows it in its published text: remove it there; handles, consent "
        "references and fingerprints belong only in the front matter"
    )


def explain_leaks(
    findings: list[Finding], origins: list[Origin], terms: dict[str, str]
) -> list[Finding]:
    """Each BT801 finding with the text it came from, and the change to make there, added.
    ``terms`` maps each read internal term to what it is and whose (the leak needles)."""
    explained = []
    for finding in findings:
        if finding.rule != RULE or not finding.match:
            explained.append(finding)
            continue
        what = terms.get(finding.match)
        found = (
            locate_term(finding.match, origins)
            if what is not None
            else locate_words(finding.match.split(), origins)
        )
        if found is None:
            explained.append(finding)
            continue
        origin, number = found
        explained.append(
            replace(
                finding,
                message=f"{finding.message}; it comes from {_where(origin, number)}",
                hint=_hint(origin, number, what),
            )
        )
    return explained
