"""End to end: build the example content and read the HTML and every other output file."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, run_cli, tree_digest
from generator.search_index import INDEX_DIR

EXCLUDED = {
    "the-draft-about-the-allotment": ("The allotment", "kettle that took eleven minutes to boil"),
    "a-story-taken-back": ("Starting over in a new town", "launderette that stayed open until ten"),
    "the-consent-ran-out": ("Night shifts at the depot", "scanners beeped in a rhythm"),
}
TOMBSTONES = ("a-story-taken-back", "the-consent-ran-out", "the-old-bakery-shift")
"""Once published, now out (withdrawn, consent expired, withdrawn.yml): the removal page."""
INTERNAL = ("CR-2026-014", "CR-2024-112", "ed-priya", "ed-sam", "sha256:")


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def _all_text(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): _read(p) for p in site.rglob("*") if p.is_file()}


def test_pages_exist(built_site: Path):
    for page in (
        "index.html",
        "stories/index.html",
        "stories/riverside-walks/index.html",
        "topics/recovery/index.html",
        "resources/index.html",
        "resources/open-door-housing/index.html",
        "categories/housing/index.html",
        "regions/north-west/index.html",
        "about/index.html",
        "how-we-moderate/index.html",
        "search/index.html",
        "search-index/meta.json",
        "sitemap.xml",
    ):
        assert (built_site / page).is_file(), page


def test_story_page(built_site: Path):
    html = (built_site / "stories/riverside-walks/index.html").read_text()
    assert "Riverside walks" in html and "Told by <strong>Dee</strong>" in html
    assert '<time datetime="2026-03-01">1 March 2026</time>' in html
    assert 'href="../../topics/recovery/"' in html
    warning = html.index("Content warning")
    assert "drug use" in html[warning : warning + 400]
    assert warning < html.index("The first time I met my mentor")
    assert "If you need to talk to someone now" in html
    assert 'href="tel:08081570192"' in html


def test_story_without_warnings_opens_directly(built_site: Path):
    html = (built_site / "stories/keys-to-my-own-door/index.html").read_text()
    assert "Content warning" not in html


def test_indexes_and_topics_list_published_stories_newest_first(built_site: Path):
    html = (built_site / "stories/index.html").read_text()
    order = [
        html.index(f'href="../stories/{slug}/"')
        for slug in ("the-mentor-who-got-it-wrong", "disclosure-on-a-tuesday", "riverside-walks")
    ]
    assert order == sorted(order)
    topic = (built_site / "topics/housing/index.html").read_text()
    assert "Keys to my own door" in topic and "Riverside walks" not in topic


def test_resource_page(built_site: Path):
    html = (built_site / "resources/open-door-housing/index.html").read_text()
    assert 'href="tel:01614960123"' in html and 'href="mailto:advice@example.org"' in html
    assert "People leaving prison in the North West" in html
    assert '<time datetime="2026-10-01">1 October 2026</time>' in html
    assert "May be out of date" not in html
    stale = (built_site / "resources/lived-experience-research-panel/index.html").read_text()
    assert "May be out of date" in stale
    region = (built_site / "regions/north-west/index.html").read_text()
    assert "Open Door Housing Advice" in region and "Gateway Hostel" not in region


def test_unpublished_and_internal_data_reach_no_file(built_site: Path):
    files = _all_text(built_site)
    for path, text in files.items():
        for slug, (title, sentence) in EXCLUDED.items():
            if slug not in TOMBSTONES:
                assert slug not in text, f"{slug} leaked into {path}"
            assert title not in text, f"title of {slug} leaked into {path}"
            assert sentence not in text, f"text of {slug} leaked into {path}"
        for term in INTERNAL:
            assert term not in text, f"{term} leaked into {path}"
    fragments = [text for path, text in files.items() if path.startswith(f"{INDEX_DIR}/pages/")]
    assert any("Riverside walks" in text for text in fragments)  # the search index was read


class _Loads(HTMLParser):
    """Addresses a page would load by itself: src of any element, href of a <link> that is
    fetched (a stylesheet or icon, not a canonical or alternate address). Text, such
    as the embed snippet shown on the directory page, is not markup and loads nothing."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = set((attributes.get("rel") or "").lower().split())
        fetched = tag == "link" and not rel <= {"canonical", "alternate", "prev", "next"}
        for name, value in attrs:
            if value and (name in ("src", "srcset") or (fetched and name == "href")):
                self.loads.append(value)


def test_no_request_leaves_the_site(built_site: Path):
    for path, text in _all_text(built_site).items():
        if path.endswith(".html"):
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
            parser = _Loads()
            parser.feed(text)
            foreign = [u for u in parser.loads if re.match(r"(?:https?:)?//", u.strip())]
            assert not foreign, f"{foreign} in {path}"


def test_blocked_build_leaves_previous_site_untouched(project: Path):
    config, out = str(project / "site_config.yml"), str(project / "site")
    assert run_cli("build", "--config", config, "--out", out).exit_code == 0
    before = tree_digest(project / "site")
    content_before = tree_digest(project / "content")
    story = project / "content/stories/riverside-walks.md"
    story.write_text(story.read_text().replace("title: Riverside walks", "title: Riverside: walks"))
    result = run_cli("build", "--config", config, "--out", out)
    assert result.exit_code == 1
    assert "content/stories/riverside-walks.md" in result.output
    assert "      3  error    BT001 file-readable: malformed YAML" in result.output
    assert "previous site is unchanged" in result.output
    assert tree_digest(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []
    story.write_text(story.read_text().replace("title: Riverside: walks", "title: Riverside walks"))
    assert tree_digest(project / "content") == content_before


def test_build_refuses_to_replace_a_folder_it_did_not_make(project: Path, tmp_path: Path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("precious")
    result = run_cli("build", "--config", str(project / "site_config.yml"), "--out", str(foreign))
    assert result.exit_code == 2
    assert "not made by beenthere" in result.output
    assert (foreign / "thesis.txt").read_text() == "precious"
    into_content = run_cli(
        "build",
        "--config",
        str(project / "site_config.yml"),
        "--out",
        str(project / "content/site"),
    )
    assert into_content.exit_code == 2 and "content/" in into_content.output


def test_leak_check_blocks_internal_metadata_in_a_template(project: Path):
    config, out = str(project / "site_config.yml"), str(project / "site")
    template = project / "templates/pages/page.md.j2"
    template.write_text(template.read_text() + "\nReviewed by ed-priya.\n")
    result = run_cli("build", "--config", config, "--out", out)
    assert result.exit_code == 1
    assert "BT801 leak-check: internal metadata" in result.output
    assert "ed-priya" not in result.output  # masked: CI logs can be public
    assert not (project / "site").exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []
    line = len(template.read_text().split("\n")) - 1
    # what it is, whose it is, and the file and line that printed it
    assert "internal metadata in this file: the editor handle of content/stories/" in result.output
    assert f"it comes from the template templates/pages/page.md.j2, line {line}" in result.output
    assert f"fix: edit the template templates/pages/page.md.j2, line {line}: a template " in (
        result.output
    )


def test_leak_finding_names_the_example_in_the_guide_that_shows_a_handle(project: Path):
    config, out = str(project / "site_config.yml"), str(project / "site")
    guide = project / "EDITORS.md"
    guide.write_text(guide.read_text() + "\nFor example: `beenthere approve --by ed-sam`.\n")
    line = len(guide.read_text().split("\n")) - 1
    result = run_cli("build", "--config", config, "--out", out)
    assert result.exit_code == 1
    assert "how-we-moderate/editors-guide/index.html" in result.output
    assert re.search(
        r"the editor handle of content/stories/[a-z-]+\.md, which must never be shown; it "
        rf"comes from the editors' guide EDITORS\.md, line {line} \(e•••••\)",
        result.output,
    )
    assert "write a placeholder such as `<your-handle>` there instead" in result.output
    assert "ed-sam" not in result.output


def test_published_examples_show_no_usable_editor_handle(built_site: Path):
    """An example an editor may copy, or whose handle a real editor uses, would fail the leak
    check on the page that shows it: every example handle is a placeholder like <your-handle>."""
    from generator.leakcheck import reader_text
    from generator.model import HANDLE_RE

    value = re.compile(r"(?:--by|\bby:|approved_by:|anonymised_by:)\s*\[?([^\s,\]`]+)")
    for page in ("how-we-moderate/rules/index.html", "how-we-moderate/editors-guide/index.html"):
        text = reader_text((built_site / page).read_text())
        examples = value.findall(text)
        assert examples, page
        usable = [handle for handle in examples if HANDLE_RE.fullmatch(handle)]
        assert usable == [], f"{page} shows usable handles: {usable}"


def test_leak_check_blocks_text_of_an_unpublished_story(project: Path):
    config, out = str(project / "site_config.yml"), str(project / "site")
    page = project / "content/pages/about.md"
    page.write_text(
        page.read_text() + "\nThe new town had a market on Thursdays and a "
        "launderette that stayed open until ten at night.\n"
    )
    result = run_cli("build", "--config", config, "--out", out)
    assert result.exit_code == 1
    assert "text of an unpublished story in this file" in result.output
    assert "from content/stories/a-story-taken-back.md (not published: consent" in result.output
    line = len(page.read_text().split("\n")) - 1
    assert f"it comes from the page content/pages/about.md, line {line}" in result.output
    assert f"fix: remove the quotation from the page content/pages/about.md, line {line}" in (
        result.output
    )


def test_withdrawn_story_address_serves_a_tombstone_only(built_site: Path):
    for slug in TOMBSTONES:
        html = (built_site / f"stories/{slug}/index.html").read_text()
        assert "This story has been removed" in html
        assert '<meta name="robots" content="noindex">' in html
    assert "Starting over" not in (built_site / "stories/a-story-taken-back/index.html").read_text()
    sitemap = (built_site / "sitemap.xml").read_text()
    assert "riverside-walks" in sitemap
    assert not any(slug in sitemap for slug in TOMBSTONES)
    indexed = [_read(p) for p in (built_site / INDEX_DIR / "pages").glob("*.json")]
    assert indexed and not any("has been removed" in f or "old-bakery" in f for f in indexed)


def test_templates_that_mark_nothing_for_search_fail_the_build(project: Path):
    main = project / "templates/overrides/main.html"
    main.write_text(main.read_text().replace("data-search-body", "data-other"))
    out = project / "site"
    result = run_cli("build", "--config", str(project / "site_config.yml"), "--out", str(out))
    assert result.exit_code != 0
    assert "no built page carries <div data-search-body>" in result.output
    assert "templates/overrides/main.html" in result.output
    assert not out.exists()


def test_leak_check_reads_the_search_index(tmp_path: Path):
    from generator.config import load_config
    from generator.leakcheck import check_output, leak_needles, text_files
    from generator.loader import load_content

    project = load_config(ROOT / "site_config.yml")
    docs = [d for d in load_content(project).documents if d.kind == "story"]
    page = tmp_path / INDEX_DIR / "pages/7.json"
    page.parent.mkdir(parents=True)
    page.write_text('{"url":"x/","title":"X","text":"kind words from ed-priya about the walk"}')
    findings = check_output(tmp_path / INDEX_DIR, leak_needles(docs, []))
    assert [f.file for f in findings] == ["pages/7.json"]
    assert text_files(tmp_path) == [page]


def test_a_broken_or_missing_template_is_an_error_not_a_traceback(project: Path):
    config, out = str(project / "site_config.yml"), str(project / "site")
    # a site's templates override the default theme's file by file: one it lacks is the default's
    (project / "templates/pages/search.md.j2").unlink()
    assert run_cli("build", "--config", config, "--out", out).exit_code == 0
    (project / "templates/pages/search.md.j2").write_text('{% include "_searchbox.md.j2" %}')
    result = run_cli("build", "--config", config, "--out", out)
    assert result.exit_code == 1
    assert "templates/pages/_searchbox.md.j2 is missing" in result.output
    assert "nor the default theme has it" in result.output
    (project / "templates/pages/page.md.j2").write_text("{% if %}")
    (project / "templates/pages/search.md.j2").write_text("search")
    result = run_cli("build", "--config", config, "--out", out)
    assert result.exit_code == 1 and "cannot be rendered" in result.output
