"""The build, as a recipe: load config → load content → moderate → render → build → leak check
→ swap. Nothing is written to the output until everything has been read and checked."""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
import yaml

from generator.checklist import check
from generator.config import Project
from generator.errors import BuildBlocked, BuildFailed
from generator.exports import generate_exports
from generator.leakcheck import check_output, leak_needles, other_files, text_files
from generator.loader import Content
from generator.mkdocs_site import mkdocs_config
from generator.model import StoryMeta
from generator.moderate import Verdict
from generator.output import check_output_dir, clean_leftovers, discard, staging_dir, swap_in
from generator.progress import step
from generator.render import render_into
from generator.search_index import BODY_MARK, INDEX_DIR, write_search_index
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
    clean_leftovers(out)
    staged = staging_dir(out)
    try:
        with tempfile.TemporaryDirectory(prefix="beenthere-docs-") as work:
            docs_dir = Path(work) / "docs"
            step("rendering", 0, len(site.stories) + len(site.resources))
            pages = render_into(site, project.templates_dir, docs_dir)
            step("building", 0, pages)
            run_mkdocs(project, site, docs_dir, staged, Path(work))
        for name, data in generate_exports(site).items():
            (staged / name).write_bytes(data)
        needles = leak_needles(verdict.publish, verdict.excluded, content.withdrawn)
        step("leak check")
        files = text_files(staged)
        refuse_leaks(check_output(staged, needles, [*files, *other_files(staged)]))
        step("indexing")
        indexed = write_search_index(staged, [path for path in files if path.suffix == ".html"])
        if not indexed and (site.stories or site.resources):
            raise BuildFailed(
                f"no built page carries {BODY_MARK}, so search would find nothing: "
                "templates/overrides/main.html must wrap the page content in it, as the "
                "example project's does"
            )
        step("leak check of the search index")
        refuse_leaks(check_output(staged, needles, text_files(staged / INDEX_DIR)))
        step("publishing")
        swap_in(staged, out)
    except BaseException:
        discard(staged)
        raise
    return BuildResult(verdict, site, out)


def refuse_leaks(leaks: list) -> None:
    if leaks:
        raise BuildBlocked("the leak check found internal or unpublished text", leaks)


def generate_site_model(
    project: Project, content: Content, verdict: Verdict, today: date
) -> SiteModel:
    """Public data only; withdrawn stories keep their address for a tombstone page."""
    withdrawn = {entry.id for entry in content.withdrawn}
    withdrawn |= {
        doc.id
        for doc, _ in verdict.excluded
        if isinstance(doc.meta, StoryMeta) and doc.meta.consent.withdrawn is not None
    }
    site = build_site_model(project.config, verdict.publish, today, sorted(withdrawn))
    site.editors_guide = read_editors_guide(project)
    return site


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
    except (MkDocsException, OSError, jinja2.TemplateError) as exc:
        raise BuildFailed(f"MkDocs could not build the site: {exc}") from exc


def independent_pages(site: SiteModel) -> set[str]:
    """Pages that need nothing from other pages' rendering: workers may build them."""
    return {f"stories/{story.id}/index.md" for story in site.stories} | {
        f"resources/{resource.id}/index.md" for resource in site.resources
    }
