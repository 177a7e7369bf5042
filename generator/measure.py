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
BOOKKEEPING = frozenset({"BT111", "BT112"})
"""Findings the corpus's own front matter causes, not the text: not counted."""


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
    project = _project(project_template, work)
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
    verdict = _check_approved(project, today)
    result = Measurement()
    for path, (kind, rule, text) in expected.items():
        caught, total = result.caught.get(kind, (0, 0))
        hit = any(f.file == path and f.rule == rule for f in verdict.findings)
        result.caught[kind] = (caught + hit, total + 1)
        if not hit:
            result.missed.append((kind, text))
    for finding in verdict.findings:
        if finding.file == "content/stories/clean.md" and finding.rule not in BOOKKEEPING:
            line = f"{finding.line}: {finding.rule} {finding.message}"
            (result.clean_errors if finding.blocks else result.clean_warnings).append(line)
    return result


def _project(project_template: Path, work: Path) -> Path:
    """A project with the template's config and theme and no content yet."""
    project = work / "project"
    shutil.copytree(project_template / "templates", project / "templates")
    shutil.copy(project_template / "site_config.yml", project / "site_config.yml")
    return project


def _check_approved(project: Path, today: date):
    """Approve each story's exact text, as editors would (``{{fingerprint}}`` in its front
    matter), then run the checklist over the whole project once."""
    config = load_config(project / "site_config.yml")
    for doc in load_content(config).documents:
        text = doc.path.read_text("utf-8")
        if "{{fingerprint}}" in text:
            doc.path.write_text(text.replace("{{fingerprint}}", story_fingerprint(doc)), "utf-8")
    return moderate(load_content(config), config, today, SENSITIVE_TERMS)


def table(result: Measurement) -> str:
    rows = ["| kind | caught | planted | share |", "|---|---:|---:|---:|"]
    for kind, (caught, total) in result.caught.items():
        rows.append(f"| {kind} | {caught} | {total} | {caught / total:.0%} |")
    return "\n".join(rows)


EXPECTED_RULES: dict[str, frozenset[str]] = {
    "full-name": frozenset({"BT211", "BT212", "BT213"}),
    "named-victim": frozenset({"BT215", "BT211", "BT302"}),
    "phone": frozenset({"BT202"}),
    "email": frozenset({"BT201"}),
    "social-handle": frozenset({"BT210"}),
    "prison-number": frozenset({"BT205"}),
    "ni-number": frozenset({"BT206"}),
    "nhs-number": frozenset({"BT207"}),
    "postcode": frozenset({"BT203", "BT204"}),
    "street-address": frozenset({"BT204", "BT203"}),
    "vehicle-registration": frozenset({"BT209"}),
    "date-of-birth": frozenset({"BT208"}),
    "court-case-number": frozenset({"BT214"}),
    "pnc-or-cro": frozenset({"BT214"}),
    "jigsaw": frozenset({"BT220"}),
    "jigsaw-cross": frozenset({"BT220"}),
    "fault-missing-warning": frozenset({"BT401"}),
    "fault-ongoing-proceedings": frozenset({"BT301"}),
    "fault-sexual-offence-victim": frozenset({"BT302"}),
    "fault-unsafe-markup": frozenset({"BT601"}),
    "fault-stigmatising": frozenset({"BT501"}),
}
"""Which rules count as catching each kind of planted fault in a labelled corpus."""


@dataclass
class Labelled:
    """A labelled corpus measured: per kind, (caught, planted); per rule, (true, false)
    findings; the clean stories' findings."""

    caught: dict[str, tuple[int, int]] = field(default_factory=dict)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    """(story, kind, planted text) of each fault not caught."""
    rules: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Rule → (findings on a planted fault it should catch, any other findings)."""
    false: list[str] = field(default_factory=list)
    """Every finding that is not on a planted fault, as 'story:line rule message'."""
    clean_flagged: dict[str, list[str]] = field(default_factory=dict)
    """Clean story → its findings (errors and warnings)."""
    clean: int = 0


def measure_labelled(project_template: Path, corpus: Path, work: Path, today: date) -> Labelled:
    """Check a corpus of whole stories (``corpus/stories/*.md``, labelled in
    ``corpus/labels-*.yml``: kind, planted texts) in one run, as a site would."""
    labels: dict[str, dict] = {}
    for path in sorted(corpus.glob("labels-*.yml")):
        labels.update(yaml.safe_load(path.read_text("utf-8")) or {})
    project = _project(project_template, work)
    shutil.copytree(corpus / "stories", project / "content" / "stories")
    verdict = _check_approved(project, today)
    by_story: dict[str, list] = {}
    for finding in verdict.findings:
        if finding.rule not in BOOKKEEPING and finding.severity.value in ("error", "warning"):
            by_story.setdefault(Path(finding.file).stem, []).append(finding)
    result = Labelled()
    true_by_rule: dict[str, int] = {}
    false_by_rule: dict[str, int] = {}
    for story, label in sorted(labels.items()):
        kind = label["kind"]
        path = project / "content" / "stories" / f"{story}.md"
        lines = path.read_text("utf-8").split("\n")
        findings = by_story.get(story, [])
        describe = [f"{story}:{f.line} {f.rule} {f.message}" for f in findings]
        if kind == "clean":
            result.clean += 1
            if findings:
                result.clean_flagged[story] = describe
            for finding in findings:
                false_by_rule[finding.rule] = false_by_rule.get(finding.rule, 0) + 1
            result.false.extend(describe)
            continue
        wanted = EXPECTED_RULES.get(kind, frozenset())
        planted = label.get("planted") or []
        planted_lines = {
            number
            for number, line in enumerate(lines, start=1)
            for text in planted
            if any(part and part in line for part in text.split("\n"))
        }
        hits = [
            f
            for f in findings
            if f.rule in wanted
            and f.blocks
            # a combination, a missing warning or a live case is the story's fault, wherever
            # the finding lands
            and (f.line in planted_lines or kind.startswith(("jigsaw", "fault-")))
        ]
        caught, total = result.caught.get(kind, (0, 0))
        result.caught[kind] = (caught + bool(hits), total + 1)
        if not hits:
            result.missed.append((story, kind, " | ".join(planted)))
        for finding, text in zip(findings, describe, strict=True):
            if finding in hits or (finding.rule in wanted and finding.line in planted_lines):
                true_by_rule[finding.rule] = true_by_rule.get(finding.rule, 0) + 1
            else:
                false_by_rule[finding.rule] = false_by_rule.get(finding.rule, 0) + 1
                result.false.append(text)
    for rule in sorted(set(true_by_rule) | set(false_by_rule)):
        result.rules[rule] = (true_by_rule.get(rule, 0), false_by_rule.get(rule, 0))
    return result


def labelled_table(result: Labelled) -> str:
    """Recall per kind and precision per rule, as markdown tables."""
    rows = ["| kind | caught | planted | recall |", "|---|---:|---:|---:|"]
    for kind, (caught, total) in sorted(result.caught.items()):
        rows.append(f"| {kind} | {caught} | {total} | {caught / total:.0%} |")
    flagged = len(result.clean_flagged)
    rows.append(f"| clean (no finding) | {result.clean - flagged} | {result.clean} | |")
    rows += ["", "| rule | true findings | false findings | precision |", "|---|---:|---:|---:|"]
    for rule, (true, false) in result.rules.items():
        rows.append(f"| {rule} | {true} | {false} | {true / (true + false):.0%} |")
    return "\n".join(rows)
