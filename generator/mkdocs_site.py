"""The MkDocs configuration for the generated docs folder, derived from site_config.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.config import Project
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
    info = project.config.site
    nav: list[Any] = [
        {"Home": "index.md"},
        {"Stories": "stories/index.md"},
        {"Topics": "topics/index.md"},
        {"Support directory": "resources/index.md"},
        {"Search": "search/index.md"},
    ]
    nav += [{page.title: f"{page.slug}/index.md"} for page in site.pages]
    if site.editors_guide:
        nav.append({"Editors' guide": "how-we-moderate/editors-guide/index.md"})
    nav.append({"Moderation rules": "how-we-moderate/rules/index.md"})
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
            "custom_dir": str(project.templates_dir / "overrides"),
            "language": info.language,
            "font": False,  # Material loads Google Fonts otherwise: no request leaves the site
            "features": ["navigation.top", "search.highlight"],
            # no palette: its stylesheet costs 2 KB per page; our colours are in beenthere.css
        },
        "extra_css": ["assets/beenthere.css"],
        "extra": {"generator": False},
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
