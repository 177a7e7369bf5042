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
    r"(?P<comment><!--.{0,2000}?(?:-->|$))"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,500})?/?>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<marks>\*+|~~|`+)"
    r"|(?P<underscore>(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))"
    r"|(?P<pipe>\|)",
    re.DOTALL,
)
MAY_HAVE_MARKUP = re.compile(r"[<&\\*~`_|]")
BLOCK_TAGS = frozenset(
    "br p div li td th tr table ul ol blockquote h1 h2 h3 h4 h5 h6 hr pre dd dt".split()
)
# A newline inside a paragraph (the next line starts no block of its own) renders as a space
SOFT_BREAK = re.compile(
    r"(?<=\S)([ \t]*)\n(?=[ \t]{0,3}(?![-*+>#|]\s|\d{1,9}[.)]\s|```|~~~|[=-]+[ \t]*$)\S)"
)


def reader_text(source: str) -> tuple[str, OffsetMap | None]:
    """``source`` (markdown, or a plain field) as its reader sees it, folded (see
    generator.fold), and the map from the result back to ``source``."""
    joined = SOFT_BREAK.sub(_spaces, source) if "\n" in source else source
    shown, shown_map = _unmark(joined)
    folded, fold_map = fold_with_map(shown)
    return folded, _compose(shown_map, fold_map)


def _spaces(match: re.Match[str]) -> str:
    return " " * (len(match.group(1)) + 1)  # same length: offsets stay put


def _unmark(text: str) -> tuple[str, OffsetMap | None]:
    if not MAY_HAVE_MARKUP.search(text):
        return text, None
    pieces: list[str] = []
    breaks: list[tuple[int, int]] = []
    shift = 0  # offset in the result minus offset in ``text``
    last = 0
    for match in MARKUP.finditer(text):
        kind = match.lastgroup
        token = match.group()
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
        else:  # comments, emphasis and code marks
            into = ""
        if into == token:
            continue
        pieces.append(text[last : match.start()])
        pieces.append(into)
        last = match.end()
        shift += len(into) - len(token)
        breaks.append((match.end() + shift, match.end()))
    if not breaks:
        return text, None
    pieces.append(text[last:])
    return "".join(pieces), OffsetMap(tuple(breaks))


def _compose(shown: OffsetMap | None, folded: OffsetMap | None) -> OffsetMap | None:
    """folded offset → shown offset → source offset."""
    if folded is None:
        return shown
    return folded.followed_by(shown)
