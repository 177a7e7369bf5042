"""The embeddable directory pages in Chromium: alone and in a partner's <iframe> on another
origin. Nothing loads from elsewhere, axe finds nothing, links open the full site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser.site import serve
from browser.test_browser import _open, assert_accessible

EMBEDS = {
    "region": "embed/regions/north-west/",
    "region with national services": "embed/regions/south-east/",
    "category": "embed/categories/housing/",
}


@pytest.mark.parametrize("name", list(EMBEDS))
@pytest.mark.parametrize("width", [360, 1280])
def test_embed_has_no_axe_violations(browser, site_url, name, width):
    context, page, _ = _open(
        browser, site_url + EMBEDS[name], viewport={"width": width, "height": 800}
    )
    try:
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize("name", list(EMBEDS))
def test_embed_loads_nothing_from_elsewhere_and_sets_no_cookie(browser, site_url, name):
    context, page, requests = _open(browser, site_url + EMBEDS[name])
    try:
        assert requests == [site_url + EMBEDS[name]]  # the page alone: its style is inline
        assert context.cookies() == []
    finally:
        context.close()


@pytest.fixture
def partner_url(tmp_path: Path, site_url):
    """A partner's page, on another origin, with the snippet from the directory page."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Partner</title>'
        "</head><body><main><h1>Our partner page</h1>"
        f'<iframe src="{site_url}embed/regions/north-west/" title="Support services: North '
        'West, from Been There" width="100%" height="600"></iframe></main></body></html>'
    )
    with serve(tmp_path) as url:
        yield url


def test_embed_in_a_partner_iframe_opens_the_full_site_in_the_whole_window(
    browser, site_url, partner_url
):
    context, page, requests = _open(browser, partner_url)
    try:
        allowed = {urlsplit(site_url).netloc, urlsplit(partner_url).netloc}
        assert {urlsplit(u).netloc for u in requests} <= allowed
        frame = page.frame_locator("iframe")
        frame.get_by_role("heading", name="If you need to talk to someone now").wait_for()
        link = frame.get_by_role("link", name="Open Door Housing Advice")
        with page.expect_navigation():
            link.click()
        assert page.url == site_url + "resources/open-door-housing/"
        assert page.get_by_role("heading", name="Open Door Housing Advice").is_visible()
    finally:
        context.close()


def test_embed_works_without_javascript(browser, site_url):
    context, page, _ = _open(browser, site_url + EMBEDS["category"], java_script_enabled=False)
    try:
        items = page.locator("ul.services > li")
        assert items.count() >= 2
        assert page.get_by_role("link", name="Open Door Housing Advice").is_visible()
    finally:
        context.close()
