"""A site's own templates/ holds only what it overrides, file by file: everything else comes from
the default theme shipped in the package."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from generator.packaged import default_theme, theme_dirs


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """A new site without templates/, and its build with the default theme."""
    root = tmp_path_factory.mktemp("override") / "site"
    assert run_cli("init", str(root)).exit_code == 0
    out = root.parent / "default"
    result = run_cli("build", "--config", str(root / "site_config.yml"), "--out", str(out))
    assert result.exit_code == 0, result.output
    return root, _files(out)


def _build_with(root: Path, override: str, text: str, tmp_path: Path) -> dict[str, bytes]:
    target = root / "templates" / override
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    try:
        out = tmp_path / "site"
        result = run_cli("build", "--config", str(root / "site_config.yml"), "--out", str(out))
        assert result.exit_code == 0, result.output
        return _files(out)
    finally:
        shutil.rmtree(root / "templates")


def test_overriding_one_page_template_changes_that_page_and_nothing_else(site, tmp_path: Path):
    root, default = site
    home = (default_theme() / "pages/home.md.j2").read_text("utf-8")
    built = _build_with(
        root, "pages/home.md.j2", home + "\nA word from this site alone.\n", tmp_path
    )
    assert _changed(default, built) == {"index.html"}
    assert b"A word from this site alone." in built["index.html"]


def test_overriding_one_theme_asset_keeps_the_rest_of_the_theme(site, tmp_path: Path):
    root, default = site
    css = (default_theme() / "overrides/assets/beenthere.css").read_text("utf-8")
    built = _build_with(
        root, "overrides/assets/beenthere.css", css + "\n.site-own { color: #000; }\n", tmp_path
    )
    # main.html and the scripts still come from the default theme: only the stylesheet changed
    assert _changed(default, built) == {"assets/beenthere.css"}
    assert b".site-own" in built["assets/beenthere.css"]


def test_the_site_folder_comes_first_and_the_default_theme_stands_behind(tmp_path: Path):
    assert theme_dirs(tmp_path, "pages") == [default_theme() / "pages"]
    (tmp_path / "pages").mkdir()
    assert theme_dirs(tmp_path, "pages") == [tmp_path / "pages", default_theme() / "pages"]
    # this repository's own templates/ is the default theme: not listed twice
    assert theme_dirs(default_theme(), "overrides") == [default_theme() / "overrides"]
