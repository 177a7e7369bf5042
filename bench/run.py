"""Benchmark: generate a synthetic corpus of N stories and N/2 resources, then time
`beenthere check`, `beenthere build` and a plain `mkdocs build` of the same rendered pages.

    python bench/run.py --stories 1000 --repeat 3

Prints medians and the ratio build / plain mkdocs build. Timings are wall-clock, measured
here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import itertools
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 27)
WORDS = """
the a and to of in was it that we he she they my our for on with at but not walk bench
river path tea morning evening week month small steps kept going again mentor listened
talked quiet helped learned trust hope work job course college reading letters home flat
room door key bus town market garden kitchen shift meeting group session plan today
tomorrow better slowly patient honest proud tired angry calm laughed remembered changed
started stopped tried asked told
""".split()  # noqa: SIM905 (a paragraph of words reads better than a list)
TOPICS = [
    "housing",
    "employment",
    "recovery",
    "family",
    "prison",
    "probation",
    "education",
    "identity",
    "peer-mentoring",
    "mental-health",
]
CATEGORIES = ["housing", "employment", "family", "education", "peer-mentoring", "legal", "finance"]
REGIONS = ["national", "north-east", "north-west", "yorkshire", "london", "wales", "scotland"]


NUMBERS = (
    "in {year}",
    "for {small} years",
    "when I was {age}",
    "after {small} months",
    "at {small}.30 in the morning",
    "on the number {bus} bus",
    "{small} weeks later",
)


@functools.lru_cache(maxsize=1)
def vocabulary() -> tuple[list[str], list[float]]:
    """The story words first, then Faker's ordinary English words, with Zipf's weights (the
    r-th word is used in proportion to 1/r): a few words in every story, most in a few."""
    from faker.providers.lorem.en_US import Provider

    extra = {w for w in Provider.word_list if w.isalpha() and w.islower()} - set(WORDS)
    extra = sorted(extra - rule_words())
    random.Random(0).shuffle(extra)
    words = WORDS + extra
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    return words, weights


def rule_words() -> set[str]:
    """Words of the checklist's phrases ("court", "myself"): random text must not put
    them together into something a rule rightly blocks."""
    sys.path.insert(0, str(ROOT))
    import yaml

    from generator.rules import ongoing_proceedings, sexual_offence_victim, stigmatising_language

    config = yaml.safe_load((ROOT / "site_config.yml").read_text("utf-8"))
    phrases = [p for ps in config["moderation"]["warning_lexicons"].values() for p in ps]
    phrases += [ongoing_proceedings.ONGOING.pattern, stigmatising_language.PATTERN.pattern]
    phrases += list(sexual_offence_victim.TRIGGERS)
    return set(re.findall("[a-z]{2,}", " ".join(phrases))) | {"myself", "himself", "herself"}


def sentence(rng: random.Random) -> str:
    words, weights = vocabulary()
    chosen = rng.choices(words, cum_weights=weights, k=rng.randint(8, 20))
    if rng.random() < 0.15:  # real stories mention years, ages and times
        number = rng.choice(NUMBERS).format(
            year=rng.randint(1990, 2025),
            small=rng.randint(2, 11),
            age=rng.randint(14, 60),
            bus=rng.randint(1, 99),
        )
        chosen.insert(rng.randint(1, len(chosen)), number)
    return " ".join(chosen).capitalize() + "."


def body(rng: random.Random, words: int) -> str:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def story_text(i: int, rng: random.Random) -> str:
    words = int(min(3000, max(200, rng.lognormvariate(6.8, 0.35))))  # median about 900
    topics = rng.sample(TOPICS, 2)
    return f"""---
id: story-{i:05d}
title: Story number {i}
pseudonym: Teller {i % 97}
summary: {sentence(rng)}
topics: [{", ".join(topics)}]
content_warnings: []
published: 2026-{1 + i % 10:02d}-{1 + i % 27:02d}
status: published
consent:
  reference: CR-2026-{i:05d}
  given: 2026-01-01
  scope: [website]
review:
  anonymised_by: ed-bench
  approved_by: []
---

{body(rng, words)}"""


def resource_text(i: int, rng: random.Random) -> str:
    return f"""---
id: resource-{i:05d}
name: Service number {i}
organisation: Organisation {i % 211}
url: https://example.org/service/{i}
categories: [{rng.choice(CATEGORIES)}]
regions: [{rng.choice(REGIONS)}]
eligibility: Adults with lived experience of the justice system
contact: {{email: service{i}@example.org}}
last_verified: 2026-{1 + i % 10:02d}-01
---

{body(rng, 80)}"""


def make_corpus(target: Path, stories: int) -> None:
    """A complete project: the example config and templates, and a synthetic, approved corpus."""
    sys.path.insert(0, str(ROOT))
    from generator.approve import approve, sign_off
    from generator.config import load_config
    from generator.loader import load_content

    rng = random.Random(stories)
    shutil.copy(ROOT / "site_config.yml", target / "site_config.yml")
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copytree(ROOT / "content" / "pages", target / "content" / "pages")
    (target / "content" / "stories").mkdir(parents=True)
    (target / "content" / "resources").mkdir()
    for i in range(stories):
        (target / "content/stories" / f"story-{i:05d}.md").write_text(story_text(i, rng))
    for i in range(stories // 2):
        (target / "content/resources" / f"resource-{i:05d}.md").write_text(resource_text(i, rng))
    project = load_config(target / "site_config.yml")
    for handle in ("ed-bench", "ed-second"):
        for doc in load_content(project).of_kind("story"):
            text, _ = approve(doc, handle, TODAY)
            doc.path.write_text(text)
    for doc in load_content(project).of_kind("story"):  # and the storytellers' sign-off
        text, _ = sign_off(doc, "ed-bench", TODAY, None)
        doc.path.write_text(text)


def corpus_project(kept: Path | None, work: Path, stories: int) -> Path:
    """The project to measure: made in ``work``, or under ``kept`` (``<n>-stories``), where
    it stays for the next run (making 10,000 stories takes a minute)."""
    if kept is None:
        project = work / "project"
        project.mkdir()
        make_corpus(project, stories)
        return project
    project = kept / f"{stories}-stories"
    if not project.is_dir():
        part = kept / f"{stories}-stories.part"  # renamed when complete: never half a corpus
        shutil.rmtree(part, ignore_errors=True)
        part.mkdir(parents=True)
        make_corpus(part, stories)
        part.rename(project)
    return project


def timed(command: list[str], env: dict, allowed: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Wall time, and peak resident memory (KB) of the largest process it ran (the build's
    forked workers included: they are waited for)."""
    wrapped = ["/usr/bin/time", "-f", "%M", *command] if Path("/usr/bin/time").exists() else command
    start = time.perf_counter()
    result = subprocess.run(wrapped, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in allowed:
        raise SystemExit(
            f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    peak = 0
    if wrapped is not command:
        with contextlib.suppress(ValueError, IndexError):
            peak = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak


SEARCHES = ("walk", "housing")
"""First searches measured: a word in nearly every story (the worst case), and a topic word
in about a fifth of the stories."""


def first_search_kb(site: Path, query: str) -> float | None:
    """What a reader downloads for a first search (gzip), measured in Chromium when present."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from browser.site import chromium, serve
        from browser.test_browser import first_search_bytes
    except ImportError:
        return None
    try:
        with serve(site) as url, chromium() as browser:
            return round(sum(first_search_bytes(browser, url, query).values()) / 1024, 1)
    except RuntimeError:
        return None


def plain_mkdocs_config(project_dir: Path, work: Path) -> Path:
    """Render the same pages the generator renders and write the same mkdocs.yml for them."""
    sys.path.insert(0, str(ROOT))
    import yaml

    from generator.build import generate_site_model
    from generator.checklist import check
    from generator.mkdocs_site import mkdocs_config
    from generator.render import render_docs, write_docs

    project, content, verdict = check(project_dir / "site_config.yml", TODAY)
    site = generate_site_model(project, content, verdict, TODAY)
    docs_dir = work / "docs"
    write_docs(render_docs(site, project.templates_dir), docs_dir)
    config = mkdocs_config(project, site, docs_dir, work / "plain-site")
    config["hooks"] = []  # plain MkDocs: no sanitiser hook
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def serve_reload_s(project: Path, env: dict, edits: int = 5) -> float:
    """Median seconds from saving an edit to one story until `beenthere serve` shows it."""
    sys.path.insert(0, str(ROOT / "tests"))
    from preview_server import preview, wait_for

    story = project / "content/stories/story-00002.md"
    original = story.read_text()
    times = []
    try:
        with preview(project / "site_config.yml", env) as base:
            url = f"{base}/stories/story-00002/"
            wait_for(url, "Story number 2", seconds=300)
            for number in range(edits):
                marker = f"Edited in the preview, {number}, {time.time_ns()}"
                story.write_text(original + f"\n{marker}\n")
                start = time.monotonic()
                wait_for(url, marker, poll=0.05)
                times.append(time.monotonic() - start)
                time.sleep(1.5)
    finally:
        story.write_text(original)
    return round(statistics.median(times), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="keep each corpus in this folder and reuse it next time (delete it after "
        "changing site_config.yml or the templates)",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="also time the preview's reload after an edit (median of 5)",
    )
    args = parser.parse_args()
    env = {**os.environ, "BEENTHERE_TODAY": TODAY.isoformat()}
    beenthere = [sys.executable, "-m", "generator"]
    results = []
    for n in args.stories:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
            work = Path(tmp)
            project = corpus_project(args.corpus, work, n)
            config = ["--config", str(project / "site_config.yml")]
            mkdocs_yml = plain_mkdocs_config(project, work)
            edited = project / "content/stories/story-00001.md"
            original = edited.read_text()
            runs: dict[str, list[tuple[float, int]]] = {
                "check_cold": [],
                "check_warm": [],
                "build": [],
                "mkdocs": [],
            }
            for number in range(args.repeat):
                runs["check_cold"].append(timed([*beenthere, "check", "--no-cache", *config], env))
                timed([*beenthere, "check", *config], env)  # fill the cache
                edited.write_text(original + f"\nOne more sentence, number {number}.\n")
                runs["check_warm"].append(timed([*beenthere, "check", *config], env, (0, 1)))
                edited.write_text(original)
                out = str(work / "site")
                runs["build"].append(timed([*beenthere, "build", *config, "--out", out], env))
                runs["mkdocs"].append(
                    timed(
                        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(mkdocs_yml)], env
                    )
                )
            row: dict = {"stories": n, "resources": n // 2, "repeats": args.repeat}
            for name, values in runs.items():
                row[f"{name}_s"] = round(statistics.median(v[0] for v in values), 2)
                row[f"{name}_peak_mb"] = round(max(v[1] for v in values) / 1024, 1)
            row["build_vs_mkdocs"] = round(row["build_s"] / row["mkdocs_s"], 2)
            for query in SEARCHES:
                row[f"first_search_{query}_kb"] = first_search_kb(work / "site", query)
            if args.serve:
                row["serve_reload_s"] = serve_reload_s(project, env)
            results.append(row)
            print(json.dumps(row), flush=True)
    print(
        "\n| stories | check cold (s) | check, one story changed (s) | build (s) "
        "| plain mkdocs build (s) | build / mkdocs | build peak MB: largest process "
        "| plain mkdocs peak MB "
        + "".join(f"| first search “{query}” (KB gzip) " for query in SEARCHES)
        + "|"
    )
    print("|---:" * (8 + len(SEARCHES)) + "|")
    for r in results:
        print(
            f"| {r['stories']:,} | {r['check_cold_s']} | {r['check_warm_s']} | {r['build_s']} "
            f"| {r['mkdocs_s']} | {r['build_vs_mkdocs']} | {r['build_peak_mb']} "
            f"| {r['mkdocs_peak_mb']} "
            + "".join(f"| {r[f'first_search_{query}_kb']} " for query in SEARCHES)
            + "|"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
