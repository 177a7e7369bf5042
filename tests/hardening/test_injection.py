"""No markup from content or config reaches a reader's browser (reproducers 05, 06, 07): every
field of every page type and every config string that reaches HTML holds a payload, the markup
rules are switched off (so only escaping and the sanitiser stand in the way), and every built
HTML file is parsed for anything that came from a payload."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, run_cli

REFRESH = '0;url=https://evil.example.org/" http-equiv="refresh'
HANDLER = 'Been There" onmouseover="alert(1)" x="'
TAG = "<img src=x onerror=alert(2)>"
IMAGE = "![t](https://evil.example.org/field.png)"
FIELD_PAYLOADS = [REFRESH, HANDLER, TAG, IMAGE]
BODY_PAYLOADS = """
![A bench](bench.png){: src="https://evil.example.org/attr-list.png" }

![A bench][b]

[b]: https://evil.example.org/reference.png

![a [b] c](https://evil.example.org/nested-alt.png)

![A bench](https://evil.example.org/paren-title.png "a)")

![plain](https://evil.example.org/plain.png)

<img src="https://evil.example.org/raw.png">
"""
OFF = (
    "BT111: off, BT112: off, BT210: off, BT601: off, BT701: off, BT702: off, BT703: off, "
    "BT211: off, BT212: off, BT213: off"
)


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _set(text: str, key: str, value: str) -> str:
    """Replace the value of a top-level front matter key."""
    return re.sub(rf"(?m)^{key}: .*$", lambda _: f"{key}: {_quoted(value)}", text, count=1)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("inject") / "project")
    content = project / "content"
    story = content / "stories" / "riverside-walks.md"
    text = story.read_text("utf-8")
    text = _set(text, "title", REFRESH)
    text = _set(text, "summary", HANDLER)
    story.write_text(text + "\n" + BODY_PAYLOADS, "utf-8")
    resource = content / "resources" / "open-door-housing.md"
    text = resource.read_text("utf-8")
    for key, payload in zip(("name", "organisation", "eligibility"), FIELD_PAYLOADS, strict=False):
        text = _set(text, key, payload)
    text = text.replace(
        "contact: {phone: 0161 496 0123, email: advice@example.org}",
        f"contact: {{phone: 0161 496 0123, email: advice@example.org, address: {_quoted(TAG)}, "
        f"text: {_quoted(IMAGE)}}}",
    )
    resource.write_text(text + "\n" + BODY_PAYLOADS, "utf-8")
    page = content / "pages" / "about.md"
    text = page.read_text("utf-8")
    text = _set(text, "title", HANDLER)
    text = re.sub(r"(?m)^description: .*$", f"description: {_quoted(REFRESH)}", text)
    if "description:" not in text:
        text = text.replace("title:", f"description: {_quoted(REFRESH)}\ntitle:", 1)
    page.write_text(text + "\n" + BODY_PAYLOADS, "utf-8")
    config = project / "site_config.yml"
    text = config.read_text("utf-8")
    text = text.replace("  name: Been There", f"  name: {_quoted(HANDLER)}", 1)
    text = re.sub(r"(?m)^  description: .*$", f"  description: {_quoted(REFRESH)}", text, count=1)
    text = text.replace(
        'housing: {label: Housing, description: "Finding and keeping a home, hostels, '
        'approved premises."}',
        f"housing: {{label: {_quoted(TAG)}, description: {_quoted(IMAGE)}}}",
    )
    text = text.replace(
        'housing: {label: Housing, description: "Advice, hostels and help to find a home."}',
        f"housing: {{label: {_quoted(HANDLER)}, description: {_quoted(TAG)}}}",
    )
    text = text.replace("heading: If you need to talk to someone now", f"heading: {_quoted(TAG)}")
    text = text.replace("  severities: {}", f"  severities: {{{OFF}}}")
    config.write_text(text, "utf-8")
    result = run_cli("build", "--config", str(config), "--out", str(project / "site"))
    assert result.exit_code == 0, result.output[-3000:]
    return project / "site"


class _Injected(HTMLParser):
    """Anything in a page that a payload could have made: a refresh, a handler, a script or a
    request to another origin."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            target = (values.get("content") or "").lower()
            if name == "http-equiv" and re.search(
                r"url=\s*['\"]?(?:[a-z][a-z0-9+.-]*:|//)", target
            ):
                # mkdocs-redirects' pages for old addresses refresh to a page of this site
                self.problems.append(f"<{tag} http-equiv={value} content={target}>")
        if tag in ("img", "script", "iframe", "source", "embed", "object", "link", "audio"):
            for name in ("src", "href", "srcset", "data"):
                url = (values.get(name) or "").strip().lower()
                if url.startswith(("http:", "https:", "//")) and "evil" in url:
                    self.problems.append(f"<{tag} {name}={url}>")
                if tag == "link" and name == "href" and url.startswith(("http:", "//")):
                    self.problems.append(f"<link href={url}>")
                if tag != "link" and url.startswith(("http:", "https:", "//")):
                    self.problems.append(f"<{tag} {name}={url}> loads from another origin")


def test_no_payload_becomes_markup_in_any_page(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    problems = {}
    for page in pages:
        parser = _Injected()
        parser.feed(page.read_text("utf-8"))
        if parser.problems:
            problems[page.relative_to(site).as_posix()] = sorted(set(parser.problems))
    assert not problems, problems


def test_payloads_are_shown_as_text(site: Path):
    """Escaped, not dropped: the reader sees what the editor wrote, as text."""
    story = (site / "stories" / "riverside-walks" / "index.html").read_text("utf-8")
    assert "http-equiv=&quot;refresh" in story or "http-equiv=&#34;refresh" in story
    topic = (site / "topics" / "housing" / "index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=alert(2)&gt;" in topic


XSS = [
    line
    for line in Path(__file__).with_name("xss_payloads.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("# ") and " then [r]:" not in line
]
STORY_FIELDS = ("title", "summary", "pseudonym")
RESOURCE_FIELDS = ("name", "organisation", "eligibility")


@pytest.fixture(scope="module")
def every_field(tmp_path_factory) -> Path:
    """Each XSS payload in a story's title, summary and pseudonym, a resource's name,
    organisation and eligibility, and a config label or description."""
    project = copy_project(tmp_path_factory.mktemp("fields") / "project")
    stories = project / "content" / "stories"
    story = (stories / "keys-to-my-own-door.md").read_text("utf-8")
    story = story.replace("aliases: [my-own-front-door]\n", "")
    resource = (project / "content" / "resources" / "open-door-housing.md").read_text("utf-8")
    for number, payload in enumerate(XSS):
        text = story.replace("id: keys-to-my-own-door", f"id: field-{number}")
        for key in STORY_FIELDS:
            text = _set(text, key, payload[:300])
        (stories / f"field-{number}.md").write_text(text, "utf-8")
        text = resource.replace("id: open-door-housing", f"id: field-{number}")
        for key in RESOURCE_FIELDS:
            text = _set(text, key, payload[:300])
        (project / "content" / "resources" / f"field-{number}.md").write_text(text, "utf-8")
    config = project / "site_config.yml"
    lines = config.read_text("utf-8").split("\n")
    vocabulary = [i for i, line in enumerate(lines) if re.match(r"  [a-z-]+: \{label: ", line)]
    for number, index in enumerate(vocabulary):
        term = lines[index].split(":")[0]
        payload = XSS[number % len(XSS)]
        lines[index] = f"{term}: {{label: {_quoted(payload)}, description: {_quoted(payload)}}}"
    config.write_text("\n".join(lines), "utf-8")
    return project


def test_every_payload_in_every_field_is_refused_with_its_field(every_field: Path):
    config = every_field / "site_config.yml"
    result = run_cli("check", "--config", str(config), "--format", "json", "--no-cache")
    flagged = {
        (f["file"], f["message"].split(":")[0])
        for f in json.loads(result.output)["findings"]
        if f["rule"] == "BT601"
    }
    missed = [
        (number, field)
        for number in range(len(XSS))
        for kind, fields in (("stories", STORY_FIELDS), ("resources", RESOURCE_FIELDS))
        for field in fields
        if (f"content/{kind}/field-{number}.md", field) not in flagged
    ]
    assert not missed, [(XSS[n], field) for n, field in missed]
    in_config = {message for file, message in flagged if file == "site_config.yml"}
    assert len(in_config) >= 2 * 30, sorted(in_config)  # every label and description


def test_every_payload_in_every_field_is_inert_in_every_page(every_field: Path, tmp_path: Path):
    config = every_field / "site_config.yml"
    config.write_text(
        config.read_text("utf-8").replace("  severities: {}", f"  severities: {{{OFF}}}"), "utf-8"
    )
    out = tmp_path / "site"
    result = run_cli("build", "--config", str(config), "--out", str(out))
    assert result.exit_code == 0, result.output[-3000:]
    problems = {}
    for page in sorted(out.rglob("*.html")):
        parser = _Injected()
        parser.feed(page.read_text("utf-8"))
        if parser.problems:
            problems[page.relative_to(out).as_posix()] = sorted(set(parser.problems))[:5]
    assert not problems, dict(list(problems.items())[:10])
