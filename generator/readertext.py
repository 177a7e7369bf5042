"""Markdown as a reader sees it: the text the rules must judge, with a map back to the source.

The site renders markdown and sanitises the HTML, so ``07700&#32;900123``, ``07700 *900* 123``,
``07700\\-900123`` and a number hard-wrapped over two lines all reach the reader as one phone
number. The rules read this text instead of the source. It is a superset of what is shown:
code is read as text, and a character that might be markup is treated as markup."""

from __future__ import annotations

import html
import re

from generator.fold import OffsetMap, fold_with_map

# Everything that renders as something other than itself, in one pass (bounded: linear time)
MARKUP = re.compile(
    r"(?P<comment><!--)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,500})?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<marks>\*+|~~|`+)"
    r"|(?P<underscore>(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))"
    r"|(?P<pipe>\|)",
)
MAY_HAVE_MARKUP = re.compile(r"[<&\\*~`_|]")
BLOCK_TAGS = frozenset(
    "br p div li td th tr table ul ol blockquote h1 h2 h3 h4 h5 h6 hr pre dd dt".split()
)
# What starts a line of its own: the line after a newline inside a paragraph starts none of
# these, and the newline renders as a space
OWN_LINE = re.compile(r"[ \t]{0,3}(?:[-*+>#|]\s|\d{1,9}[.)]\s|```|~~~|[=-]+[ \t]*$|[ \t]*$)", re.M)


def reader_text(source: str) -> tuple[str, OffsetMap | None]:
    """``source`` (markdown, or a plain field) as its reader sees it, folded (see
    generator.fold), and the map from the result back to ``source``."""
    joined = _join_soft_breaks(source) if "\n" in source else source
    shown, shown_map = _unmark(joined)
    folded, fold_map = fold_with_map(shown)
    return folded, _compose(shown_map, fold_map)


def _join_soft_breaks(text: str) -> str:
    """Each newline inside a paragraph as a space (same length: offsets stay put)."""
    pieces = []
    last = 0
    at = text.find("\n")
    while at >= 0:
        end = at
        while end and text[end - 1] in " \t":  # trailing spaces (a hard break) read the same
            end -= 1
        start = text.rfind("\n", 0, at) + 1
        heading = text.startswith("#", start) or text.startswith("```", start)
        if end > start and not heading and not OWN_LINE.match(text, at + 1):
            pieces.append(text[last:at])
            pieces.append(" ")
            last = at + 1
        at = text.find("\n", at + 1)
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _unmark(text: str) -> tuple[str, OffsetMap | None]:
    if not MAY_HAVE_MARKUP.search(text):
        return text, None
    pieces: list[str] = []
    breaks: list[tuple[int, int]] = []
    shift = 0  # offset in the result minus offset in ``text``
    last = 0
    closed = True  # until a comment is found unclosed, there may be a '-->' further on
    match = MARKUP.search(text)
    while match is not None:
        kind = match.lastgroup
        token = match.group()
        end = match.end()
        if kind == "comment":
            close = text.find("-->", end) if closed else -1
            closed = close >= 0
            if closed:  # readers never see it (an unclosed one is left as text)
                end = close + 3
                token = text[match.start() : end]
        if kind == "pipe":
            into = " "
        elif kind == "entity":
            into = html.unescape(token)
            into = token if into == token else into
        elif kind == "escape":
            into = token[1]
        elif kind == "tag":
            name = re.match(r"</?([A-Za-z0-9-]+)", token).group(1).lower()  # type: ignore[union-attr]
            into = " " if name in BLOCK_TAGS else ""
        elif kind == "comment" and not closed:
            into = token
        else:  # comments, emphasis and code marks
            into = ""
        if into != token:
            pieces.append(text[last : match.start()])
            pieces.append(into)
            last = end
            shift += len(into) - len(token)
            breaks.append((end + shift, end))
        match = MARKUP.search(text, end)
    if not breaks:
        return text, None
    pieces.append(text[last:])
    return "".join(pieces), OffsetMap(tuple(breaks))


def _compose(shown: OffsetMap | None, folded: OffsetMap | None) -> OffsetMap | None:
    """folded offset → shown offset → source offset."""
    if folded is None:
        return shown
    return folded.followed_by(shown)
