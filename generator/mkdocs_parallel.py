"""Build a large site's pages on every core. MkDocs renders one page at a time; story and
resource pages need nothing from one another, so forked workers build shares of them while
the main process builds the rest (navigation, listings, theme templates, redirects).

Used by `beenthere build` only (never by the preview, whose rebuilds are small)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import traceback
from collections.abc import Iterator

import mkdocs.commands.build as mkdocs_build
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from generator.errors import BuildFailed

MIN_PAGES = 300
"""Below this, forking costs more than it saves."""

_shareable: frozenset[str] = frozenset()
"""Source paths of pages that may be built in a worker (set by ``parallel_pages``)."""
_workers = 0
_skip: set = set()
"""Files a worker builds: the main process leaves them alone."""
_children: list[tuple[int, int]] = []
"""(pid, read end of its pipe)."""


@contextlib.contextmanager
def parallel_pages(shareable: set[str], workers: int | None = None) -> Iterator[None]:
    """While active, ``start`` (MkDocs' on_nav) hands shares of these pages to workers."""
    global _shareable, _workers
    original = mkdocs_build._populate_page, mkdocs_build._build_page
    _shareable = frozenset(shareable)
    _workers = (workers or os.cpu_count() or 1) - 1
    mkdocs_build._populate_page = _unless_skipped(original[0])
    mkdocs_build._build_page = _unless_skipped(original[1], free=True)
    try:
        yield
    finally:
        abort()
        mkdocs_build._populate_page, mkdocs_build._build_page = original
        _shareable, _workers = frozenset(), 0


def _unless_skipped(function, free: bool = False):
    """MkDocs' own step, except for pages a worker builds; ``free`` drops a page's text once
    it is written (at 10,000 stories that text is hundreds of megabytes)."""

    def wrapper(page, *args, **kwargs):
        if page.file in _skip:
            return None
        result = function(page, *args, **kwargs)
        if free:
            page.content = page.markdown = None
        return result

    return wrapper


def start(nav, config, files) -> None:
    """Fork the workers, each with its share; the main process keeps one share itself."""
    pages = [file for file in files.documentation_pages() if file.src_uri in _shareable]
    if _workers < 1 or len(pages) < MIN_PAGES or not hasattr(os, "fork"):
        return
    for index in range(_workers):
        share = pages[index :: _workers + 1]
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover (runs in the worker; its results are checked)
            os.close(read)
            _run_worker(share, nav, config, files, write)
        os.close(write)
        _children.append((pid, read))
        _skip.update(share)


def _run_worker(share, nav, config, files, write: int) -> None:
    """Build ``share`` and exit; never returns into MkDocs' own loop."""
    status, message = 1, ""
    try:
        _die_with_parent()
        _build_share(share, nav, config, files)
        status = 0
    except OSError as exc:  # the disk, not the code: the main process says so in plain words
        message = (exc.errno, exc.strerror, exc.filename)
    except BaseException:  # noqa: BLE001 (reported to the main process, which fails the build)
        message = traceback.format_exc(limit=8)
    finally:
        with contextlib.suppress(OSError):
            os.write(write, pickle.dumps((status, message)))
        os._exit(status)


def _build_share(share, nav, config, files) -> None:
    for page in nav.pages:  # the navigation shows their titles
        mkdocs_build._populate_page(page, config, files)
    env = config.theme.get_env()
    env = config.plugins.on_env(env, config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in share:
        if file.page is None:
            Page(None, file, config)
        mkdocs_build._populate_page(file.page, config, files)
        mkdocs_build._build_page(file.page, config, doc_files, nav, env)
        file.page.content = file.page.markdown = None


def _die_with_parent() -> None:
    """A worker must not outlive a killed build and keep writing into its staging folder."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    if os.getppid() == 1:
        os._exit(1)


def finish() -> None:
    """Wait for every worker (MkDocs' on_post_build); any failure fails the build."""
    failures = []
    system_error: OSError | None = None
    while _children:
        pid, read = _children.pop()
        with os.fdopen(read, "rb") as stream:
            data = stream.read()
        _, code = os.waitpid(pid, 0)
        try:
            status, message = pickle.loads(data)  # noqa: S301 (our own forked worker)
        except (pickle.UnpicklingError, EOFError, ValueError):
            status, message = 1, f"worker exited with status {os.waitstatus_to_exitcode(code)}"
        if isinstance(message, tuple):
            system_error = system_error or OSError(*message)
        elif status != 0 or code != 0:
            failures.append(message.strip() or "worker failed")
    _skip.clear()
    if system_error is not None and not failures:
        raise system_error  # the build turns it into a clear error naming the path (exit 2)
    if failures:
        # not a MkDocs error: MkDocs would log it and raise a message-less Abort instead
        raise BuildFailed("building pages in parallel failed:\n" + "\n".join(failures))


def abort() -> None:
    """Stop any worker still running (the build failed, or was interrupted)."""
    while _children:
        pid, read = _children.pop()
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError, ChildProcessError):
            os.waitpid(pid, 0)
        with contextlib.suppress(OSError):
            os.close(read)
    _skip.clear()
