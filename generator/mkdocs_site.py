"""The MkDocs configuration for the generated docs folder, derived from site_config.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import material

from generator.config import Project
from generator.packaged import theme_dirs
from generator.sitemodel import SiteModel

HOOKS_FILE = Path(__file__).with_name("mkdocs_hooks.py")
MARKDOWN_EXTENSIONS = ("attr_list", "admonition", "md_in_html", "tables", "toc")
"""What the site's markdown may use (toc last: MkDocs gets it with its options)."""


def redirect_maps(site: SiteModel) -> dict[str, str]:
    """Old addresses (aliases) → current pages, so links keep working after an id changes."""
    maps = {}
    for story in site.stories:
        for alias in story.aliases:
            maps[f"stories/{alias}/index.md"] = f"stories/{story.id}/index.md"
    for resource in site.resources:
        for alias in resource.aliases:
            maps[f"resources/{alias}/index.md"] = f"resources/{resource.id}/index.md"
    return maps


def mkdocs_config(project: Project, site: SiteModel, docs_dir: Path, site_dir: Path) -> dict:
    """A plain dict, written as mkdocs.yml beside the docs folder."""
    from generator.render import render_support_box  # render → rules → this module's constants

    info = project.config.site
    nav: list[Any] = [
        {"Home": "index.md"},
        {"Stories": "stories/index.md"},
        {"Topics": "topics/index.md"},
        {"Support directory": "resources/index.md"},
        {"Search": "search/index.md"},
    ]
    nav += reader_pages_nav(site)
    return {
        "site_name": info.name,
        "site_url": info.url,
        "site_description": info.description,
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "strict": False,
        "nav": nav,
        "theme": {
            "name": "material",
            # the site's overrides, if it has any; mkdocs_hooks.on_config adds the default
            # theme's behind them, so that a site overrides file by file
            "custom_dir": str(theme_dirs(project.templates_dir, "overrides")[0]),
            "language": theme_language(info.language),
            "font": False,  # Material loads Google Fonts otherwise: no request leaves the site
            # navigation.indexes: "How we moderate" is a page and the section of editors' pages
            "features": ["navigation.top", "navigation.indexes", "search.highlight"],
            # no palette: its stylesheet costs 2 KB per page; our colours are in beenthere.css
        },
        "extra_css": ["assets/beenthere.css"],
        "extra": {
            "generator": False,
            "beenthere": chrome_settings(project, site),
            # 404.html is built from the theme alone, served at any address: links from the root
            "support_box": render_support_box(site, project.templates_dir, urlsplit(info.url).path),
        },
        "hooks": [str(HOOKS_FILE)],
        # Material's built-in search would send every reader the whole index (7 MB at 10,000
        # stories); search_index.py, run after the build, splits it into small files.
        "plugins": [{"redirects": {"redirect_maps": redirect_maps(site)}}],
        "markdown_extensions": [*MARKDOWN_EXTENSIONS[:-1], {"toc": {"permalink": False}}],
        "validation": {
            "nav": {"omitted_files": "ignore"},
            "links": {
                "not_found": "warn",
                "absolute_links": "ignore",
                "unrecognized_links": "ignore",
            },
        },
    }


MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
MODERATION_SECTION = "how-we-moderate"
"""The plain page under which the editors' pages (guide, rule reference) sit in the menu."""


def reader_pages_nav(site: SiteModel) -> list[Any]:
    """The plain pages of the menu; the editors' guide and the rule reference sit under "How we
    moderate", so readers' top level stays theirs. Footer pages are left out of the menu."""
    editors: list[Any] = []
    if site.editors_guide:
        editors.append({"Editors' guide": f"{MODERATION_SECTION}/editors-guide/index.md"})
    editors.append({"Moderation rules": f"{MODERATION_SECTION}/rules/index.md"})
    nav: list[Any] = []
    for page in site.pages:
        if page.footer:
            continue
        if page.slug == MODERATION_SECTION:
            nav.append({page.title: [f"{page.slug}/index.md", *editors]})
            editors = []
        else:
            nav.append({page.title: f"{page.slug}/index.md"})
    return nav + editors  # without a "How we moderate" page, the editors' pages stand alone


def theme_language(language: str) -> str:
    """Material's translation of its own labels for a language tag: 'en-GB' → 'en' (Material
    has no en-GB); the page's lang attribute keeps the full tag (partials/language.html)."""
    for candidate in (language, language.split("-")[0].lower()):
        if (MATERIAL_LANGUAGES / f"{candidate}.html").is_file():
            return candidate
    return "en"


def footer_links(project: Project, site: SiteModel) -> list[dict[str, str]]:
    """The links of every page's footer: help, safety and the pages a public service has."""
    contact = project.config.contact
    links = [{"title": "Get help now", "url": "get-help/"}]
    links += [{"title": page.title, "url": f"{page.slug}/"} for page in site.pages if page.footer]
    links.append({"title": "Privacy notice", "url": "privacy/"})
    if contact.email or contact.phone:
        links.append({"title": "Contact us", "url": "contact/"})
    return links


def chrome_settings(project: Project, site: SiteModel) -> dict[str, Any]:
    """What the theme override (templates/overrides/main.html) needs from the config."""
    config = project.config
    slugs = {page.slug for page in site.pages}
    return {
        "language": config.site.language,
        "quick_exit": config.safety.quick_exit,
        "exit_url": config.safety.exit_url,
        "online_safety": "online-safety/" if "online-safety" in slugs else "",
        "footer": footer_links(project, site),
    }
