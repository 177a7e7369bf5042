"""Measure the checklist on a labelled corpus: the share of planted identifiers caught per
kind, and the findings on clean text. Used by the tests and by `bench/detection.py`."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from generator.config import load_config
from generator.fingerprint import story_fingerprint
from generator.loader import load_content
from generator.moderate import moderate

STORY = """---
id: {id}
title: A walk by the canal
pseudonym: Dee
summary: We walked and talked about small things.
topics: [recovery]
content_warnings: []
published: 2026-03-01
status: published
consent:
  reference: CR-2026-901
  given: 2026-01-20
  scope: [website]
review:
  anonymised_by: ed-measure
  approved_by: [ed-measure, ed-second]
  approvals:
    - {{by: ed-measure, fingerprint: '{{{{fingerprint}}}}', date: 2026-03-01}}
    - {{by: ed-second, fingerprint: '{{{{fingerprint}}}}', date: 2026-03-01}}
---

{body}
"""
SENSITIVE_TERMS = ("Harrowby", "Big Tel")


@dataclass
class Measurement:
    caught: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Kind → (caught, planted)."""
    missed: list[tuple[str, str]] = field(default_factory=list)
    clean_errors: list[str] = field(default_factory=list)
    clean_warnings: list[str] = field(default_factory=list)


def measure(project_template: Path, corpus: Path, work: Path, today: date) -> Measurement:
    """Plant each identifier into a copy of the clean text, check everything in one run."""
    planted = yaml.safe_load((corpus / "planted.yml").read_text("utf-8"))
    clean = (corpus / "clean.md").read_text("utf-8")
    project = work / "project"
    shutil.copytree(project_template / "templates", project / "templates")
    shutil.copy(project_template / "site_config.yml", project / "site_config.yml")
    stories = project / "content" / "stories"
    stories.mkdir(parents=True)
    expected: dict[str, tuple[str, str, str]] = {}
    (stories / "clean.md").write_text(STORY.format(id="clean", body=clean), "utf-8")
    for kind, entry in planted.items():
        for number, text in enumerate(entry["texts"]):
            story_id = f"{kind}-{number}"
            body = clean + "\n" + text + "\n"
            (stories / f"{story_id}.md").write_text(STORY.format(id=story_id, body=body), "utf-8")
            expected[f"content/stories/{story_id}.md"] = (kind, entry["rule"], text)
    config = load_config(project / "site_config.yml")
    for doc in load_content(config).documents:  # approve the exact text, as editors would
        doc.path.write_text(
            doc.path.read_text("utf-8").replace("{{fingerprint}}", story_fingerprint(doc)), "utf-8"
        )
    verdict = moderate(load_content(config), config, today, SENSITIVE_TERMS)
    result = Measurement()
    for path, (kind, rule, text) in expected.items():
        caught, total = result.caught.get(kind, (0, 0))
        hit = any(f.file == path and f.rule == rule for f in verdict.findings)
        result.caught[kind] = (caught + hit, total + 1)
        if not hit:
            result.missed.append((kind, text))
    for finding in verdict.findings:
        if finding.file == "content/stories/clean.md":
            line = f"{finding.line}: {finding.rule} {finding.message}"
            (result.clean_errors if finding.blocks else result.clean_warnings).append(line)
    return result


def table(result: Measurement) -> str:
    rows = ["| kind | caught | planted | share |", "|---|---:|---:|---:|"]
    for kind, (caught, total) in result.caught.items():
        rows.append(f"| {kind} | {caught} | {total} | {caught / total:.0%} |")
    return "\n".join(rows)
