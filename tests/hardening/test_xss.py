"""Every payload of the XSS list: blocked at check, and inert in the HTML even when the
markup rule is switched off (the sanitiser is the second line of defence)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, run_cli

PAYLOADS = [
    line
    for line in (Path(__file__).with_name("xss_payloads.txt")).read_text().splitlines()
    if line and not line.startswith("# ")
]
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
DANGEROUS_TAGS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "xml",
    "bgsound",
}


def _payload_text(payload: str) -> str:
    # reference-style link payloads put the definition on its own line
    return payload.replace(" then [r]:", "\n\n[r]:")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("xss") / "project")
    stories = project / "content/stories"
    template = (
        (stories / "keys-to-my-own-door.md")
        .read_text()
        .replace("aliases: [my-own-front-door]\n", "")
    )
    for number, payload in enumerate(PAYLOADS):
        text = template.replace("id: keys-to-my-own-door", f"id: xss-{number}")
        (stories / f"xss-{number}.md").write_text(text + "\n" + _payload_text(payload) + "\n")
    resource = (project / "content/resources/open-door-housing.md").read_text()
    for number, payload in enumerate(PAYLOADS):
        text = resource.replace("id: open-door-housing", f"id: xss-{number}")
        (project / f"content/resources/xss-{number}.md").write_text(
            text + "\n" + _payload_text(payload) + "\n"
        )
    return project


def test_every_payload_is_blocked_at_check(project: Path):
    result = run_cli("check", "--config", str(project / "site_config.yml"), "--format", "json")
    findings = json.loads(result.output)["findings"]
    flagged = {f["file"] for f in findings if f["rule"] == "BT601"}
    missed = [
        payload
        for number, payload in enumerate(PAYLOADS)
        if f"content/stories/xss-{number}.md" not in flagged
        or f"content/resources/xss-{number}.md" not in flagged
    ]
    assert not missed, missed
    assert len(PAYLOADS) >= 80


class _Executable(HTMLParser):
    """Collects anything in the content area that a browser could run or load."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.inside += 1
        if not self.inside:
            return
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "background", "dynsrc", "lowsrc"):
                self.problems.append(f"{tag} {name}=")
            if name in ("href", "src", "action", "formaction", "data") and value:
                # as a browser reads a URL: outer spaces and controls trimmed, tabs and
                # newlines removed anywhere (WHATWG URL standard)
                cleaned = "".join(c for c in value if c not in "\t\n\r")
                cleaned = cleaned.strip("".join(map(chr, range(33)))).lower()
                if cleaned.startswith(SCRIPT_SCHEMES):
                    self.problems.append(f"{tag} {name}={value[:30]}")

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside -= 1


def test_no_payload_survives_into_html_even_with_the_rule_off(project: Path, tmp_path: Path):
    config = project / "site_config.yml"
    config.write_text(
        config.read_text().replace(
            "  severities: {}",
            "  severities: {BT601: off, BT701: off, BT702: off, BT703: off, BT111: off, "
            "BT112: off, BT210: off, BT211: off, "
            "BT303: off}",
        )
    )
    out = tmp_path / "site"
    result = run_cli("build", "--config", str(config), "--out", str(out))
    assert result.exit_code == 0, result.output[-3000:]
    for number in range(len(PAYLOADS)):
        for page in (f"stories/xss-{number}/index.html", f"resources/xss-{number}/index.html"):
            parser = _Executable()
            parser.feed((out / page).read_text())
            assert not parser.problems, (PAYLOADS[number], page, parser.problems)
