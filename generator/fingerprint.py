"""A fingerprint of everything a story publishes, so approvals bind to the exact text."""

from __future__ import annotations

import hashlib
import json

from generator.model import Document, StoryMeta

PREFIX = "sha256:"


def story_fingerprint(doc: Document) -> str:
    """Changes whenever the title, pseudonym, summary, topics, warnings, body, any image
    (bytes and alt text, which lives in the body) or any waiver changes."""
    meta = doc.meta
    assert isinstance(meta, StoryMeta)
    images = {}
    for image in doc.images:
        try:
            images[image.name] = hashlib.sha256(image.read_bytes()).hexdigest()
        except OSError:
            images[image.name] = "unreadable"
    published = {
        "title": meta.title,
        "pseudonym": meta.pseudonym,
        "summary": meta.summary,
        "topics": meta.topics,
        "content_warnings": meta.content_warnings,
        "body": doc.body.strip(),
        "images": images,
        "waivers": [waiver.model_dump() for waiver in meta.waivers],
    }
    canonical = json.dumps(published, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return PREFIX + hashlib.sha256(canonical).hexdigest()[:24]


def checked_fingerprint(doc: Document) -> str:
    """story_fingerprint, worked out once per check of the document (BT111 and BT112 both
    compare with it): the document's working cache is cleared when its check ends."""
    found = doc.cache.get("fingerprint")
    if found is None:
        found = doc.cache["fingerprint"] = story_fingerprint(doc)
    return found
