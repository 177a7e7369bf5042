"""The site's search index: small static files, so that a reader's first search downloads only
the words it asks for and the pages it shows, however large the site grows.

    search-index/meta.json        page count, build tag, and the first word of every chunk
    search-index/words/N.json     a chunk of the sorted words: {word: [gap, count, ...]}
    search-index/pages/N.json     one page's address, title, content warnings and text (for
                                  its excerpt): its own content, not the furniture around it

Page numbers in a chunk are gaps from the previous one (small numbers compress well). The
browser side is templates/overrides/assets/search.js; both split text into words the same way
(``words``), so a query finds what the index holds."""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
import unicodedata
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from generator.parallel import map_batches
from generator.sitemodel import SiteModel

INDEX_DIR = "search-index"
BODY_MARK = "<div data-search-body>"
"""Pages carry it around the text to index (main.html); listings and tombstones do not."""
OWN_MARK = '<div class="bt-indexed">'
"""Inside BODY_MARK, the templates wrap a page's own content in it (a story's text, a
service's fields), so that the support box, topic links, meta line and related stories
around it are not taken for the page's words. A marked page with none is indexed whole."""
CHUNK_POSTINGS = 6000
"""Page entries per word chunk: a chunk stays near 10 KB gzip, and a word in every page of a
10,000-story site fills one chunk of its own (about 20 KB gzip)."""
TITLE_WEIGHT = 5
"""A word in the title counts as this many in the text: titles say what a page is about."""
MAX_TEXT = 20_000
"""Characters of a page's text kept for its excerpt."""

_WORD = re.compile(r"[^\W_]{2,}")  # runs of two or more letters and digits
_BLOCK = re.compile(r"<(script|style|svg)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(
    r"</?(?:address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|"
    r"form|h[1-6]|header|hr|li|nav|ol|p|pre|section|summary|table|td|th|tr|ul)\b[^>]*>",
    re.I,
)
"""Tags that part words; any other tag (a link, emphasis) sits inside a sentence."""
_SPACE_BEFORE = re.compile(r"\s+(?=[,.;:!?)\]’”])")
_DIV = re.compile(r"<(/?)div\b[^>]*>", re.I)
_SPACE = re.compile(r"\s+")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.S | re.I)
_END = "</article>"
_BEYOND_FIRST_PLANE = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every combining mark (Unicode category M), as search.js strips them with \\p{M}: those
    of the first plane, and the rest. The engine tests a class within the first plane in one
    step, but one reaching beyond it range by range, fifty times slower."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))

    def charset(spans: list[tuple[int, int]]) -> re.Pattern[str]:
        return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in spans) + "]")

    return charset([r for r in ranges if r[1] <= 0xFFFF]), charset(
        [r for r in ranges if r[1] > 0xFFFF]
    )


def words(text: str) -> list[str]:
    """Lower case, accents off (so 'cafe' finds 'café'), split at anything but letters and
    digits; one-letter words are left out. search.js's ``words`` does exactly this."""
    text = text.lower()
    if not text.isascii():
        first_plane, beyond = _marks()
        text = first_plane.sub("", unicodedata.normalize("NFKD", text))
        if _BEYOND_FIRST_PLANE.search(text):
            text = beyond.sub("", text)
    return _WORD.findall(text)


@dataclass(frozen=True)
class PageFacts:
    """What search needs of a page that its indexed HTML does not hold: a story's summary
    (shown only in listings) and its content warnings (labels, shown before any excerpt)."""

    summary: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageText:
    url: str
    """Relative to the site's root, as a reader's address bar shows it: ``stories/x/``."""
    title: str
    text: str
    warnings: tuple[str, ...] = ()
    """Content warning labels, which a result shows before its excerpt."""


def _plain(fragment: str) -> str:
    text = _TAG.sub("", _BREAK.sub(" ", _BLOCK.sub(" ", fragment)))
    return _SPACE_BEFORE.sub("", _SPACE.sub(" ", html.unescape(text))).strip()


def own_content(body: str) -> list[str]:
    """The fragments of ``body`` inside OWN_MARK divisions (sanitised HTML: every div is
    closed, so counting them finds each one's end)."""
    parts = []
    start = body.find(OWN_MARK)
    while start >= 0:
        depth, inner = 1, start + len(OWN_MARK)
        end = len(body)
        for tag in _DIV.finditer(body, inner):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.start()
                break
        parts.append(body[inner:end])
        start = body.find(OWN_MARK, end)
    return parts


def page_text(page_html: str, rel: str, facts: PageFacts | None = None) -> PageText | None:
    """The indexed part of a built page (``rel`` is its path in the site), or None for pages
    that carry no BODY_MARK: its own content and ``facts``' summary, never the furniture."""
    start = page_html.find(BODY_MARK)
    if start < 0:
        return None
    end = page_html.find(_END, start)
    body = page_html[start + len(BODY_MARK) : end if end >= 0 else len(page_html)]
    heading = _H1.search(body)
    title = _plain(heading.group(1)) if heading else ""
    url = rel.removesuffix("index.html")
    facts = facts or PageFacts()
    parts = own_content(body)
    text = " ".join(filter(None, [facts.summary, *map(_plain, parts)])) if parts else _plain(body)
    return PageText(url, title or url, text, facts.warnings)


def search_facts(site: SiteModel) -> dict[str, PageFacts]:
    """Each story's summary and content warning labels (in lower case, as the listings show
    them), by its address."""
    labels = site.config.content_warnings
    return {
        story.url: PageFacts(
            story.summary, tuple(labels[w].label.lower() for w in story.content_warnings)
        )
        for story in site.stories
    }


def page_counts(page: PageText) -> Counter[str]:
    counts = Counter(words(page.text))
    for word in words(page.title):
        counts[word] += TITLE_WEIGHT
    return counts


def _index_page(
    site_dir: Path, out: Path, facts: dict[str, PageFacts], number: int, path: Path
) -> tuple[Counter[str], bytes]:
    """Read one built page, write its page file, and return its word counts and the file's
    digest. A page without BODY_MARK gives no counts and no file."""
    rel = path.relative_to(site_dir).as_posix()
    page = page_text(path.read_text("utf-8", "replace"), rel, facts.get(rel[: -len("index.html")]))
    if page is None:
        return Counter(), b""
    document: dict[str, object] = {"url": page.url, "title": page.title}
    if page.warnings:
        document["warnings"] = list(page.warnings)
    document["text"] = page.text[:MAX_TEXT]
    data = _json(document).encode()
    (out / "pages" / f"{number}.json").write_bytes(data)
    return page_counts(page), hashlib.sha256(data).digest()


def _utf16(word: str) -> bytes:
    return word.encode("utf-16-be")


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Postings:
    """Each word's ``[gap, count, gap, count, ...]`` by page number (the first gap is from page
    0), and the last page number that has it."""

    entries: dict[str, array[int]] = field(default_factory=dict)
    last: dict[str, int] = field(default_factory=dict)

    def add(self, number: int, counts: Counter[str]) -> None:
        """Pages must come in increasing order."""
        entries, last = self.entries, self.last
        for word, count in counts.items():
            found = entries.get(word)
            if found is None:
                entries[word] = array("I", (number, count))
            else:
                found.extend((number - last[word], count))
            last[word] = number

    def extend(self, later: Postings) -> None:
        """Append postings of later pages."""
        for word, found in later.entries.items():
            mine = self.entries.get(word)
            if mine is None:
                self.entries[word] = found
            else:
                found[0] -= self.last[word]
                mine.extend(found)
            self.last[word] = later.last[word]

    def chunks(self, limit: int = CHUNK_POSTINGS) -> list[dict[str, list[int]]]:
        """Chunks of sorted words holding about ``limit`` page entries each."""
        chunks: list[dict[str, list[int]]] = []
        size = limit
        for word in sorted(self.entries, key=_utf16):  # the order search.js compares in
            if size >= limit:
                chunks.append({})
                size = 0
            found = self.entries[word]
            chunks[-1][word] = found.tolist()
            size += len(found) // 2
        return chunks


def _index_batch(
    site_dir: Path, out: Path, facts: dict[str, PageFacts], batch: Sequence[tuple[int, Path]]
):
    """Index a run of pages (in a worker): their postings, and their page files' digests."""
    postings = Postings()
    digests = []
    for number, path in batch:
        counts, digest = _index_page(site_dir, out, facts, number, path)
        postings.add(number, counts)
        digests.append(digest)
    return postings, digests


def write_search_index(
    site_dir: Path, pages: list[Path], facts: dict[str, PageFacts] | None = None
) -> int:
    """Index every page in ``pages`` that carries BODY_MARK, on every core, with the ``facts``
    of each address (``search_facts``); returns how many were indexed."""
    facts = facts or {}
    out = site_dir / INDEX_DIR
    (out / "pages").mkdir(parents=True)
    (out / "words").mkdir()
    _marks()  # once, before the workers fork
    jobs = list(enumerate(sorted(pages)))
    postings = Postings()
    digest = hashlib.sha256()
    indexed = 0
    for part, digests in map_batches(partial(_index_batch, site_dir, out, facts), jobs):
        postings.extend(part)
        for page_digest in digests:
            digest.update(page_digest)
            indexed += bool(page_digest)
    chunks = postings.chunks()
    del postings
    for number, chunk in enumerate(chunks):
        data = _json(chunk).encode()
        digest.update(data)
        (out / "words" / f"{number}.json").write_bytes(data)
    meta = {
        "version": 1,
        "pages": indexed,
        # readers' browsers may keep yesterday's files: the tag makes today's addresses new
        "tag": digest.hexdigest()[:12],
        "chunks": [next(iter(chunk)) for chunk in chunks],
    }
    (out / "meta.json").write_text(_json(meta), "utf-8")
    return indexed
