"""After rendering, before publishing: no internal metadata or unpublished text in any file.

Both the built files and the unpublished text are read as a reader sees them: tags stripped,
entities undone, then folded (``generator.fold``: format characters dropped, look-alike letters
to Latin, every dash to '-') and case-folded. Quotations are found by shingles: hashes of five
words in a row, looked up in a set; a leak is four or more shingles of one source close
together over eight words or more, and shingles with one inserted word left out count too, so
an extra word every five or more words does not hide a copy, while a shared idiom ("one day at
a time", five words, one shingle) never counts."""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator.findings import Finding, Severity
from generator.fold import fold
from generator.model import Document, StoryMeta
from generator.parallel import map_items
from generator.rules import leak_check as leak_rule
from generator.text import needle_spans

RULE = leak_rule.RULE.id
SHINGLE = 5
"""Words in a shingle: short enough that an extra word every six still leaves whole ones."""
LEAK_WORDS = 10
"""Words of one source, matched in one passage, that count as a quotation of it (eight
words of random prose shared by chance were found twice in 1,000 pages; ten, never)."""
REGISTER_BITS = 20
"""Bits kept of each shingle hash in the withdrawn register (five hex digits): so few that
every value fits about 10^16 five-word phrases, and extending a guessed phrase by one word
fits about 30 of 30,000 words per 1,000 hashes, so the text cannot be read back; enough that
eight matched words by chance are rarer than one in a million builds."""
REGISTER_MIN_HASHES = 1024
"""A short story's register entry is padded with random hashes up to this many."""
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
_INLINE_TAG = re.compile(
    r"</?(?:strong|em|b|i|u|s|code|span|mark|small|sub|sup|del|ins|a|abbr|kbd|q|wbr)\b[^<>]*>",
    re.IGNORECASE,
)
"""Tags inside a line of text: removed with nothing in their place, so ``CR-2026-<b>014</b>``
reads as the reader sees it."""
_TAG = re.compile(r"<[^<>]*>")
_TERM_EDGE = re.compile(r"\w")


# -- reading text as a reader sees it ------------------------------------------------------


def reader_text(text: str) -> str:
    """Tags stripped, entities undone, folded and case-folded: what the checks compare."""
    text = _TAG.sub(" ", _INLINE_TAG.sub("", text))
    return fold(html.unescape(text)).casefold()


def words_of(text: str) -> list[str]:
    """The words of already-read text (see ``reader_text``)."""
    return _WORD.findall(text)


# -- shingles ------------------------------------------------------------------------------


_PRIME = (1 << 61) - 1
_BASE = 1_000_003
_MIX = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1
_word_hashes: dict[bytes, dict[str, int]] = {}


def _word_hash(salt: bytes, word: str) -> int:
    table = _word_hashes.setdefault(salt, {})
    value = table.get(word)
    if value is None:
        digest = hashlib.blake2b(word.encode("utf-8"), key=salt, digest_size=8).digest()
        value = table[word] = int.from_bytes(digest, "big") % _PRIME
    return value


def _finish(value: int) -> int:
    value = (value * _MIX) & _MASK
    return value ^ (value >> 31)


def _digest(salt: bytes, words: Iterable[str]) -> int:
    value = 0
    for word in words:
        value = (value * _BASE + _word_hash(salt, word)) % _PRIME
    return _finish(value)


def shingle_digests(words: list[str], salt: bytes) -> Iterator[int]:
    """The 64-bit hash of every run of SHINGLE words: a polynomial over the words' keyed
    hashes, rolled along the text (one keyed hash per distinct word, not per shingle)."""
    if len(words) < SHINGLE:
        return
    hashes = [_word_hash(salt, word) for word in words]
    top = pow(_BASE, SHINGLE - 1, _PRIME)
    value = 0
    for h in hashes[:SHINGLE]:
        value = (value * _BASE + h) % _PRIME
    yield _finish(value)
    for i in range(SHINGLE, len(hashes)):
        value = ((value - hashes[i - SHINGLE] * top) * _BASE + hashes[i]) % _PRIME
        yield _finish(value)


def register_shingles(text: str, salt: bytes) -> str:
    """What the withdrawn register keeps of a story's text: the short hashes of its shingles,
    sorted (their order would tell which follows which) and padded with random ones."""
    values = {d >> (64 - REGISTER_BITS) for d in shingle_digests(words_of(reader_text(text)), salt)}
    while len(values) < REGISTER_MIN_HASHES:
        values.add(int.from_bytes(os.urandom(4), "big") >> (32 - REGISTER_BITS))
    width = (REGISTER_BITS + 3) // 4
    return " ".join(f"{value:0{width}x}" for value in sorted(values))


def parse_register_shingles(text: str) -> frozenset[int]:
    values = set()
    for part in text.split():
        with contextlib.suppress(ValueError):
            values.add(int(part, 16))
    return frozenset(values)


def document_text(doc: Document) -> str:
    """The parts of a document that are published: title, summary and body."""
    parts = [doc.body]
    if isinstance(doc.meta, StoryMeta):
        parts = [doc.meta.title, doc.meta.summary, doc.body]
    return "\n\n".join(parts)


@dataclass(frozen=True)
class Source:
    """Where a shingle came from, as a finding names it."""

    label: str
    """The file, or the register entry (``content/withdrawn.yml: riverside-walks``)."""
    kind: str
    """``draft``, ``withdrawn``, ``expired`` … (the reason it is not published)."""


@dataclass
class Shingles:
    """Hashes of unpublished text, by salt: full hashes of text in the tree, short ones from
    the register. Each output shingle is hashed once per salt and looked up in a set."""

    full: dict[bytes, dict[int, Source]] = field(default_factory=dict)
    short: dict[bytes, dict[int, list[Source]]] = field(default_factory=dict)
    _any: dict = field(default_factory=dict, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.full or self.short)

    def salts(self) -> set[bytes]:
        return set(self.full) | set(self.short)

    def any_of(self, salt: bytes) -> tuple[dict[int, Source], frozenset[int]]:
        """The full hashes, and every short hash, of one salt: one set lookup per shingle."""
        cached = self._any.get(salt)
        if cached is None:
            cached = self._any[salt] = (
                self.full.get(salt, {}),
                frozenset(self.short.get(salt, {})),
            )
        return cached

    def sources(self, salt: bytes, digest: int) -> list[Source]:
        found = []
        hit = self.full.get(salt, {}).get(digest)
        if hit is not None:
            found.append(hit)
        found += self.short.get(salt, {}).get(digest >> (64 - REGISTER_BITS), ())
        return found


UNPUBLISHED_SALT = b"been-there-unpublished"
"""Salt for text still in the tree (never stored; any constant will do)."""


def unpublished_shingles(
    excluded: Iterable[tuple[Document, str]],
    published: Iterable[Document],
    withdrawn: Iterable = (),
) -> Shingles:
    """Shingles of every unpublished story and of the register's entries. A draft that shares
    half its shingles or more with a published story is a revision of it: what they share is
    the published story's own text, not a leak."""
    shingles = Shingles()
    salt = next((bytes.fromhex(e.salt) for e in withdrawn if _has_shingles(e)), UNPUBLISHED_SALT)
    table: dict[int, Source] = {}
    drafts: list[set[int]] = []
    for doc, reason in excluded:
        source = Source(doc.rel, reason)
        digests = set(shingle_digests(words_of(reader_text(document_text(doc))), salt))
        for digest in digests:
            table.setdefault(digest, source)
        if reason == "draft" and digests:
            drafts.append(digests)
    for doc in published if drafts else ():
        if doc.kind != "story":
            continue  # a page or resource that quotes a draft is what we look for
        digests = set(shingle_digests(words_of(reader_text(document_text(doc))), salt))
        for draft in drafts:
            shared = draft & digests
            if len(shared) * 2 >= len(draft):  # a revision of this published story
                for digest in shared:
                    table.pop(digest, None)
    if table:
        shingles.full[salt] = table
    for entry in withdrawn:
        if not _has_shingles(entry):
            continue
        source = Source(f"content/withdrawn.yml: {entry.id}", "withdrawn")
        short = shingles.short.setdefault(bytes.fromhex(entry.salt), {})
        for value in parse_register_shingles(entry.shingles):
            short.setdefault(value, []).append(source)
    return shingles


def _has_shingles(entry) -> bool:
    if not (getattr(entry, "salt", None) and getattr(entry, "shingles", None)):
        return False
    try:
        bytes.fromhex(entry.salt)
    except ValueError:
        return False
    return True


def copied_passages(words: list[str], shingles: Shingles) -> dict[Source, tuple[int, int]]:
    """Each source quoted in ``words``, with the first passage (word span) that quotes it:
    MIN_HITS or more of its shingles starting at most HIT_GAP words apart, covering
    LEAK_WORDS words or more. A shingle with one extra word in it counts only when another
    shingle leaves out the same word: a copier's inserted word is left out by every shingle
    around it, a chance match of a short hash by one."""
    starts: dict[Source, set[int]] = {}
    for salt in shingles.salts():
        whole: dict[Source, list[int]] = {}
        full, short = shingles.any_of(salt)
        shift = 64 - REGISTER_BITS
        for i, digest in enumerate(shingle_digests(words, salt)):
            if digest in full or digest >> shift in short:
                for source in shingles.sources(salt, digest):
                    whole.setdefault(source, []).append(i)
        for source, hits in whole.items():
            starts.setdefault(source, set()).update(hits)
            # an inserted word every five or more words leaves whole shingles a few words
            # apart; a chance match of a short hash stands alone, and costs nothing more
            near = [h for h, k in zip(hits, hits[1:], strict=False) if k - h <= 2 * SHINGLE]
            skipped: dict[int, list[int]] = {}
            tried: set[int] = set()
            for hit in near:
                for i in range(max(0, hit - SHINGLE), min(len(words) - SHINGLE, hit + 3 * SHINGLE)):
                    if i in tried:
                        continue
                    tried.add(i)
                    window = words[i : i + SHINGLE + 1]
                    for skip in range(1, SHINGLE):
                        digest = _digest(salt, window[:skip] + window[skip + 1 :])
                        if source in shingles.sources(salt, digest):
                            skipped.setdefault(i + skip, []).append(i)
            agreed = {i for found in skipped.values() if len(found) >= 2 for i in found}
            if len(hits) >= MIN_WHOLE:
                starts[source].update(agreed)
            else:
                del starts[source]
    passages = {}
    for source, found in starts.items():
        span = _first_passage(sorted(found))
        if span is not None:
            passages[source] = span
    return passages


MIN_HITS = 5
"""Shingles in one passage: nine words copied exactly hold five."""
MIN_WHOLE = 3
"""Whole shingles of a source in the text before it counts at all (a shared six-word phrase
holds two; an inserted word every five leaves one in every six words)."""
HIT_GAP = 2
"""Words between the starts of two shingles of one passage (an inserted word makes one gap)."""


def _first_passage(starts: list[int]) -> tuple[int, int] | None:
    first = 0
    for k in range(1, len(starts) + 1):
        if k == len(starts) or starts[k] - starts[k - 1] > HIT_GAP:
            begin, end = starts[first], starts[k - 1] + SHINGLE
            if k - first >= MIN_HITS and end - begin >= LEAK_WORDS:
                return begin, end
            first = k
    return None


# -- internal terms ------------------------------------------------------------------------


def internal_terms(documents: Iterable[Document], withdrawn: Iterable = ()) -> dict[str, str]:
    """Consent references, editor handles and fingerprints, each with what it is and whose it
    is: never on any public page."""
    terms: dict[str, str] = {}

    def add(term: str | None, what: str, owner: str) -> None:
        if term and len(term) >= 4:
            terms.setdefault(term, f"{what} of {owner}")

    for doc in documents:
        meta = doc.meta
        if not isinstance(meta, StoryMeta):
            continue
        add(meta.consent.reference, "consent reference", doc.rel)
        add(meta.review.anonymised_by, "editor handle", doc.rel)
        for handle in meta.review.approved_by:
            add(handle, "editor handle", doc.rel)
        for approval in meta.review.approvals:
            add(approval.by, "editor handle", doc.rel)
            fingerprint = approval.fingerprint
            add(fingerprint, "approval fingerprint", doc.rel)
            if fingerprint.startswith("sha256:"):
                add(fingerprint.split(":", 1)[1], "approval fingerprint", doc.rel)
        signoff = meta.review.storyteller
        if signoff is not None:
            add(signoff.by, "editor handle (storyteller sign-off)", doc.rel)
            add(signoff.fingerprint, "sign-off fingerprint", doc.rel)
            add(signoff.fingerprint.split(":", 1)[-1], "sign-off fingerprint", doc.rel)
        for waiver in meta.waivers:
            add(waiver.by, "editor handle", doc.rel)
            if len(waiver.reason) >= 24:
                add(waiver.reason, "waiver reason", doc.rel)
    for entry in withdrawn:
        add(getattr(entry, "by", None), "editor handle", "content/withdrawn.yml")
    return terms


def find_term(text: str, terms: dict[str, str]) -> str | None:
    """The first term found in read text as a whole (not inside a longer word)."""
    if not terms:
        return None
    for start, end in sorted(needle_spans(text, tuple(terms))):
        before = text[start - 1 : start]
        after = text[end : end + 1]
        if not (before and _TERM_EDGE.match(before)) and not (after and _TERM_EDGE.match(after)):
            return text[start:end]
    return None


# -- the scan ------------------------------------------------------------------------------


def _raw_text(path: Path) -> str:
    """The file as text, with JSON escapes undone."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    if path.suffix == ".json":
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


@dataclass(frozen=True)
class Needles:
    terms: dict[str, str]
    """Read (folded, case-folded) internal terms → what they are and whose."""
    shingles: Shingles


def _term_finding(rel: str, term: str, what: str, place: str) -> Finding:
    return Finding(
        rel,
        RULE,
        Severity.ERROR,
        f"internal metadata in {place}: the {what}, which must never be shown",
        "remove it from the published text, file name or template that shows it; consent "
        "references, editor handles and fingerprints are for editors only",
        match=term,
        sensitive=True,
    )


def _scan(needles: Needles, site_dir: Path, path: Path) -> list[Finding]:
    rel = path.relative_to(site_dir).as_posix()
    findings = []
    name_hit = find_term(reader_text(rel), needles.terms)
    if name_hit:
        findings.append(_term_finding(rel, name_hit, needles.terms[name_hit], "the file name"))
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return findings
    text = reader_text(_raw_text(path))
    hit = find_term(text, needles.terms)
    if hit:
        findings.append(_term_finding(rel, hit, needles.terms[hit], "this file"))
    if needles.shingles:
        words = words_of(text)
        for source, (start, end) in copied_passages(words, needles.shingles).items():
            findings.append(
                Finding(
                    rel,
                    RULE,
                    Severity.ERROR,
                    f"text of an unpublished story in this file: {end - start} words from "
                    f"{source.label} (not published: {source.kind})",
                    "find the page, story, resource or template that copies these words and "
                    "remove them; a story that is not published must not be quoted anywhere",
                    match=" ".join(words[start:end]),
                    sensitive=True,
                )
            )
    return findings


def text_files(folder: Path) -> list[Path]:
    """Every text file under ``folder``, in a stable order."""
    found = []
    for top, _, names in os.walk(folder):
        found += [
            Path(top, name) for name in names if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES
        ]
    return sorted(found)


def other_files(folder: Path) -> list[Path]:
    """Every file under ``folder`` that is not text (images …): their names are checked."""
    found = []
    for top, _, names in os.walk(folder):
        found += [
            Path(top, name)
            for name in names
            if os.path.splitext(name)[1].lower() not in TEXT_SUFFIXES
        ]
    return sorted(found)


def leak_needles(
    published: list[Document],
    excluded: list[tuple[Document, str]] | list[Document],
    withdrawn: Iterable = (),
) -> Needles:
    """What the leak check looks for, gathered once per build. ``excluded`` holds the stories
    left out, with the reason."""
    excluded = [item if isinstance(item, tuple) else (item, "unpublished") for item in excluded]
    withdrawn = list(withdrawn)
    raw = internal_terms([*published, *(doc for doc, _ in excluded)], withdrawn)
    terms: dict[str, str] = {}
    for term, what in raw.items():
        read = reader_text(term).strip()
        if len(read) >= 4:
            terms.setdefault(read, what)
    return Needles(terms, unpublished_shingles(excluded, published, withdrawn))


def check_output(
    site_dir: Path, needles: Needles, files: list[Path] | None = None
) -> list[Finding]:
    """Scan every text file of the built site (or the given ``files`` in it), and every other
    file's name, on every core; each hit blocks the build."""
    files = [*text_files(site_dir), *other_files(site_dir)] if files is None else files
    found = map_items(partial(_scan, needles, site_dir), files)
    return [finding for findings in found for finding in findings]
