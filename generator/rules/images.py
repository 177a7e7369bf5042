"""BT701, BT702, BT703: images exist inside content/, carry no identifying metadata, and have
alt text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from generator.findings import Finding, Severity
from generator.images import ImageProblem, identifying_metadata
from generator.model import Document
from generator.rules._find import Hit, finding_at
from generator.rules.base import Context, Rule
from generator.rules.unsafe_markup import url_scheme
from generator.text import source_segments

IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*[\"')])?\s*\)")


def _images(doc: Document) -> Iterator[tuple[Hit, str, str]]:
    for segment in source_segments(doc):  # the markdown that makes the images
        if segment.field != "body":
            continue
        for match in IMAGE.finditer(segment.text):
            yield Hit(segment, match.start(), match.end()), match.group(1), match.group(2)


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
        if resolve(doc, src) is None:
            why = (
                "images are stored beside the story, never loaded from another site"
                if url_scheme(src)
                else "no such image beside the story"
            )
            yield finding_at(EXISTS, doc, hit, f"image '{src}': {why}")


def check_metadata(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit, _, src in _images(doc):
        path = resolve(doc, src)
        if path is None:
            continue
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


def check_alt(doc: Document, ctx: Context) -> Iterator[Finding]:
    for hit, alt, src in _images(doc):
        if not alt.strip():
            yield finding_at(ALT, doc, hit, f"image '{src}' has no alt text")


EXISTS = Rule(
    id="BT701",
    name="image-exists",
    severity=Severity.ERROR,
    summary="Every image a story shows is a file in the story's own folder "
    "(content/stories/<id>/), never a link to another site.",
    rationale="A missing image breaks the page; a remote one lets another site see every "
    "reader; a path out of the folder could publish a file nobody reviewed.",
    hint="put the image beside index.md in the story's folder and refer to it by file name",
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
