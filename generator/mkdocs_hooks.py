"""MkDocs hooks: sanitise every rendered page as defence in depth behind the markup rule; count
pages for the progress line; trim the sitemap; hand page shares to workers (mkdocs_parallel)."""

from __future__ import annotations

import gzip
import html
import multiprocessing
import re
from pathlib import Path

import nh3
from markupsafe import Markup

from generator import mkdocs_parallel
from generator.packaged import default_theme
from generator.progress import step
from generator.rules.unsafe_markup import url_scheme

ALLOWED_TAGS = {
    "a",
    "abbr",
    "aside",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    # the directory filter's controls (templates only: BT601 keeps them out of content)
    "button",
    "form",
    "input",
    "label",
    "option",
    "select",
}
_COMMON = {
    "class",
    "id",
    "title",
    "lang",
    "dir",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
}
ALLOWED_ATTRIBUTES = {
    "*": _COMMON,
    "a": _COMMON | {"href", "rel", "hreflang"},
    "img": _COMMON | {"src", "alt", "width", "height", "loading", "decoding"},
    "time": _COMMON | {"datetime"},
    "td": _COMMON | {"colspan", "rowspan", "align"},
    "th": _COMMON | {"colspan", "rowspan", "align", "scope"},
    "details": _COMMON | {"open"},
    "ol": _COMMON | {"start", "reversed"},
    "li": _COMMON | {"data-categories", "data-regions", "data-terms"},
    "form": _COMMON | {"hidden", "action", "method"},
    "button": _COMMON | {"type", "hidden"},
    "input": _COMMON | {"type", "name", "autocomplete", "enterkeyhint"},
    "label": _COMMON | {"for"},
    "option": _COMMON | {"value"},
    "select": _COMMON | {"name"},
    "p": _COMMON | {"aria-live"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise(html: str) -> str:
    """Remove anything that could run code or load from elsewhere, keeping the page's markup."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return IMAGE_TAG.sub(_local_image, cleaned) if "<img" in cleaned else cleaned


IMAGE_TAG = re.compile(r"<img\b[^<>]*>")
IMAGE_SRC = re.compile(r"""\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _local_image(match: re.Match[str]) -> str:
    """An image whose address leaves the site is dropped: the reader's browser would ask
    another server for it (telling it who is reading what), whatever the content checks said."""
    src = IMAGE_SRC.search(match.group())
    url = html.unescape(next((g for g in src.groups() if g is not None), "")) if src else ""
    url = url.strip()
    leaves = url.startswith(("//", "\\", "/\\")) or url_scheme(url) is not None
    return "" if leaves or not url else match.group()


_built = multiprocessing.Value("q", 0)
"""Pages built so far in this build, by every process building them."""
_total = [0]
"""How many pages there are (counted once, in on_files)."""


def on_page_content(html: str, page, config, files) -> str:  # noqa: ARG001 (MkDocs signature)
    with _built.get_lock():
        _built.value += 1
        done = _built.value
    if done % 100 == 0:
        step("building", done, _total[0])
    return sanitise(html)


_unlisted: set[str] = set()
"""URLs of pages that ask to stay out of the sitemap (tombstones of withdrawn stories)."""


def on_pre_build(config) -> None:
    _unlisted.clear()
    _built.value = 0


def on_files(files, config):
    _total[0] = len(files.documentation_pages())
    return files


def on_config(config):
    # a site's templates/overrides/ holds only what it overrides: the default theme's files
    # stand behind it (MkDocs' custom_dir takes one folder)
    default = str(default_theme() / "overrides")
    if default not in config.theme.dirs:
        config.theme.dirs.insert(1, default)
    # the theme prints some strings raw (aria-label, <meta content>, <title>) and escapes
    # others: escaped Markup is printed as it is by both, so every place gets escaped text
    for key in ("site_name", "site_description"):
        if config.get(key):
            config[key] = escaped(config[key])
    return config


def escaped(value: str) -> Markup:
    """``value`` escaped for HTML text and quoted attributes, marked as safe so that the
    theme's own ``| e`` does not escape it twice."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value), quote=True))


def _escape_titles(items) -> None:
    for item in items:
        if getattr(item, "title", None):
            item.title = escaped(item.title)
        _escape_titles(getattr(item, "children", None) or ())


def on_nav(nav, config, files):
    _escape_titles(nav.items)
    mkdocs_parallel.start(nav, config, files)
    return nav


def on_build_error(error) -> None:
    mkdocs_parallel.abort()


def on_page_markdown(markdown: str, page, config, files) -> str:
    for key in ("title", "description"):  # printed raw by the theme (<title>, <meta>)
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escaped(page.meta[key])
    if page.meta.get("sitemap") is False:
        _unlisted.add(page.url)
    return markdown


EXIT_SKIP_LINK = re.compile(r'\s*<a [^<>]*class="md-skip bt-exit-skip"[^<>]*>[^<>]*</a>')
SKIP_LINKS = '<div data-md-component="skip">'


def on_post_page(output: str, page, config) -> str:  # noqa: ARG001 (MkDocs signature)
    """The quick exit's skip link becomes the page's first link, before "Skip to content"
    (as GOV.UK places it): Material writes its skip link outside any block a theme override
    can reach, so main.html writes this one in the header block and it is moved here."""
    link = EXIT_SKIP_LINK.search(output)
    if link is None or SKIP_LINKS not in output:
        return output
    output = output[: link.start()] + output[link.end() :]
    return output.replace(SKIP_LINKS, SKIP_LINKS + link.group().strip(), 1)


def on_post_build(config) -> None:
    mkdocs_parallel.finish()  # every page is written before the sitemap is trimmed
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if not _unlisted or not sitemap.is_file():
        return
    base = config.site_url or ""
    text = sitemap.read_text("utf-8")
    for url in _unlisted:
        loc = re.escape(f"<loc>{base}{url}</loc>")
        text = re.sub(rf"\s*<url>\s*{loc}.*?</url>", "", text, flags=re.DOTALL)
    sitemap.write_text(text, "utf-8")
    with gzip.GzipFile(Path(config.site_dir) / "sitemap.xml.gz", "wb", mtime=0) as stream:
        stream.write(text.encode("utf-8"))
