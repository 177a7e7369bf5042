"""BT701, BT702, BT703: images exist inside content/, carry no identifying metadata, and have
alt text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import markdown

from generator.findings import Finding, Severity
from generator.images import ImageProblem, identifying_metadata
from generator.mkdocs_site import MARKDOWN_EXTENSIONS
from generator.model import Document
from generator.rules._find import Hit, finding_at
from generator.rules.base import Context, Rule
from generator.rules.unsafe_markup import url_scheme
from generator.text import source_segments

IMAGE = re.compile(r"!\[([^\]\[]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)\n]*[\"')])?\s*\)")
"""An inline image as editors usually write it (linear time: the alt text stops at a bracket)."""
MAY_SHOW_AN_IMAGE = re.compile(r"!\[|<img|src\s*=", re.IGNORECASE)


def _may_show_an_image(text: str) -> bool:
    """As MAY_SHOW_AN_IMAGE.search, ten times faster on prose, which has neither '![' nor '<'
    nor 'src'."""
    return ("![" in text or "<" in text or "src" in text.lower()) and bool(
        MAY_SHOW_AN_IMAGE.search(text)
    )


RENDERED_IMAGE = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""\s(src|alt)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _images(doc: Document) -> list[tuple[Hit, str, str]]:
    """Every image the page will show, as the site renders it: reference-style images, attr_list
    ``{: src=… }``, brackets in the alt text and raw ``<img>`` all count, whatever the markdown
    looks like. Each is placed at the line that names its address. Found once per document
    for the three rules."""
    found = doc.cache.get("images")
    if found is None:
        found = doc.cache["images"] = list(_find_images(doc))
    return found


def _find_images(doc: Document) -> Iterator[tuple[Hit, str, str]]:
    for segment in source_segments(doc):  # the markdown that makes the images
        if segment.field != "body" or not _may_show_an_image(segment.text):
            continue
        markers = [m.start() for m in MAY_SHOW_AN_IMAGE.finditer(segment.text)]
        if len(markers) > MAX_IMAGES:  # the renderer is slow on thousands: fail closed
            yield Hit(segment, markers[MAX_IMAGES], markers[MAX_IMAGES] + 2), "", TOO_MANY
            continue
        searched_from = 0
        for alt, src in rendered_images(segment.text):
            at = segment.text.find(src, searched_from)
            if at < 0:
                at = max(0, segment.text.find(src))
            else:
                searched_from = at + len(src)
            yield Hit(segment, at, at + len(src)), alt, src


MAX_IMAGES = 100
"""More image markup than any story shows: such a file is held rather than rendered."""
TOO_MANY = f"more than {MAX_IMAGES} images"


def rendered_images(markdown_text: str) -> list[tuple[str, str]]:
    """(alt, src) of every ``<img>`` the markdown renders to, with the site's extensions."""
    rendered = _renderer().reset().convert(markdown_text)
    images = []
    for tag in RENDERED_IMAGE.findall(rendered):
        values = {
            match.group(1).lower(): html.unescape(
                next(g for g in match.groups()[1:] if g is not None)
            )
            for match in ATTRIBUTE.finditer(tag)
        }
        images.append((values.get("alt", ""), values.get("src", "")))
    return images


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))


def resolve(doc: Document, src: str) -> Path | None:
    """The file an image reference points to, or None if it is not a file beside the story."""
    if url_scheme(src) is not None or src.startswith(("/", "\\")) or "\\" in src:
        return None
    target = doc.path.parent / src
    if target.is_symlink() or not target.resolve().is_relative_to(doc.path.parent.resolve()):
        return None
    if doc.path.name != "index.md" or not target.is_file():
        return None
    return target


def check_exists(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit, _, src in _images(doc):
        if src == TOO_MANY:
            yield finding_at(EXISTS, doc, hit, f"{TOO_MANY}: too many to check")
        elif resolve(doc, src) is None:
            why = (
                "images are stored beside the story, never loaded from another site"
                if url_scheme(src)
                else "no such image beside the story"
            )
            yield finding_at(EXISTS, doc, hit, f"image '{src}': {why}")


def check_metadata(doc: Document, ctx: Context) -> Iterator[Finding]:
    shown = set()
    for hit, _, src in _images(doc):
        path = None if src == TOO_MANY else resolve(doc, src)
        if path is None:
            continue
        shown.add(path.name)
        try:
            found = identifying_metadata(path)
        except ImageProblem as problem:
            yield finding_at(
                METADATA,
                doc,
                hit,
                f"image '{src}': {problem}",
                hint="replace it with a JPEG or PNG file",
            )
            continue
        if found:
            rel = path.relative_to(path.parents[3]) if len(path.parents) > 3 else path
            yield finding_at(
                METADATA,
                doc,
                hit,
                f"image '{src}' carries {', '.join(found)}",
                hint=f"run `beenthere strip-metadata {rel.as_posix()}`, then approve again",
            )
    # a build may copy every image in the folder: each must open safely, shown or not
    for path in doc.images:
        if path.name in shown:
            continue
        try:
            identifying_metadata(path)
        except ImageProblem as problem:
            yield METADATA.finding(
                doc,
                f"image file '{path.name}' in the story's folder (not shown by the story): "
                f"{problem}",
                doc.body_line,
                hint=f"replace '{path.name}' with a JPEG or PNG file, or delete it from the "
                "folder if the story does not need it",
            )


def check_alt(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit, alt, src in _images(doc):
        if not alt.strip() and src != TOO_MANY:
            yield finding_at(ALT, doc, hit, f"image '{src}' has no alt text")


EXISTS = Rule(
    id="BT701",
    name="image-exists",
    severity=Severity.ERROR,
    summary="Every image a page shows, as the site renders it (inline, reference-style, "
    "attr_list, raw <img>), is a file in the story's own folder (content/stories/<id>/), "
    "never a link to another site; resources and plain pages show no images.",
    rationale="A missing image breaks the page; a remote one lets another site see every "
    "reader; a path out of the folder could publish a file nobody reviewed.",
    hint="put the image beside index.md in the story's folder and refer to it by file name",
    kinds=frozenset({"story", "resource", "page"}),
    check=check_exists,
    examples=("![A bench](https://example.org/bench.jpg)", "![A bench](bench.jpg)"),
)
METADATA = Rule(
    id="BT702",
    name="image-metadata",
    severity=Severity.ERROR,
    summary="Images carry no EXIF, XMP or IPTC metadata with a GPS position, camera serial "
    "number, owner or date.",
    rationale="A phone photo can carry the exact place it was taken and the owner's name. "
    "The build also strips all metadata from published copies.",
    hint="run `beenthere strip-metadata <image>`",
    check=check_metadata,
    examples=("a photo straight from a phone, with GPS", "the same photo after strip-metadata"),
)
ALT = Rule(
    id="BT703",
    name="image-alt-text",
    severity=Severity.ERROR,
    summary="Every image has alt text describing it.",
    rationale="Readers using screen readers need to know what the image shows (WCAG 1.1.1).",
    hint="describe the image inside the brackets: `![A bench by the river](bench.jpg)`",
    check=check_alt,
    examples=("![](bench.jpg)", "![A bench by the river](bench.jpg)"),
)
