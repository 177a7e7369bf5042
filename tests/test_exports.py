"""Open data: Open Referral JSON, CSV, Atom and JSON Feed, checked against the built site."""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import html
import importlib.util
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import ROOT, copy_project, run_cli, tree_digest
from generator.hsds import plain_text

HSDS = ROOT / "tests/schemas/hsds-3.0"
HSDS_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
"""Where the official files live: relative references ("phone.json") resolve beside them."""


def _hsds_registry() -> Registry:
    resources = [
        (HSDS_BASE + path.relative_to(HSDS).as_posix(), json.loads(path.read_text()))
        for path in HSDS.rglob("*.json")
    ]
    return Registry().with_resources(
        (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
        for uri, contents in resources
    )


def hsds_errors(data: object, schema_file: str, list_of: str | None = None) -> list[str]:
    """Every way ``data`` breaks the official schema ``schema_file``; with ``list_of``, data
    is a paginated list (openapi.json's Page) whose ``contents`` are each a ``list_of``."""
    schema: dict = {"$ref": HSDS_BASE + schema_file}
    if list_of is not None:
        schema = {
            "allOf": [schema],
            "properties": {"contents": {"type": "array", "items": {"$ref": HSDS_BASE + list_of}}},
            "required": ["contents"],
        }
    validator = jsonschema.Draft202012Validator(
        schema, registry=_hsds_registry(), format_checker=jsonschema.FormatChecker()
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


COMPILED_SERVICE = HSDS / "compiled/service.json.gz"
COMPILED_SERVICE_CHARS = 1_958_528
COMPILED_SERVICE_SHA256 = "8e5065759d54042dd9ffdd8df95ac0e0f77dbd41b3dfc57a0f235f6b17856dee"
"""The official compiled file, openreferral/specification at 67e7b37 (README.md beside it): its
length and digest as verified against the stored original."""


def _compile_tool():
    spec = importlib.util.spec_from_file_location("compile_service", HSDS / "compile_service.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _compiled(list_form: bool = False) -> dict:
    schema = json.loads(gzip.decompress(COMPILED_SERVICE.read_bytes()))
    if list_form:  # the list form, made as the official build makes service_list.json
        _compile_tool().remove_one_to_many(schema["properties"])
    return schema


def compiled_errors(service: object, list_form: bool = False) -> list[str]:
    """Every way ``service`` breaks the official compiled ``service.json`` (or its list
    form); the compiled file is self-contained, every reference expanded in place."""
    validator = jsonschema.Draft202012Validator(
        _compiled(list_form), format_checker=jsonschema.FormatChecker()
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(service)]


def test_the_compiled_service_schema_is_the_verified_copy():
    text = gzip.decompress(COMPILED_SERVICE.read_bytes())
    assert len(text.decode()) == COMPILED_SERVICE_CHARS
    assert hashlib.sha256(text).hexdigest() == COMPILED_SERVICE_SHA256
    assert COMPILED_SERVICE.read_bytes()[4:8] == b"\0\0\0\0"  # gzip mtime 0: reproducible


def test_compile_service_follows_the_official_build(tmp_path: Path):
    """A reference's siblings overwrite what it points at in place, new keys go last,
    nested references are expanded, output is indent=2, ASCII, no trailing newline."""
    (tmp_path / "service.json").write_text(
        json.dumps(
            {
                "name": "service",
                "type": "object",
                "properties": {
                    "organization": {
                        "name": "organization",
                        "title": "Org",
                        "$ref": "organization.json",
                    },
                    "phones": {"type": "array", "items": {"$ref": "phone.json"}},
                },
            }
        )
    )
    (tmp_path / "organization.json").write_text(
        json.dumps(
            {
                "name": "org",
                "description": "Caf\u00e9",
                "type": "object",
                "properties": {"phones": {"type": "array", "items": {"$ref": "phone.json"}}},
            }
        )
    )
    (tmp_path / "phone.json").write_text(json.dumps({"name": "phone", "type": "object"}))
    args = [str(tmp_path), str(tmp_path / "out.json"), "--list", str(tmp_path / "l.json")]
    assert _compile_tool().main(args) == 0
    phone = {"name": "phone", "type": "object"}
    organization = {
        "name": "organization",
        "description": "Caf\u00e9",
        "type": "object",
        "properties": {"phones": {"type": "array", "items": phone}},
        "title": "Org",
    }
    expected = {
        "name": "service",
        "type": "object",
        "properties": {"organization": organization, "phones": {"type": "array", "items": phone}},
    }
    out = (tmp_path / "out.json").read_text()
    assert out == json.dumps(expected, indent=2) and "\\u00e9" in out and not out.endswith("\n")
    assert list(json.loads(out)["properties"]["organization"]) == list(organization)
    listed = json.loads((tmp_path / "l.json").read_text())
    assert listed["properties"] == {"organization": {**organization, "properties": {}}}


def test_every_api_service_validates_against_the_official_compiled_service_schema(
    built_site: Path,
):
    paths = sorted((built_site / "api/services").glob("*-*.json"))
    assert len(paths) == 16
    for path in paths:
        assert compiled_errors(json.loads(path.read_text())) == [], path.name
    listing = json.loads((built_site / "api/services/index.json").read_text())
    for summary in listing["contents"]:
        assert compiled_errors(summary, list_form=True) == [], summary["name"]


def test_resources_json_services_validate_against_the_official_compiled_service_schema(
    built_site: Path,
):
    services = json.loads((built_site / "resources.json").read_text())["contents"]
    assert len(services) == 16
    for service in services:
        assert compiled_errors(service) == [], service["name"]


def test_the_compiled_service_schema_rejects_what_it_should(built_site: Path):
    service = json.loads((built_site / "resources.json").read_text())["contents"][0]
    del service["organization"]["description"]
    service["phones"].append({"id": "a phone with no number"})
    service["status"] = "open"
    service["attributes"][0]["taxonomy_term"]["taxonomy"] = "beenthere-categories"
    errors = compiled_errors(service)
    assert len(errors) == 4, errors  # description, phone number, status, taxonomy's type
    assert any("'beenthere-categories' is not of type 'object'" in e for e in errors)
    summary = {k: v for k, v in service.items() if k not in ("organization", "status")}
    assert compiled_errors(summary, list_form=True) == ["[]: 'status' is a required property"]


def test_resources_json_validates_against_the_official_hsds_schemas(built_site: Path):
    data = json.loads((built_site / "resources.json").read_text())
    assert hsds_errors(data, "page.json", list_of="service.json") == []
    assert hsds_errors(data, "page.json", list_of="compiled/service_list.json") == []
    assert data["total_items"] == len(data["contents"]) == 16


def test_the_official_schemas_reject_what_they_should(built_site: Path):
    data = json.loads((built_site / "resources.json").read_text())
    service = data["contents"][0]
    del service["organization"]["description"]
    service["phones"].append({"id": "not-a-uuid"})
    service["status"] = "open"
    errors = hsds_errors(data, "page.json", list_of="service.json")
    assert len(errors) == 4, errors  # description, phone id format, phone number, status
    del data["empty"]
    assert any("'empty' is a required property" in e for e in hsds_errors(data, "page.json"))


def test_descriptions_are_plain_text_and_nothing_is_made_up(built_site: Path):
    data = json.loads((built_site / "resources.json").read_text())
    for service in data["contents"]:
        assert "\n" not in service["description"].replace("\n\n", ""), service["name"]
        assert "  " not in service["description"]
        assert not service["organization"]["description"].startswith("Provides")
    door = next(s for s in data["contents"] if s["name"] == "Open Door Housing Advice")
    assert door["organization"]["description"] == ""  # unknown; HSDS requires the key
    assert "leaving prison or on licence. Caseworkers help with council" in door["description"]


def test_plain_text_joins_hard_line_breaks_and_keeps_paragraphs():
    source = "One line\nwrapped  here.\n\n\n  Second\tparagraph.\n"
    assert plain_text(source) == "One line wrapped here.\n\nSecond paragraph."
    source = "A *very* [good](https://example.org/) service &amp; more:\n\n- one\n- two\n"
    assert plain_text(source) == "A very good service & more:\n\none\n\ntwo"


def test_every_api_file_validates_against_the_official_hsds_schemas(built_site: Path):
    api = built_site / "api"
    meta = json.loads((api / "index.json").read_text())
    assert hsds_errors(meta, "api_meta.json") == []
    assert meta["version"] == "3.0" and meta["profile"].startswith("https://")
    listing = json.loads((api / "services/index.json").read_text())
    assert hsds_errors(listing, "page.json", list_of="compiled/service_list.json") == []
    assert listing["total_items"] == len(listing["contents"]) == 16
    # the list holds one-to-one fields only; the full service is at its own address
    assert all("phones" not in s and "attributes" not in s for s in listing["contents"])
    full_files = sorted((api / "services").glob("*-*.json"))
    assert sorted(f"{s['id']}.json" for s in listing["contents"]) == [p.name for p in full_files]
    for path in full_files:
        service = json.loads(path.read_text())
        assert hsds_errors(service, "service.json") == [], path.name
        assert path.name == f"{service['id']}.json"
    taxonomies = json.loads((api / "taxonomies/index.json").read_text())
    assert hsds_errors(taxonomies, "page.json", list_of="taxonomy.json") == []
    terms = json.loads((api / "taxonomy_terms/index.json").read_text())
    assert hsds_errors(terms, "page.json", list_of="taxonomy_term.json") == []
    [taxonomy] = taxonomies["contents"]
    assert {t["taxonomy_id"] for t in terms["contents"]} == {taxonomy["id"]}
    assert "housing" in {t["code"] for t in terms["contents"]}


def test_api_service_matches_the_resource(built_site: Path):
    listing = json.loads((built_site / "api/services/index.json").read_text())
    summary = next(s for s in listing["contents"] if s["name"] == "Open Door Housing Advice")
    service = json.loads((built_site / f"api/services/{summary['id']}.json").read_text())
    resources = json.loads((built_site / "resources.json").read_text())
    assert service == next(s for s in resources["contents"] if s["id"] == summary["id"])
    assert service["phones"][0]["number"] == "0161 496 0123"
    assert [a["name"] for a in service["service_areas"]] == ["North West"]
    assert service["attributes"][0]["taxonomy_term"]["code"] == "housing"


def test_resources_json_is_valid_hsds_shaped_data(built_site: Path):
    data = json.loads((built_site / "resources.json").read_text())
    schema = json.loads((ROOT / "tests/schemas/resources.schema.json").read_text())
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["total_items"] == len(data["contents"]) == 16
    service = next(s for s in data["contents"] if s["name"] == "Open Door Housing Advice")
    assert service["organization"]["name"] == "Open Door Trust"
    assert service["assured_date"] == "2026-10-01"
    assert service["eligibility_description"] == "People leaving prison in the North West"
    assert service["phones"][0]["number"] == "0161 496 0123"
    assert [a["name"] for a in service["service_areas"]] == ["North West"]
    assert service["attributes"][0]["taxonomy_term"]["code"] == "housing"


def test_open_data_and_ids_are_stable_between_builds(built_site: Path, tmp_path: Path):
    project = copy_project(tmp_path / "again")
    run_cli("build", "--config", str(project / "site_config.yml"), "--out", str(project / "s"))
    for name in ("resources.json", "resources.csv", "directory.xml"):
        assert (project / "s" / name).read_bytes() == (built_site / name).read_bytes(), name
    assert tree_digest(project / "s/api") == tree_digest(built_site / "api")
    assert tree_digest(project / "s/embed") == tree_digest(built_site / "embed")
    # ids derive from resource ids alone: the same in every build and every release
    services = json.loads((built_site / "resources.json").read_text())["contents"]
    door = next(s for s in services if s["name"] == "Open Door Housing Advice")
    assert door["id"] == "848fdeb9-47fa-5a60-9a91-cb5477a1f2e5"
    assert (built_site / "api/services/848fdeb9-47fa-5a60-9a91-cb5477a1f2e5.json").is_file()


def test_schema_rejects_what_it_should(built_site: Path):
    data = json.loads((built_site / "resources.json").read_text())
    schema = json.loads((ROOT / "tests/schemas/resources.schema.json").read_text())
    data["contents"][0]["assured_date"] = "last week"
    data["contents"][1]["consent"] = "CR-2026-014"
    errors = list(
        jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.FormatChecker()
        ).iter_errors(data)
    )
    assert len(errors) == 2


def test_resources_csv_has_one_row_per_resource(built_site: Path):
    rows = list(csv.DictReader(io.StringIO((built_site / "resources.csv").read_text())))
    assert len(rows) == 16
    row = next(r for r in rows if r["id"] == "lived-experience-research-panel")
    assert (
        row["may_be_out_of_date"] == "yes"
        and row["regions"] == "North West; Yorkshire and the Humber"
    )
    assert row["page"] == "https://beenthere.example.org/resources/lived-experience-research-panel/"


def test_atom_feed_lists_stories_with_warnings_before_the_excerpt(built_site: Path):
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "The mentor who got it wrong" and "Riverside walks" in titles
    walks = next(e for e in feed.entries if e.title == "Riverside walks")
    assert walks.summary.startswith("Content warning: drug use. A mentor who walked")
    assert walks.link == "https://beenthere.example.org/stories/riverside-walks/"
    assert walks.author == "Dee"
    assert "The allotment" not in titles and "Night shifts at the depot" not in titles


def test_json_feed_1_1(built_site: Path):
    feed = json.loads((built_site / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://beenthere.example.org/feed.json"
    for item in feed["items"]:
        assert {"id", "url", "title", "summary", "date_published"} <= set(item)
    walks = next(i for i in feed["items"] if i["title"] == "Riverside walks")
    assert walks["summary"].startswith("Content warning: drug use.")
    assert walks["authors"] == [{"name": "Dee"}]
    schema = json.loads((ROOT / "tests/schemas/jsonfeed-1.1.schema.json").read_text())
    jsonschema.validate(feed, schema, format_checker=jsonschema.FormatChecker())


def test_sitemap_lists_published_pages_only(built_site: Path):
    sitemap = (built_site / "sitemap.xml").read_text()
    assert "stories/riverside-walks/" in sitemap and "resources/open-door-housing/" in sitemap
    for slug in (
        "the-draft-about-the-allotment",
        "the-consent-ran-out",
        "a-story-taken-back",
        "the-old-bakery-shift",
        "my-own-front-door",
    ):
        assert slug not in sitemap


@pytest.fixture(scope="module")
def site_model(tmp_path_factory):
    """The example site's model, for the pure export functions."""
    from conftest import TODAY
    from generator.build import generate_site_model
    from generator.checklist import check

    project_dir = copy_project(tmp_path_factory.mktemp("model") / "project")
    project, content, verdict = check(project_dir / "site_config.yml", TODAY, use_cache=False)
    return generate_site_model(project, content, verdict, TODAY), project


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_csv_leaves_out_columns_that_are_empty_in_every_row(built_site: Path, site_model):
    from dataclasses import replace

    from generator.exports import resources_csv

    header = (built_site / "resources.csv").read_text().splitlines()[0].split(",")
    assert "text" not in header and "address" not in header and "phone" in header
    site, _ = site_model
    first, *rest = site.resources
    with_text = replace(first, text="Text HELP to 07700 900123", address="1 Example Row,\n  Testby")
    rows = _csv(resources_csv(replace(site, resources=[with_text, *rest])))
    assert rows[0]["text"] == "Text HELP to 07700 900123"
    assert rows[0]["address"] == "1 Example Row, Testby"
    assert all(row["text"] == row["address"] == "" for row in rows[1:])


def test_directory_feed_lists_services_newest_checked_first(built_site: Path):
    feed = feedparser.parse((built_site / "directory.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and len(feed.entries) == 16
    updated = [entry.updated for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    door = next(e for e in feed.entries if e.title == "Open Door Housing Advice")
    assert door.link == "https://beenthere.example.org/resources/open-door-housing/"
    assert door.updated.startswith("2026-10-01")
    assert door.summary.startswith("Open Door Trust. For: People leaving prison in the North West.")
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [
        "https://beenthere.example.org/directory.xml"
    ]


def test_robots_txt_points_at_the_sitemap(built_site: Path):
    lines = (built_site / "robots.txt").read_text().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: https://beenthere.example.org/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow: " for line in lines)
    assert (built_site / "sitemap.xml").is_file()


class _Links(HTMLParser):
    """The <link> elements of a page's head and the addresses of its <a> elements."""

    def __init__(self):
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.anchors: list[dict[str, str | None]] = []
        self.refresh = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link":
            self.links.append(attributes)
        elif tag == "a":
            self.anchors.append(attributes)
        elif tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.refresh = True


def _parsed(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


FEEDS = {
    "application/atom+xml": ("feed.xml", "directory.xml"),
    "application/feed+json": ("feed.json",),
}


def test_feeds_are_linked_from_every_page(built_site: Path):
    pages = [
        path
        for path in built_site.rglob("*.html")
        if not path.relative_to(built_site).as_posix().startswith("embed/")
    ]
    assert len(pages) > 40
    for path in pages:
        parsed = _parsed(path)
        if parsed.refresh:  # an alias's redirect page
            continue
        alternates = {
            (link["type"], (link["href"] or "").rsplit("/", 1)[-1])
            for link in parsed.links
            if link.get("rel") == "alternate"
        }
        for kind, names in FEEDS.items():
            for name in names:
                assert (kind, name) in alternates, f"{path}: no <link> to {name}"


def test_stories_index_links_the_feeds_visibly(built_site: Path):
    anchors = _parsed(built_site / "stories/index.html").anchors
    hrefs = {(a.get("href") or "").rsplit("/", 1)[-1] for a in anchors}
    assert {"feed.xml", "feed.json"} <= hrefs


def test_leak_check_reads_the_open_data_files(tmp_path: Path):
    from generator.config import load_config
    from generator.leakcheck import check_output, leak_needles
    from generator.loader import load_content

    project = load_config(ROOT / "site_config.yml")
    docs = [d for d in load_content(project).documents if d.kind == "story"]
    planted = {
        "api/services/1.json": '{"description": "checked by ed-priya"}',
        "directory.xml": "<summary>checked by ed-priya</summary>",
        "resources.csv": "id,name\nx,checked by ed-priya\n",
        "robots.txt": "# checked by ed-priya\n",
        "embed/regions/x/index.html": "<p>checked by ed-priya</p>",
    }
    for name, text in planted.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    findings = check_output(tmp_path, leak_needles(docs, []))
    assert sorted(f.file for f in findings) == sorted(planted)


class _Embed(HTMLParser):
    """What an embed page is made of: its elements, links, headings and text."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.anchors: list[dict[str, str | None]] = []
        self.loads: list[str] = []
        self.headings: list[str] = []
        self.items = 0
        self._heading: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag == "a":
            self.anchors.append(attributes)
        if tag in ("h1", "h2"):
            self._heading = []
        if tag == "li" and self.tags.count("ul") == 1:
            self.items += 1
        for name in ("src", "srcset", "data", "poster"):
            if attributes.get(name):
                self.loads.append(f"{tag} {name}={attributes[name]}")
        if tag == "link" and attributes.get("href"):
            self.loads.append(f"link href={attributes['href']}")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)


def _embed(path: Path) -> _Embed:
    parser = _Embed()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_an_embed_page_per_region_and_category(built_site: Path, site_model):
    site, _ = site_model
    for folder, vocabulary in (
        ("regions", site.config.regions),
        ("categories", site.config.categories),
    ):
        for term_id in vocabulary:
            assert (built_site / f"embed/{folder}/{term_id}/index.html").is_file(), term_id


def test_embed_page_is_minimal_and_opens_the_full_site(built_site: Path, site_model):
    site, _ = site_model
    for path in (built_site / "embed").rglob("index.html"):
        page = _embed(path)
        assert not {"header", "nav", "form", "input", "script", "iframe", "footer"} & set(
            page.tags
        ), path
        assert page.loads == [], path  # nothing loaded: the style is inline
        assert site.config.support.heading in page.headings, path
        for anchor in page.anchors:
            assert anchor.get("target") == "_top", (path, anchor)
            href = anchor.get("href") or ""
            assert href.startswith(("../", "tel:", "https://")), (path, href)
            if href.startswith("../"):  # a page of the full site, not of the embed
                target = (path.parent / href).resolve() / "index.html"
                assert target.is_file() and "embed" not in target.parts, (path, href)
    north_west = _embed(built_site / "embed/regions/north-west/index.html")
    assert "Open Door Housing Advice" in "".join(north_west.text)
    assert "Gateway Hostel" not in "".join(north_west.text)
    south_east = _embed(built_site / "embed/regions/south-east/index.html")
    assert "Services across a wider area" in south_east.headings
    assert "Second Chance Jobs" in "".join(south_east.text)  # a national service


def test_embed_pages_escape_what_they_show(site_model):
    from dataclasses import replace

    from generator.embed import generate_embeds

    site, project = site_model
    door = next(r for r in site.resources if r.id == "open-door-housing")
    hostile = replace(door, name='<script>alert("x")</script>', eligibility="<img src=x>")
    others = [r for r in site.resources if r.id != door.id]
    files = generate_embeds(replace(site, resources=[hostile, *others]), project.templates_dir)
    html = files["embed/regions/north-west/index.html"].decode()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_directory_shows_organisations_the_embed_snippet(built_site: Path):
    text = (built_site / "resources/index.html").read_text("utf-8")
    parsed = _embed(built_site / "resources/index.html")
    assert "For organisations" in parsed.headings
    snippet = re.search(r'<pre class="bt-snippet"><code>(.*?)</code></pre>', text, re.S)
    assert snippet, "no snippet"
    code = html.unescape(snippet.group(1))
    src = re.search(r'<iframe src="https://beenthere\.example\.org/([^"]+)"', code)
    assert src and (built_site / src.group(1) / "index.html").is_file(), code
    assert 'title="' in code
    hrefs = {a.get("href") for a in parsed.anchors}
    assert {"../api/index.json", "../directory.xml", "../embed/categories/housing/"} <= hrefs


def test_build_refuses_internal_metadata_in_an_embed_page(project: Path):
    template = project / "templates/pages/embed.html.j2"
    template.write_text(
        template.read_text().replace("</main>", "<p>Reviewed by ed-priya.</p></main>")
    )
    out = project / "site"
    result = run_cli("build", "--config", str(project / "site_config.yml"), "--out", str(out))
    assert result.exit_code == 1
    assert "BT801 leak-check: internal metadata" in result.output
    assert "embed/regions/" in result.output
    assert not out.exists()
