"""`beenthere serve`: a live preview that also shows drafts and unapproved stories, each under
a banner. It renders into a temporary folder and never touches a build's output."""

from __future__ import annotations

import signal
import tempfile
from datetime import date
from pathlib import Path

import yaml

from generator.build import read_editors_guide
from generator.checklist import check
from generator.findings import Finding, Severity
from generator.mkdocs_site import mkdocs_config
from generator.model import StoryMeta, lapsed_reason
from generator.packaged import theme_dirs
from generator.render import render_docs, write_docs
from generator.sitemodel import PreviewNotice, build_site_model

PREVIEW_HOOKS = Path(__file__).with_name("preview_hooks.py")
SHOWN = (Severity.ERROR, Severity.WARNING)
"""What the banner lists: what blocks the story, and what an editor should look at."""


_MEMO: dict = {}
"""Parsed documents kept between rebuilds: after an edit only the edited file is read again."""


def render_preview(config_file: Path, docs_dir: Path, today: date):
    """Render every readable document into ``docs_dir``; returns (project, site model)."""
    project, content, verdict = check(config_file, today, memo=_MEMO)
    readable = [doc for doc in content.documents if doc.meta is not None]
    notices: dict[str, PreviewNotice] = {}
    shown_by_file: dict[str, list[Finding]] = {}
    for finding in verdict.findings:  # grouped once: this runs on every preview rebuild
        if finding.severity in SHOWN and finding.waived_by is None:
            shown_by_file.setdefault(finding.file, []).append(finding)
    for doc in readable:
        if not isinstance(doc.meta, StoryMeta):
            continue
        shown = shown_by_file.get(doc.rel, [])
        errors = sum(finding.blocks for finding in shown)
        lapsed = lapsed_reason(doc.meta, today)
        reasons = ([lapsed] if lapsed else []) + (
            [f"{errors} checklist error{'s' if errors != 1 else ''}"] if errors else []
        )
        if reasons:
            notices[doc.rel] = PreviewNotice(tuple(reasons), tuple(shown))
    withdrawn = [entry.id for entry in content.withdrawn]
    site = build_site_model(project.config, readable, today, withdrawn, notices)
    site.editors_guide = read_editors_guide(project)
    site.preview = True
    write_docs(render_docs(site, project.templates_dir), docs_dir)
    return project, site


def _without_dirty_warning(record) -> bool:
    """MkDocs warns on every dirty rebuild that links may be stale. The preview rebuilds dirty
    on purpose and its banners already say it is partial, so the warning is only noise that
    teaches editors to ignore warnings."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def serve(config_file: Path, today: date, dev_addr: str) -> None:
    import logging

    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.basicConfig(format="%(levelname)-7s -  %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_warning)
    config_file = config_file.resolve()
    # stopping the preview with SIGTERM (a supervisor, an editor's IDE) tidies up like Ctrl-C:
    # MkDocs and this function both remove their temporary folders on KeyboardInterrupt
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with tempfile.TemporaryDirectory(prefix="beenthere-preview-") as work:
        docs_dir = Path(work) / "docs"
        project, site = render_preview(config_file, docs_dir, today)
        settings = mkdocs_config(project, site, docs_dir, Path(work) / "site")
        settings["hooks"].append(str(PREVIEW_HOOKS))
        settings["dev_addr"] = dev_addr
        settings["site_name"] += " (preview)"
        settings["watch"] = [
            str(project.content_dir),
            *(str(folder) for folder in theme_dirs(project.templates_dir, "pages")),
            str(config_file),
        ]
        settings["extra"]["beenthere_preview"] = {
            "config": str(config_file),
            "today": today.isoformat(),
        }
        mkdocs_yml = Path(work) / "mkdocs.yml"
        mkdocs_yml.write_text(yaml.safe_dump(settings, sort_keys=False))
        # dirty rebuilds: only pages whose markdown changed are rendered again (previews only;
        # a published build is always complete)
        mkdocs_serve(config_file=str(mkdocs_yml), livereload=True, build_type="dirty")
