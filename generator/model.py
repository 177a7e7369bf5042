"""The content contract: front matter of stories, resources and pages, declared once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from generator.schema import IsoDate, Strict
from generator.yamlsource import ParsedYaml

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""Lowercase words and digits joined by single hyphens: safe in a URL and a file name."""
HANDLE_PATTERN = r"^[a-z0-9][a-z0-9_-]{1,38}$"
HANDLE_RE = re.compile(HANDLE_PATTERN)
Handle = Annotated[str, StringConstraints(pattern=HANDLE_PATTERN)]
"""An editor's handle (never a real name)."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class Status(StrEnum):
    PUBLISHED = "published"
    DRAFT = "draft"


class Consent(Strict):
    """The storyteller's consent; the signed record itself is kept outside this repository."""

    reference: Text
    """Id of the signed consent record (internal: never published)."""
    given: IsoDate
    """Date consent was signed."""
    scope: list[str]
    """Channels the storyteller agreed to: 'website' (required), and 'feeds', 'search',
    'print' one by one; 'website' alone means all of them (see ``channels``)."""
    expires: IsoDate | None = None
    """After this date the story is taken down."""
    withdrawn: IsoDate | None = None
    """Set when the storyteller withdraws; the story is taken down."""


class Approval(Strict):
    """An approval bound to the exact text it approved (written by `beenthere approve`)."""

    by: Handle
    fingerprint: str
    date: IsoDate


class HowAgreed(StrEnum):
    """How the storyteller took in the final text before agreeing to it."""

    READ_ALOUD = "read-aloud"
    PAPER = "paper"
    MESSAGE = "message"


class StorytellerSignoff(Strict):
    """The storyteller's agreement to the exact text, recorded by an editor (written by
    `beenthere approve --storyteller`); bound to the text like an approval."""

    by: Handle
    """The editor who recorded it."""
    fingerprint: str
    date: IsoDate
    """The day the storyteller agreed."""
    how: HowAgreed | None = None


class Waiver(Strict):
    """An editor's acceptance of one specific finding."""

    rule: str
    """Rule id (e.g. BT301) or name."""
    text: str
    """The exact text the finding matched."""
    reason: Text
    by: Handle


class Review(Strict):
    """Who anonymised and approved the story (internal: never published)."""

    anonymised_by: Handle
    approved_by: list[Handle] = Field(default_factory=list)
    approvals: list[Approval] = Field(default_factory=list)
    storyteller: StorytellerSignoff | None = None
    """The storyteller's sign-off of the final text."""


class StoryMeta(Strict):
    """Front matter of ``content/stories/<id>.md`` or ``content/stories/<id>/index.md``."""

    id: Id
    title: Text
    pseudonym: Text
    """The public name the storyteller chose."""
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
    topics: list[str] = Field(min_length=1)
    content_warnings: list[str]
    """Warning ids; [] when none."""
    published: IsoDate
    status: Status
    consent: Consent
    review: Review
    waivers: list[Waiver] = Field(default_factory=list)
    aliases: list[Id] = Field(default_factory=list)
    """Earlier ids of this story, kept working as redirects."""


class Contact(Strict):
    """A service's public contact details (shown as tel: and mailto: links)."""

    phone: Annotated[str, StringConstraints(pattern=r"^\+?[\d ()-]{6,20}$")] | None = None
    email: (
        Annotated[str, StringConstraints(pattern=r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")] | None
    ) = None
    text: str | None = None
    """E.g. 'Text HELP to 60000'."""
    address: str | None = None


class ResourceMeta(Strict):
    """Front matter of ``content/resources/<id>.md``; the body describes the service."""

    id: Id
    name: Text
    organisation: Text
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$")]
    categories: list[str] = Field(min_length=1)
    regions: list[str] = Field(min_length=1)
    eligibility: Text
    contact: Contact = Field(default_factory=Contact)
    opening_hours: Text | None = None
    """When the service is open, in readers' words: 'Monday to Friday, 9am to 5pm'."""
    last_verified: IsoDate
    waivers: list[Waiver] = Field(default_factory=list)
    aliases: list[Id] = Field(default_factory=list)


class PageMeta(Strict):
    """Front matter of ``content/pages/<id>.md``."""

    title: Text
    description: str = ""
    order: int = 100
    """Position in the navigation (smaller first)."""
    footer: bool = False
    """Listed in the footer of every page instead of the menu (accessibility, online safety)."""
    stories_contact: bool = False
    """Ends the page with the direct contact for storytellers (``contact.stories_email`` in the
    config, else ``contact.email``): "Share your story"."""


@dataclass(frozen=True)
class ConfigText:
    """The strings of ``site_config.yml`` that reach readers (site name, vocabulary labels and
    descriptions, the support box), read by the text rules like a page's fields."""

    strings: tuple[tuple[str, tuple[str | int, ...], str], ...]
    """(field name as reports show it, its path in the YAML, its text)."""


Kind = Literal["story", "resource", "page"]
MODELS = {"story": StoryMeta, "resource": ResourceMeta, "page": PageMeta}


@dataclass
class Document:
    """One content file, as loaded. ``meta`` is None when its front matter is invalid."""

    kind: Kind
    path: Path
    rel: str
    """Path relative to the project root, as reports show it."""
    slug: str
    """Id taken from the file or folder name."""
    body: str
    body_line: int
    """Line number of the body's first line in the file."""
    parsed: ParsedYaml
    head: str = ""
    """The file's text before the body (front matter), to find columns in it."""
    meta: StoryMeta | ResourceMeta | PageMeta | ConfigText | None = None
    images: list[Path] = field(default_factory=list)
    """Image files beside a folder story's index.md."""
    digest: str = ""
    """Fingerprint of the file's bytes (and its images), for the check cache."""
    cache: dict = field(default_factory=dict, repr=False, compare=False)
    """Values derived from this document once and shared by the rules (e.g. its segments)."""

    def line_of(self, *path: str | int) -> int | None:
        return self.parsed.line_of(path)

    @property
    def id(self) -> str:
        meta_id = getattr(self.meta, "id", None)
        return meta_id or self.slug


@dataclass(frozen=True)
class Identity:
    """What cross-file rules know of a document: where it is and which addresses it claims.
    Small, so that the check cache can keep one for every file."""

    kind: Kind
    rel: str
    slug: str
    id: str
    valid: bool
    """Its front matter passed the schema."""
    aliases: tuple[str, ...] = ()
    id_line: int | None = None
    alias_lines: tuple[int | None, ...] = ()
    details: object | None = None
    """A story's quasi-identifiers (generator.rules.jigsaw.StoryDetails), pooled by BT220
    over the stories that share a pseudonym."""

    @classmethod
    def of(cls, doc: Document) -> Identity:
        from generator.rules.jigsaw import story_details  # noqa: PLC0415 (rules import model)

        aliases = tuple(getattr(doc.meta, "aliases", ()))
        return cls(
            kind=doc.kind,
            rel=doc.rel,
            slug=doc.slug,
            id=doc.id,
            valid=doc.meta is not None,
            aliases=aliases,
            id_line=doc.line_of("id"),
            alias_lines=tuple(doc.line_of("aliases", i) for i in range(len(aliases))),
            details=story_details(doc),
        )


CHANNELS = ("website", "feeds", "search", "print")
"""Where a story can go, each agreed to (or refused) by the storyteller in consent.scope."""


def channels(consent: Consent) -> frozenset[str]:
    """The channels a story may go out on. 'website' alone is the consent form's default, which
    covers every channel; once any other channel is listed, only the listed ones are on."""
    listed = frozenset(consent.scope) & frozenset(CHANNELS)
    if listed == {"website"}:
        return frozenset(CHANNELS)
    return listed


def lapsed_reason(meta: StoryMeta, today: date) -> str | None:
    """Why a valid story must not be published today, or None when it may be."""
    if meta.status is Status.DRAFT:
        return "draft"
    if meta.consent.withdrawn is not None:
        return f"consent withdrawn on {meta.consent.withdrawn.isoformat()}"
    if meta.consent.expires is not None and meta.consent.expires <= today:
        return f"consent expired on {meta.consent.expires.isoformat()}"
    return None
