"""The public site in a real browser: privacy, accessibility, weight, and use without JS."""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.site import PAGE_TYPES, serve
from conftest import ROOT
from generator.search_index import words

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible(page) -> None:
    """axe-core finds no WCAG 2.2 AA violation on the page as it stands."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert results.violations_count == 0, results.generate_report()


STORY_BUDGET = 75 * 1024
"""Bytes, gzip-compressed: HTML, CSS, JS and fonts of a story page's first load."""


def _open(browser, url: str, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    return context, page, requests


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_request_leaves_the_site_and_no_cookies(browser, site_url, name):
    context, page, requests = _open(browser, site_url + PAGE_TYPES[name])
    try:
        origin = urlsplit(site_url).netloc
        foreign = [
            u
            for u in requests
            if urlsplit(u).netloc not in (origin, "") and not u.startswith(("data:", "blob:"))
        ]
        assert not foreign, foreign
        assert context.cookies() == []
        assert page.evaluate("document.cookie") == ""
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_axe_violations(browser, site_url, name):
    context, page, _ = _open(browser, site_url + PAGE_TYPES[name])
    try:
        if name == "story with warnings":
            page.click("summary")  # check the story text too, not only the gate
        assert_accessible(page)
    finally:
        context.close()


def _search(browser, site_url: str, query: str, **options):
    context, page, requests = _open(browser, f"{site_url}search/?q={query}", **options)
    page.wait_for_selector(".bt-search-results li", timeout=15_000)
    page.wait_for_timeout(300)  # let the result list settle before reading or measuring it
    return context, page, requests


def test_search_finds_published_stories_only(browser, site_url):
    context, page, _ = _search(browser, site_url, "walk")
    try:
        assert "Riverside walks" in page.inner_text(".bt-search-results")
        page.goto(f"{site_url}search/?q=padlock")  # a word only a draft contains
        page.wait_for_function(
            "document.getElementById('bt-search-status').textContent.startsWith('No results')",
            timeout=15_000,
        )
        assert page.locator(".bt-search-results li").count() == 0
    finally:
        context.close()


def test_search_marks_words_that_start_with_the_query(browser, site_url):
    context, page, _ = _search(browser, site_url, "Walk")
    try:
        marked = page.locator(".bt-search-results mark").all_inner_texts()
        assert marked and all(text.lower().startswith("walk") for text in marked), marked
        assert {text.lower() for text in marked} > {"walk"}  # "walked", "walks" too
        titles = page.locator(".bt-search-results h2").all_inner_texts()
        assert titles[0] == "Riverside walks"  # a word in the title ranks first
    finally:
        context.close()


def test_search_splits_text_into_words_as_the_index_does(browser, site_url):
    """search.js's words() and search_index.words() must agree, or a query would miss words
    the index holds."""
    samples = [
        "Café NAÏVE, don’t-stop: 48 bus!",
        "Ŵyn yn y maes; İSTANBUL; Straße",
        "cafe\u0301s decomposed, ﬁne ligatures, ½ and 𝒜𝒷𝒸",
        "snake_case, Ça va? Ελληνικά, Русский, 中文, ٣٤ ١٢",
    ]
    script = (ROOT / "templates/overrides/assets/search.js").read_text()
    functions = script[script.index("  var SPLIT") : script.index("  function json(")]
    context, page, _ = _open(browser, site_url + "search/")
    try:
        found = page.evaluate(f"(samples) => {{ {functions} return samples.map(words); }}", samples)
        assert found == [words(sample) for sample in samples]
    finally:
        context.close()


def test_search_from_the_home_page_form(browser, site_url):
    context, page, _ = _open(browser, site_url)
    try:
        page.fill("#bt-home-search", "hostel")
        page.click("form[role=search] button")
        page.wait_for_selector(".bt-search-results li", timeout=15_000)
        assert "Gateway Hostel" in page.inner_text(".bt-search-results")
    finally:
        context.close()


def test_search_page_without_javascript_offers_the_listings(browser, site_url):
    context, page, _ = _open(browser, f"{site_url}search/", java_script_enabled=False)
    try:
        text = page.inner_text("article")
        assert "Search needs JavaScript" in text and "<" not in text  # links, not escaped markup
        assert page.is_hidden("#bt-search")  # no search box that could not work
        page.click("text=support directory")
        assert page.url.endswith("/resources/")
    finally:
        context.close()
    context, page, _ = _open(browser, f"{site_url}search/")
    try:
        assert page.is_visible("#bt-search") and page.is_hidden("#bt-search-nojs")
    finally:
        context.close()


def test_search_results_come_five_at_a_time(browser, site_url):
    context, page, _ = _search(browser, site_url, "the")
    try:
        status = page.inner_text("#bt-search-status")
        total = int(status.split()[0])
        assert total > 10, status  # the example site has 27 pages; most contain "the"
        assert page.locator(".bt-search-results li").count() == 5
        page.click("#bt-search-more")
        page.wait_for_function("document.querySelectorAll('.bt-search-results li').length > 5")
        assert page.locator(".bt-search-results li").count() == 10
        # keyboard users carry on from the first new result
        assert page.evaluate("document.activeElement.closest('li')") is not None
        assert (
            page.evaluate(
                "[...document.querySelectorAll('.bt-search-results li')].indexOf("
                "document.activeElement.closest('li'))"
            )
            == 5
        )
        assert page.is_visible("#bt-search-more")
        assert "q=the" in page.url  # the address keeps the query, for the back button
    finally:
        context.close()


def test_late_results_of_an_earlier_search_are_dropped(browser, site_url):
    context, page, _ = _search(browser, site_url, "the")
    try:
        held, holding = [], [True]

        def hold(route):  # hold back what "Show more" asks for, and nothing after
            if holding[0]:
                held.append(route)
            else:
                route.continue_()

        page.route("**/search-index/pages/*", hold)
        page.click("#bt-search-more")
        for _ in range(100):
            if len(held) == 5:
                break
            page.wait_for_timeout(50)
        assert len(held) == 5
        holding[0] = False
        page.fill("#bt-search-input", "hostel")
        page.wait_for_function(
            "document.getElementById('bt-search-status').textContent.includes('hostel')"
        )
        for route in held:  # the earlier search's results arrive late
            route.continue_()
        page.wait_for_timeout(1000)
        expected = int(page.inner_text("#bt-search-status").split()[0])
        assert page.locator(".bt-search-results li").count() == min(expected, 5)
        assert "hostel" in page.inner_text(".bt-search-results li:last-child").lower()
    finally:
        context.close()


def test_search_results_link_within_a_site_served_under_a_path(browser, built_site):
    with serve(built_site, prefix="been-there") as url:
        context, page, _ = _search(browser, url, "hostel")
        try:
            href = page.get_attribute(".bt-search-results li a", "href")
            assert href.startswith("/been-there/resources/"), href
            page.click(".bt-search-results li a")
            page.wait_for_load_state()
            assert page.title().startswith("Gateway Hostel")
        finally:
            context.close()


def test_no_axe_violations_on_search_results(browser, site_url):
    context, page, _ = _search(browser, site_url, "walk")
    try:
        assert_accessible(page)
    finally:
        context.close()


def _first_load_bytes(browser, url: str) -> dict[str, int]:
    """gzip size of each HTML, CSS, JS and font response of a first visit."""
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = {}

    def record(response):
        kind = response.request.resource_type
        path = urlsplit(response.url).path
        if kind in ("document", "stylesheet", "script", "font") and "search_index" not in path:
            sizes[path] = len(gzip.compress(response.body(), 9))

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    context.close()
    return sizes


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_first_load_weight(browser, site_url, name):
    total = sum(_first_load_bytes(browser, site_url + PAGE_TYPES[name]).values())
    print(f"\nweight {name}: {total / 1024:.1f} KB gzip")
    if name.startswith("story"):
        assert total <= STORY_BUDGET


def test_warning_gate_works_without_javascript(browser, site_url):
    context, page, _ = _open(
        browser, site_url + PAGE_TYPES["story with warnings"], java_script_enabled=False
    )
    try:
        assert page.is_visible("text=Content warning")
        assert not page.is_visible("text=The first time I met my mentor")
        page.click("summary:has-text('Continue to the story')")
        assert page.is_visible("text=The first time I met my mentor")
    finally:
        context.close()


def test_story_without_warnings_opens_directly(browser, site_url):
    context, page, _ = _open(browser, site_url + PAGE_TYPES["story without warnings"])
    try:
        assert page.is_visible("text=When I came out I had a discharge grant")
        assert page.locator("details").count() == 0
    finally:
        context.close()


def test_gate_is_keyboard_reachable_with_visible_focus(browser, site_url):
    context, page, _ = _open(browser, site_url + PAGE_TYPES["story with warnings"])
    try:
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "SUMMARY":
                break
        else:
            pytest.fail("the 'Continue to the story' control is not reachable by keyboard")
        outline = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
        )
        assert outline[0] != "none" or outline[2] != "none", outline
        page.keyboard.press("Enter")
        assert page.is_visible("text=The first time I met my mentor")
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_usable_at_320_pixels(browser, site_url, name):
    context, page, _ = _open(
        browser, site_url + PAGE_TYPES[name], viewport={"width": 320, "height": 640}
    )
    try:
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 320, f"{name} scrolls sideways: {overflow}px"
    finally:
        context.close()


def test_reduced_motion_is_respected(browser, site_url):
    context, page, _ = _open(
        browser, site_url + PAGE_TYPES["story with warnings"], reduced_motion="reduce"
    )
    try:
        durations = page.evaluate(
            "Array.from(document.querySelectorAll('*')).map(e => getComputedStyle(e)"
            ".transitionDuration).filter(d => d.split(',').some(x => parseFloat(x) > 0))"
        )
        assert durations == []
    finally:
        context.close()


def test_directory_filter_narrows_and_list_works_without_it(browser, site_url):
    context, page, _ = _open(browser, site_url + PAGE_TYPES["directory"])
    try:
        total = page.locator("#bt-directory li").count()
        assert total >= 15 and page.is_visible("#bt-filter")
        page.select_option("#bt-filter-category", "housing")
        visible = page.locator("#bt-directory li:visible").count()
        assert 0 < visible < total
        page.select_option("#bt-filter-region", "wales")
        assert page.locator("#bt-directory li:visible").count() == 1  # Harbour Women's Centre
        page.select_option("#bt-filter-category", "")
        page.select_option("#bt-filter-region", "")
        page.fill("#bt-filter-text", "hostel")
        assert page.is_visible("text=Gateway Hostel")
        assert "services shown" in page.inner_text("#bt-filter-count")
    finally:
        context.close()
    context, page, _ = _open(browser, site_url + PAGE_TYPES["directory"], java_script_enabled=False)
    try:
        assert not page.is_visible("#bt-filter")
        assert page.locator("#bt-directory li:visible").count() >= 15
    finally:
        context.close()


def test_alias_redirects_to_the_current_address(browser, site_url):
    context, page, _ = _open(browser, site_url + "stories/my-own-front-door/")
    try:
        page.wait_for_url("**/stories/keys-to-my-own-door/", timeout=10_000)
        assert "Keys to my own door" in page.title()
    finally:
        context.close()


def first_search_bytes(browser, site_url: str, query: str = "walk") -> dict[str, int]:
    """What search costs a reader, from opening the search page to the first results: the
    script and every file of the search index it fetches, gzip-compressed as a server would
    send them."""
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = {}

    def record(response):
        path = urlsplit(response.url).path
        if "/search-index/" not in path and not path.endswith("/search.js"):
            return
        sizes[path] = len(gzip.compress(response.body(), 9))

    page.on("response", record)
    page.goto(site_url + "search/", wait_until="networkidle")
    page.fill("#bt-search-input", query)
    page.wait_for_selector(".bt-search-results li", timeout=15_000)
    page.wait_for_load_state("networkidle")
    context.close()
    return sizes


def test_first_search_download_is_small(browser, site_url):
    sizes = first_search_bytes(browser, site_url)
    total = sum(sizes.values())
    print(f"\nfirst search: {total / 1024:.1f} KB gzip in {len(sizes)} files")
    assert any("/search-index/words/" in path for path in sizes)
    assert total <= 300 * 1024
