"""`beenthere init`: a new site in an empty folder. The standard pages, the editors' guide and
the config's vocabularies and phrases come from the example site (one copy, in this repository
or inside the installed package); the README, workflows and ignore file from ``files/`` beside
this module; the example draft and resource from the same skeletons `beenthere new` writes."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import yaml

from generator import __version__
from generator.errors import UsageError
from generator.packaged import example_site
from generator.rules_doc import render_rules_reference
from generator.scaffold import resource_skeleton, story_skeleton

FILES = Path(__file__).with_name("files")
EXAMPLE_NAME = "Been There"
"""The example site's name, replaced by the new site's in the files copied from it."""
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .,'’&()-]{0,59}$")
"""A site name that reads the same as plain YAML and plain markdown."""
DRAFT_ID = "the-first-cup-of-tea"
"""The example draft's id, made from its title."""
RESOURCE_ID = "example-records-advice-line"

DRAFT_BODY = """\
This is an example draft, written for a new site: it is not a real story, and nothing with
`status: draft` is ever published. Replace it with a real story, or delete it.

On the morning I came out, my mentor was waiting by the gate with two cups of tea from the van
across the road. She did not ask me anything. We sat on the wall and drank them while she told
me what the next week would look like, one day at a time.

The tea was terrible. I still think about it every time I meet someone on their first day out.
"""
RESOURCE_BODY = """\
Free advice by phone and e-mail about criminal records: what shows up on a check, when a
conviction is spent, and how to talk about it with an employer. This is an example entry:
replace it with a service you have checked, or delete it.
"""
WITHDRAWN = """\
# Stories withdrawn at their teller's request. Their ids must never be published again;
# the site shows a short "removed" page at each old address. Written by `beenthere withdraw`.
"""
PRIVATE_INTAKE = """\
  # Set to true once this repository is private (README.md, "Keep this repository private"):
  # first drafts hold real names. Until then `beenthere check` reminds you whenever the
  # repository has a remote on a public code host.
  private_intake_confirmed: false
"""


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise UsageError(
            f"--name {name!r}: a site name is up to 60 letters, digits and spaces (with . , ' & "
            "( ) -), starting with a letter or digit"
        )
    return name


def starter_site(name: str, today: date) -> dict[str, str]:
    """Every file of a new site called ``name``, by its path inside the site's folder."""
    example = example_site()

    def named(text: str) -> str:
        return text.replace(EXAMPLE_NAME, name)

    # the starter's own files name the site where they say @SITE_NAME@ (elsewhere, "Been There"
    # is the program)
    files = {
        path.relative_to(FILES).as_posix(): path.read_text("utf-8").replace("@SITE_NAME@", name)
        for path in sorted(FILES.rglob("*"))
        if path.is_file()
    }
    files["requirements.txt"] = files["requirements.txt"].replace("@VERSION@", __version__)
    config = (example / "site_config.yml").read_text("utf-8")
    files["site_config.yml"] = starter_config(config, name)
    files["EDITORS.md"] = named((example / "EDITORS.md").read_text("utf-8"))
    files["RULES.md"] = render_rules_reference()
    files[".pre-commit-config.yaml"] = pre_commit_config(
        (example / ".pre-commit-hooks.yaml").read_text("utf-8")
    )
    template = ".github/pull_request_template.md"  # the checks no program can do
    files[template] = (example / template).read_text("utf-8")
    for page in sorted((example / "content/pages").glob("*.md")):
        files[f"content/pages/{page.name}"] = named(page.read_text("utf-8"))
    files[f"content/stories/{DRAFT_ID}.md"] = example_draft(today)
    files[f"content/resources/{RESOURCE_ID}.md"] = example_resource(today)
    files["content/withdrawn.yml"] = WITHDRAWN
    return files


def starter_config(example: str, name: str) -> str:
    """The example site's config with the new site's own ``site:`` block, and every setting a
    new site must decide on shown with its comment."""
    info = yaml.safe_load(example).get("site", {})
    lines = example.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)  # the example's own header
    body = "".join(lines)
    site_block = re.compile(r"^site:\n(?:[ #].*\n|\n)*", re.MULTILINE)
    body = site_block.sub(lambda _: _site_block(name, info), body, count=1)
    body = body.replace(EXAMPLE_NAME, name)
    # a new site has not confirmed anything yet, whatever the example says
    body = re.sub(r"(?m)^  private_intake_confirmed:.*\n", "", body)
    body = body.replace("\nmoderation:\n", "\nmoderation:\n" + PRIVATE_INTAKE, 1)
    return (
        f"# {name}: site configuration, read by `beenthere check`, `build` and `serve`.\n"
        "# Every setting is checked when it is read; a mistake is reported with its line.\n" + body
    )


def _site_block(name: str, info: dict) -> str:
    description = json.dumps(info.get("description", ""), ensure_ascii=False)
    language = json.dumps(info.get("language", "en"))
    return f"""site:
  # The name readers see in the header, in every page's title and in the feeds.
  name: {name}
  # The public address of the built site, with a trailing slash (see README.md, "Publishing").
  url: https://example.org/
  # One sentence for search engines and feeds.
  description: {description}
  # The language of the content (the pages' lang attribute, and search).
  language: {language}

"""


def pre_commit_config(hooks_file: str) -> str:
    """The generator's own hook (``.pre-commit-hooks.yaml``) as a local hook that runs the
    ``beenthere`` installed from requirements.txt, so that it checks with the site's version."""
    hooks = [dict(hook, language="system") for hook in yaml.safe_load(hooks_file)]
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    return (
        "# Runs the Been There checklist before every commit that touches content. Once:\n"
        "#   python3 -m pip install pre-commit && pre-commit install\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    )


def example_draft(today: date) -> str:
    skeleton = story_skeleton(
        title="The first cup of tea",
        pseudonym="Sam",
        summary="An example draft: the morning a mentor was waiting at the gate.",
        topics=["peer-mentoring"],
        content_warnings=[],
        consent_reference=f"CR-{today.year}-001",
        consent_given=today,
        anonymised_by="ed-example",
        today=today,
    )
    return _with_body(skeleton, DRAFT_BODY)


def example_resource(today: date) -> str:
    skeleton = resource_skeleton(
        name="Example Records Advice Line",
        organisation="Example Advice Trust",
        url="https://example.org/records-advice",
        categories=["legal"],
        regions=["national"],
        eligibility="Anyone with a criminal record who wants to understand it",
        phone="01632 960 123",
        email="advice@example.org",
        today=today,
    )
    return _with_body(skeleton, RESOURCE_BODY)


def _with_body(skeleton: str, body: str) -> str:
    """The skeleton's front matter (with its guidance comments) above ``body``."""
    front, end, _ = skeleton.partition("\n---\n")
    return f"{front}{end}\n{body}"


def write_site(target: Path, files: dict[str, str]) -> None:
    """Write ``files`` into ``target``, which must be missing or empty (nothing is ever
    overwritten or mixed into another project)."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file; give the name of a new or empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(
            f"{target} is not empty; `beenthere init` only starts a site in a new or empty "
            "folder, so that nothing is overwritten. Choose another folder"
        )
    try:
        for rel, text in files.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {exc.filename or target}: {exc.strerror or exc}") from None
