"""BT601: no raw HTML beyond a small allowlist, and no script URLs, in any markdown."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import unquote

from generator.findings import Finding, Severity
from generator.model import Document
from generator.rules._find import Hit, finding_at
from generator.rules.base import Context, Rule
from generator.text import source_segments

ALLOWED_TAGS = frozenset(
    {
        "br",
        "em",
        "strong",
        "i",
        "b",
        "sup",
        "sub",
        "abbr",
        "mark",
        "small",
        "s",
        "del",
        "ins",
        "q",
        "u",
        "kbd",
    }
)
ALLOWED_ATTRIBUTES = frozenset({"title", "lang"})
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
# Linear time: no part of a pattern runs past the next "<" (or "]" in links), so a story of
# "<a " or "](" repeated is read once, not once per "<". A "<" inside a tag ("<img title='<'
# onerror=…>") leaves the tag to UNCLOSED, which blocks it too.
TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][\w:-]*)([^<>]*)>")
AUTOLINK = re.compile(r"<(?:[a-z][\w+.-]*:[^<>\s]*|[^\s<>@]+@[^\s<>@]+)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"([^\s=/>\"']+)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
# An opening tag never closed ("<iframe src=x <") still reaches the browser as markup.
UNCLOSED = re.compile(r"<\s*([A-Za-z][\w:-]*)(?=[\s/]|$)(?![^<>]*>)")
HTML_ELEMENTS = frozenset(
    """
a abbr address applet area article aside audio b base basefont bdi bdo bgsound big blink
blockquote body br button canvas caption center cite code col colgroup data datalist dd del
details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex
kbd keygen label layer legend li link listing main map mark marquee math menu meta meter nav
nobr noembed noframes noscript object ol optgroup option output p param picture plaintext
portal pre progress q rp rt ruby s samp script search section select slot small source span
strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time
title tr track tt u ul var video wbr xml xmp
""".split()
)
COMMENT = re.compile(r"<!--|<!\[CDATA\[|<\?|<!\w")
# inline links and images, reference definitions, autolinks
LINK_TARGET = re.compile(
    r"\]\(\s*<?([^)\s>\]]*)|^[ \t]{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)"
    r"|<([a-z][\w+.-]*:[^<>\s]*)>",
    re.IGNORECASE | re.MULTILINE,
)


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see, after every layer of escaping: None when relative."""
    previous = None
    while previous != url:  # entities and percent-escapes can be nested
        previous = url
        url = unquote(html.unescape(url))
    cleaned = re.sub(r"[\x00-\x20\x7f-\x9f\\]+", "", url).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) + ":" if match else None


def _markup_problems(text: str) -> Iterator[tuple[int, int, str]]:
    if "<" not in text and "]" not in text:
        return  # every pattern below needs a tag's "<" or a link's "]"
    for match in COMMENT.finditer(text):
        yield match.start(), match.end(), "HTML comment or declaration"
    for match in TAG.finditer(text):
        if AUTOLINK.fullmatch(match.group(0)):
            continue  # <https://…> and <name@example.org>: the scheme is checked below
        name = match.group(2).lower()
        if name not in ALLOWED_TAGS:
            yield match.start(), match.end(), f"raw HTML <{name}> is not allowed"
            continue
        for attribute in ATTRIBUTE.finditer(match.group(3)):
            if attribute.group(1).lower() not in ALLOWED_ATTRIBUTES:
                yield (
                    match.start(),
                    match.end(),
                    (f"attribute '{attribute.group(1)}' is not allowed on <{name}>"),
                )
    for match in UNCLOSED.finditer(text):
        if match.group(1).lower() in HTML_ELEMENTS:
            yield match.start(), match.end(), f"unclosed HTML tag <{match.group(1).lower()}"
    for match in LINK_TARGET.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        url = match.group(group)
        scheme = url_scheme(url)
        if scheme is not None and scheme not in SAFE_SCHEMES:
            yield match.start(group), match.end(group), f"link with unsafe scheme '{scheme}'"


# In a field that is plain text (a title, a summary, a label): an attribute after a quote, an
# angle bracket, or a markdown image; none belongs there, and each could become markup
FIELD_MARKUP = re.compile(r"\"\s*[A-Za-z][\w:-]*\s*=|[<>]|!\[")


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    for segment in source_segments(doc):  # markup as written: the reader never sees it
        problems = list(_markup_problems(segment.text))
        if segment.field != "body" and not problems:
            for match in FIELD_MARKUP.finditer(segment.text):
                what = "an image" if match.group() == "![" else f"'{match.group()}'"
                problems.append(
                    (match.start(), match.end(), f"{what} looks like markup in a plain-text field")
                )
        hint = None if segment.field == "body" else FIELD_HINT
        for start, end, message in problems:
            yield finding_at(RULE, doc, Hit(segment, start, end), message, hint=hint)


FIELD_HINT = "write this field as plain text: curly quotes “ ” for speech, no HTML, no images"


RULE = Rule(
    id="BT601",
    name="unsafe-markup",
    severity=Severity.ERROR,
    summary="Allows only simple inline HTML (em, strong, br, abbr …, with title and lang "
    "attributes) and http, https, mailto and tel links; blocks script, style, iframe, object, "
    "embed and form elements, event handlers, comments, and javascript:, vbscript: and data: "
    "URLs however they are escaped.",
    rationale="Stories are read by people on cheap phones who trust this site; nothing in "
    "them may run code, track readers or load from elsewhere. The rendered HTML is also "
    "sanitised, as defence in depth.",
    hint="write plain markdown: **bold**, *italic*, [text](https://…)",
    kinds=frozenset({"story", "resource", "page"}),
    check=check,
    examples=('<img src=x onerror="alert(1)">', "![A bench by the river](bench.jpg)"),
)
