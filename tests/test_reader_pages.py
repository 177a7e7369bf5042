"""What readers see on the built example site: service listings, region pages, resource pages,
removal pages, the 404 page and what search indexes (issue 15). HTML is read with lxml."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import frontmatter
import pytest
from lxml import html as lxml_html

from conftest import TODAY, copy_project, run_cli
from generator.build import was_published
from generator.config import load_config
from generator.errors import ConfigError
from generator.model import Status, StoryMeta
from generator.search_index import INDEX_DIR, PageFacts, page_text, words

NATIONAL = {
    "disclosure-clinic",
    "families-outside-network",
    "read-together-scheme",
    "second-chance-jobs",
    "voices-in-justice",
}


@pytest.fixture(scope="module")
def project(built_site) -> Path:
    """The example project the session's ``built_site`` was built from (into ``site``)."""
    return built_site.parent


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return project / "site"


@pytest.fixture(scope="module")
def resources(project: Path) -> dict[str, dict]:
    """Each example resource's front matter, by id."""
    found = {}
    for path in (project / "content/resources").glob("*.md"):
        post = frontmatter.load(path)
        found[post["id"]] = dict(post.metadata)
    return found


@pytest.fixture(scope="module")
def stories(project: Path) -> dict[str, frontmatter.Post]:
    return {
        path.stem: frontmatter.load(path) for path in (project / "content/stories").glob("*.md")
    }


def _tree(site: Path, page: str):
    return lxml_html.fromstring((site / page).read_text("utf-8"))


def _article(site: Path, page: str):
    return _tree(site, page).xpath("//article")[0]


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _services(ul) -> list[str]:
    """The resource ids of a list of services, one per item, checking each item is whole."""
    ids = []
    for li in ul.xpath("./li"):
        links = [a.get("href") for a in li.xpath(".//a") if "/resources/" in a.get("href")]
        assert len(links) == 1, _text(li)  # one service per item
        ids.append(links[0].rstrip("/").rsplit("/", 1)[1])
    return ids


def _service_lists(article) -> list:
    return article.xpath(".//ul[contains(concat(' ', @class, ' '), ' bt-services ')]")


# 1. Each service is its own list item, holding its name, organisation and eligibility.


def test_every_category_and_region_page_gives_each_service_its_own_item(site, resources):
    pages = sorted(site.glob("categories/*/index.html")) + sorted(site.glob("regions/*/index.html"))
    assert len(pages) > 20
    multi = 0
    for page in pages:
        for ul in _service_lists(_article(site, str(page.relative_to(site)))):
            items = ul.xpath("./li")
            ids = _services(ul) if items and items[0].xpath(".//a") else []
            multi += len(ids) > 1
            for li, rid in zip(items, ids, strict=True):
                text = _text(li)
                resource = resources[rid]
                assert li.xpath(".//a/strong")[0].text_content() == resource["name"]
                assert resource["organisation"] in text, (page, text)
                assert f"For: {resource['eligibility']}" in text, (page, text)
                others = [r["name"] for k, r in resources.items() if k != rid]
                assert not any(f"{name} —" in text for name in others), (page, text)
    assert multi >= 5  # pages with more than one service, where the items ran together


def test_housing_lists_its_four_services_with_the_day_each_was_checked(site, resources):
    (ul,) = _service_lists(_article(site, "categories/housing/index.html"))
    ids = _services(ul)
    assert ids == [
        "first-key-tenancy-project",
        "gateway-hostel",
        "harbour-womens-centre",
        "open-door-housing",
    ]
    for li, rid in zip(ul.xpath("./li"), ids, strict=True):
        (checked,) = li.xpath(".//*[contains(@class, 'bt-checked')]/time")
        assert checked.get("datetime") == str(resources[rid]["last_verified"])


def test_directory_items_show_when_each_service_was_checked(site, resources):
    items = _article(site, "resources/index.html").xpath("//ul[@id='bt-directory']/li")
    assert len(items) == len(resources)
    for li in items:
        rid = li.xpath(".//a")[0].get("href").rstrip("/").rsplit("/", 1)[1]
        (checked,) = li.xpath(".//*[contains(@class, 'bt-checked')]/time")
        assert checked.get("datetime") == str(resources[rid]["last_verified"])


# 2. Region pages: the region's own services, then under their own heading the wider area's.


def _region_lists(site: Path, region: str) -> tuple[list[str], list[str], str]:
    """The ids of a region page's own services, of its wider area's, and the wider heading."""
    article = _article(site, f"regions/{region}/index.html")
    lists = _service_lists(article)
    headings = article.xpath(".//h2[following-sibling::ul[contains(@class, 'bt-services')]]")
    own = [ul for ul in lists if not ul.xpath("preceding-sibling::h2")]
    wider = [ul for ul in lists if ul.xpath("preceding-sibling::h2")]
    own_ids = _services(own[0]) if own and own[0].xpath(".//a") else []
    wider_ids = _services(wider[0]) if wider else []
    return own_ids, wider_ids, _text(headings[0]) if headings else ""


def test_a_region_without_services_of_its_own_lists_the_national_ones(site):
    own, wider, heading = _region_lists(site, "south-east")
    assert own == []
    assert set(wider) == NATIONAL
    assert heading == "Services across a wider area"
    text = _text(_article(site, "regions/south-east/index.html"))
    assert "No services listed here yet" not in text
    assert "No services work in South East alone yet" in text


def test_a_region_lists_its_own_services_first_and_the_wider_ones_apart(site):
    own, wider, _ = _region_lists(site, "north-west")
    assert set(own) == {"open-door-housing", "lived-experience-research-panel"}
    assert set(wider) == NATIONAL
    own, wider, _ = _region_lists(site, "national")
    assert set(own) == NATIONAL and wider == []  # the whole country has no wider area


def test_services_of_a_nation_are_listed_on_the_regions_within_it(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    resource = project / "content/resources/quiet-room-counselling.md"
    resource.write_text(resource.read_text().replace("regions: [south-west]", "regions: [england]"))
    result = run_cli(
        "build", "--config", str(project / "site_config.yml"), "--out", str(project / "site")
    )
    assert result.exit_code == 0, result.output
    site = project / "site"
    for region in ("south-east", "london", "north-west"):
        own, wider, _ = _region_lists(site, region)
        assert "quiet-room-counselling" in wider and "quiet-room-counselling" not in own
    _, wider, _ = _region_lists(site, "wales")  # Wales is not within England
    assert "quiet-room-counselling" not in wider
    own, _, _ = _region_lists(site, "england")
    assert own == ["quiet-room-counselling"]
    directory = _article(site, "resources/index.html")
    (item,) = directory.xpath("//li[.//a[contains(@href, 'quiet-room-counselling')]]")
    served = item.get("data-regions").split()
    assert "london" in served and "england" in served and "wales" not in served


def test_a_region_within_an_unknown_region_is_a_config_error(tmp_path: Path):
    config = copy_project(tmp_path / "project", content=False) / "site_config.yml"
    config.write_text(config.read_text().replace("within: [england]}", "within: [engand]}", 1))
    with pytest.raises(ConfigError) as raised:
        load_config(config)
    message = " ".join(f"{f.file}:{f.line}: {f.message}" for f in raised.value.findings)
    assert "regions.north-east.within: 'engand' is not another region's id" in message
    assert "site_config.yml" in message


# 3, 4. Search indexes a page's own content; results carry a story's warnings.


@pytest.fixture(scope="module")
def indexed(site: Path) -> dict[str, dict]:
    """Each indexed page's file, by address."""
    pages = {}
    for path in (site / INDEX_DIR / "pages").glob("*.json"):
        data = json.loads(path.read_text("utf-8"))
        pages[data["url"]] = data
    return pages


@pytest.fixture(scope="module")
def postings(site: Path, indexed) -> dict[str, set[str]]:
    """Each indexed word → the addresses of the pages that hold it."""
    urls = {}
    for path in (site / INDEX_DIR / "pages").glob("*.json"):
        urls[int(path.stem)] = json.loads(path.read_text("utf-8"))["url"]
    found: dict[str, set[str]] = {}
    for chunk in sorted((site / INDEX_DIR / "words").glob("*.json")):
        for word, entries in json.loads(chunk.read_text("utf-8")).items():
            number = 0
            for gap in entries[::2]:
                number += gap
                found.setdefault(word, set()).add(urls[number])
    return found


def _own_words(post: frontmatter.Post) -> set[str]:
    return set(words(f"{post['title']} {post['summary']} {post.content}"))


def test_a_story_is_found_only_by_words_of_its_own(postings, stories, indexed):
    story_pages = {url for url in indexed if url.startswith("stories/")}
    assert len(story_pages) >= 6
    for word, urls in postings.items():
        for url in urls & story_pages:
            story = stories[url.split("/")[1]]
            assert word in _own_words(story), (word, url)


def test_words_of_the_support_box_and_other_summaries_find_no_other_story(postings, stories):
    for word in ("listening", "volunteers", "emergency", "danger"):  # the support box
        found = {url for url in postings.get(word, ()) if url.startswith("stories/")}
        assert all(word in _own_words(stories[url.split("/")[1]]) for url in found), word
    # "More stories like this" showed other stories' summaries on each story page
    repairing = {url for url in postings["repairing"] if url.startswith("stories/")}
    assert repairing == {"stories/the-mentor-who-got-it-wrong/"}


def test_a_storys_index_text_is_its_summary_and_words_without_furniture(indexed, stories):
    page = indexed["stories/riverside-walks/"]
    story = stories["riverside-walks"]
    assert page["title"] == story["title"]
    assert page["text"].startswith(story["summary"] + " The first time I met my mentor")
    for furniture in ("Told by", "min read", "Topics:", "Content warning", "talk to someone"):
        assert furniture not in page["text"], furniture
    for data in indexed.values():
        assert not re.search(r"\s[,.;:!?]", data["text"]), data["text"]


def test_page_text_is_the_own_content_and_the_summary_only():
    body = (
        '<h1>Riverside walks</h1><p class="bt-meta">Told by <strong>Dee</strong> · 3 min</p>'
        '<div class="bt-indexed"><p>We <em>walked</em>.</p><div class="admonition"><p>Inner'
        "</p></div><p>Then <strong>talked</strong> , slowly.</p></div>"
        '<aside class="bt-support"><h2>If you need to talk</h2></aside>'
        '<div class="bt-indexed"><p>Last part</p></div><h2>More stories like this</h2>'
    )
    built = f"<html><body><div data-search-body>{body}</div></article></body></html>"
    facts = PageFacts("A mentor who walked.", ("drug use",))
    page = page_text(built, "stories/riverside/index.html", facts)
    assert page is not None and page.title == "Riverside walks"
    assert page.text == "A mentor who walked. We walked. Inner Then talked, slowly. Last part"
    assert page.warnings == ("drug use",)
    unmarked = page_text(built.replace("bt-indexed", "other"), "x/index.html")
    assert unmarked is not None and "Told by Dee ·" in unmarked.text  # indexed whole, as before


def test_a_new_resource_offers_opening_hours_as_a_comment(tmp_path: Path):
    copy = copy_project(tmp_path / "project")
    config = str(copy / "site_config.yml")
    result = run_cli(
        "new", "resource", "--config", config, "--name", "Night Shelter Line",
        "--organisation", "Northway Trust", "--url", "https://example.org/shelter",
        "--categories", "housing", "--regions", "north-east",
        "--eligibility", "Anyone without a bed tonight", "--phone", "0191 498 0111",
        "--email", "",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = copy / "content/resources/night-shelter-line.md"
    text = path.read_text()
    assert "# opening_hours: Monday to Friday, 9am to 5pm\n" in text
    text = text.replace("# opening_hours:", "opening_hours:").split("---\n\n")[0]
    path.write_text(text + "---\n\nA bed for the night.\n")
    check = run_cli("check", "--config", config, "--format", "json")
    rel = "content/resources/night-shelter-line.md"
    assert [f for f in json.loads(check.output)["findings"] if f["file"] == rel] == []


def test_editors_pages_and_listings_are_not_in_the_readers_search(indexed):
    assert not any(u.startswith("how-we-moderate/") and u != "how-we-moderate/" for u in indexed)
    assert not any(u.startswith(("categories/", "regions/", "topics/")) for u in indexed)


def test_a_resources_index_text_is_its_fields(indexed, resources):
    page = indexed["resources/open-door-housing/"]
    resource = resources["open-door-housing"]
    for field in (resource["organisation"], resource["eligibility"], resource["opening_hours"]):
        assert field in page["text"]
    for furniture in ("What they offer", "Report a problem", "Back to the support directory"):
        assert furniture not in page["text"]


def test_search_results_carry_a_storys_content_warnings(indexed):
    assert indexed["stories/riverside-walks/"]["warnings"] == ["drug use"]
    assert indexed["stories/the-mentor-who-got-it-wrong/"]["warnings"] == ["self-harm"]
    assert "warnings" not in indexed["stories/keys-to-my-own-door/"]
    assert "warnings" not in indexed["resources/open-door-housing/"]


# 5. A story once published and now out keeps its address, as the removal page only.


def test_a_story_whose_consent_expired_keeps_its_address_as_the_removal_page(site, stories):
    story = stories["the-consent-ran-out"]
    assert story["consent"]["expires"] and story["status"] == "published"
    tree = _tree(site, "stories/the-consent-ran-out/index.html")
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert tree.xpath("//title")[0].text_content().startswith("Story removed")
    assert _text(tree.xpath("//h1")[0]) == "This story has been removed"
    page = (site / "stories/the-consent-ran-out/index.html").read_text("utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", story.content) if len(s.split()) > 4]
    for text in (story["title"], story["summary"], f">{story['pseudonym']}<", *sentences[:3]):
        assert text not in page, text
    assert "the-consent-ran-out" not in (site / "sitemap.xml").read_text("utf-8")


def test_nothing_of_a_removed_story_reaches_any_output_file(site, stories):
    removed = [stories["the-consent-ran-out"], stories["a-story-taken-back"]]
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix not in {".html", ".json", ".xml", ".csv", ".txt"}:
            continue
        text = path.read_text("utf-8", "replace")
        for story in removed:
            assert story["title"] not in text, path
            assert story["summary"] not in text, path


def test_only_a_story_never_published_has_no_page(site):
    assert not (site / "stories/the-draft-about-the-allotment").exists()
    for slug in ("the-consent-ran-out", "a-story-taken-back", "the-old-bakery-shift"):
        assert (site / f"stories/{slug}/index.html").is_file(), slug


def test_consent_that_ended_before_the_day_of_publication_leaves_no_page(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    story = project / "content/stories/the-consent-ran-out.md"
    text = story.read_text()
    assert "published: 2025-01-15" in text and "expires: 2026-06-01" in text
    story.write_text(text.replace("published: 2025-01-15", "published: 2026-06-02"))
    result = run_cli(
        "build", "--config", str(project / "site_config.yml"), "--out", str(project / "site")
    )
    assert result.exit_code == 0, result.output
    assert not (project / "site/stories/the-consent-ran-out").exists()
    assert (project / "site/stories/a-story-taken-back/index.html").is_file()


def test_the_earlier_addresses_of_a_removed_story_show_the_removal_page_too(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    story = project / "content/stories/the-consent-ran-out.md"
    story.write_text(
        story.read_text().replace("status: published", "status: published\naliases: [night-shifts]")
    )
    result = run_cli(
        "build", "--config", str(project / "site_config.yml"), "--out", str(project / "site")
    )
    assert result.exit_code == 0, result.output
    page = (project / "site/stories/night-shifts/index.html").read_text("utf-8")
    assert "This story has been removed" in page and "Night shifts" not in page


def test_which_stories_left_out_were_published(stories):
    meta = StoryMeta.model_validate(stories["the-consent-ran-out"].metadata)
    assert was_published(meta, TODAY)  # published 2025-01-15, consent expired 2026-06-01
    assert not was_published(meta.model_copy(update={"status": Status.DRAFT}), TODAY)
    later = meta.model_copy(update={"published": date(2026, 7, 1)})
    assert not was_published(later, TODAY)  # consent ran out before it went up
    assert not was_published(meta.model_copy(update={"published": date(2027, 1, 1)}), TODAY)


# 6. The 404 page offers the way on.


def test_the_404_page_offers_the_way_on_and_the_support_box(site):
    tree = _tree(site, "404.html")
    assert tree.xpath("//title")[0].text_content() == "Page not found - Been There"
    article = tree.xpath("//article")[0]
    assert _text(article.xpath(".//h1")[0]) == "Page not found"
    links = {a.get("href") for a in article.xpath(".//a")}
    assert {"/", "/stories/", "/resources/"} <= links
    (form,) = article.xpath(".//form[@role='search']")
    assert form.get("action") == "/search/" and form.xpath(".//input[@name='q']")
    (box,) = article.xpath(".//aside[contains(@class, 'bt-support')]")
    assert "If you need to talk to someone now" in _text(box)
    assert "tel:999" in {a.get("href") for a in box.xpath(".//a")}


# 12. Resource pages: back to the directory, report a problem, opening hours, last check.


def test_a_resource_page_links_back_and_offers_a_report_naming_the_listing(site):
    article = _article(site, "resources/open-door-housing/index.html")
    links = {_text(a): a.get("href") for a in article.xpath(".//a")}
    assert links["Back to the support directory"] == "../"
    report = urlsplit(links["Report a problem with this listing"])
    assert report.scheme == "mailto" and report.path == "hello@example.org"
    subject = parse_qs(report.query)["subject"][0]
    assert "Open Door Housing Advice" in subject
    assert "https://beenthere.example.org/resources/open-door-housing/" in unquote(subject)


def test_opening_hours_are_shown_where_the_listing_has_them(site, resources):
    article = _article(site, "resources/open-door-housing/index.html")
    (hours,) = article.xpath(".//h2[.='When it is open']/following-sibling::div[1]")
    assert _text(hours) == resources["open-door-housing"]["opening_hours"]
    without = _article(site, "resources/gateway-hostel/index.html")
    assert not without.xpath(".//h2[.='When it is open']")
    (checked,) = without.xpath(".//*[contains(@class, 'bt-verified')]/time")
    assert checked.get("datetime") == str(resources["gateway-hostel"]["last_verified"])


def test_opening_hours_must_be_text(project: Path, tmp_path: Path):
    copy = copy_project(tmp_path / "project")
    resource = copy / "content/resources/gateway-hostel.md"
    resource.write_text(
        resource.read_text().replace("last_verified:", "opening_hours: ''\nlast_verified:")
    )
    result = run_cli("check", "--config", str(copy / "site_config.yml"), "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    (found,) = [f for f in findings if f["file"] == "content/resources/gateway-hostel.md"]
    assert found["line"] == 10 and "opening_hours" in found["message"]
