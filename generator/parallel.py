"""Run independent per-document work on every core (the checks are pure, so this is safe)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 300
"""Below this, starting workers costs more than it saves."""

_job: tuple[Callable, Sequence] | None = None


def _run_chunk(bounds: tuple[int, int]) -> list:
    assert _job is not None
    work, items = _job
    return [work(item) for item in items[bounds[0] : bounds[1]]]


def map_items(work: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> list[R]:
    """``[work(item) for item in items]``, split across forked processes when it pays.
    Forked workers inherit ``work`` and ``items``: nothing is pickled but the results."""
    global _job
    workers = workers or os.cpu_count() or 1
    if (
        workers < 2
        or len(items) < MIN_ITEMS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [work(item) for item in items]
    size = -(-len(items) // (workers * 4))  # a few chunks per worker evens out long stories
    chunks = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _job = (work, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_run_chunk, chunks)
    finally:
        _job = None
    return [result for part in parts for result in part]
