"""`beenthere new`: a valid skeleton story or resource, with guidance as comments."""

from __future__ import annotations

import re
import unicodedata
from datetime import date


def slugify(title: str, limit: int = 60) -> str:
    """An id from a title: 'Keys to my own door!' → 'keys-to-my-own-door'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


STORY_PLACEHOLDER = (
    "Write the story here, in the storyteller's own words. Remove names, places, dates, numbers "
    "and anything else that could identify them or anyone else. Run `beenthere check` to see "
    "what the checklist finds."
)
"""The body `beenthere new story` writes; BT006 reports any sentence of it left in a story."""
RESOURCE_PLACEHOLDER = "Describe what the service offers, in two or three plain sentences."
"""The body `beenthere new resource` writes."""


def _wrapped(text: str, width: int = 96) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def story_skeleton(
    *,
    title: str,
    pseudonym: str,
    summary: str,
    topics: list[str],
    content_warnings: list[str],
    consent_reference: str,
    consent_given: date,
    anonymised_by: str,
    today: date,
    story_id: str | None = None,
) -> str:
    """The draft `beenthere new story` writes; its id is ``story_id`` or taken from the title."""
    story_id = story_id or slugify(title)
    return f"""---
# The id is the permanent address: /stories/{story_id}/ . Do not change it once published.
id: {story_id}
title: {_quote(title)}
# The public name the storyteller chose. Never their real name.
pseudonym: {_quote(pseudonym)}
summary: {_quote(summary)}
# Topic ids from site_config.yml.
topics: {_flow(topics)}
# Warning ids from site_config.yml; [] when none. Readers see these before the story.
content_warnings: {_flow(content_warnings)}
published: {today.isoformat()}
# Keep as draft until two editors approved the final text and the storyteller signed it off.
status: draft
consent:
  # The id of the signed consent record, kept outside this repository. Never published.
  reference: {consent_reference}
  given: {consent_given.isoformat()}
  # Channels agreed: [website] alone covers feeds, search and print too; list them to
  # leave some out, e.g. [website, print] for no feeds and no search.
  scope: [website]
  # expires: YYYY-MM-DD     (if the consent form gives an end date)
  # withdrawn: YYYY-MM-DD   (better: run `beenthere withdraw {story_id} --by <handle>`)
review:
  # Editor handles, never names. Approvals and the storyteller's sign-off are added by
  # `beenthere approve` (see the editors' guide); never by hand.
  anonymised_by: {anonymised_by}
  approved_by: []
---

{_wrapped(STORY_PLACEHOLDER)}
"""


def resource_skeleton(
    *,
    name: str,
    organisation: str,
    url: str,
    categories: list[str],
    regions: list[str],
    eligibility: str,
    phone: str | None,
    email: str | None,
    today: date,
) -> str:
    resource_id = slugify(name)
    contact = []
    if phone:
        contact.append(f"phone: {_quote(phone)}")
    if email:
        contact.append(f"email: {email}")
    return f"""---
# The id is the permanent address: /resources/{resource_id}/ . Do not change it once published.
id: {resource_id}
name: {_quote(name)}
organisation: {_quote(organisation)}
# The service's own page, https only.
url: {url}
# Category and region ids from site_config.yml; regions: [national] for UK-wide services.
categories: {_flow(categories)}
regions: {_flow(regions)}
eligibility: {_quote(eligibility)}
contact: {{{", ".join(contact)}}}
# Optional, in readers' words; leave it out when the hours are not known:
# opening_hours: Monday to Friday, 9am to 5pm
# The day someone last confirmed these details with the service.
last_verified: {today.isoformat()}
---

{RESOURCE_PLACEHOLDER}
"""
