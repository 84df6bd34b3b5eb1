"""Run a function over items in forked worker processes that share read-only input.

The input is put in a module global before the workers fork, so they inherit it as it is (no
pickling of large records, no functions that must be importable by name); only a slice number goes
to a worker and only its results come back. The global is cleared again afterwards, also when a
worker fails.

Every worker is tied to this process (``lifeline.tie_worker``): killed, it takes its workers with it,
and they take the programs they run. What must happen only while the build lives (publishing) runs
here, in ``done``, never in a worker.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed

from wwidw_build import lifeline

# (function, items, shared, slices) while a pool runs; the forked workers read their slice from it.
_TASK: tuple | None = None


def map_forked(
    function: Callable[[list, object], list],
    items: Sequence,
    shared: object = None,
    *,
    workers: int | None = None,
    parallel_from: int = 2,
    slices: int | None = None,
    meanwhile: Callable[[], None] | None = None,
    done: Callable[[list, list], None] | None = None,
) -> list:
    """``function(some_items, shared)`` returns one result per item it is given; the results of all
    items come back in the order of ``items``.

    The items are split into ``slices`` slices (every n-th item; one per worker by default, or one
    per item so that a free worker takes the next) run by ``workers`` forked processes (the number of
    cores by default). With fewer than ``parallel_from`` items or fewer than two workers, the slices
    run here, one after another. ``meanwhile`` (no arguments) runs in this process while the workers
    run; ``done(slice_items, slice_results)`` runs in this process as each slice finishes."""
    items = list(items)
    workers = (os.cpu_count() or 1) if workers is None else workers
    if len(items) < parallel_from or workers < 2:
        slices = max(1, min(slices or 1, len(items)))
        results = _run_here(function, items, shared, slices, done)
        if meanwhile:
            meanwhile()
        return results
    slices = max(1, min(slices or workers, len(items)))
    return _run_pool(function, items, shared, workers, slices, meanwhile, done)


def _run_here(function, items: list, shared, slices: int, done) -> list:
    results: list = [None] * len(items)
    for index in range(slices):
        part = items[index::slices]
        results[index::slices] = _checked(function(part, shared), len(part))
        if done:
            done(part, results[index::slices])
    return results


def _run_pool(function, items: list, shared, workers: int, slices: int, meanwhile, done) -> list:
    global _TASK
    previous, _TASK = _TASK, (function, items, shared, slices)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            min(workers, slices),
            mp_context=context,
            initializer=lifeline.tie_worker,
            initargs=(os.getpid(),),
        ) as pool:
            parts = {pool.submit(_run_slice, index): index for index in range(slices)}
            if meanwhile:
                meanwhile()
            results: list = [None] * len(items)
            for part in as_completed(parts):
                index = parts[part]
                results[index::slices] = part.result()
                if done:
                    done(items[index::slices], results[index::slices])
            return results
    finally:
        _TASK = previous


def _run_slice(index: int) -> list:
    """In a worker: the function over every ``slices``-th item from ``index`` on."""
    function, items, shared, slices = _TASK
    part = items[index::slices]
    return _checked(function(part, shared), len(part))


def _checked(results: list, expected: int) -> list:
    results = list(results)
    if len(results) != expected:
        raise ValueError(f"{len(results)} results for {expected} items")
    return results
