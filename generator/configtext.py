"""The strings of site_config.yml that reach every page, the feeds and the search index, as a
document the text rules can read (a name or a prison number in a topic label is published as
surely as one in a story)."""

from __future__ import annotations

from generator.config import Project
from generator.model import ConfigText, Document
from generator.yamlsource import ParsedYaml

Path = tuple[str | int, ...]


def config_document(project: Project) -> Document:
    """``site_config.yml``'s published strings, with their lines, as a page-like document."""
    config = project.config
    strings: list[tuple[str, Path, str]] = []

    def add(*path: str | int, value: str | None) -> None:
        if value:
            strings.append((".".join(map(str, path)), path, value))

    add("site", "name", value=config.site.name)
    add("site", "description", value=config.site.description)
    for vocabulary in ("topics", "content_warnings", "categories", "regions"):
        for term_id, term in getattr(config, vocabulary).items():
            add(vocabulary, term_id, "label", value=term.label)
            add(vocabulary, term_id, "description", value=term.description)
    add("support", "heading", value=config.support.heading)
    for number, link in enumerate(config.support.links):
        for name in ("label", "description", "hours"):
            add("support", "links", number, name, value=getattr(link, name))
    for warning, links in config.support.by_warning.items():
        for number, link in enumerate(links):
            for name in ("label", "description", "hours"):
                add("support", "by_warning", warning, number, name, value=getattr(link, name))
    add("contact", "hours", value=config.contact.hours)
    add("privacy", "host", value=config.privacy.host)
    add("privacy", "host_logs", value=config.privacy.host_logs)
    return Document(
        kind="page",
        path=project.config_file,
        rel=project.relative(project.config_file),
        slug="site-config",
        body="",
        body_line=1,
        parsed=project.parsed or ParsedYaml({}, {}),
        head=project.source,
        meta=ConfigText(tuple(strings)),
    )
