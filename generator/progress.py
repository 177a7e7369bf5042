"""Progress of a long build: the phase (checking, rendering, building, indexing, leak check,
publishing) and a count. The build reports into it; the CLI decides how to show it."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

Report = Callable[[str, int, int], None]
"""(phase, done, total); total 0 when unknown."""

_listener: Report | None = None


def listen(report: Report | None) -> None:
    global _listener
    _listener = report


def step(phase: str, done: int = 0, total: int = 0) -> None:
    """Called by the build (and by the MkDocs hook, page by page)."""
    if _listener is not None:
        _listener(phase, done, total)


class Printer:
    """One line per phase; on a terminal the count updates in place, in a log every 10%."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.start = time.monotonic()
        self.phase = ""
        self.last_decile = -1

    def __call__(self, phase: str, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.start
        if phase != self.phase:
            if self.tty and self.phase:
                self.stream.write("\n")
            self.phase, self.last_decile = phase, -1
            if not total:
                self.stream.write(f"» {phase} ({elapsed:.1f} s)" + ("" if self.tty else "\n"))
        if total:
            decile = done * 10 // total
            if self.tty:
                self.stream.write(f"\r» {phase} {done:,}/{total:,} ({elapsed:.1f} s)")
            elif decile != self.last_decile:
                self.stream.write(f"» {phase} {done:,}/{total:,} ({elapsed:.1f} s)\n")
            self.last_decile = decile
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.phase:
            self.stream.write("\n")
            self.stream.flush()
