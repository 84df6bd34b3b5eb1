"""forking.map_forked with real forked workers."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from wwidw_build import forking


def _square_with_pid(items: list, shared) -> list:
    return [(item * item, os.getpid()) for item in items]


def _apply_shared(items: list, shared) -> list:
    return [shared(item) for item in items]


def _fail_on_seven(items: list, shared) -> list:
    if 7 in items:
        raise ValueError("zeven")
    return items


def test_results_come_back_in_order_from_other_processes():
    results = forking.map_forked(_square_with_pid, range(50), workers=2)
    assert [square for square, _ in results] == [n * n for n in range(50)]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_slice_per_item_keeps_the_order_too():
    results = forking.map_forked(_square_with_pid, range(9), workers=2, slices=9)
    assert [square for square, _ in results] == [n * n for n in range(9)]
    assert os.getpid() not in {pid for _, pid in results}


def test_the_shared_input_reaches_the_workers_without_pickling():
    offset = 1000
    shared = lambda item: item + offset  # noqa: E731 - a lambda cannot be pickled
    assert forking.map_forked(_apply_shared, range(10), shared, workers=2) == list(
        range(1000, 1010)
    )
    assert forking._TASK is None


def test_few_items_or_one_worker_run_here():
    for items, workers in ((range(5), 1), (range(3), 4)):
        results = forking.map_forked(_square_with_pid, items, workers=workers, parallel_from=4)
        assert {pid for _, pid in results} <= {os.getpid()}


def test_meanwhile_runs_in_this_process_while_the_workers_run():
    ran = []
    forking.map_forked(
        _square_with_pid, range(10), workers=2, meanwhile=lambda: ran.append(os.getpid())
    )
    forking.map_forked(
        _square_with_pid, range(1), workers=2, meanwhile=lambda: ran.append(os.getpid())
    )
    assert ran == [os.getpid(), os.getpid()]


def test_an_exception_in_a_worker_surfaces_and_the_global_is_cleared():
    with pytest.raises(ValueError, match="zeven"):
        forking.map_forked(_fail_on_seven, range(20), workers=2)
    assert forking._TASK is None


def test_a_function_must_give_one_result_per_item():
    with pytest.raises(ValueError, match="results for"):
        forking.map_forked(lambda items, shared: items[:1], range(10), workers=2)
    assert forking._TASK is None


def _pid_of(items: list, shared) -> list:
    return [os.getpid() for _ in items]


@pytest.mark.parametrize("workers", [2, 1], ids=["in-workers", "hier"])
def test_done_runs_in_this_process_for_each_slice_as_it_finishes(workers):
    seen = []
    results = forking.map_forked(
        _square_with_pid,
        range(7),
        workers=workers,
        slices=7,
        done=lambda part, results: seen.append((os.getpid(), part, results)),
    )
    assert sorted(part for _, part, _ in seen) == [[n] for n in range(7)]
    assert {pid for pid, _, _ in seen} == {os.getpid()}
    assert all(results[part[0]] == got[0] for _, part, got in seen)


def _death_signal(items: list, shared) -> list:
    """prctl(PR_GET_PDEATHSIG) in the worker: the signal it gets when its parent dies."""
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    value = ctypes.c_int(0)
    assert libc.prctl(2, ctypes.byref(value), 0, 0, 0) == 0
    return [(value.value, os.getppid()) for _ in items]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux")
def test_every_worker_is_killed_when_this_process_dies():
    """tests/test_lifeline.py kills real parents; here: the workers asked the kernel for it."""
    results = forking.map_forked(_death_signal, range(4), workers=2, slices=4)
    assert set(results) == {(signal.SIGKILL, os.getpid())}
