"""Shared test helpers: a copy of the example project, and running the CLI in-process."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 27)
"""The example content is dated around this day; tests pin it."""


def copy_project(target: Path, content: bool = True) -> Path:
    """The example project (config, templates and, unless told not to, content) at ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "site_config.yml", target / "site_config.yml")
    shutil.copy(ROOT / "EDITORS.md", target / "EDITORS.md")
    shutil.copytree(ROOT / "templates", target / "templates")
    if content:
        shutil.copytree(ROOT / "content", target / "content")
    else:
        (target / "content").mkdir()
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The example site, built once for all the tests that only read it."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_cli(
        "build", "--config", str(project / "site_config.yml"), "--out", str(project / "site")
    )
    assert result.exit_code == 0, result.output
    return project / "site"


def tree_digest(folder: Path) -> str:
    """One hash of every path and byte under ``folder``: equal only for identical trees."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_cli(*args: str, env: dict | None = None):
    """Run `beenthere` in-process with today pinned; returns click's Result."""
    return CliRunner().invoke(
        main,
        list(args),
        env={"BEENTHERE_TODAY": TODAY.isoformat(), **(env or {})},
        catch_exceptions=False,
    )
