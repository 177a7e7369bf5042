"""Story and resource pages built by forked workers: the same site, and a failure fails it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, tree_digest
from generator import mkdocs_parallel, parallel


def _build(project: Path, out: Path):
    return run_cli("build", "--config", str(project / "site_config.yml"), "--out", str(out))


@pytest.fixture
def in_workers(monkeypatch) -> list[int]:
    """Share pages out however small the site, to two workers; records each share's size."""
    shares: list[int] = []
    start = mkdocs_parallel.start

    def recording_start(nav, config, files):
        start(nav, config, files)
        shares.append(len(mkdocs_parallel._skip))

    monkeypatch.setattr(mkdocs_parallel, "MIN_PAGES", 1)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)  # rendering, leak check and index too
    monkeypatch.setattr(mkdocs_parallel.os, "cpu_count", lambda: 3)
    monkeypatch.setattr(mkdocs_parallel, "start", recording_start)
    return shares


def test_pages_built_in_workers_are_the_pages_built_in_one_process(project, in_workers):
    # one process first: below MIN_PAGES nothing is shared out
    in_workers_min = mkdocs_parallel.MIN_PAGES, parallel.MIN_ITEMS
    mkdocs_parallel.MIN_PAGES = parallel.MIN_ITEMS = 10**9
    try:
        assert _build(project, project / "one").exit_code == 0
    finally:
        mkdocs_parallel.MIN_PAGES, parallel.MIN_ITEMS = in_workers_min
    assert in_workers == [0]
    result = _build(project, project / "many")
    assert result.exit_code == 0, result.output
    assert in_workers[-1] > 10  # two thirds of the story and resource pages went to workers
    assert tree_digest(project / "many") == tree_digest(project / "one")
    assert mkdocs_parallel._children == [] and mkdocs_parallel._skip == set()


def test_a_failing_worker_fails_the_build_and_keeps_the_previous_site(
    project, in_workers, monkeypatch
):
    assert _build(project, project / "site").exit_code == 0
    before = tree_digest(project / "site")

    def broken_share(share, nav, config, files):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(mkdocs_parallel, "_build_share", broken_share)
    result = _build(project, project / "site")
    assert result.exit_code == 1
    assert "building pages in parallel failed" in result.output
    assert "disk on fire" in result.output
    assert tree_digest(project / "site") == before
    assert mkdocs_parallel._children == []


def test_a_template_failing_in_a_rendering_worker_fails_the_build(project, in_workers):
    template = project / "templates/pages/story.md.j2"
    template.write_text(template.read_text() + "\n{{ story.no_such_field }}\n")
    result = _build(project, project / "site")
    assert result.exit_code == 1
    assert "story.md.j2" in result.output and "no_such_field" in result.output
    assert not (project / "site").exists()


def test_a_full_disk_in_a_worker_is_a_clear_error_not_a_traceback(project, in_workers, monkeypatch):
    import errno

    assert _build(project, project / "site").exit_code == 0
    before = tree_digest(project / "site")

    def full_disk(share, nav, config, files):
        raise OSError(errno.ENOSPC, "No space left on device", str(project / "site.x"))

    monkeypatch.setattr(mkdocs_parallel, "_build_share", full_disk)
    result = _build(project, project / "site")
    assert result.exit_code == 2, result.output
    assert "the disk is full" in result.output and "Traceback" not in result.output
    assert "in parallel failed" not in result.output
    assert tree_digest(project / "site") == before
