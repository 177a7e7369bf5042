"""MkDocs hook used only by `beenthere serve`: re-render the preview before every rebuild."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.errors import BeenThereError
from generator.preview import render_preview


def on_pre_build(config) -> None:
    settings = config.extra.get("beenthere_preview")
    if not settings:
        return
    try:
        render_preview(
            Path(settings["config"]), Path(config.docs_dir), date.fromisoformat(settings["today"])
        )
    except BeenThereError as error:  # keep serving the last good preview
        import logging

        logging.getLogger("mkdocs").error("beenthere: %s", error)
