"""Safety for readers in unsafe homes and in crisis (issue 15), in Chromium: quick exit as
GOV.UK's "Exit this page" does it, "Get help now", the keyboard on a phone, the small print,
and axe on the new pages. The exit address is answered by Playwright: nothing leaves the
machine."""

from __future__ import annotations

import pytest

from browser.site import PAGE_TYPES
from browser.test_browser import assert_accessible

EXIT_URL = "https://www.bbc.co.uk/weather"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
NEW_PAGES = ["get help", "online safety", "accessibility statement", "privacy notice", "contact"]
FOCUSED = r"""() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  const text = e.innerText || e.getAttribute('aria-label') || '';
  return {tag: e.tagName, text: text.replace(/\s+/g, ' ').trim(),
          x: r.x, y: r.y, width: r.width, height: r.height, opacity: s.opacity,
          visibility: s.visibility, outline: s.outlineStyle, shadow: s.boxShadow,
          inDrawer: !!e.closest('.md-sidebar--primary'), href: e.getAttribute('href') || ''};
}"""


class ExitSite:
    """Answers the exit address locally. ``stay=True`` answers 204 No Content, so the browser
    keeps the page it was leaving, as it is while a slow connection loads the other site:
    what the reader's screen shows then can be looked at."""

    def __init__(self, context, stay: bool = False):
        self.requests: list[str] = []
        self.stay = stay
        context.route(EXIT_URL + "*", self._answer)

    def _answer(self, route):
        self.requests.append(route.request.url)
        if self.stay:
            route.fulfill(status=204)
        else:
            route.fulfill(
                status=200, content_type="text/html", body="<!doctype html><title>Weather</title>"
            )


def _open(browser, url: str, stay: bool = False, **options):
    context = browser.new_context(**{"viewport": PHONE, **options})
    exit_site = ExitSite(context, stay=stay)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page, exit_site


def _wait_until(page, predicate, tries: int = 100) -> None:
    for _ in range(tries):
        if predicate():
            return
        page.wait_for_timeout(50)
    raise AssertionError("timed out")


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_exit_button_is_on_every_page_and_stays_at_the_top_on_a_phone(browser, site_url, name):
    context, page, _ = _open(browser, site_url + PAGE_TYPES[name])
    try:
        button = page.locator(".bt-exit__button")
        assert button.is_visible() and button.get_attribute("href") == EXIT_URL
        assert page.locator(".bt-safety__link", has_text="Staying safe online").is_visible()
        assert page.locator("header .bt-help-link", has_text="Get help now").is_visible()
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(100)
        box = button.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 60, box  # sticky at the top
        help_box = page.locator("header .bt-help-link").bounding_box()
        assert 0 <= help_box["y"] < 120, help_box
    finally:
        context.close()


def test_exit_button_covers_the_page_at_once(browser, site_url):
    context, page, exit_site = _open(browser, site_url + PAGE_TYPES["story with warnings"], True)
    try:
        page.click(".bt-exit__button")
        _wait_until(page, lambda: exit_site.requests)
        # the other site has not loaded: the page is already covered, nothing of it shows
        assert page.locator(".bt-exit-cover").is_visible()
        assert page.evaluate("document.body.classList.contains('bt-exiting')")
        assert not page.locator("header").is_visible() and not page.locator("article").is_visible()
        assert page.locator(".bt-exit-cover").get_attribute("role") == "alert"
    finally:
        context.close()


def test_exit_replaces_the_page_in_the_tab_history(browser, site_url):
    context, page, exit_site = _open(browser, site_url)
    try:
        page.click("text=Read the stories")
        page.wait_for_load_state()
        page.click(".bt-exit__button")
        page.wait_for_url(EXIT_URL)
        assert exit_site.requests == [EXIT_URL]
        # location.replace: the page the reader was on is not left in the tab's history
        page.go_back()
        page.wait_for_load_state()
        assert page.url == site_url
    finally:
        context.close()


def test_shift_pressed_three_times_exits(browser, site_url):
    context, page, exit_site = _open(browser, site_url + PAGE_TYPES["story with warnings"])
    try:
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        status = page.locator("[data-bt-exit] [role=status]")
        assert status.inner_text() == "Shift, press 1 more time to exit."
        assert page.locator(".bt-exit__lights .bt-lit").count() == 2
        page.keyboard.press("Shift")
        page.wait_for_url(EXIT_URL)
        assert exit_site.requests == [EXIT_URL]
    finally:
        context.close()


def test_shift_as_part_of_typing_or_too_slowly_does_not_exit(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    exit_site = ExitSite(context)
    page = context.new_page()
    page.clock.install()
    try:
        page.goto(site_url + "search/", wait_until="networkidle")
        page.focus("#bt-search-input")
        page.keyboard.type("ABC")  # capitals: Shift held for each letter
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        page.keyboard.press("a")  # another key breaks the sequence
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        page.clock.run_for(5_001)  # more than five seconds before the third press
        assert page.locator("[data-bt-exit] [role=status]").inner_text() == (
            "Exit this page expired."
        )
        page.keyboard.press("Shift")
        page.wait_for_timeout(300)
        assert exit_site.requests == [] and page.url.startswith(site_url)
        assert page.locator(".bt-exit-cover").count() == 0
    finally:
        context.close()


def test_pageshow_clears_the_cover_when_the_reader_comes_back(browser, site_url):
    context, page, exit_site = _open(browser, site_url + PAGE_TYPES["directory"], stay=True)
    try:
        for _ in range(3):
            page.keyboard.press("Shift")
        _wait_until(page, lambda: exit_site.requests)
        assert page.locator(".bt-exit-cover").is_visible()
        # what a browser does when it shows the page again from its back-forward cache
        page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
        assert page.locator(".bt-exit-cover").count() == 0
        assert page.locator(".bt-exit__button").is_visible()
        assert page.locator(".bt-exit__lights .bt-lit").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("selector", [".bt-exit__button", ".bt-exit-skip"])
def test_exit_links_work_without_javascript(browser, site_url, selector):
    context, page, exit_site = _open(
        browser, site_url + PAGE_TYPES["story with warnings"], java_script_enabled=False
    )
    try:
        if selector == ".bt-exit-skip":
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.matches('.bt-exit-skip')")
            page.keyboard.press("Enter")
        else:
            page.click(selector)
        page.wait_for_url(EXIT_URL)
        assert exit_site.requests == [EXIT_URL]
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_keyboard_focus_order_at_phone_width(browser, site_url, javascript):
    """Exit first, then "Skip to content"; the closed menu's links take no focus; every
    focused element is on screen and shows a focus indicator."""
    context, page, _ = _open(
        browser, site_url + PAGE_TYPES["story with warnings"], java_script_enabled=javascript
    )
    try:
        order = []
        for _ in range(12):
            page.keyboard.press("Tab")
            page.wait_for_timeout(300)  # the skip links fade in
            focused = page.evaluate(FOCUSED)
            order.append(focused["text"])
            assert not focused["inDrawer"], focused  # hidden drawer links take no focus
            assert focused["visibility"] == "visible" and float(focused["opacity"]) > 0.9
            assert focused["width"] > 0 and focused["height"] > 0, focused
            assert focused["x"] >= 0 and focused["x"] + focused["width"] <= PHONE["width"] + 1
            assert focused["y"] >= 0 and focused["y"] + focused["height"] <= PHONE["height"]
            assert focused["outline"] != "none" or focused["shadow"] != "none", focused["text"]
        assert order[:2] == ["Exit this page", "Skip to content"], order
        header = ["Staying safe online", "Emergency Exit this page"]
        header += ["Menu"] if javascript else []
        header += ["Get help now"]
        assert order[2 : 2 + len(header)] == header, order
        assert "Continue to the story" in order
    finally:
        context.close()


def test_menu_opens_and_closes_from_the_keyboard_on_a_phone(browser, site_url):
    context, page, _ = _open(browser, site_url + PAGE_TYPES["story without warnings"])
    try:
        menu = page.locator("[data-bt-menu]")
        assert menu.get_attribute("aria-expanded") == "false"
        menu.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.closest('.md-sidebar--primary')")
        assert menu.get_attribute("aria-expanded") == "true"
        page.wait_for_timeout(400)  # the drawer slides in
        links = []
        for _ in range(4):
            focused = page.evaluate(FOCUSED)
            assert focused["inDrawer"] and 0 <= focused["x"] < PHONE["width"], focused
            links.append(focused["text"])
            page.keyboard.press("Tab")
        assert "Stories" in links, links
        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.matches('[data-bt-menu]')")
        page.keyboard.press(" ")  # Space opens it too
        page.wait_for_function("document.getElementById('__drawer').checked")
    finally:
        context.close()


def test_get_help_is_one_tap_from_every_page(browser, site_url):
    context, page, _ = _open(browser, site_url + PAGE_TYPES["topic"])
    try:
        page.click("header >> text=Get help now")
        page.wait_for_load_state()
        assert page.url == site_url + "get-help/"
        top = page.locator("a[href='tel:999']").first.bounding_box()
        assert top["y"] < PHONE["height"], top  # 999 on the first screen of a phone
        assert page.locator("a[href='tel:111']").count() >= 1
        assert page.locator("a[href='tel:116123']").count() >= 1  # Samaritans
    finally:
        context.close()


def test_small_print_on_a_phone(browser, site_url):
    context, page, _ = _open(browser, site_url + PAGE_TYPES["story with warnings"])
    try:
        sizes = page.evaluate(
            "[getComputedStyle(document.querySelector('.bt-warnings p:not(.admonition-title)'))"
            ".fontSize, getComputedStyle(document.querySelector('.bt-meta')).fontSize]"
        )
        warning, body = (float(size.rstrip("px")) for size in sizes)
        assert warning >= body >= 16, sizes
        page.goto(site_url)
        first, second = (b.bounding_box() for b in page.locator("article .md-button").all()[:2])
        apart = second["y"] - (first["y"] + first["height"])
        beside = second["x"] - (first["x"] + first["width"])
        assert apart >= 8 or beside >= 8, (first, second)  # the two home buttons do not touch
        footer = page.locator("footer")
        assert footer.locator("a").count() >= 5 and footer.inner_text().strip()
        assert page.evaluate("document.documentElement.lang") == "en-GB"
    finally:
        context.close()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("name", NEW_PAGES)
def test_no_axe_violations_on_the_new_pages(browser, site_url, name, viewport):
    context, page, _ = _open(
        browser, site_url + PAGE_TYPES[name], viewport=PHONE if viewport == "phone" else DESKTOP
    )
    try:
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_axe_violations_at_phone_width_with_the_menu_open(browser, site_url, name):
    context, page, _ = _open(browser, site_url + PAGE_TYPES[name])
    try:
        assert_accessible(page)
        page.focus("[data-bt-menu]")
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        assert_accessible(page)
    finally:
        context.close()


def test_the_site_keeps_nothing_in_the_browser(browser, site_url):
    """The privacy notice says no cookies and no tracking: nothing is stored either."""
    context, page, _ = _open(browser, site_url)
    try:
        for name in ("story with warnings", "directory", "get help"):
            page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
        assert context.cookies() == []
        stored = page.evaluate("[localStorage.length, sessionStorage.length]")
        assert stored == [0, 0], stored
    finally:
        context.close()
