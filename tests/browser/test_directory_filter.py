"""The support directory's filter in Chromium (issue 15, item 11), and search results of warned
stories (item 4): what a reader types matches what a service is, not only what its listing
shows; the filter lives in the address; without JavaScript the page shows everything."""

from __future__ import annotations

from urllib.parse import parse_qs

DIRECTORY = "resources/"


def _open(browser, url: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page


def _shown(page) -> list[str]:
    return page.locator("#bt-directory li:visible strong").all_inner_texts()


def test_typing_a_kind_of_support_finds_services_whose_listing_does_not_say_it(browser, site_url):
    context, page = _open(browser, site_url + DIRECTORY)
    try:
        harbour = page.locator("#bt-directory li", has_text="Harbour Women's Centre")
        assert "housing" not in harbour.inner_text().lower()  # its listing never says it
        page.fill("#bt-filter-text", "housing")
        shown = _shown(page)
        assert "Harbour Women's Centre" in shown and "Gateway Hostel" in shown
        assert "Second Chance Jobs" not in shown
        page.fill("#bt-filter-text", "yorkshire housing")  # a region's name, every word
        assert _shown(page) == ["First Key Tenancy Project"]
        page.fill("#bt-filter-text", "families")  # eligibility: "…and their families"
        assert "Quiet Room Counselling" in _shown(page)
    finally:
        context.close()


def test_a_region_shows_the_services_that_cover_it_from_a_wider_area(browser, site_url):
    context, page = _open(browser, site_url + DIRECTORY)
    try:
        page.select_option("#bt-filter-region", "south-east")
        shown = set(_shown(page))
        assert "Second Chance Jobs" in shown and "Voices in Justice" in shown  # national
        assert "Open Door Housing Advice" not in shown  # the North West's
        assert page.inner_text("#bt-filter-count") == f"{len(shown)} of 16 services shown"
    finally:
        context.close()


def _query(page) -> dict:
    """The address as the page has it now (Playwright's page.url hears of replaceState a
    moment later, and a slow machine showed the old one)."""
    return parse_qs(page.evaluate("location.search").lstrip("?"))


def test_the_filter_is_kept_in_the_address(browser, site_url):
    context, page = _open(browser, site_url + DIRECTORY)
    try:
        entries = page.evaluate("history.length")
        page.fill("#bt-filter-text", "advice")
        page.select_option("#bt-filter-category", "housing")
        page.select_option("#bt-filter-region", "north-west")
        assert _query(page) == {"q": ["advice"], "category": ["housing"], "region": ["north-west"]}
        assert _shown(page) == ["Open Door Housing Advice"]
        page.select_option("#bt-filter-category", "")
        page.fill("#bt-filter-text", "")
        assert _query(page) == {"region": ["north-west"]}
        assert page.evaluate("history.length") == entries  # replaced, not one entry per change
    finally:
        context.close()


def test_a_shared_link_opens_the_directory_filtered(browser, site_url):
    context, page = _open(browser, f"{site_url}{DIRECTORY}?category=family&region=wales")
    try:
        assert page.input_value("#bt-filter-category") == "family"
        assert page.input_value("#bt-filter-region") == "wales"
        assert set(_shown(page)) == {"Harbour Women's Centre", "Families Outside Network"}
        page.goto(f"{site_url}{DIRECTORY}?q=hostel", wait_until="networkidle")
        assert page.input_value("#bt-filter-text") == "hostel"
        assert _shown(page) == ["Gateway Hostel"]
        page.goto(f"{site_url}{DIRECTORY}?region=atlantis", wait_until="networkidle")
        assert page.input_value("#bt-filter-region") == ""  # an unknown region is ignored
        assert len(_shown(page)) == 16
    finally:
        context.close()


def test_without_javascript_a_filtered_link_shows_the_whole_directory(browser, site_url):
    context, page = _open(
        browser, f"{site_url}{DIRECTORY}?q=hostel&region=wales", java_script_enabled=False
    )
    try:
        assert not page.is_visible("#bt-filter")
        assert len(_shown(page)) == 16
    finally:
        context.close()


def test_a_search_result_from_a_warned_story_shows_its_warning_first(browser, site_url):
    context, page = _open(browser, f"{site_url}search/?q=walk")
    try:
        page.wait_for_selector(".bt-search-results li", timeout=15_000)
        result = page.locator(".bt-search-results li", has_text="Riverside walks")
        paragraphs = result.locator("p").all_inner_texts()
        assert paragraphs[0] == "Content warning: drug use."
        assert "walk" in paragraphs[1].lower()
        for other in page.locator(".bt-search-results li").all():
            if "Content warning" not in other.inner_text():
                assert other.locator(".bt-cw").count() == 0
    finally:
        context.close()
