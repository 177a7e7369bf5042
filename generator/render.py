"""Render the site model into MkDocs markdown pages through the Jinja2 templates: in memory
(for the preview), or straight into the docs folder on every core (for the build)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from generator.config import SiteConfig, SupportLink
from generator.errors import BuildFailed
from generator.images import stripped_bytes
from generator.loader import IMAGE_SUFFIXES
from generator.packaged import theme_dirs
from generator.parallel import map_batches
from generator.rules_doc import render_rules_reference
from generator.sitemodel import SiteModel

STORIES_PER_INDEX_PAGE = 50


@dataclass
class RenderedDocs:
    """The MkDocs docs folder, in memory: markdown text by path, and files to copy."""

    pages: dict[str, str] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)
    """Destination path in docs → source file (story images, static assets)."""


def template_environment(templates_dir: Path) -> jinja2.Environment:
    """Templates from the site's ``templates/pages/`` where it has them, else the default
    theme's."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme_dirs(templates_dir, "pages")),
        autoescape=True,  # every value is HTML-escaped unless a template says otherwise
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["longdate"] = lambda d: f"{d.day} {d:%B %Y}"
    env.filters["mdtext"] = markdown_text
    env.filters["telhref"] = lambda phone: re.sub(r"[^\d+]", "", phone)
    env.filters["hostpath"] = host_and_path
    env.filters["codespans"] = code_spans
    return env


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|])")
_CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans(value: str) -> Markup:
    """Plain text, escaped, with its `backticked` commands as <code> (the preview's banner
    shows the checklist's messages and hints, which quote commands and fields)."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(value))))


def markdown_text(value: str) -> str:
    """Escape characters that would turn plain text into markdown syntax (links, emphasis)."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", value)


def host_and_path(url: str) -> str:
    """A URL as readers can read it aloud: example.org/housing."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


@dataclass(frozen=True)
class PageSpec:
    """One page to render: where it goes, through which template, with which values."""

    path: str
    template: str
    values: dict[str, object]


def page_specs(site: SiteModel) -> tuple[list[PageSpec], dict[str, Path]]:
    """Every page of the site, unrendered, and the files to copy beside them."""
    specs: list[PageSpec] = []
    copies: dict[str, Path] = {}
    config = site.config

    def page(path: str, template: str, **values: object) -> None:
        specs.append(PageSpec(path, template, values))

    page("index.md", "home.md.j2", latest=site.stories[:6])
    pages_of_stories = [
        site.stories[i : i + STORIES_PER_INDEX_PAGE]
        for i in range(0, max(len(site.stories), 1), STORIES_PER_INDEX_PAGE)
    ]
    for number, chunk in enumerate(pages_of_stories, start=1):
        path = "stories/index.md" if number == 1 else f"stories/page/{number}/index.md"
        page(
            path,
            "story_index.md.j2",
            stories=chunk,
            number=number,
            total_pages=len(pages_of_stories),
        )
    for story in site.stories:
        page(f"stories/{story.id}/index.md", "story.md.j2", story=story)
        for image in story.images:
            copies[f"stories/{story.id}/{image.name}"] = image
    for story_id in site.withdrawn_ids:
        page(f"stories/{story_id}/index.md", "tombstone.md.j2")
    page("search/index.md", "search.md.j2", preview=site.preview)
    page("topics/index.md", "topic_index.md.j2")
    for topic_id, topic in config.topics.items():
        page(
            f"topics/{topic_id}/index.md",
            "topic.md.j2",
            topic_id=topic_id,
            topic=topic,
            stories=site.stories_on(topic_id),
        )
    page("resources/index.md", "directory.md.j2")
    for resource in site.resources:
        page(f"resources/{resource.id}/index.md", "resource.md.j2", resource=resource)
    for folder in ("categories", "regions"):  # each a resource field and a vocabulary
        vocabulary = getattr(config, folder)
        page(f"{folder}/index.md", "group_index.md.j2", folder=folder, vocabulary=vocabulary)
        for term_id, term in vocabulary.items():
            page(
                f"{folder}/{term_id}/index.md",
                "group.md.j2",
                folder=folder,
                term_id=term_id,
                term=term,
                resources=site.resources_in(folder, term_id),
                wider=site.wider_services(term_id) if folder == "regions" else [],
            )
    for plain in site.pages:
        page(f"{plain.slug}/index.md", "page.md.j2", page=plain)
    # the pages every reader can reach from the header and footer, written from the config
    page("get-help/index.md", "get_help.md.j2")
    page("privacy/index.md", "privacy.md.j2")
    if config.contact.email or config.contact.phone:
        page("contact/index.md", "contact.md.j2")
    page("how-we-moderate/rules/index.md", "rules.md.j2", reference=render_rules_reference())
    if site.editors_guide:
        # the guide links to RULES.md in the repository; on the site, to the rules page
        guide = site.editors_guide.replace("](RULES.md)", "](../rules/)")
        page("how-we-moderate/editors-guide/index.md", "guide.md.j2", guide=guide)
    return specs, copies


def support_by_subject(config: SiteConfig) -> list[tuple[str, list[SupportLink]]]:
    """``support.by_warning`` for the "Get help now" page: warnings that share the same places
    to turn to are one heading ("Self-harm or suicide"), in the config's order."""
    groups: list[tuple[list[str], list[SupportLink]]] = []
    for warning, links in config.support.by_warning.items():
        label = config.content_warnings[warning].label
        same = next((group for group in groups if group[1] == links), None)
        if same:
            same[0].append(label.lower())
        else:
            groups.append(([label], links))
    return [(" or ".join(labels), links) for labels, links in groups]


@dataclass
class _Renderer:
    env: jinja2.Environment
    common: dict[str, object]

    @classmethod
    def of(cls, site: SiteModel, templates_dir: Path) -> _Renderer:
        env = template_environment(templates_dir)
        config = site.config
        env.filters["warning_label"] = lambda w: config.content_warnings[w].label.lower()
        env.globals["support_by_subject"] = partial(support_by_subject, config)
        return cls(env, {"site": site, "config": config})

    def render(self, spec: PageSpec) -> str:
        root = "../" * spec.path.count("/")  # every page is an index.md, so links are relative
        try:
            template = self.env.get_template(spec.template)
            return template.render(**self.common, root=root, **spec.values)
        except jinja2.TemplateNotFound as exc:
            raise BuildFailed(
                f"templates/pages/{exc.name} is missing: neither the site's templates/pages/ "
                "nor the default theme has it; check the name where a template includes or "
                "extends it"
            ) from None
        except jinja2.TemplateError as exc:
            where = (
                f"{exc.filename}:{exc.lineno}" if getattr(exc, "lineno", None) else spec.template
            )
            raise BuildFailed(f"template {where} cannot be rendered: {exc}") from None

    def write(self, docs_dir: Path, specs: Sequence[PageSpec]) -> int:
        for spec in specs:
            target = docs_dir / spec.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.render(spec), "utf-8")
        return len(specs)


def render_support_box(site: SiteModel, templates_dir: Path, root: str) -> str:
    """The support box as HTML, for the page MkDocs builds from the theme alone (404.html),
    where ``root`` is the site's path on its host: that page is served at any address."""
    renderer = _Renderer.of(site, templates_dir)
    try:
        return renderer.env.get_template("_support.md.j2").render(**renderer.common, root=root)
    except jinja2.TemplateError as exc:
        raise BuildFailed(f"template _support.md.j2 cannot be rendered: {exc}") from None


def render_docs(site: SiteModel, templates_dir: Path) -> RenderedDocs:
    """Every page of the site as markdown, keyed by its path under the docs folder."""
    renderer = _Renderer.of(site, templates_dir)
    specs, copies = page_specs(site)
    return RenderedDocs({spec.path: renderer.render(spec) for spec in specs}, copies)


def render_into(site: SiteModel, templates_dir: Path, docs_dir: Path) -> int:
    """``write_docs(render_docs(...))`` into a new, empty ``docs_dir``, on every core: workers
    render and write shares of the pages, so no page's text is ever sent between processes
    or held all at once. Returns the number of pages."""
    renderer = _Renderer.of(site, templates_dir)
    specs, copies = page_specs(site)
    written = sum(map_batches(partial(renderer.write, docs_dir), specs))
    for path, source in copies.items():
        _copy(source, docs_dir / path)
    return written


def _copy(source: Path, target: Path) -> None:
    """Copy a file beside the pages (an image only if its bytes changed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # published images never carry metadata, whatever the checklist was told
    data = stripped_bytes(source) if source.suffix.lower() in IMAGE_SUFFIXES else None
    if data is None:
        shutil.copyfile(source, target)
    elif not (target.is_file() and target.read_bytes() == data):
        target.write_bytes(data)


def write_docs(docs: RenderedDocs, docs_dir: Path) -> int:
    """Write the docs folder; only files whose content changed are touched (keeps live reload
    from looping). Returns the number of files written."""
    written = 0
    wanted = set(docs.pages) | set(docs.copies)
    for path, text in docs.pages.items():
        target = docs_dir / path
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    for path, source in docs.copies.items():
        _copy(source, docs_dir / path)
        written += 1
    if docs_dir.is_dir():
        for existing in docs_dir.rglob("*"):
            if existing.is_file() and existing.relative_to(docs_dir).as_posix() not in wanted:
                existing.unlink()
    return written
