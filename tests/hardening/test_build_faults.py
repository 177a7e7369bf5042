"""Reproducers 13, 15, 16 and 17: one build at a time on an output folder, every fault of the
file system a clear error with exit 2 and the previous site intact, no scratch folder left
where no build will find it, and no traceback for an image the story does not show."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, run_cli, tree_digest
from generator import build as build_module
from generator import output

ENV = {**os.environ, "BEENTHERE_TODAY": TODAY.isoformat(), "PYTHONPATH": str(ROOT)}


def _build(project: Path):
    return run_cli(
        "build", "--config", str(project / "site_config.yml"), "--out", str(project / "site")
    )


@pytest.fixture
def built(project: Path) -> tuple[Path, str]:
    assert _build(project).exit_code == 0
    return project, tree_digest(project / "site")


def test_a_second_build_on_the_same_out_says_so_and_changes_nothing(built):
    project, before = built
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from generator.output import build_lock\n"
            "with build_lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(60)",
            str(project / "site"),
        ],
        env=ENV,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        second = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--config"]
            + [str(project / "site_config.yml"), "--out", str(project / "site")],
            env=ENV,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 2
    assert f"another build (process {holder.pid}) is building" in second.stderr
    assert "Traceback" not in second.stderr
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site.new-*")) and not list(project.glob(".site.work-*"))
    assert _build(project).exit_code == 0  # the lock ended with its process


def test_only_folders_of_builds_that_are_gone_are_cleaned(tmp_path: Path):
    out = tmp_path / "site"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    mine = output.staging_dir(out)
    mine_work = output.work_dir(out)
    dead = tmp_path / f".site.new-{gone.pid}-0-abcdefgh"
    dead_work = tmp_path / f".site.work-{gone.pid}-0-abcdefgh"
    reused = tmp_path / f".site.new-{os.getpid()}-1-abcdefgh"  # same pid, another start time
    legacy = tmp_path / ".site.new-abcdefgh"
    for folder in (dead, dead_work, reused, legacy):
        folder.mkdir()
    output.clean_leftovers(out)
    assert mine.is_dir() and mine_work.is_dir()
    assert not dead.exists() and not dead_work.exists() and not legacy.exists()
    assert not reused.exists() or output._start_time(os.getpid()) == "0"


def test_the_work_folder_is_beside_the_output_not_in_tmpdir(project: Path, monkeypatch):
    seen = []
    real = build_module.render_into

    def spy(site, templates, docs_dir):
        seen.append(docs_dir)
        return real(site, templates, docs_dir)

    monkeypatch.setattr(build_module, "render_into", spy)
    assert _build(project).exit_code == 0
    assert seen[0].parent.name.startswith(".site.work-") and seen[0].parent.parent == project
    assert not seen[0].parent.exists()


def _no_space(path) -> OSError:
    return OSError(errno.ENOSPC, "No space left on device", str(path))


@pytest.mark.parametrize("phase", ["exports", "search index", "pages", "swap", "staging"])
def test_a_full_disk_is_a_clear_error_and_keeps_the_previous_site(built, monkeypatch, phase):
    project, before = built
    if phase == "exports":
        real_write = Path.write_bytes

        def write_bytes(self, data):
            if self.suffix in (".csv", ".json", ".xml") and ".site.new-" in str(self):
                raise _no_space(self)
            return real_write(self, data)

        monkeypatch.setattr(Path, "write_bytes", write_bytes)
    else:

        def fail(*args, **kwargs):
            raise _no_space(project / "site.x")

        target = {
            "search index": (build_module, "write_search_index"),
            "pages": (build_module, "render_into"),
            "swap": (build_module, "swap_in"),
            "staging": (output.tempfile, "mkdtemp"),
        }[phase]
        monkeypatch.setattr(*target, fail)
    result = _build(project)
    assert result.exit_code == 2, result.output
    assert f"the disk is full: free space on {project}" in result.output
    assert "previous site is unchanged" in result.output
    assert "Traceback" not in result.output and "Errno" not in result.output
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site.new-*")) and not list(project.glob(".site.work-*"))


def test_a_read_only_output_is_a_clear_error(built, monkeypatch):
    project, before = built

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(project / ".site.lock"))

    monkeypatch.setattr(output.os, "open", read_only)
    result = _build(project)
    assert result.exit_code == 2
    assert f"cannot write to {project}/.site.lock: the file system is read-only" in result.output
    assert tree_digest(project / "site") == before


@pytest.mark.skipif(os.geteuid() == 0, reason="chmod does not stop root")
def test_a_folder_without_write_permission_is_a_clear_error(built):
    project, before = built
    project.chmod(0o555)
    try:
        result = _build(project)
    finally:
        project.chmod(0o755)
    assert result.exit_code == 2 and "cannot write to" in result.output


@pytest.mark.parametrize(
    ("name", "data"),
    [("notes.png", b"these are my notes, not a picture\n"), ("bomb.png", None)],
)
def test_an_unreadable_image_the_story_does_not_show_is_a_finding(project, name, data):
    from PIL import Image

    story = project / "content/stories/rt-photo"
    story.mkdir()
    source = project / "content/stories/keys-to-my-own-door.md"
    (story / "index.md").write_text(source.read_text())
    if data is None:  # 20,000 x 20,000 pixels, a few kilobytes on disk
        Image.new("1", (20_000, 20_000)).save(story / name)
    else:
        (story / name).write_bytes(data)
    result = run_cli("check", "--config", str(project / "site_config.yml"), "--no-cache")
    assert result.exit_code == 1
    assert f"image file '{name}' in the story's folder" in result.output
    assert "Traceback" not in result.output
    built = _build(project)
    assert built.exit_code == 1 and "Traceback" not in built.output
    assert f"image file '{name}'" in built.output
