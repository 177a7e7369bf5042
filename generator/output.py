"""Write the site aside, then swap it in: a failed or killed build leaves the old site intact."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.errors import BuildLocked, UsageError

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


def _start_time(pid: int) -> str:
    """When process ``pid`` started (clock ticks since boot), so that a reused pid is not
    taken for the build that made a folder; "0" where /proc does not say."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat[stat.rindex(")") + 2 :].split()[19]
    except (OSError, ValueError, IndexError):
        return "0"


def _owner() -> str:
    return f"{os.getpid()}-{_start_time(os.getpid())}"


def _owner_alive(name: str, prefix: str) -> bool:
    """Whether the build that made the folder ``name`` (``prefix`` + pid-start-random) is
    still running; folders of older versions, without an owner, count as abandoned."""
    parts = name.removeprefix(prefix).split("-")
    if len(parts) < 3 or not parts[0].isdigit():
        return False
    pid, started = int(parts[0]), parts[1]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: alive
    return started == "0" or _start_time(pid) in (started, "0")


def staging_dir(out: Path) -> Path:
    """A fresh folder beside ``out`` (same file system, so the swap is a rename), named after
    the build that owns it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.new-{_owner()}-", dir=out.parent))


def work_dir(out: Path) -> Path:
    """The build's scratch folder (rendered markdown, MkDocs' config), beside ``out`` rather
    than in TMPDIR, so that the next build removes it if this one is killed."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.work-{_owner()}-", dir=out.parent))


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


@contextlib.contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` for the whole build; raise BuildLocked at once when
    another build holds it. The lock ends with the process, however it ends; the lock file is
    removed by its holder, so a lock is only good while the file at the path is the one
    locked (checked after locking)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(out)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise BuildLocked(
                f"another build (process {holder}) is building {out} right now; wait for it "
                f"to finish, or stop it, then build again. Nothing was changed."
            ) from None
        except BaseException:
            os.close(fd)
            raise
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)  # its holder removed that file as we locked it: lock the new one
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)  # releases the lock


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
        discard(staged)  # now holds the previous site (a failure leaves it for the next build)
        return
    previous = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    previous.rmdir()
    os.rename(out, previous)
    try:
        os.rename(staged, out)
    except OSError:
        os.rename(previous, out)  # put the previous site back
        raise
    discard(previous)


def discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def clean_leftovers(out: Path) -> None:
    """Remove the staging and work folders that a killed build left beside ``out``: only
    those whose owner is not running any more."""
    if not out.parent.is_dir():
        return
    for kind in ("new", "work"):
        prefix = f".{out.name}.{kind}-"
        for leftover in out.parent.glob(f"{prefix}*"):
            if not _owner_alive(leftover.name, prefix):
                discard(leftover)
    old = sorted(out.parent.glob(f".{out.name}.old-*"))
    if old and not out.exists():
        os.rename(old[-1], out)  # killed between the two renames: restore the previous site
    for leftover in out.parent.glob(f".{out.name}.old-*"):
        discard(leftover)
