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


def _run_batch(bounds: tuple[int, int]) -> object:
    assert _job is not None
    work, items = _job
    return work(items[bounds[0] : bounds[1]])


def _forked(
    runner: Callable[[tuple[int, int]], R],
    work: Callable,
    items: Sequence,
    workers: int | None,
    per_worker: int,
) -> list[R] | None:
    """``runner`` over ``per_worker`` slices of ``items`` per worker, in forked processes that
    inherit ``work`` and ``items`` (nothing is pickled but the results); None when it would
    not pay. Slices are handed out one at a time (Pool.map would group them), so that a
    worker that draws the long stories does not finish alone while the other waits."""
    global _job
    workers = workers or os.cpu_count() or 1
    if (
        workers < 2
        or len(items) < MIN_ITEMS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return None
    size = -(-len(items) // (workers * per_worker))
    slices = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _job = (work, items)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(runner, slices, chunksize=1)
    finally:
        _job = None


def map_items(work: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> list[R]:
    """``[work(item) for item in items]``, split across forked processes when it pays."""
    parts = _forked(_run_chunk, work, items, workers, per_worker=16)
    if parts is None:
        return [work(item) for item in items]
    return [result for part in parts for result in part]


def map_batches(
    work: Callable[[Sequence[T]], R], items: Sequence[T], workers: int | None = None
) -> list[R]:
    """``work`` over consecutive slices of ``items``, in order, split across forked processes
    when it pays: for work that sums up its slice, so that little is sent back (in a few
    large slices: each slice's sum is sent back and merged)."""
    parts = _forked(_run_batch, work, items, workers, per_worker=4)
    return [work(items)] if parts is None else parts
