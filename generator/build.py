"""The build, as a recipe: load config → load content → moderate → render → build → leak check
→ swap. Nothing is written to the output until everything has been read and checked."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

import jinja2
import yaml

from generator.checklist import check
from generator.config import Project
from generator.embed import generate_embeds
from generator.errors import BuildBlocked, BuildFailed, OutputFailed
from generator.exports import generate_exports
from generator.images import ImageProblem
from generator.leakcheck import Needles, check_output, leak_needles, other_files, text_files
from generator.loader import Content
from generator.mkdocs_site import mkdocs_config
from generator.model import Status, StoryMeta
from generator.moderate import Verdict
from generator.output import (
    build_lock,
    check_output_dir,
    clean_leftovers,
    discard,
    staging_dir,
    swap_in,
    work_dir,
)
from generator.progress import step
from generator.render import render_into
from generator.search_index import BODY_MARK, INDEX_DIR, search_facts, write_search_index
from generator.sitemodel import SiteModel, build_site_model


@dataclass
class BuildResult:
    verdict: Verdict
    site: SiteModel
    out: Path


def build(
    config_file: Path,
    out: Path,
    today: date,
    sensitive_terms: tuple[str, ...] = (),
) -> BuildResult:
    step("checking")
    project, content, verdict = check(config_file, today, sensitive_terms)
    out = check_output_dir(out, project.root, project.content_dir)
    if verdict.blocked:
        raise BuildBlocked("the moderation checklist blocked the build", verdict.findings)
    site = generate_site_model(project, content, verdict, today)
    try:
        with build_lock(out):
            clean_leftovers(out)
            write_site(project, content, verdict, site, out)
    except OSError as exc:
        raise output_error(exc, out) from None
    except ImageProblem as problem:
        name = problem.path.name if problem.path else "an image"
        raise BuildFailed(
            f"{name}: {problem}; replace it with a JPEG or PNG file (the previous site is "
            "unchanged)"
        ) from None
    return BuildResult(verdict, site, out)


def write_site(project: Project, content: Content, verdict: Verdict, site: SiteModel, out: Path):
    """Render, build, export, leak-check and index the site aside, then swap it in; the
    caller holds the output folder's lock."""
    staged = staging_dir(out)
    try:
        work = work_dir(out)
    except BaseException:
        discard(staged)
        raise
    try:
        docs_dir = work / "docs"
        step("rendering", 0, len(site.stories) + len(site.resources))
        pages = render_into(site, project.templates_dir, docs_dir)
        step("building", 0, pages)
        run_mkdocs(project, site, docs_dir, staged, work)
        exports = {**generate_exports(site), **generate_embeds(site, project.templates_dir)}
        for name, data in exports.items():
            (staged / name).parent.mkdir(parents=True, exist_ok=True)
            (staged / name).write_bytes(data)
        needles = leak_needles(verdict.publish, verdict.excluded, content.withdrawn)
        step("leak check")
        files = text_files(staged)
        explain = partial(explain_build_leaks, project, site, verdict, needles)
        refuse_leaks(check_output(staged, needles, [*files, *other_files(staged)]), explain)
        step("indexing")
        unsearched = site.unsearched_pages()
        pages = [
            path
            for path in files
            if path.suffix == ".html" and path.relative_to(staged).as_posix() not in unsearched
        ]
        indexed = write_search_index(staged, pages, search_facts(site))
        if not indexed and (site.stories or site.resources):
            raise BuildFailed(
                f"no built page carries {BODY_MARK}, so search would find nothing: "
                "templates/overrides/main.html must wrap the page content in it, as the "
                "example project's does"
            )
        step("leak check of the search index")
        refuse_leaks(check_output(staged, needles, text_files(staged / INDEX_DIR)), explain)
        step("publishing")
        swap_in(staged, out)
    except BaseException:
        discard(staged)
        raise
    finally:
        discard(work)


_WHAT_TO_DO = {
    errno.ENOSPC: "the disk is full: free space on {where} (a build needs room for a second "
    "copy of the site while it writes), then build again",
    errno.EDQUOT: "the disk quota is used up: free space on {where}, then build again",
    errno.EROFS: "cannot write to {where}: the file system is read-only; build into a "
    "writable folder (--out) or make this one writable",
    errno.EACCES: "cannot write to {where}: permission denied; build into a folder you may "
    "write to (--out), or ask for write access",
    errno.EPERM: "cannot write to {where}: not permitted; build into a folder you may write "
    "to (--out)",
}


def output_error(exc: OSError, out: Path) -> OutputFailed:
    """An operating system error of the build in an editor's words: what, where, what to do."""
    path = exc.filename or out.parent
    where = out.parent if exc.errno in (errno.ENOSPC, errno.EDQUOT) else path
    advice = _WHAT_TO_DO.get(exc.errno or 0)
    if advice is None:
        advice = f"cannot write {path}: {exc.strerror or exc}; check the folder and build again"
    return OutputFailed(f"{advice.format(where=where)}. The previous site is unchanged.")


def refuse_leaks(leaks: list, explain: Callable[[list], list] | None = None) -> None:
    if leaks:
        found = explain(leaks) if explain is not None else leaks
        raise BuildBlocked("the leak check found internal or unpublished text", found)


def explain_build_leaks(
    project: Project, site: SiteModel, verdict: Verdict, needles: Needles, leaks: list
) -> list:
    """The leak check's findings, each naming the template, page or story it came from."""
    from generator.leakorigin import explain_leaks, origin_texts
    from generator.rules_doc import render_rules_reference

    origins = origin_texts(
        project.root,
        project.templates_dir,
        project.config_file,
        verdict.publish,
        site.editors_guide,
        render_rules_reference(),
    )
    return explain_leaks(leaks, origins, needles.terms)


def generate_site_model(
    project: Project, content: Content, verdict: Verdict, today: date
) -> SiteModel:
    """Public data only; stories once published and now out keep their addresses (their id
    and earlier ids) for a tombstone page, unless a published story has taken one over."""
    withdrawn = {entry.id for entry in content.withdrawn}
    for doc, _ in verdict.excluded:
        if isinstance(doc.meta, StoryMeta) and was_published(doc.meta, today):
            withdrawn |= {doc.meta.id, *doc.meta.aliases}
    for doc in verdict.publish:
        if isinstance(doc.meta, StoryMeta):
            withdrawn -= {doc.meta.id, *doc.meta.aliases}
    site = build_site_model(project.config, verdict.publish, today, sorted(withdrawn))
    site.editors_guide = read_editors_guide(project)
    return site


def was_published(meta: StoryMeta, today: date) -> bool:
    """A story left out that readers may have seen: its consent was withdrawn or ran out after
    it went up. Its address shows the removal page; a draft, or a story whose consent ended
    before its day of publication, was never out and has no page."""
    if meta.status is not Status.PUBLISHED or meta.published > today:
        return False
    ended = [d for d in (meta.consent.withdrawn, meta.consent.expires) if d is not None]
    return bool(ended) and min(ended) >= meta.published


def read_editors_guide(project: Project) -> str:
    guide = project.root / "EDITORS.md"
    return guide.read_text("utf-8") if guide.is_file() else ""


def run_mkdocs(project: Project, site: SiteModel, docs_dir: Path, site_dir: Path, work: Path):
    """Build with MkDocs; any MkDocs failure becomes BuildFailed (the old site stays)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config as load_mkdocs_config
    from mkdocs.exceptions import MkDocsException

    from generator.mkdocs_parallel import parallel_pages

    config_path = work / "mkdocs.yml"
    config_path.write_text(
        yaml.safe_dump(mkdocs_config(project, site, docs_dir, site_dir), sort_keys=False)
    )
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        mkdocs_config_obj = load_mkdocs_config(str(config_path))
        with parallel_pages(independent_pages(site)):
            mkdocs_build(mkdocs_config_obj)
    except OSError as exc:
        raise output_error(exc, site_dir) from None
    except (MkDocsException, jinja2.TemplateError) as exc:
        raise BuildFailed(f"MkDocs could not build the site: {exc}") from exc


def independent_pages(site: SiteModel) -> set[str]:
    """Pages that need nothing from other pages' rendering: workers may build them."""
    return {f"stories/{story.id}/index.md" for story in site.stories} | {
        f"resources/{resource.id}/index.md" for resource in site.resources
    }
