"""Read everything under ``content/`` safely. The only module that reads content files."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import frontmatter
from pydantic import ValidationError

from generator.cache import CheckCache, Entry, file_digest
from generator.config import Project
from generator.findings import Finding, Severity
from generator.model import ID_RE, MODELS, Document, Identity, Kind
from generator.parallel import map_items
from generator.schema import IsoDate, Strict, validation_findings
from generator.yamlsource import YamlProblem, parse_yaml

READ_RULE = "BT001"
SCHEMA_RULE = "BT002"
MAX_BYTES = 1_000_000
"""A story is a few thousand words; a file larger than this is a mistake."""
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"}
KIND_FOLDERS: dict[str, Kind] = {"stories": "story", "resources": "resource", "pages": "page"}
WITHDRAWN_FILE = "withdrawn.yml"

_HANDLER = frontmatter.YAMLHandler()


class WithdrawnEntry(Strict):
    """A story id that must never be published again."""

    id: str
    date: IsoDate
    by: str | None = None
    """Handle of the editor who withdrew it."""
    salt: str | None = None
    """Hex key of the shingle hashes (one for the whole register, see ``leakcheck``)."""
    shingles: str | None = None
    """Short hashes of the story's five-word runs, so that quotations of it stay blocked
    (never its text; older entries have none)."""


@dataclass
class Content:
    """Everything loaded from ``content/``, with the problems met on the way."""

    documents: list[Document] = field(default_factory=list)
    """Documents read in full this run."""
    identities: list[Identity] = field(default_factory=list)
    """Every document's identity, including files answered from the cache."""
    withdrawn: list[WithdrawnEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    cached_findings: dict[str, list[Finding]] = field(default_factory=dict)
    """Per-document findings already known: of files unchanged since the last check, or
    found by the worker that read the file."""

    def of_kind(self, kind: Kind) -> list[Document]:
        """The valid documents of one kind that were read in full."""
        return [doc for doc in self.documents if doc.kind == kind and doc.meta is not None]


def load_content(
    project: Project,
    cache: CheckCache | None = None,
    text: bool = True,
    memo: dict[str, tuple[str, Document | None, list[Finding]]] | None = None,
    review: Callable[[Document], list[Finding]] | None = None,
) -> Content:
    """Load every content file. Never raises for bad content: problems become findings.
    With a ``cache``, a file whose bytes are unchanged since the last run is not parsed again
    when its ``text`` is not needed (``beenthere check``): its cached summary stands in.
    ``memo`` keeps parsed documents in memory between runs of a long-lived process (the preview
    server), so that an unchanged file is never parsed twice. With ``review``, each worker
    checks the files it reads; without ``text`` it sends back only their identity and
    findings (the documents are never copied between processes, nor kept)."""
    content = Content()
    root = project.content_dir
    if not root.is_dir():
        content.findings.append(
            _problem(project, root, "the content/ folder is missing", "create content/stories etc.")
        )
        return content
    to_load: list[tuple[Path, Kind, str]] = []
    for path, parts in _walk(project, root, content.findings):
        if parts == (WITHDRAWN_FILE,):
            content.withdrawn, problems = _load_withdrawn(project, path)
            content.findings.extend(problems)
            continue
        kind = KIND_FOLDERS.get(parts[0]) if len(parts) > 1 else None
        if kind is None:
            content.findings.append(
                _problem(
                    project,
                    path,
                    "unexpected file in content/",
                    "content/ holds stories/, resources/, pages/ and withdrawn.yml only",
                )
            )
            continue
        slug, is_image = _classify(parts, kind)
        if is_image:
            continue  # picked up with its story below
        if slug is None:
            content.findings.append(_misplaced(project, path, kind))
            continue
        to_load.append((path, kind, slug))
    digests = {job[0]: _digest(job[0]) for job in to_load} if cache is not None else {}
    misses = []
    for job in to_load:
        entry = cache.get(_rel(job[0], root), digests[job[0]]) if cache else None
        if entry is not None and not text and entry.check_findings is not None:
            content.findings.extend(entry.load_findings)
            if entry.identity is not None:
                content.identities.append(entry.identity)
                content.cached_findings[entry.identity.rel] = entry.check_findings
        else:
            misses.append(job)
    if review is not None and not text and memo is None:
        summaries = map_items(partial(_load_reviewed, project, review), misses)
        for job, (identity, problems, found) in zip(misses, summaries, strict=True):
            content.findings.extend(problems)
            if identity is not None:
                content.identities.append(identity)
                content.cached_findings[identity.rel] = found
            if cache is not None:
                cache.put(_rel(job[0], root), Entry(digests[job[0]], identity, problems, found))
        content.identities.sort(key=lambda identity: identity.rel)
        return content
    identities: dict[Path, Identity | None] = {}  # found by the workers that checked them
    if memo is not None:
        digests = digests or {job[0]: _digest(job[0]) for job in misses}
        remembered = {job[0]: memo.get(_rel(job[0], root)) for job in misses}
        fresh = [job for job in misses if (remembered[job[0]] or ("",))[0] != digests[job[0]]]
        loaded = dict(zip(fresh, map_items(partial(_load_one, project), fresh), strict=True))
        for job in fresh:
            memo[_rel(job[0], root)] = (digests[job[0]], *loaded[job])
        results = [loaded.get(job) or memo[_rel(job[0], root)][1:] for job in misses]
    elif review is not None:
        # files unchanged since the last check are read for their text but not checked again:
        # their findings come from the cache (below, and in moderate)
        known = frozenset(
            job[0]
            for job in misses
            if cache is not None
            and (entry := cache.get(_rel(job[0], root), digests[job[0]])) is not None
            and entry.check_findings is not None
        )
        reviewed = map_items(partial(_load_reviewed_document, project, review, known), misses)
        for job, (doc, _, found, identity) in zip(misses, reviewed, strict=True):
            identities[job[0]] = identity  # found by the worker, beside the document's checks
            if doc is not None and doc.meta is not None and found is not None:
                content.cached_findings[doc.rel] = found
        results = [(doc, problems) for doc, problems, _, _ in reviewed]
    else:
        results = map_items(partial(_load_one, project), misses)
    for job, (doc, problems) in zip(misses, results, strict=True):
        content.findings.extend(problems)
        identity = identities.get(job[0]) or (Identity.of(doc) if doc is not None else None)
        if doc is not None:
            doc.digest = digests.get(job[0], "")
            content.documents.append(doc)
            content.identities.append(identity)
        if cache is not None:
            rel = _rel(job[0], root)
            previous = cache.get(rel, digests[job[0]])
            checked = content.cached_findings.get(rel) if review is not None else None
            if checked is None and previous is not None:
                checked = previous.check_findings
            cache.put(rel, Entry(digests[job[0]], identity, problems, checked))
    content.documents.sort(key=lambda doc: doc.rel)
    content.identities.sort(key=lambda identity: identity.rel)
    return content


def _rel(path: Path, content_dir: Path) -> str:
    """As Project.relative, by string: this runs once per file on every check."""
    return content_dir.name + str(path)[len(str(content_dir)) :].replace(os.sep, "/")


def _load_one(project: Project, job: tuple[Path, Kind, str]):
    return load_document(project, *job)


def _load_reviewed(
    project: Project, review: Callable[[Document], list[Finding]], job: tuple[Path, Kind, str]
) -> tuple[Identity | None, list[Finding], list[Finding]]:
    """As _load_reviewed_document, with the document reduced to its identity."""
    _, problems, found, identity = _load_reviewed_document(project, review, frozenset(), job)
    return identity, problems, found


def _load_reviewed_document(
    project: Project,
    review: Callable[[Document], list[Finding]],
    known: frozenset[Path],
    job: tuple[Path, Kind, str],
) -> tuple[Document | None, list[Finding], list[Finding] | None, Identity | None]:
    """The document, its loading problems, its findings (None for the ``known`` files, whose
    findings the cache holds) and its identity (found here, while the document's segments are
    still at hand)."""
    doc, problems = load_document(project, *job)
    if doc is None:
        return doc, problems, None if job[0] in known else [], None
    found = None if job[0] in known else review(doc) if doc.meta is not None else []
    identity = Identity.of(doc)
    doc.cache.clear()  # the checks' working copies: not worth sending back
    return doc, problems, found, identity


def _digest(path: Path) -> str:
    try:
        return file_digest(path, images_beside(path))
    except OSError:
        return ""  # unreadable: never a cache hit, and the loader reports why


def _classify(rel: tuple[str, ...], kind: Kind) -> tuple[str | None, bool]:
    """(slug, is_image) for a path under its kind's folder; slug None when misplaced."""
    parts = rel[1:]
    if len(parts) == 1 and parts[0].endswith(".md"):
        return parts[0][:-3], False
    if kind == "story" and len(parts) == 2:
        if parts[1] == "index.md":
            return parts[0], False
        if Path(parts[1]).suffix.lower() in IMAGE_SUFFIXES:
            return parts[0], True
    return None, False


def _misplaced(project: Project, path: Path, kind: Kind) -> Finding:
    if kind == "story":
        hint = "a story is stories/<id>.md, or stories/<id>/index.md with its images beside it"
    else:
        hint = f"put it at content/{path.relative_to(project.content_dir).parts[0]}/<id>.md"
    return _problem(project, path, "file is not where the content contract expects it", hint)


def _walk(project: Project, root: Path, findings: list[Finding]) -> list[tuple[Path, tuple]]:
    """Every regular file under root with its path parts, in name order; symlinks are reported,
    never followed. (os.scandir: its entries know their type without another stat call.)"""
    resolved_root = root.resolve()
    files: list[tuple[Path, tuple[str, ...]]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(str(root), ())]
    while stack:
        folder, parts = stack.pop()
        with os.scandir(folder) as entries:
            ordered = sorted(entries, key=lambda entry: entry.name)
        subfolders = []
        for entry in ordered:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                findings.append(_symlink(project, Path(entry.path), resolved_root))
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append((entry.path, (*parts, entry.name)))
            elif entry.is_file(follow_symlinks=False):
                files.append((Path(entry.path), (*parts, entry.name)))
        stack.extend(reversed(subfolders))
    return sorted(files, key=lambda item: item[1])


def _symlink(project: Project, entry: Path, resolved_root: Path) -> Finding:
    target = entry.resolve()
    if target.is_relative_to(resolved_root):
        message = "symbolic links are not allowed in content/"
    else:
        message = "symbolic link points outside content/"
    return _problem(project, entry, message, "replace the link with the real file")


def _problem(project: Project, path: Path, message: str, hint: str, line: int | None = None):
    return Finding(project.relative(path), READ_RULE, Severity.ERROR, message, hint, line)


def read_text(project: Project, path: Path) -> tuple[str | None, Finding | None]:
    """The file as text with \\n line ends, or a finding saying why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, _problem(
                project,
                path,
                f"file is {size:,} bytes; the limit is {MAX_BYTES:,}",
                "split the text or remove what does not belong in it",
            )
        raw = path.read_bytes()
    except OSError as exc:
        return None, _problem(project, path, f"cannot be read: {exc.strerror}", "check the file")
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        return None, _problem(
            project, path, "binary data in a text file", "save it as plain UTF-8 text", line
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, _problem(
            project,
            path,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be decoded)",
            "re-save the file with UTF-8 encoding",
            line,
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def load_document(
    project: Project, path: Path, kind: Kind, slug: str
) -> tuple[Document | None, list[Finding]]:
    """Load and validate one markdown file with front matter."""
    rel = project.relative(path)
    text, problem = read_text(project, path)
    if problem is not None:
        return None, [problem]
    assert text is not None
    findings: list[Finding] = []
    if not ID_RE.match(slug):
        findings.append(
            _problem(
                project,
                path,
                f"'{slug}' is not a valid id for a file or folder name",
                "use lowercase letters, digits and single hyphens, e.g. riverside-walks",
            )
        )
    start = _HANDLER.FM_BOUNDARY.match(text) if _HANDLER.detect(text) else None
    if start is None:
        findings.append(
            _problem(project, path, "no front matter", "start the file with a line of ---", 1)
        )
        return None, findings
    try:
        fm, body = _HANDLER.split(text)
    except ValueError:
        findings.append(
            _problem(project, path, "front matter is not closed", "end it with a line of ---", 1)
        )
        return None, findings
    fm_offset = text.count("\n", 0, start.end())
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    try:
        parsed = parse_yaml(fm, line_offset=fm_offset)
    except YamlProblem as exc:
        findings.append(_problem(project, path, exc.message, exc.hint, exc.line))
        return None, findings
    doc = Document(
        kind, path, rel, slug, body, body_line, parsed, head=text[: len(text) - len(body)]
    )
    doc.images = images_beside(path) if kind == "story" else []
    if not isinstance(parsed.data, dict):
        findings.append(
            Finding(
                rel,
                SCHEMA_RULE,
                Severity.ERROR,
                "front matter must be key: value lines",
                "write one `key: value` per line",
                fm_offset + 1,
            )
        )
        return doc, findings
    model = MODELS[kind]
    try:
        doc.meta = model.model_validate(parsed.data)
    except ValidationError as exc:
        findings.extend(validation_findings(exc, model, parsed, rel, SCHEMA_RULE))
    except (RecursionError, ValueError, TypeError) as exc:
        findings.append(
            Finding(
                rel,
                SCHEMA_RULE,
                Severity.ERROR,
                f"front matter cannot be read: {exc}",
                "simplify the front matter",
                fm_offset + 1,
            )
        )
    return doc, findings


def images_beside(path: Path) -> list[Path]:
    """Images in a folder story's folder (none for single-file stories)."""
    if path.name != "index.md":
        return []
    return sorted(
        p
        for p in path.parent.iterdir()
        if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file() and not p.is_symlink()
    )


def withdrawn_ids(project: Project) -> dict[str, str]:
    """Each id in content/withdrawn.yml with the day it was withdrawn (YYYY-MM-DD); what a
    register with problems holds is left to `beenthere check` to report."""
    path = project.content_dir / WITHDRAWN_FILE
    if not path.is_file():
        return {}
    entries, _ = _load_withdrawn(project, path)
    return {entry.id: entry.date.isoformat() for entry in entries}


def _load_withdrawn(project: Project, path: Path) -> tuple[list[WithdrawnEntry], list[Finding]]:
    rel = project.relative(path)
    text, problem = read_text(project, path)
    if problem is not None:
        return [], [problem]
    assert text is not None
    try:
        parsed = parse_yaml(text)
    except YamlProblem as exc:
        return [], [_problem(project, path, exc.message, exc.hint, exc.line)]
    data = parsed.data or []
    if not isinstance(data, list):
        return [], [
            Finding(
                rel,
                SCHEMA_RULE,
                Severity.ERROR,
                "expected a list of {id, date} entries",
                "write `- id: story-id` and `  date: YYYY-MM-DD` for each",
                1,
            )
        ]
    entries: list[WithdrawnEntry] = []
    findings: list[Finding] = []
    for index, item in enumerate(data):
        try:
            entries.append(WithdrawnEntry.model_validate(item))
        except ValidationError as exc:
            for finding in validation_findings(exc, WithdrawnEntry, parsed, rel, SCHEMA_RULE):
                findings.append(
                    Finding(
                        finding.file,
                        finding.rule,
                        finding.severity,
                        finding.message,
                        finding.hint,
                        parsed.line_of((index,)),
                    )
                )
    return entries, findings
