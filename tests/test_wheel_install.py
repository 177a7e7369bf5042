"""Been There as a new user meets it: the wheel built from this repository, installed into a
fresh virtual environment outside it, starts a site with `beenthere init` in an empty folder,
then checks and builds it, with no file of this repository in reach. No network: the wheel is
built without build isolation, and the environment borrows the system's dependencies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

# What a source checkout holds that no wheel needs (tests and benchmarks included: the wheel
# must not depend on them)
NOT_SOURCE = shutil.ignore_patterns(
    ".git", "build", "site", "*.egg-info", ".beenthere-cache", "__pycache__", ".pytest_cache",
    ".ruff_cache", ".venv", "tests", "bench", "screenshots",
)  # fmt: skip


def _run(args: list, cwd: Path, env: dict, timeout: int = 120) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    output = f"{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, f"{args}: exit {result.returncode}\n{output}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict, Path]:
    """(the venv's bin folder, an environment that uses it, the wheel)."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env |= {"PIP_NO_INDEX": "1", "PIP_NO_CACHE_DIR": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    # built from a copy, so that no build/ folder is left in (or reused from) the checkout
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    wheels = work / "wheels"
    pip = [sys.executable, "-m", "pip"]
    _run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", wheels, source], work, env)
    (wheel,) = wheels.glob("beenthere-*.whl")
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", venv], work, env)
    python = venv / "bin" / "python"
    # the system's pip, run by the venv's python, installs into the venv; --ignore-installed
    # leaves this checkout's own (editable) install alone
    _run([python, "-m", "pip", "install", "--no-deps", "--ignore-installed", wheel], work, env)
    shutil.rmtree(source)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["BEENTHERE_TODAY"] = "2026-12-02"
    return venv / "bin", env, wheel


def test_the_wheel_carries_the_default_theme_and_the_standard_pages(installed):
    _, _, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = {
        "generator/theme/" + p.relative_to(ROOT / "templates").as_posix()
        for p in (ROOT / "templates").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    pages = {
        f"generator/example/content/pages/{p.name}" for p in (ROOT / "content/pages").glob("*.md")
    }
    assert theme and theme <= names
    assert pages and pages <= names
    assert {"generator/example/site_config.yml", "generator/example/EDITORS.md"} <= names
    # nothing else of the repository's root came along with the example site
    example = {n for n in names if n.startswith("generator/example/")}
    assert example == pages | {
        "generator/example/site_config.yml",
        "generator/example/EDITORS.md",
        "generator/example/.pre-commit-hooks.yaml",
        "generator/example/.github/pull_request_template.md",
    }


def test_init_check_and_build_with_the_installed_wheel_only(installed, tmp_path: Path):
    bin_dir, env, _ = installed
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    assert not outside.resolve().is_relative_to(ROOT)
    where = _run(
        [
            bin_dir / "python",
            "-c",
            "import generator, generator.packaged as p; "
            "print(generator.__file__); print(p.default_theme()); print(p.example_site())",
        ],
        outside,
        env,
    ).stdout.split()
    venv = bin_dir.parent.resolve()
    assert all(Path(path).resolve().is_relative_to(venv) for path in where), where
    assert (Path(where[1]) / "pages/story.md.j2").is_file()
    assert (Path(where[2]) / "content/pages/about.md").is_file()

    version = _run([bin_dir / "beenthere", "--version"], outside, env).stdout
    assert version.startswith("beenthere ") and ", rule set " in version

    _run([bin_dir / "beenthere", "init", "our-site", "--name", "Riverside Voices"], outside, env)
    site = outside / "our-site"
    check = _run([bin_dir / "beenthere", "check", "--format", "json"], site, env)
    findings = json.loads(check.stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("BT104", "info")]  # the draft
    build = _run([bin_dir / "beenthere", "build"], site, env)
    assert "left out: content/stories/the-first-cup-of-tea.md (draft)" in build.stderr
    built = site / "site"
    home = (built / "index.html").read_text("utf-8")
    assert "Riverside Voices" in home
    assert (built / "assets/beenthere.css").is_file()  # the packaged theme's assets
    assert (built / "resources/example-records-advice-line/index.html").is_file()
    assert not (built / "stories/the-first-cup-of-tea").exists()
