"""Run `beenthere serve` in a child process and read its pages: shared by the tests and the
benchmark, which both time or check what the preview shows after an edit."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(url: str, needle: str, seconds: float = 30, poll: float = 0.2) -> str:
    """The page at ``url`` once it contains ``needle``; fails after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            page = get(url)
            if needle in page:
                return page
        except OSError:
            pass  # not serving yet
        time.sleep(poll)
    raise AssertionError(f"{needle!r} never appeared at {url}")


@contextmanager
def preview(config_file: Path, env: dict, log: Path | None = None) -> Iterator[str]:
    """`beenthere serve` on a free local port; yields its base URL, stops it afterwards. Its
    output goes to ``log`` when given."""
    port = free_port()
    output = log.open("wb") if log is not None else subprocess.DEVNULL
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--config",
            str(config_file),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        env=env,
        stdout=output,
        stderr=output,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        if log is not None:
            output.close()
