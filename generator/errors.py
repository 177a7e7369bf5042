"""The one exception hierarchy. Only the CLI turns these into exit codes and messages."""

from __future__ import annotations


class BeenThereError(Exception):
    """Base for every error the generator raises on purpose."""

    exit_code = 2


class ConfigError(BeenThereError):
    """`site_config.yml` is missing or invalid; carries the findings that say why."""

    def __init__(self, message: str, findings: list | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []


class UsageError(BeenThereError):
    """A command was called with arguments that cannot work (bad paths, unsafe output folder)."""


class BuildBlocked(BeenThereError):
    """The moderation checklist or the leak check refused to publish."""

    exit_code = 1

    def __init__(self, message: str, findings: list | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []


class BuildFailed(BeenThereError):
    """MkDocs itself failed; the previous site is untouched."""

    exit_code = 1


class OutputFailed(BuildFailed):
    """The build could not write the site (disk full, read-only, no permission); the previous
    site is untouched. Not a checklist verdict, so exit 2."""

    exit_code = 2


class BuildLocked(BeenThereError):
    """Another build is writing the same output folder; this one changed nothing."""
