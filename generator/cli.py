"""The `beenthere` command. The only place that turns exceptions into messages and exit codes."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from generator import __version__, checklist, report
from generator.config import Project, load_config
from generator.errors import BeenThereError, BuildBlocked, ConfigError, UsageError
from generator.findings import Finding
from generator.model import HANDLE_RE, HowAgreed
from generator.progress import Printer, listen
from generator.rules import RULESET_VERSION

CONFIG_OPTION = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    default=Path("site_config.yml"),
    show_default=True,
    help="The site configuration; the project root is its folder.",
)
SENSITIVE_OPTION = click.option(
    "--sensitive-terms",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    envvar="BEENTHERE_SENSITIVE_TERMS",
    help="Private file of identifying terms, one per line, kept OUTSIDE the repository "
    "(also BEENTHERE_SENSITIVE_TERMS).",
)
TODAY_OPTION = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    hidden=True,
    help="Pretend today is this date (for tests); also BEENTHERE_TODAY.",
)


def _today(value) -> date:
    if value is not None:
        return value.date()
    env = os.environ.get("BEENTHERE_TODAY")
    if not env:
        return date.today()
    try:
        return date.fromisoformat(env)
    except ValueError:
        click.secho(
            f"error: BEENTHERE_TODAY={env!r} is not a date (YYYY-MM-DD)", fg="red", err=True
        )
        sys.exit(2)


def _sensitive_terms(path: Path | None, config_file: Path) -> tuple[str, ...]:
    """Read the private terms file; refuse one inside the project, where git would see it."""
    if path is None:
        return ()
    root = config_file.resolve().parent
    if path.resolve().is_relative_to(root):
        raise UsageError(
            f"{path}: the sensitive-terms file must live outside the repository, "
            "so that it is never committed"
        )
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the sensitive-terms file ({exc})") from None
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _fail(error: BeenThereError, fmt: str = "text") -> NoReturn:
    findings: list[Finding] = getattr(error, "findings", [])
    if fmt == "json":
        click.echo(report.render_json(findings, error=str(error)))
    else:
        if findings:
            rendered = report.render_github if fmt == "github" else report.render_text
            click.echo(rendered(findings), err=fmt == "text")
        click.secho(f"error: {error}", fg="red", err=True)
    sys.exit(error.exit_code)


def _load_project(config_file: Path) -> Project:
    """The project, or exit 2 with every problem in the config listed."""
    try:
        return load_config(config_file)
    except BeenThereError as error:
        _fail(error)


def _check_handle(handle: str) -> None:
    if not HANDLE_RE.fullmatch(handle):
        click.secho(
            f"error: '{handle}' is not a valid editor handle (lowercase letters, digits, '-' "
            "and '_', e.g. ed-amira)",
            fg="red",
            err=True,
        )
        sys.exit(2)


@click.group()
@click.version_option(__version__, message=f"beenthere %(version)s, rule set {RULESET_VERSION}")
def main() -> None:
    """Been There: build and check a moderated site of lived-experience stories."""


@main.command()
@CONFIG_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(report.FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for CI.",
)
@SENSITIVE_OPTION
@click.option(
    "--no-cache", is_flag=True, help="Check every file afresh, ignoring .beenthere-cache/."
)
@TODAY_OPTION
def check(config_file: Path, fmt: str, sensitive_terms: Path | None, no_cache: bool, today) -> None:
    """Run the moderation checklist. Exit 1 when any error stands."""
    try:
        terms = _sensitive_terms(sensitive_terms, config_file)
        _, _, verdict = checklist.check(
            config_file, _today(today), terms, use_cache=not no_cache, text=False
        )
    except (ConfigError, UsageError) as error:
        _fail(error, fmt)
        return
    if fmt == "json":
        click.echo(report.render_json(verdict.findings))
    elif fmt == "github":
        click.echo(report.render_github(verdict.findings))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as stream:
                stream.write(report.render_summary_markdown(verdict.findings))
    else:
        click.echo(report.render_text(verdict.findings))
    sys.exit(1 if verdict.blocked else 0)


@main.command()
@CONFIG_OPTION
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output folder (default: site/ beside the config).",
)
@SENSITIVE_OPTION
@TODAY_OPTION
def build(config_file: Path, out: Path | None, sensitive_terms: Path | None, today) -> None:
    """Check, render and build the site. Exit 1 when the checklist blocks it."""
    out = out or config_file.resolve().parent / "site"
    from generator import build as build_module

    printer = Printer()
    listen(printer)
    try:
        result = build_module.build(
            config_file, out, _today(today), _sensitive_terms(sensitive_terms, config_file)
        )
    except BeenThereError as error:
        printer.close()
        if isinstance(error, BuildBlocked):
            click.secho("Nothing was written; the previous site is unchanged.", err=True)
        _fail(error)
        return
    printer.close()
    verdict = result.verdict
    shown = [f for f in verdict.findings if not f.blocks]
    if shown:
        click.echo(report.render_text(shown), err=True)
    for doc, reason in verdict.excluded:
        click.echo(f"left out: {doc.rel} ({reason})", err=True)
    site = result.site
    click.echo(
        f"Built {len(site.stories)} stories, {len(site.resources)} resources and "
        f"{len(site.pages)} pages into {result.out}"
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--by", "handle", required=True, help="Your editor handle, e.g. ed-priya.")
@click.option(
    "--storyteller",
    is_flag=True,
    help="Record that the storyteller read and agreed to the exact current text (--by is "
    "you, the editor who records it).",
)
@click.option(
    "--how",
    type=click.Choice([how.value for how in HowAgreed]),
    default=None,
    help="With --storyteller: how the storyteller took in the final text.",
)
@click.option(
    "--date",
    "agreed",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="With --storyteller: the day they agreed, YYYY-MM-DD (default today).",
)
@click.option(
    "--revoke",
    is_flag=True,
    help="Remove your approval (with --storyteller: the storyteller's sign-off) instead.",
)
@CONFIG_OPTION
@TODAY_OPTION
def approve(
    paths: tuple[Path, ...],
    handle: str,
    storyteller: bool,
    how: str | None,
    agreed,
    revoke: bool,
    config_file: Path,
    today,
) -> None:
    """Approve the exact current text of stories (files or folders), or record the
    storyteller's sign-off of it with --storyteller."""
    from generator.approve import story_files

    day = _today(today)
    _check_handle(handle)
    if not storyteller and (how or agreed):
        _usage("--how and --date describe the storyteller's sign-off: add --storyteller")
    if agreed is not None and agreed.date() > day:
        _usage(f"--date {agreed.date().isoformat()} is in the future; give the day they agreed")
    try:
        project, content, verdict = checklist.check(config_file, day)
        targets = {p.resolve() for p in story_files(project, list(paths))}
    except BeenThereError as error:
        _fail(error)
        return
    refused = 0
    for doc in content.documents:
        if doc.kind != "story" or doc.path.resolve() not in targets:
            continue
        if not revoke:
            blocking = [f for f in verdict.findings if f.file == doc.rel and f.blocks]
            blocking = [f for f in blocking if f.rule not in _GATES]
            if blocking or doc.meta is None:
                refused += 1
                click.echo(report.render_text(blocking), err=True)
                what = "signed off" if storyteller else "approved"
                click.secho(f"not {what}: {doc.rel} has errors to fix first", fg="red", err=True)
                continue
        try:
            if storyteller:
                signed_on = agreed.date() if agreed else day
                message = _record_sign_off(doc, handle, signed_on, how, revoke)
            else:
                message = _record_approval(project, doc, handle, day, revoke)
        except UsageError as error:
            refused += 1
            click.secho(f"error: {error}", fg="red", err=True)
            continue
        click.echo(message)
    sys.exit(1 if refused else 0)


_GATES = frozenset({"BT111", "BT112"})
"""The approval and sign-off rules: the findings `approve` exists to settle."""


def _usage(message: str) -> NoReturn:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(2)


def _record_approval(project: Project, doc, handle: str, day: date, revoke: bool) -> str:
    from generator.approve import approve as approve_doc
    from generator.approve import revoke as revoke_doc
    from generator.approve import write_atomically

    required = project.config.moderation.required_approvals
    if revoke:
        text, approved = revoke_doc(doc, handle)
        write_atomically(doc.path, text)
        return (
            f"revoked {handle}'s approval of {approved.rel} "
            f"({approved.count} of {required} approvals of this text)"
        )
    text, approved = approve_doc(doc, handle, day)
    if text is None:
        return (
            f"{approved.rel}: already approved by {handle}; not counted again "
            f"({approved.count} of {required} approvals of this text)"
        )
    write_atomically(doc.path, text)
    return (
        f"approved {approved.rel} as {handle} "
        f"({approved.count} of {required} approvals of this text)"
    ) + _sign_off_due(project, doc, approved.fingerprint)


def _sign_off_due(project: Project, doc, fingerprint: str) -> str:
    """The step left once the editors have approved: the storyteller's sign-off, if missing."""
    signoff = doc.meta.review.storyteller
    if project.config.moderation.storyteller_signoff == "off" or (
        signoff is not None and signoff.fingerprint == fingerprint
    ):
        return ""
    return (
        "; still to do: the storyteller's sign-off of this text (`beenthere approve <file> "
        "--storyteller --by <your-handle> --how read-aloud|paper|message`)"
    )


def _record_sign_off(doc, handle: str, agreed: date, how: str | None, revoke: bool) -> str:
    from generator.approve import revoke_sign_off, sign_off, write_atomically

    if revoke:
        write_atomically(doc.path, revoke_sign_off(doc))
        return f"removed the storyteller's sign-off of {doc.rel}"
    text, signed = sign_off(doc, handle, agreed, HowAgreed(how) if how else None)
    record = signed.signoff
    said = f"{record.how.value}, " if record.how else ""
    if text is None:
        return (
            f"{signed.rel}: the storyteller already signed off this text "
            f"({said}{record.date.isoformat()}, recorded by {record.by}); nothing changed"
        )
    write_atomically(doc.path, text)
    return (
        f"recorded the storyteller's sign-off of {signed.rel} "
        f"({said}{record.date.isoformat()}, recorded by {handle})"
    )


@main.command()
@CONFIG_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for tools.",
)
@TODAY_OPTION
def consent(config_file: Path, fmt: str, today) -> None:
    """List every story by consent state (expiring soon, expired, withdrawn, expires later,
    no expiry), with its dates and consent reference, for renewal calls."""
    from generator.consent import consent_rows, render_consent_json, render_consent_text
    from generator.loader import load_content

    project = _load_project(config_file)
    day = _today(today)
    content = load_content(project)
    notice = project.config.moderation.renewal_notice_days
    rows = consent_rows(content, day, notice)
    render = render_consent_json if fmt == "json" else render_consent_text
    click.echo(render(rows, day, notice))
    unreadable = [d.rel for d in content.documents if d.kind == "story" and d.meta is None]
    if unreadable and fmt == "text":
        click.secho(
            f"not listed: {', '.join(unreadable)} (front matter invalid; run `beenthere check`)",
            fg="yellow",
            err=True,
        )


@main.command()
@CONFIG_OPTION
@click.option(
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    help="Address to serve the preview on.",
)
@TODAY_OPTION
def serve(config_file: Path, dev_addr: str, today) -> None:
    """Live preview for editors, drafts and unapproved stories included (under a banner)."""
    from generator.preview import serve as serve_preview

    try:
        serve_preview(config_file, _today(today), dev_addr)
    except BeenThereError as error:
        _fail(error)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--name",
    default="Been There",
    show_default=True,
    help="The site's name, as readers see it (change it later in site_config.yml).",
)
@TODAY_OPTION
def init(folder: Path, name: str, today) -> None:
    """Start a new site in FOLDER (new or empty): config, standard pages, an example draft and
    resource, the editors' guide, and workflows that check and publish it."""
    from generator.starter import check_name, starter_site, write_site

    try:
        write_site(folder, starter_site(check_name(name), _today(today)))
    except BeenThereError as error:
        _fail(error)
    click.echo(
        f"Started a new site in {folder}. Next: read {folder / 'README.md'}, keep the "
        "repository private, then run `beenthere check` and `beenthere serve` there."
    )


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@main.group()
def new() -> None:
    """Write a new story or resource skeleton (asks for what it needs)."""


def _write_new(project_root: Path, folder: str, slug: str, text: str) -> None:
    if not slug:
        click.secho(
            "error: the title gives no usable id; use letters or digits", fg="red", err=True
        )
        sys.exit(2)
    target = project_root / "content" / folder / f"{slug}.md"
    if target.exists() or (target.parent / slug).exists():
        click.secho(
            f"error: {target.relative_to(project_root)} already exists; not overwritten. "
            "Choose another title.",
            fg="red",
            err=True,
        )
        sys.exit(2)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {target.relative_to(project_root)}")


@new.command("story")
@CONFIG_OPTION
@click.option("--title", prompt=True, help="The story's title, as readers see it.")
@click.option(
    "--id",
    "story_id",
    default=None,
    metavar="ID",
    help="The permanent address, /stories/<id>/: lowercase letters and digits joined by "
    "single hyphens (e.g. keys-to-my-own-door). Default: made from the title.",
)
@click.option(
    "--pseudonym",
    prompt="Pseudonym (the public name the storyteller chose)",
    help="The public name the storyteller chose; never their real name.",
)
@click.option("--summary", prompt="One-sentence summary", help="One sentence shown in listings.")
@click.option(
    "--topics",
    prompt="Topic ids, comma-separated",
    metavar="IDS",
    help="Topic ids from site_config.yml (topics:), separated by commas, e.g. 'recovery, housing'.",
)
@click.option(
    "--warnings",
    "content_warnings",
    prompt="Content warning ids, comma-separated",
    default="",
    show_default=False,
    metavar="IDS",
    help="Content warning ids from site_config.yml (content_warnings:), separated by commas, "
    "e.g. 'drug-use, violence'; an empty string when none.",
)
@click.option(
    "--consent-reference",
    prompt=True,
    help="The id of the signed consent record, in the format site_config.yml sets "
    "(e.g. CR-2026-014). Kept out of the site.",
)
@click.option(
    "--consent-given",
    prompt="Consent given (YYYY-MM-DD)",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The day the storyteller signed the consent form.",
)
@click.option(
    "--anonymised-by",
    prompt="Your editor handle",
    help="Your editor handle (lowercase letters, digits, '-' and '_'), never your name.",
)
@TODAY_OPTION
def new_story(
    config_file,
    title,
    story_id,
    pseudonym,
    summary,
    topics,
    content_warnings,
    consent_reference,
    consent_given,
    anonymised_by,
    today,
) -> None:
    """Write a new draft story to content/stories/<id>.md, with guidance as comments.

    Asks for every option not given. The draft's placeholder text is an error in
    `beenthere check` until it is replaced by the story."""
    from generator.scaffold import story_skeleton

    project = _load_project(config_file)
    slug = _new_story_id(project, story_id, title)
    text = story_skeleton(
        title=title,
        pseudonym=pseudonym,
        summary=summary,
        topics=_ids(topics),
        content_warnings=_ids(content_warnings),
        consent_reference=consent_reference,
        consent_given=consent_given.date(),
        anonymised_by=anonymised_by,
        today=_today(today),
        story_id=slug,
    )
    _write_new(project.root, "stories", slug, text)


def _new_story_id(project: Project, story_id: str | None, title: str) -> str:
    """The new story's id: valid, and never one the withdrawn register holds (exit 2)."""
    from generator.loader import withdrawn_ids
    from generator.model import ID_RE
    from generator.scaffold import slugify

    slug = slugify(title) if story_id is None else story_id
    if story_id is not None and not ID_RE.match(story_id):
        _fail(
            UsageError(
                f"--id '{story_id}' is not a valid id: use lowercase letters and digits joined "
                "by single hyphens, e.g. keys-to-my-own-door"
            )
        )
    withdrawn = withdrawn_ids(project)
    if slug in withdrawn:
        _fail(
            UsageError(
                f"the id '{slug}' was withdrawn on {withdrawn[slug]} (content/withdrawn.yml) and "
                "can never be used again: choose another with --id, or another title"
            )
        )
    return slug


@new.command("resource")
@CONFIG_OPTION
@click.option("--name", prompt=True)
@click.option("--organisation", prompt=True)
@click.option("--url", prompt="Website (https://…)")
@click.option("--categories", prompt="Category ids, comma-separated")
@click.option("--regions", prompt="Region ids, comma-separated", default="national")
@click.option("--eligibility", prompt="Who it is for")
@click.option("--phone", prompt=True, default="", show_default=False)
@click.option("--email", prompt=True, default="", show_default=False)
@TODAY_OPTION
def new_resource(
    config_file, name, organisation, url, categories, regions, eligibility, phone, email, today
) -> None:
    """A new resource for the directory."""
    from generator.scaffold import resource_skeleton, slugify

    project = _load_project(config_file)
    text = resource_skeleton(
        name=name,
        organisation=organisation,
        url=url,
        categories=_ids(categories),
        regions=_ids(regions),
        eligibility=eligibility,
        phone=phone or None,
        email=email or None,
        today=_today(today),
    )
    _write_new(project.root, "resources", slugify(name), text)


@main.command("strip-metadata")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False)
)
def strip_metadata(paths: tuple[Path, ...]) -> None:
    """Remove all metadata (GPS, camera, owner, dates) from images, in place."""
    from generator.approve import write_bytes_atomically
    from generator.images import ImageProblem, identifying_metadata, stripped_bytes

    failed = 0
    for path in paths:
        try:
            before = identifying_metadata(path)
            write_bytes_atomically(path, stripped_bytes(path))
        except ImageProblem as problem:
            failed += 1
            click.secho(f"error: {path}: {problem}", fg="red", err=True)
            continue
        removed = ", ".join(before) if before else "no identifying metadata"
        click.echo(f"stripped {path} (was: {removed})")
    sys.exit(1 if failed else 0)


@main.command("rules-doc")
@click.option(
    "--write",
    "target",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the reference to this file (e.g. RULES.md) instead of printing it.",
)
def rules_doc(target: Path | None) -> None:
    """Print the editors' rule reference generated from the rule registry."""
    from generator.rules_doc import render_rules_reference

    text = render_rules_reference()
    if target is None:
        click.echo(text, nl=False)
    else:
        target.write_text(text, encoding="utf-8")
        click.echo(f"wrote {target}")


@main.command()
@click.argument("story_id")
@click.option("--by", "handle", required=True, help="Your editor handle.")
@CONFIG_OPTION
@TODAY_OPTION
def withdraw(story_id: str, handle: str, config_file: Path, today) -> None:
    """Take a story down for good: delete it and add it to the withdrawn register."""
    from generator.withdraw import next_steps
    from generator.withdraw import withdraw as withdraw_story

    _check_handle(handle)
    project = _load_project(config_file)
    try:
        result = withdraw_story(project, story_id, handle, _today(today))
    except BeenThereError as error:
        _fail(error)
        return
    click.echo(next_steps(project, result, story_id))
