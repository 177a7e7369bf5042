"""The private-intake reminder. A story's first draft holds real names; a pull request or fork
on a public repository keeps every pushed commit reachable, and withdrawing a story cannot recall
them. So the content repository must be private and only the built site public. ``check``
reminds the editors once per run while the repository has a remote on a public code host and
the config does not confirm the intake is private. Only ``.git/config`` is read: never the
network."""

from __future__ import annotations

import re
from pathlib import Path

from generator.config import CONFIG_RULE, Project
from generator.findings import Finding, Severity

PUBLIC_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")
"""Code hosts where a repository is often public (a private one there is fine: confirm it)."""

_SECTION = re.compile(r'^\s*\[\s*remote\s+"((?:[^"\\]|\\.)*)"\s*\]', re.IGNORECASE)
_OTHER_SECTION = re.compile(r"^\s*\[")
_URL = re.compile(r"^\s*(?:push)?url\s*=\s*\"?([^\"\s#;]+)", re.IGNORECASE)
# https://host/…, ssh://user@host:port/…, git://host/…, or scp-like user@host:path
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/]+@)?([^/:\s]+)", re.IGNORECASE)


def read_git_config(root: Path) -> str:
    """The text of the config of the git repository that holds ``root`` ('' when there is
    none or it cannot be read). A worktree's ``.git`` file points at its real folder."""
    for folder in (root, *root.parents):
        dot_git = folder / ".git"
        try:
            if dot_git.is_file():
                gitdir = dot_git.read_text("utf-8").removeprefix("gitdir:").strip()
                dot_git = (folder / gitdir).resolve()
                common = dot_git / "commondir"
                if common.is_file():
                    dot_git = (dot_git / common.read_text("utf-8").strip()).resolve()
            if dot_git.is_dir():
                return (dot_git / "config").read_text("utf-8", errors="replace")
        except OSError:
            return ""
    return ""


def public_remotes(git_config: str) -> list[tuple[str, str]]:
    """(remote name, host) for each remote whose address is on a public code host."""
    found: list[tuple[str, str]] = []
    remote = None
    for line in git_config.splitlines():
        section = _SECTION.match(line)
        if section:
            remote = section.group(1)
            continue
        if _OTHER_SECTION.match(line):
            remote = None
            continue
        url = _URL.match(line) if remote is not None else None
        host = _HOST.match(url.group(1)) if url else None
        if remote is not None and host:
            name = host.group(1).lower().removeprefix("www.")
            if name in PUBLIC_HOSTS and (remote, name) not in found:
                found.append((remote, name))
    return found


def private_intake_reminder(project: Project, git_config: str) -> Finding | None:
    """The reminder (info), or None when there is no public remote or the config confirms
    that the repository is private."""
    if project.config.moderation.private_intake_confirmed:
        return None
    remotes = public_remotes(git_config)
    if not remotes:
        return None
    where = ", ".join(f"{remote} on {host}" for remote, host in remotes)
    line = project.parsed.line_of(("moderation",)) if project.parsed else None
    return Finding(
        project.relative(project.config_file),
        CONFIG_RULE,
        Severity.INFO,
        f"this repository has a remote on a public code host ({where}): the content "
        "repository must be private, because first drafts hold real names and a public "
        "repository keeps every pushed commit, even after a story is withdrawn",
        "make sure the repository is private and only the built site is public (EDITORS.md, "
        "'Keep the content repository private'), then set "
        "moderation.private_intake_confirmed: true in site_config.yml",
        line if line and line > 1 else None,
    )
