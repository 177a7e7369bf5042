"""Kill builds at random points: the previous site stays whole, and nothing half-built is
ever published."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, tree_digest

sys.path.insert(0, str(ROOT / "bench"))
from run import make_corpus  # noqa: E402

ENV = {**os.environ, "BEENTHERE_TODAY": TODAY.isoformat()}


def _build(project: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--config",
            str(project / "site_config.yml"),
            "--out",
            str(out),
        ],
        # a killed build cannot remove its scratch folder: keep those in the test's own
        env={**ENV, "TMPDIR": str(project.parent)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("kill") / "project"
    project.mkdir()
    make_corpus(project, 150)
    return project


def test_sigkill_never_leaves_a_half_built_site(project: Path, tmp_path: Path):
    out = tmp_path / "site"
    assert _build(project, out).wait() == 0
    before = tree_digest(out)
    start = time.monotonic()
    assert _build(project, tmp_path / "timing").wait() == 0
    duration = time.monotonic() - start

    resource = project / "content/resources/resource-00001.md"
    resource.write_text(resource.read_text().replace("Service number 1\n", "Service one\n"))
    reference = tmp_path / "reference"
    assert _build(project, reference).wait() == 0
    after = tree_digest(reference)
    assert after != before

    rng = random.Random(7)
    outcomes = []
    for _ in range(8):
        build = _build(project, out)
        time.sleep(rng.uniform(0.05, duration))
        os.killpg(build.pid, signal.SIGKILL)  # the build and every worker it started
        build.wait()
        state = tree_digest(out)
        assert state in (before, after), "a half-built site was published"
        assert (out / ".beenthere-site").is_file()
        outcomes.append("old" if state == before else "new")
        if state == after:  # start the next round from the old site again
            resource.write_text(resource.read_text().replace("Service one\n", "Service number 1\n"))
            assert _build(project, out).wait() == 0
            resource.write_text(resource.read_text().replace("Service number 1\n", "Service one\n"))
    assert "old" in outcomes
    assert _build(project, out).wait() == 0  # a normal build tidies what the kills left
    assert tree_digest(out) == after
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".site.new", ".site.old"))]
