"""Embeddable directory pages for partner organisations: one small standalone HTML page per
region and per category under /embed/, for an <iframe> on their own site. No header,
navigation or search, nothing loaded from anywhere (the style is inline), the support box
kept; links open the full site in the whole window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.errors import BuildFailed
from generator.render import template_environment
from generator.sitemodel import Resource, SiteModel

EMBED_DIR = "embed"
TEMPLATE = "embed.html.j2"


@dataclass(frozen=True)
class EmbedPage:
    """One embeddable list: where it goes and what it shows."""

    path: str
    """Folder under the site root, e.g. ``embed/regions/north-west/``."""
    area: str
    """The region's or category's label."""
    heading: str
    resources: list[Resource]
    wider: list[Resource]
    """Services of a wider area that also serve this region (regions only)."""


def embed_pages(site: SiteModel) -> list[EmbedPage]:
    """Every embeddable list: each region (its services, then the wider area's) and each
    category."""
    pages = [
        EmbedPage(
            f"{EMBED_DIR}/regions/{region_id}/",
            region.label,
            f"Support services: {region.label}",
            site.resources_in("regions", region_id),
            site.wider_services(region_id),
        )
        for region_id, region in site.config.regions.items()
    ]
    pages += [
        EmbedPage(
            f"{EMBED_DIR}/categories/{category_id}/",
            category.label,
            f"Support services: {category.label}",
            site.resources_in("categories", category_id),
            [],
        )
        for category_id, category in site.config.categories.items()
    ]
    return pages


def generate_embeds(site: SiteModel, templates_dir: Path) -> dict[str, bytes]:
    """Each embed page's HTML by path from the site root."""
    env = template_environment(templates_dir)
    try:
        template = env.get_template(TEMPLATE)
    except jinja2.TemplateNotFound:
        raise BuildFailed(
            f"templates/pages/{TEMPLATE} is missing: the embeddable directory pages need it "
            "(copy it from the example project's templates/pages/)"
        ) from None
    files = {}
    for page in embed_pages(site):
        root = "../" * page.path.count("/")
        try:
            html = template.render(site=site, config=site.config, root=root, page=page)
        except jinja2.TemplateError as exc:
            raise BuildFailed(f"template templates/pages/{TEMPLATE}: {exc}") from None
        files[page.path + "index.html"] = html.encode("utf-8")
    return files
