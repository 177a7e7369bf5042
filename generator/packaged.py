"""Where the files shipped inside the package are: the default theme, and the example site that
`beenthere init` copies from. An installed wheel carries them under generator/ (pyproject.toml
maps this repository's folders there); a checkout of this repository reads the folders
themselves. Either way there is one copy of each."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str, checkout: str) -> Path:
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / checkout


def default_theme() -> Path:
    """The default theme: ``pages/`` (Jinja2 page templates) and ``overrides/`` (the
    mkdocs-material overrides and their assets). This repository's ``templates/`` folder."""
    return _shipped("theme", "templates")


def example_site() -> Path:
    """The example site's ``site_config.yml``, ``EDITORS.md`` and ``content/pages/``."""
    return _shipped("example", ".")


def theme_dirs(site_templates: Path, part: str) -> list[Path]:
    """Where the theme's ``part`` ("pages" or "overrides") is looked for, the first file found
    winning: the site's own folder, which holds only what it overrides, file by file (as MkDocs'
    ``custom_dir`` does), then the default theme."""
    default = default_theme() / part
    own = site_templates / part
    if own.is_dir() and own.resolve() != default.resolve():
        return [own, default]
    return [default]
