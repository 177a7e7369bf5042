"""What every reader's page carries around its content (issue 15): the language, the title, the
quick exit, "Get help now", the support box, the menu and the footer, read from the built HTML
with an HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conftest import copy_project, run_cli

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
EXIT_URL = "https://www.bbc.co.uk/weather"
READER_PAGES = [
    "index.html",
    "stories/index.html",
    "stories/riverside-walks/index.html",
    "resources/index.html",
    "resources/open-door-housing/index.html",
    "categories/housing/index.html",
    "about/index.html",
    "get-help/index.html",
    "online-safety/index.html",
    "accessibility/index.html",
    "privacy/index.html",
    "contact/index.html",
    "how-we-moderate/rules/index.html",
    "stories/the-old-bakery-shift/index.html",
]


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element] = field(default_factory=list)
    content: list[Element | str] = field(default_factory=list)
    """Text and child elements in document order."""

    @property
    def text(self) -> str:
        parts = (part if isinstance(part, str) else part.text for part in self.content)
        return " ".join(" ".join(parts).split())

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        def matches(e: Element) -> bool:
            if tag and e.tag != tag:
                return False
            for name, value in attrs.items():
                name = name.rstrip("_").replace("_", "-")
                if name == "class":
                    if value not in e.attrs.get("class", "").split():
                        return False
                elif e.attrs.get(name) != value:
                    return False
            return True

        return [e for e in self.iter() if matches(e)]

    def find(self, tag: str | None = None, **attrs: str) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        self.stack[-1].content.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].content.append(data)


def parse(path: Path) -> Element:
    builder = _TreeBuilder()
    builder.feed(path.read_text("utf-8"))
    return builder.root


def _build(tmp_path: Path, change) -> Path:
    """The example site built with a changed config."""
    project = copy_project(tmp_path / "project")
    config_file = project / "site_config.yml"
    data = yaml.safe_load(config_file.read_text("utf-8"))
    change(data)
    config_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    result = run_cli("build", "--config", str(config_file), "--out", str(project / "site"))
    assert result.exit_code == 0, result.output
    return project / "site"


@pytest.mark.parametrize("path", READER_PAGES)
def test_every_page_has_lang_exit_help_and_footer(built_site: Path, path: str):
    doc = parse(built_site / path)
    assert doc.find("html").attrs["lang"] == "en-GB"  # site.language, not Material's "en"
    body = doc.find("body")
    links = body.find_all("a")
    # the first link of the page is the quick exit's skip link, then "Skip to content"
    assert links[0].attrs["href"] == EXIT_URL and links[0].text == "Exit this page"
    assert "md-skip" in links[0].attrs["class"]
    button = body.find("a", class_="bt-exit__button")
    assert button is not None and button.attrs["href"] == EXIT_URL
    assert button.text == "Emergency Exit this page"  # "Emergency" is for screen readers only
    assert "noreferrer" in button.attrs["rel"]  # the neutral site is not told where we came from
    header = body.find("header")
    assert header.find("a", class_="bt-exit__button") is button
    help_link = header.find("a", class_="bt-help-link")
    assert help_link.text == "Get help now"
    assert urljoin(f"https://x/{path}", help_link.attrs["href"]) == "https://x/get-help/"
    scripts = [s.attrs.get("src", "") for s in doc.find_all("script")]
    assert any(s.endswith("assets/quick-exit.js") for s in scripts)
    footer = body.find("footer")
    footer_links = {a.text: a.attrs["href"] for a in footer.find_all("a")}
    for title in (
        "Get help now",
        "Staying safe online",
        "Accessibility statement",
        "Privacy notice",
        "Contact us",
    ):
        assert title in footer_links, (path, footer_links)
    assert "Material for MkDocs" not in footer.text


def test_quick_exit_can_be_turned_off(tmp_path: Path):
    site = _build(tmp_path, lambda c: c["safety"].update(quick_exit=False))
    for path in ("index.html", "stories/riverside-walks/index.html", "get-help/index.html"):
        doc = parse(site / path)
        text = (site / path).read_text("utf-8")
        assert doc.find("a", class_="bt-exit__button") is None
        assert doc.find("a", class_="bt-exit-skip") is None
        assert "Exit this page" not in doc.find("body").text
        assert "quick-exit.js" not in text
        assert EXIT_URL not in text
        # "Get help now" stays: it is not part of quick exit
        assert doc.find("a", class_="bt-help-link") is not None


def test_exit_url_comes_from_the_config(tmp_path: Path):
    site = _build(tmp_path, lambda c: c["safety"].update(exit_url="https://example.org/news"))
    doc = parse(site / "about/index.html")
    exits = [a for a in doc.find_all("a") if "data-bt-exit-link" in a.attrs]
    assert len(exits) == 2 and all(a.attrs["href"] == "https://example.org/news" for a in exits)


def test_home_page_title_is_the_site_name_once(built_site: Path):
    assert parse(built_site / "index.html").find("title").text == "Been There"
    assert parse(built_site / "about/index.html").find("title").text == (
        "About Been There - Been There"
    )


def test_editors_pages_sit_under_how_we_moderate(built_site: Path):
    nav = parse(built_site / "index.html").find("nav", class_="md-nav--primary")
    top = nav.find("ul", class_="md-nav__list")
    top_items = [li for li in top.children if li.tag == "li"]
    titles = []
    for li in top_items:
        link = next((e for e in li.iter() if e.tag in ("a", "label") and e.text), None)
        titles.append(link.text if link else "")
    assert "Editors' guide" not in titles and "Moderation rules" not in titles, titles
    section = top_items[titles.index("How we moderate")]
    inner = {a.text for a in section.find_all("a")}
    assert {"Editors' guide", "Moderation rules"} <= inner
    # footer pages (accessibility, online safety) are not in the readers' menu either
    assert "Accessibility statement" not in titles and "Staying safe online" not in titles


def test_emergency_numbers_are_tel_links(built_site: Path):
    for path in ("index.html", "stories/riverside-walks/index.html", "get-help/index.html"):
        support = parse(built_site / path).find("aside", class_="bt-support")
        hrefs = {a.attrs["href"] for a in support.find_all("a")}
        tels = {href for href in hrefs if href.startswith("tel:")}
        assert {"tel:999", "tel:111"} <= tels, (path, tels)


def test_support_for_a_warning_comes_first_on_stories_with_it(built_site: Path):
    warned = parse(built_site / "stories/the-mentor-who-got-it-wrong/index.html")  # self-harm
    items = warned.find("aside", class_="bt-support").find_all("li")
    assert items[0].text.startswith("Samaritans")
    assert warned.find("a", href="tel:116123") is not None
    plain = parse(built_site / "stories/riverside-walks/index.html")  # drug use only
    assert "Samaritans" not in plain.find("aside", class_="bt-support").text
    # the "Get help now" page names the subject once for the warnings that share support
    help_page = parse(built_site / "get-help/index.html")
    headings = [h.text for h in help_page.find_all("h2")]
    assert "Self-harm or suicide" in headings, headings


def test_privacy_notice_and_contact_come_from_the_config(tmp_path: Path):
    def change(config):
        config["privacy"] = {"host": "Example Hosting Ltd", "host_logs": "Logs last 14 days."}
        config["contact"] = {"email": "team@example.org", "stories_email": "tell@example.org"}

    site = _build(tmp_path, change)
    privacy = parse(site / "privacy/index.html").find("article").text
    assert "Example Hosting Ltd" in privacy and "Logs last 14 days." in privacy
    assert "No cookies" in privacy and "No tracking" in privacy
    contact = parse(site / "contact/index.html")
    assert contact.find("a", href="mailto:team@example.org") is not None
    share = parse(site / "share-your-story/index.html")
    direct = share.find("aside", class_="bt-direct-contact")
    assert direct.find("a", href="mailto:tell@example.org") is not None
    assert "mentor" in share.find("article").text  # the mentor route is still offered


def test_no_contact_page_without_a_contact(tmp_path: Path):
    site = _build(tmp_path, lambda c: c.pop("contact"))
    assert not (site / "contact/index.html").exists()
    footer = parse(site / "index.html").find("footer")
    assert "Contact us" not in footer.text


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda c: c["safety"].update(exit_url="http://example.org/"), "safety.exit_url"),
        (lambda c: c["support"]["by_warning"].update(grief=[{"label": "X"}]), "by_warning"),
        (lambda c: c["contact"].update(email="not an address"), "contact.email"),
    ],
)
def test_bad_safety_and_contact_settings_are_clear_errors(tmp_path: Path, change, words):
    project = copy_project(tmp_path / "project", content=False)
    config_file = project / "site_config.yml"
    data = yaml.safe_load(config_file.read_text("utf-8"))
    change(data)
    config_file.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    result = run_cli("check", "--config", str(config_file))
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output
    assert "site_config.yml" in result.output
