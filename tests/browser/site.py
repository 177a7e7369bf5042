"""Build the example site once, serve it on localhost, and drive Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGE_TYPES = {
    "home": "",
    "story with warnings": "stories/riverside-walks/",
    "story without warnings": "stories/keys-to-my-own-door/",
    "story index": "stories/",
    "topic": "topics/recovery/",
    "directory": "resources/",
    "category": "categories/housing/",
    "region": "regions/north-west/",
    "region with wider services only": "regions/south-east/",
    "resource": "resources/open-door-housing/",
    "plain page": "about/",
    "rule reference": "how-we-moderate/rules/",
    "withdrawn story": "stories/the-old-bakery-shift/",
    "story whose consent expired": "stories/the-consent-ran-out/",
    "not found": "404.html",
    "get help": "get-help/",
    "online safety": "online-safety/",
    "accessibility statement": "accessibility/",
    "privacy notice": "privacy/",
    "contact": "contact/",
    "share your story": "share-your-story/",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (http.server's signature)
        pass


@contextmanager
def serve(site_dir: Path, prefix: str = "") -> Iterator[str]:
    """Serve the site on localhost, at the root or under ``/prefix/`` (as on a project page)."""
    with tempfile.TemporaryDirectory() as root:
        if prefix:
            (Path(root) / prefix).symlink_to(site_dir.resolve(), target_is_directory=True)
        handler = functools.partial(_QuietHandler, directory=root if prefix else str(site_dir))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/" + (f"{prefix}/" if prefix else "")
        finally:
            server.shutdown()
            server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError("browser tests need Debian's chromium: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
