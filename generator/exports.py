"""Open data for organisations and readers: Open Referral JSON, CSV, Atom and JSON Feed.
Pure functions from the site model to file contents."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import UTC, datetime, time

from feedgen.feed import FeedGenerator

from generator.sitemodel import Resource, SiteModel, Story

HSDS_VERSION = "3.0"
FEED_LIMIT = 50
"""Entries in each feed: the newest stories."""
_NAMESPACE = uuid.UUID("6f1c9a52-5d0e-4a1b-9a57-6b2f3e0c7d11")


def stable_uuid(kind: str, key: str) -> str:
    """HSDS wants UUIDs; derive them from our stable ids so they never change between builds."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


def _absolute(site: SiteModel, path: str) -> str:
    return site.config.site.url + path


def hsds_service(site: SiteModel, resource: Resource) -> dict:
    """One resource as an Open Referral (HSDS 3.0) service, organisation nested."""
    config = site.config
    service_id = stable_uuid("service", resource.id)
    service: dict = {
        "id": service_id,
        "name": resource.name,
        "description": resource.body.strip(),
        "url": resource.url,
        "status": "active",
        "eligibility_description": resource.eligibility,
        "assured_date": resource.last_verified.isoformat(),
        "organization": {
            "id": stable_uuid("organization", resource.organisation),
            "name": resource.organisation,
            "description": f"Provides {resource.name}.",
        },
        "phones": [],
        "contacts": [],
        "service_areas": [
            {
                "id": stable_uuid("service_area", f"{resource.id}:{region}"),
                "service_id": service_id,
                "name": config.regions[region].label,
                "description": config.regions[region].description,
            }
            for region in resource.regions
        ],
        "attributes": [
            {
                "id": stable_uuid("attribute", f"{resource.id}:{category}"),
                "link_id": service_id,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term": {
                    "id": stable_uuid("taxonomy_term", category),
                    "code": category,
                    "name": config.categories[category].label,
                    "description": config.categories[category].description,
                    "taxonomy": "beenthere-categories",
                },
            }
            for category in resource.categories
        ],
    }
    if resource.email:
        service["email"] = resource.email
    if resource.phone:
        service["phones"].append(
            {
                "id": stable_uuid("phone", resource.id),
                "service_id": service_id,
                "number": resource.phone,
                "type": "voice",
            }
        )
    if resource.text:
        service["phones"].append(
            {
                "id": stable_uuid("phone-text", resource.id),
                "service_id": service_id,
                "number": resource.text,
                "type": "text",
            }
        )
    if resource.email or resource.phone:
        service["contacts"].append(
            {
                "id": stable_uuid("contact", resource.id),
                "service_id": service_id,
                "name": resource.organisation,
                **({"email": resource.email} if resource.email else {}),
            }
        )
    return service


def resources_json(site: SiteModel) -> bytes:
    """All resources as an HSDS paginated service list (one page)."""
    services = [hsds_service(site, r) for r in site.resources]
    payload = {
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": services,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False).encode("utf-8")


CSV_COLUMNS = (
    "id",
    "name",
    "organisation",
    "url",
    "page",
    "categories",
    "regions",
    "eligibility",
    "phone",
    "email",
    "text",
    "address",
    "last_verified",
    "may_be_out_of_date",
)


def resources_csv(site: SiteModel) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in site.resources:
        writer.writerow(
            [
                r.id,
                r.name,
                r.organisation,
                r.url,
                _absolute(site, r.page_url),
                "; ".join(site.config.categories[c].label for c in r.categories),
                "; ".join(site.config.regions[g].label for g in r.regions),
                r.eligibility,
                r.phone or "",
                r.email or "",
                r.text or "",
                r.address or "",
                r.last_verified.isoformat(),
                "yes" if r.stale else "no",
            ]
        )
    return out.getvalue().encode("utf-8")


def _warning_text(site: SiteModel, story: Story) -> str:
    labels = [site.config.content_warnings[w].label.lower() for w in story.content_warnings]
    return f"Content warning: {', '.join(labels)}. " if labels else ""


def _published_at(story: Story) -> datetime:
    return datetime.combine(story.published, time(9, 0), tzinfo=UTC)


def atom_feed(site: SiteModel) -> bytes:
    info = site.config.site
    feed = FeedGenerator()
    feed.id(info.url)
    feed.title(f"{info.name}: stories")
    feed.subtitle(info.description or info.name)
    feed.link(href=info.url, rel="alternate")
    feed.link(href=_absolute(site, "feed.xml"), rel="self")
    feed.language(info.language)
    feed.author({"name": info.name})
    stories = site.feed_stories[:FEED_LIMIT]
    feed.updated(_published_at(stories[0]) if stories else datetime(2000, 1, 1, tzinfo=UTC))
    for story in reversed(stories):  # feedgen prepends: add oldest first
        entry = feed.add_entry()
        entry.id(_absolute(site, story.url))
        entry.title(story.title)
        entry.link(href=_absolute(site, story.url))
        entry.author({"name": story.pseudonym})
        entry.published(_published_at(story))
        entry.updated(_published_at(story))
        entry.summary(_warning_text(site, story) + story.summary)
        for topic in story.topics:
            entry.category(term=topic, label=site.config.topics[topic].label)
    return feed.atom_str(pretty=True)


def json_feed(site: SiteModel) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    info = site.config.site
    items = []
    for story in site.feed_stories[:FEED_LIMIT]:
        warning = _warning_text(site, story)
        item = {
            "id": _absolute(site, story.url),
            "url": _absolute(site, story.url),
            "title": story.title,
            "summary": warning + story.summary,
            "content_text": warning + story.summary,
            "date_published": _published_at(story).isoformat(),
            "authors": [{"name": story.pseudonym}],
            "tags": [site.config.topics[t].label for t in story.topics],
        }
        if story.content_warnings:
            item["_beenthere"] = {"content_warnings": list(story.content_warnings)}
        items.append(item)
    payload = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{info.name}: stories",
        "home_page_url": info.url,
        "feed_url": _absolute(site, "feed.json"),
        "description": info.description,
        "language": info.language,
        "items": items,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False).encode("utf-8")


def generate_exports(site: SiteModel) -> dict[str, bytes]:
    """Files written at the site root beside the pages."""
    return {
        "resources.json": resources_json(site),
        "resources.csv": resources_csv(site),
        "feed.xml": atom_feed(site),
        "feed.json": json_feed(site),
    }
