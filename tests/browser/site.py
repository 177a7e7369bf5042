"""Build the example site once, serve it on localhost, and drive Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path(os.environ.get("BEENTHERE_CHROMIUM", "/usr/bin/chromium"))
"""Debian's Chromium; BEENTHERE_CHROMIUM points elsewhere."""
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
    "resource": "resources/open-door-housing/",
    "plain page": "about/",
    "rule reference": "how-we-moderate/rules/",
    "withdrawn story": "stories/the-old-bakery-shift/",
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


def missing_browser() -> str | None:
    """Why the browser tests cannot run on this machine, in one line, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "the browser tests need Playwright: python3 -m pip install -e '.[test]'"
    if not CHROMIUM.is_file():
        return (
            f"the browser tests need Chromium at {CHROMIUM}: install it with "
            "`apt-get install chromium` (or set BEENTHERE_CHROMIUM to its path)"
        )
    return None


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    missing = missing_browser()
    if missing is not None:
        raise RuntimeError(missing)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
