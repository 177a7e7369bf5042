"""Turn findings into text for people, JSON for tools, or GitHub Actions annotations."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from itertools import groupby

from generator.findings import Finding, Severity
from generator.registry import lookup

FORMATS = ("text", "json", "github")


def _message(finding: Finding) -> str:
    shown = finding.shown_match
    return f"{finding.message} ({shown})" if shown and finding.sensitive else finding.message


def _title(finding: Finding) -> str:
    rule = lookup(finding.rule)
    return f"{finding.rule} {rule.name}" if rule else finding.rule


def summary_line(findings: list[Finding]) -> str:
    counts = Counter("waived" if f.waived_by else f.severity.value for f in findings)
    parts = [
        f"{counts[k]} {k}{'s' if counts[k] != 1 and k != 'info' else ''}"
        for k in ("error", "warning", "info", "waived")
        if counts[k]
    ]
    return ", ".join(parts) if parts else "no findings"


def render_text(findings: list[Finding]) -> str:
    """Grouped by file; each line `line:col  severity  rule  message`, then the fix."""
    out: list[str] = []
    for file, group in groupby(sorted(findings, key=Finding.sort_key), key=lambda f: f.file):
        out.append(file)
        for f in group:
            where = f"{f.line or '-'}:{f.column or '-'}" if f.column else f"{f.line or '-'}"
            status = f"waived by {f.waived_by}" if f.waived_by else f.severity.value
            out.append(f"  {where:>7}  {status:<8} {_title(f)}: {_message(f)}")
            if f.hint and not f.waived_by:
                out.append(f"           fix: {f.hint}")
        out.append("")
    out.append(summary_line(findings))
    return "\n".join(out)


def as_dict(finding: Finding) -> dict:
    return {
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": _message(finding),
        "hint": finding.hint,
        "match": finding.shown_match,
        "waived_by": finding.waived_by,
    }


def render_json(findings: list[Finding], **extra: object) -> str:
    payload = {
        "findings": [as_dict(f) for f in sorted(findings, key=Finding.sort_key)],
        "summary": {
            "errors": sum(f.blocks for f in findings),
            "warnings": sum(f.severity is Severity.WARNING and not f.waived_by for f in findings),
            "waived": sum(f.waived_by is not None for f in findings),
        },
        **extra,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Iterable[Finding]) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for f in sorted(findings, key=Finding.sort_key):
        kind = "notice" if f.waived_by else level.get(f.severity, "notice")
        props = [f"file={_escape_property(f.file)}"]
        if f.line:
            props.append(f"line={f.line}")
        if f.column:
            props.append(f"col={f.column}")
        props.append(f"title={_escape_property(_title(f))}")
        text = _message(f) + (f" — fix: {f.hint}" if f.hint and not f.waived_by else "")
        lines.append(f"::{kind} {','.join(props)}::{_escape_data(text)}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_summary_markdown(findings: list[Finding]) -> str:
    """Every finding as a markdown table, for a CI job summary (GitHub shows only the first
    ten annotations of a step)."""
    lines = [f"## Been There checklist: {summary_line(findings)}", ""]
    shown = sorted(findings, key=Finding.sort_key)
    if not shown:
        return "\n".join(lines + ["Nothing to report.", ""])
    lines += ["| where | rule | severity | problem | how to fix |", "|---|---|---|---|---|"]
    for f in shown:
        where = f"{f.file}:{f.line}" if f.line else f.file
        status = f"waived by {f.waived_by}" if f.waived_by else f.severity.value
        lines.append(
            f"| `{_cell(where)}` | {_cell(_title(f))} | {status} | {_cell(_message(f))} "
            f"| {_cell(f.hint if not f.waived_by else '')} |"
        )
    return "\n".join(lines) + "\n"
