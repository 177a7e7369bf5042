"""What the public site shows, gathered from published documents before anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.config import SiteConfig
from generator.findings import Finding
from generator.model import Document, PageMeta, ResourceMeta, StoryMeta, channels

WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class PreviewNotice:
    """The preview's banner on a story that would not be published: why, and each finding
    with its line and fix, so the editor can fix it from the page they are reading."""

    reasons: tuple[str, ...]
    """"draft", "consent expired on …", "2 checklist errors"."""
    findings: tuple[Finding, ...] = ()
    """The story's errors and warnings, in the order of its lines."""


@dataclass(frozen=True)
class Story:
    """A published story as the templates see it (no consent or review data: never public)."""

    id: str
    title: str
    pseudonym: str
    summary: str
    topics: list[str]
    content_warnings: list[str]
    published: date
    body: str
    reading_minutes: int
    images: list[Path]
    aliases: list[str]
    preview_notice: PreviewNotice | None = None
    """Only in `beenthere serve`: why this story would not be published yet."""
    in_feeds: bool = True
    """The storyteller agreed to syndication (consent.scope): it is in the feeds."""
    in_search: bool = True
    """The storyteller agreed to the site's search: its page is indexed."""

    @property
    def url(self) -> str:
        return f"stories/{self.id}/"


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    organisation: str
    url: str
    categories: list[str]
    regions: list[str]
    eligibility: str
    phone: str | None
    email: str | None
    text: str | None
    address: str | None
    opening_hours: str | None
    last_verified: date
    stale: bool
    body: str
    aliases: list[str]

    @property
    def page_url(self) -> str:
        return f"resources/{self.id}/"

    @property
    def tel(self) -> str | None:
        return "tel:" + re.sub(r"[^\d+]", "", self.phone) if self.phone else None


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    description: str
    order: int
    body: str
    footer: bool = False
    """Linked from the footer of every page, not from the menu."""
    stories_contact: bool = False
    """Ends with the direct contact for storytellers."""


@dataclass
class SiteModel:
    """Everything the renderer needs, sorted the way readers see it."""

    config: SiteConfig
    today: date
    stories: list[Story] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    withdrawn_ids: list[str] = field(default_factory=list)
    editors_guide: str = ""
    """EDITORS.md from the project root, published under "How we moderate"."""
    preview: bool = False
    """Rendered by `beenthere serve`: banners on unpublished stories, and no search index."""

    @property
    def feed_stories(self) -> list[Story]:
        """Stories the feeds may carry, newest first: those whose storytellers agreed to
        syndication."""
        return [story for story in self.stories if story.in_feeds]

    def unsearched_pages(self) -> set[str]:
        """Built pages (paths in the site) the search index must leave out: the stories whose
        storytellers did not agree to the site's search."""
        return {f"stories/{story.id}/index.html" for story in self.stories if not story.in_search}

    def stories_on(self, topic: str) -> list[Story]:
        return self._by_topic().get(topic, [])

    def _by_topic(self) -> dict[str, list[Story]]:
        if not hasattr(self, "_topic_index"):
            index: dict[str, list[Story]] = {}
            for story in self.stories:  # already newest first
                for topic in story.topics:
                    index.setdefault(topic, []).append(story)
            self._topic_index = index
        return self._topic_index

    def related(self, story: Story, limit: int = 3, window: int = 24) -> list[Story]:
        """Stories sharing the most topics with ``story``, newest first among equals. Only the
        newest ``window`` stories of each topic are considered, so this stays cheap at 10,000."""
        shared: dict[str, int] = {}
        candidates: dict[str, Story] = {}
        for topic in story.topics:
            for other in self.stories_on(topic)[:window]:
                if other.id != story.id:
                    shared[other.id] = shared.get(other.id, 0) + 1
                    candidates[other.id] = other
        ranked = sorted(
            candidates.values(), key=lambda s: (-shared[s.id], -s.published.toordinal(), s.id)
        )
        return ranked[:limit]

    def resources_in(self, attribute: str, value: str) -> list[Resource]:
        return [r for r in self.resources if value in getattr(r, attribute)]

    def wider_regions(self, region_id: str) -> list[str]:
        """The regions whose services also serve ``region_id``: those it is within (and what
        they are within), and those that cover everywhere; in the config's order."""
        regions = self.config.regions
        wider: set[str] = set()
        todo = list(regions[region_id].within)
        while todo:
            current = todo.pop()
            if current not in wider:
                wider.add(current)
                todo.extend(regions[current].within)
        wider |= {key for key, region in regions.items() if region.everywhere}
        wider.discard(region_id)
        return [key for key in regions if key in wider]

    def wider_services(self, region_id: str) -> list[Resource]:
        """Services of the wider regions that serve ``region_id``, not listed in it directly."""
        wider = set(self.wider_regions(region_id))
        return [r for r in self.resources if region_id not in r.regions and wider & set(r.regions)]

    def regions_served(self, resource: Resource) -> list[str]:
        """Every region a service serves: its own, and those within them or everywhere."""
        return [
            key
            for key in self.config.regions
            if key in resource.regions or set(resource.regions) & set(self.wider_regions(key))
        ]


def months_between(earlier: date, later: date) -> int:
    return (
        (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)
    )


def shown_images(doc: Document) -> list[Path]:
    """The images beside a folder story that its page shows: only these are copied, so a
    forgotten file (notes, an unblurred original) never reaches the site, and one that cannot
    be read but is not shown cannot stop the build."""
    if not doc.images:
        return []
    from generator.rules.images import rendered_images, resolve  # rules import the model

    shown = {resolve(doc, src) for _, src in rendered_images(doc.body)}
    return [image for image in doc.images if image in shown]


def build_site_model(
    config: SiteConfig,
    documents: list[Document],
    today: date,
    withdrawn_ids: list[str],
    notices: dict[str, PreviewNotice] | None = None,
) -> SiteModel:
    """Only the public fields of published documents are copied across. ``notices`` (preview
    only) maps a story's file to the banner explaining why it is not published."""
    notices = notices or {}
    site = SiteModel(config=config, today=today, withdrawn_ids=sorted(withdrawn_ids))
    stale_after = config.moderation.stale_after_months
    for doc in documents:
        meta = doc.meta
        if isinstance(meta, StoryMeta):
            words = len(doc.body.split())
            site.stories.append(
                Story(
                    id=meta.id,
                    title=meta.title,
                    pseudonym=meta.pseudonym,
                    summary=meta.summary,
                    topics=list(meta.topics),
                    content_warnings=list(meta.content_warnings),
                    published=meta.published,
                    body=doc.body,
                    reading_minutes=max(1, round(words / WORDS_PER_MINUTE)),
                    images=shown_images(doc),
                    aliases=list(meta.aliases),
                    preview_notice=notices.get(doc.rel),
                    in_feeds="feeds" in channels(meta.consent),
                    in_search="search" in channels(meta.consent),
                )
            )
        elif isinstance(meta, ResourceMeta):
            site.resources.append(
                Resource(
                    id=meta.id,
                    name=meta.name,
                    organisation=meta.organisation,
                    url=meta.url,
                    categories=list(meta.categories),
                    regions=list(meta.regions),
                    eligibility=meta.eligibility,
                    phone=meta.contact.phone,
                    email=meta.contact.email,
                    text=meta.contact.text,
                    address=meta.contact.address,
                    opening_hours=meta.opening_hours,
                    last_verified=meta.last_verified,
                    stale=months_between(meta.last_verified, today) >= stale_after,
                    body=doc.body,
                    aliases=list(meta.aliases),
                )
            )
        elif isinstance(meta, PageMeta):
            site.pages.append(
                Page(
                    slug=doc.slug,
                    title=meta.title,
                    description=meta.description,
                    order=meta.order,
                    body=doc.body,
                    footer=meta.footer,
                    stories_contact=meta.stories_contact,
                )
            )
    site.stories.sort(key=lambda s: (s.published, s.id), reverse=True)
    site.resources.sort(key=lambda r: r.name.casefold())
    site.pages.sort(key=lambda p: (p.order, p.title))
    return site
