"""The support directory as Open Referral HSDS 3.0 data: full services, the paginated list
shape and the static files of the HSDS API under /api/. Pure functions of the site model."""

from __future__ import annotations

import json
import re
import uuid
from html.parser import HTMLParser

import markdown

from generator.sitemodel import Resource, SiteModel

HSDS_VERSION = "3.0"
API_DIR = "api"
TAXONOMY_KEY = "categories"
"""The one taxonomy we publish: the site's categories of support."""
_NAMESPACE = uuid.UUID("6f1c9a52-5d0e-4a1b-9a57-6b2f3e0c7d11")
_SPACES = re.compile(r"\s+")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_BLOCKS = frozenset("p li h1 h2 h3 h4 h5 h6 blockquote pre tr dt dd".split())


def stable_uuid(kind: str, key: str) -> str:
    """HSDS wants UUIDs; derive them from our stable ids so they never change between builds
    and a partner's copy survives every rebuild."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


class _Text(HTMLParser):
    """The text of rendered markdown, a blank line after each block."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n\n")


def plain_text(source: str) -> str:
    """A markdown description as plain text, as a reader sees it: markup gone (a link's
    text kept), the source's hard line breaks and runs of spaces joined, paragraphs and list
    items kept apart by a blank line."""
    parser = _Text()
    parser.feed(markdown.markdown(source))
    parser.close()
    paragraphs = (
        _SPACES.sub(" ", part).strip() for part in _PARAGRAPHS.split("".join(parser.parts))
    )
    return "\n\n".join(part for part in paragraphs if part)


def _organization(resource: Resource) -> dict:
    # HSDS requires a description; we know only the name, so it stays empty, not invented
    return {
        "id": stable_uuid("organization", resource.organisation),
        "name": resource.organisation,
        "description": "",
    }


def hsds_service_summary(site: SiteModel, resource: Resource) -> dict:
    """A service with its one-to-one fields only: an item of the paginated list
    (``service_list.json``)."""
    summary = {
        "id": stable_uuid("service", resource.id),
        "organization_id": stable_uuid("organization", resource.organisation),
        "name": resource.name,
        "description": plain_text(resource.body),
        "url": resource.url,
        **({"email": resource.email} if resource.email else {}),
        "status": "active",
        "eligibility_description": resource.eligibility,
        "assured_date": resource.last_verified.isoformat(),
        "organization": _organization(resource),
    }
    return summary


def taxonomy(site: SiteModel) -> dict:
    return {
        "id": stable_uuid("taxonomy", TAXONOMY_KEY),
        "name": f"{site.config.site.name} categories",
        "description": "The kinds of support the directory lists.",
        "uri": site.config.site.url + "categories/",
    }


def taxonomy_term(site: SiteModel, category: str) -> dict:
    term = site.config.categories[category]
    return {
        "id": stable_uuid("taxonomy_term", category),
        "code": category,
        "name": term.label,
        "description": term.description,
        # no "taxonomy": 3.0 makes it free text naming an established taxonomy, the compiled
        # service.json types it as a taxonomy object; taxonomy_id names ours in both
        "taxonomy_id": stable_uuid("taxonomy", TAXONOMY_KEY),
        "term_uri": site.config.site.url + f"categories/{category}/",
    }


def hsds_service(site: SiteModel, resource: Resource) -> dict:
    """One resource as a fully nested HSDS service (``service.json``)."""
    config = site.config
    service = hsds_service_summary(site, resource)
    service_id = service["id"]
    phones = []
    if resource.phone:
        phones.append(
            {
                "id": stable_uuid("phone", resource.id),
                "service_id": service_id,
                "number": resource.phone,
                "type": "voice",
            }
        )
    if resource.text:
        phones.append(
            {
                "id": stable_uuid("phone-text", resource.id),
                "service_id": service_id,
                "number": resource.text,
                "type": "text",
            }
        )
    service["phones"] = phones
    service["contacts"] = (
        [
            {
                "id": stable_uuid("contact", resource.id),
                "service_id": service_id,
                "name": resource.organisation,
                **({"email": resource.email} if resource.email else {}),
            }
        ]
        if resource.email or resource.phone
        else []
    )
    service["service_areas"] = [
        {
            "id": stable_uuid("service_area", f"{resource.id}:{region}"),
            "service_id": service_id,
            "name": config.regions[region].label,
            **(
                {"description": config.regions[region].description}
                if config.regions[region].description
                else {}
            ),
        }
        for region in resource.regions
    ]
    service["attributes"] = [
        {
            "id": stable_uuid("attribute", f"{resource.id}:{category}"),
            "link_id": service_id,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": stable_uuid("taxonomy_term", category),
            "taxonomy_term": taxonomy_term(site, category),
        }
        for category in resource.categories
    ]
    return service


def page_of(contents: list[dict]) -> dict:
    """The API's paginated shape (openapi.json, ``components/schemas/Page``): one page."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def api_meta(site: SiteModel) -> dict:
    """``GET /``: the HSDS version and profile of this API."""
    info = site.config.site
    meta: dict = {
        "version": HSDS_VERSION,
        # no profile of our own: the base specification, at the version we follow
        "profile": "https://github.com/openreferral/specification/tree/3.0",
        "description": f"The support directory of {info.name}, as static files in the shapes "
        "of the HSDS 3.0 API: services/index.json lists every service, "
        "services/<id>.json holds one in full.",
        "publisher": {"name": info.name, "website": info.url},
    }
    if site.config.contact.email:
        meta["publisher"]["email"] = site.config.contact.email
    return meta


def _json(data: object) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def resources_json(site: SiteModel) -> bytes:
    """All resources, fully nested, as one page of the paginated list."""
    return _json(page_of([hsds_service(site, r) for r in site.resources]))


def generate_api(site: SiteModel) -> dict[str, bytes]:
    """The /api/ files, each at the address the API would answer (folder index.json for the
    list endpoints, so that /api/services/ works on any static host)."""
    terms = [taxonomy_term(site, category) for category in site.config.categories]
    files = {
        f"{API_DIR}/index.json": _json(api_meta(site)),
        f"{API_DIR}/services/index.json": _json(
            page_of([hsds_service_summary(site, r) for r in site.resources])
        ),
        f"{API_DIR}/taxonomies/index.json": _json(page_of([taxonomy(site)])),
        f"{API_DIR}/taxonomy_terms/index.json": _json(page_of(terms)),
    }
    for resource in site.resources:
        service = hsds_service(site, resource)
        files[f"{API_DIR}/services/{service['id']}.json"] = _json(service)
    return files
