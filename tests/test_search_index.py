"""The search index: which text of a built page is indexed, how words are split, and the files
a browser reads (search.js is exercised on them in tests/browser)."""

from __future__ import annotations

import json
from collections import Counter
from functools import partial
from pathlib import Path

from generator.search_index import (
    BODY_MARK,
    INDEX_DIR,
    Postings,
    page_counts,
    page_text,
    words,
    write_search_index,
)


def _page(body: str, title: str = "A title") -> str:
    return (
        f"<html><head><title>{title} - Been There</title><script>var secret = 1;</script>"
        f'</head><body><nav>Menu words</nav><article class="md-content__inner">{BODY_MARK}'
        f"<h1 id='t'>{title}</h1>{body}</div></article><footer>Footer words</footer></body></html>"
    )


def test_words_ignore_case_accents_and_punctuation():
    assert words("Café NAÏVE, don’t-stop: 48 bus!") == ["cafe", "naive", "don", "stop", "48", "bus"]
    assert words("I was a mentor") == ["was", "mentor"]  # one-letter words are left out
    assert words("snake_case under_score") == ["snake", "case", "under", "score"]
    assert words("Ŵyn yn y maes") == ["wyn", "yn", "maes"]


def test_page_text_is_the_marked_part_of_the_page_only():
    built = _page(
        "<p>We walked &amp; talked.</p><script>alert('no')</script><p>Next<br>line</p>",
        title="Riverside &lt;walks&gt;",
    )
    page = page_text(built, "stories/riverside/index.html")
    assert page is not None
    assert page.url == "stories/riverside/"
    assert page.title == "Riverside <walks>"
    assert page.text == "Riverside <walks> We walked & talked. Next line"
    assert "Menu" not in page.text and "Footer" not in page.text and "alert" not in page.text
    assert page_text("<html><body><h1>Stories</h1></body></html>", "stories/index.html") is None


def test_title_words_weigh_more_than_words_in_the_text():
    page = page_text(_page("<p>A hostel and a hostel.</p>", title="Gateway"), "x/index.html")
    assert page is not None
    counts = page_counts(page)
    assert counts["hostel"] == 2
    assert counts["gateway"] == 1 + 5  # the <h1> in the text, and the title's weight


def test_postings_hold_gaps_and_counts_in_sorted_chunks():
    pages = [(0, {"walk": 2, "tea": 1}), (3, {"walk": 1}), (10, {"bench": 4, "walk": 1})]
    whole = Postings()
    for number, counts in pages:
        whole.add(number, Counter(counts))
    expected = [{"bench": [10, 4], "tea": [0, 1]}, {"walk": [0, 2, 3, 1, 7, 1]}]
    assert whole.chunks(limit=2) == expected
    assert Postings().chunks(limit=2) == []
    # workers index runs of pages; joined in order, their postings are the same
    for split in range(len(pages) + 1):
        joined, later = Postings(), Postings()
        for number, counts in pages[:split]:
            joined.add(number, Counter(counts))
        for number, counts in pages[split:]:
            later.add(number, Counter(counts))
        joined.extend(later)
        assert joined.chunks(limit=2) == expected, split
        assert joined.last == {"walk": 10, "tea": 0, "bench": 10}


def test_written_index_finds_each_page_by_its_words(tmp_path: Path):
    site = tmp_path / "site"
    pages = {
        "stories/a/index.html": _page("<p>Morning walk by the river.</p>", "Walking again"),
        "stories/b/index.html": _page("<p>Tea at the hostel.</p>", "Hostel tea"),
        "stories/index.html": "<html><body><h1>All stories</h1><p>walk walk</p></body></html>",
    }
    for rel, text in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text)
    indexed = write_search_index(site, [site / rel for rel in pages])
    assert indexed == 2
    index = site / INDEX_DIR
    meta = json.loads((index / "meta.json").read_text())
    assert meta["pages"] == 2 and len(meta["tag"]) == 12
    found: dict[str, list[int]] = {}
    for number in range(len(meta["chunks"])):
        chunk = json.loads((index / f"words/{number}.json").read_text())
        assert meta["chunks"][number] == min(chunk)
        for word, entries in chunk.items():
            page, found[word] = 0, []
            for gap in entries[::2]:
                page += gap
                found[word].append(page)
    documents = {
        n: json.loads((index / f"pages/{n}.json").read_text())
        for n in {n for numbers in found.values() for n in numbers}
    }
    assert [documents[n]["url"] for n in found["walk"]] == ["stories/a/"]
    assert [documents[n]["url"] for n in found["hostel"]] == ["stories/b/"]
    assert documents[found["river"][0]]["title"] == "Walking again"
    assert "all" not in found  # the listing carries no BODY_MARK
    assert sorted(p.name for p in (index / "pages").iterdir()) == [
        f"{n}.json" for n in sorted(documents)
    ]

    # a changed text gives new addresses, so that readers' browsers fetch it afresh
    (site / "stories/b/index.html").write_text(_page("<p>Coffee at the hostel.</p>", "Hostel"))
    again = tmp_path / "again"
    again.mkdir()
    (site / INDEX_DIR).rename(again / INDEX_DIR)
    write_search_index(site, [site / rel for rel in pages])
    assert json.loads((index / "meta.json").read_text())["tag"] != meta["tag"]


def test_workers_index_a_large_site_as_one_process_would(tmp_path: Path, monkeypatch):
    from generator import search_index
    from generator.parallel import map_batches

    assert map_batches(len, range(1000), workers=2) == [125] * 8  # in order, four per worker
    assert map_batches(len, range(1000), workers=1) == [1000]
    trees = []
    for workers in (2, 1):
        site = tmp_path / f"site-{workers}"
        pages = []
        for number in range(400):
            page = site / f"stories/s{number:03}/index.html"
            page.parent.mkdir(parents=True)
            page.write_text(_page(f"<p>Walk {number} and tea {number % 7}.</p>", f"Story {number}"))
            pages.append(page)
        monkeypatch.setattr(search_index, "map_batches", partial(map_batches, workers=workers))
        assert write_search_index(site, pages) == 400
        index = site / INDEX_DIR
        trees.append({p.relative_to(index): p.read_bytes() for p in index.rglob("*.json")})
    assert trees[0] == trees[1]


def test_chunks_are_in_the_order_javascript_compares_strings():
    postings = Postings()
    postings.add(0, Counter({"\ue000ab": 1, "\U00020000ab": 1, "zz": 1}))
    # JavaScript compares UTF-16 code units: a character beyond U+FFFF (a surrogate pair,
    # from U+D800) sorts before U+E000, where Python's code point order puts it after
    assert list(postings.chunks(limit=1)[0]) == ["zz"]
    assert [next(iter(c)) for c in postings.chunks(limit=1)] == ["zz", "\U00020000ab", "\ue000ab"]


def test_editors_pages_are_not_in_the_readers_search(built_site: Path):
    urls = {
        json.loads(page.read_text("utf-8"))["url"]
        for page in (built_site / "search-index" / "pages").glob("*.json")
    }
    assert any(url.startswith("stories/") for url in urls)
    assert not any("how-we-moderate/rules" in u or "editors-guide" in u for u in urls), urls
