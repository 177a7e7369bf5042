"""Open data for organisations and readers: Open Referral JSON and the HSDS API files (see
``generator.hsds``), CSV, Atom and JSON Feed, robots.txt. Pure functions from the site model
to file contents."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator

from generator.hsds import generate_api, resources_json
from generator.sitemodel import Resource, SiteModel, Story

FEED_LIMIT = 50
"""Entries in each feed: the newest stories, or the most recently checked services."""


def _absolute(site: SiteModel, path: str) -> str:
    return site.config.site.url + path


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
OPTIONAL_CSV_COLUMNS = ("text", "address")
"""Columns written only when some service has a value: a column empty in every row says
nothing."""


def _csv_row(site: SiteModel, r: Resource) -> dict[str, str]:
    return {
        "id": r.id,
        "name": r.name,
        "organisation": r.organisation,
        "url": r.url,
        "page": _absolute(site, r.page_url),
        "categories": "; ".join(site.config.categories[c].label for c in r.categories),
        "regions": "; ".join(site.config.regions[g].label for g in r.regions),
        "eligibility": r.eligibility,
        "phone": r.phone or "",
        "email": r.email or "",
        "text": r.text or "",
        "address": " ".join((r.address or "").split()),
        "last_verified": r.last_verified.isoformat(),
        "may_be_out_of_date": "yes" if r.stale else "no",
    }


def resources_csv(site: SiteModel) -> bytes:
    rows = [_csv_row(site, r) for r in site.resources]
    columns = [
        c for c in CSV_COLUMNS if c not in OPTIONAL_CSV_COLUMNS or any(row[c] for row in rows)
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row[c] for c in columns])
    return out.getvalue().encode("utf-8")


def _warning_text(site: SiteModel, story: Story) -> str:
    labels = [site.config.content_warnings[w].label.lower() for w in story.content_warnings]
    return f"Content warning: {', '.join(labels)}. " if labels else ""


def _at_nine(day: date) -> datetime:
    return datetime.combine(day, time(9, 0), tzinfo=UTC)


def _published_at(story: Story) -> datetime:
    return _at_nine(story.published)


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


def directory_feed(site: SiteModel) -> bytes:
    """Atom feed of directory changes for organisations: each service as an entry updated on
    the day its details were last checked, so a new or re-checked listing comes first."""
    info = site.config.site
    feed = FeedGenerator()
    feed.id(_absolute(site, "resources/"))
    feed.title(f"{info.name}: support directory")
    feed.subtitle(f"Services added to or checked in the {info.name} support directory.")
    feed.link(href=_absolute(site, "resources/"), rel="alternate")
    feed.link(href=_absolute(site, "directory.xml"), rel="self")
    feed.language(info.language)
    feed.author({"name": info.name})
    newest = sorted(site.resources, key=lambda r: (r.last_verified, r.id), reverse=True)
    newest = newest[:FEED_LIMIT]
    feed.updated(_at_nine(newest[0].last_verified) if newest else _at_nine(date(2000, 1, 1)))
    for resource in reversed(newest):  # feedgen prepends: add oldest first
        entry = feed.add_entry()
        entry.id(_absolute(site, resource.page_url))
        entry.title(resource.name)
        entry.link(href=_absolute(site, resource.page_url))
        entry.author({"name": resource.organisation})
        entry.updated(_at_nine(resource.last_verified))
        regions = ", ".join(site.config.regions[g].label for g in resource.regions)
        entry.summary(
            f"{resource.organisation}. For: {resource.eligibility.rstrip('.')}. Where: {regions}. "
            f"Details last checked on {resource.last_verified.isoformat()}."
        )
        for category in resource.categories:
            entry.category(term=category, label=site.config.categories[category].label)
    return feed.atom_str(pretty=True)


def robots_txt(site: SiteModel) -> bytes:
    """Every public page may be crawled; the sitemap lists them."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {_absolute(site, 'sitemap.xml')}\n".encode()


def generate_exports(site: SiteModel) -> dict[str, bytes]:
    """Files written beside the pages, by path from the site root."""
    return {
        "resources.json": resources_json(site),
        "resources.csv": resources_csv(site),
        "feed.xml": atom_feed(site),
        "feed.json": json_feed(site),
        "directory.xml": directory_feed(site),
        "robots.txt": robots_txt(site),
        **generate_api(site),
    }
