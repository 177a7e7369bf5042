"""Write the site aside, then swap it in: a failed or killed build leaves the old site intact."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import UsageError

MARKER = ".beenthere-site"
"""File in every site we build; we only ever replace a folder that carries it."""
_RENAME_EXCHANGE = 2


def check_output_dir(out: Path, root: Path, content_dir: Path) -> Path:
    """Refuse output folders we must never replace: content/, the project, or foreign folders."""
    out = out.resolve()
    root = root.resolve()
    content_dir = content_dir.resolve()
    if out == root or root.is_relative_to(out):
        raise UsageError(f"--out {out} would replace the project itself; choose e.g. site/")
    if out.is_relative_to(content_dir) or content_dir.is_relative_to(out):
        raise UsageError(f"--out {out} overlaps content/; the build never writes into content/")
    if out.exists():
        if not out.is_dir():
            raise UsageError(f"--out {out} is a file, not a folder")
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise UsageError(
                f"--out {out} is not empty and was not made by beenthere; "
                "choose an empty or new folder so nothing of yours is deleted"
            )
    return out


def staging_dir(out: Path) -> Path:
    """A fresh folder beside ``out`` (same file system, so the swap is a rename)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with renameat2(RENAME_EXCHANGE) where the OS offers it."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def swap_in(staged: Path, out: Path) -> None:
    """Make ``staged`` the site at ``out`` and delete the previous site."""
    (staged / MARKER).write_text("built by beenthere; replaced whole on every build\n")
    if not out.exists():
        os.rename(staged, out)
        return
    if _exchange(staged, out):
        shutil.rmtree(staged)  # now holds the previous site
        return
    previous = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    previous.rmdir()
    os.rename(out, previous)
    os.rename(staged, out)
    shutil.rmtree(previous)


def discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def clean_leftovers(out: Path) -> None:
    """Remove staging folders that a killed build left beside ``out``."""
    if not out.parent.is_dir():
        return
    for leftover in out.parent.glob(f".{out.name}.new-*"):
        discard(leftover)
    old = sorted(out.parent.glob(f".{out.name}.old-*"))
    if old and not out.exists():
        os.rename(old[-1], out)  # killed between the two renames: restore the previous site
    for leftover in out.parent.glob(f".{out.name}.old-*"):
        discard(leftover)
