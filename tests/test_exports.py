"""Open data: Open Referral JSON, CSV, Atom and JSON Feed, checked against the built site."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser
import jsonschema

from conftest import ROOT, copy_project, run_cli


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


def test_resources_json_ids_are_stable_between_builds(built_site: Path, tmp_path: Path):
    project = copy_project(tmp_path / "again")
    run_cli("build", "--config", str(project / "site_config.yml"), "--out", str(project / "s"))
    assert (project / "s/resources.json").read_bytes() == (
        built_site / "resources.json"
    ).read_bytes()


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
