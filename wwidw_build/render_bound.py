"""Bounds on rendering contributor text: CPU time, memory and output size, per item.

Python-Markdown takes quadratic time (or worse) on some input: unbalanced brackets, many footnote
references, deeply nested lists or HTML. Part of that time is spent inside C code (a regular
expression searching a long text, string operations) that a Python signal handler cannot interrupt,
so an alarm in the same process is no bound. Here every item runs in a forked child that the kernel
stops: ``RLIMIT_CPU`` per item (the child gets SIGXCPU and ends), ``RLIMIT_AS`` for its memory, and a
wall-clock limit for a child that stops making progress without using CPU. The parent then starts a
fresh child for the items after the one that went over. A child renders many items one after the
other, so the normal path costs one fork per worker, not one per item; it dies with the process
that forked it (``lifeline``).

A function run here can also refuse an item itself by raising ``Over`` (e.g. the output would be too
large: see ``SizeGuard``), and it can call ``mark(n)`` to say where it is (e.g. which section), so a
child stopped by the kernel is still reported with a place.
"""

from __future__ import annotations

import gc
import math
import mmap
import os
import resource
import signal
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe, wait

from markdown.treeprocessors import Treeprocessor

from wwidw_build import lifeline

SECONDS = 5  # CPU seconds per item (RLIMIT_CPU counts whole seconds; a render of 250 KB takes < 2)
MEMORY = 1 << 30  # bytes of address space a child may add to what it inherits
HTML_CHARACTERS = 2 << 20  # characters of HTML per item (8x the largest file the loader reads)
WALL_SECONDS = (
    120  # a child that sends nothing for this long is stopped too (a loaded machine is slow)
)

# Why an item went over; body_render words these for contributors.
TIME, MEMORY_USE, DEPTH, SIZE, STOPPED = "tijd", "geheugen", "diepte", "grootte", "gestopt"


class Over(Exception):
    """Raised by a bounded function that refuses its item itself (``reason``: SIZE, for example)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Exceeded:
    """The outcome of an item that went over a bound: why, and the last ``mark`` it set."""

    reason: str
    mark: int = 0


def map_bounded(
    function: Callable[[object, Callable[[int], None]], object],
    items: Sequence,
    *,
    workers: int | None = None,
    seconds: int = SECONDS,
) -> list:
    """``function(item, mark)`` for every item, each in a forked child within the bounds: its result,
    or ``Exceeded`` for an item that went over. Results come back in the order of ``items``; an
    exception other than running out of time, memory or stack is raised here."""
    items = list(items)
    if not items:
        return []
    workers = max(1, min(workers or os.cpu_count() or 1, len(items)))
    run = _Run(function, items, seconds, workers)
    try:
        run.until_done()
    finally:
        run.stop_all()
    return run.results


class SizeGuard(Treeprocessor):
    """Python-Markdown's last tree step: refuses (``Over(SIZE)``) a tree whose HTML would be larger
    than ``limit`` characters, before it is written out. An abbreviation with a long title used
    thousands of times, for example, is one small element per use in the tree but the title in
    full in the HTML: megabytes from kilobytes."""

    def __init__(self, md, limit: int = HTML_CHARACTERS):
        super().__init__(md)
        self.limit = limit

    def run(self, root) -> None:
        total = sum(len(block) for block in self.md.htmlStash.rawHtmlBlocks)
        for element in root.iter():
            total += 2 * len(str(element.tag)) + 5 + len(element.text or "")
            total += len(element.tail or "")
            total += sum(len(k) + len(v) + 4 for k, v in element.attrib.items())
            if total > self.limit:
                raise Over(SIZE)


def check_size(characters: int, limit: int = HTML_CHARACTERS) -> None:
    if characters > limit:
        raise Over(SIZE)


# --- The parent: children over shares of the items ----------------------------------------------


@dataclass
class _Child:
    slot: int  # this share's progress slot in the shared marks
    share: list[int]  # indexes of the items this share renders, in order
    position: int  # how many of them are done
    pid: int = 0
    connection: Connection | None = None
    heard: float = 0.0  # when it last sent something


class _Run:
    def __init__(self, function, items: list, seconds: int, workers: int):
        self.function, self.items, self.seconds = function, items, seconds
        self.results: list = [None] * len(items)
        self.marks = mmap.mmap(-1, 8 * workers)  # shared with the children: their last mark
        self.running: dict[Connection, _Child] = {}
        for slot in range(workers):
            self._start(_Child(slot, list(range(slot, len(items), workers)), 0))

    def until_done(self) -> None:
        while self.running:
            now = time.monotonic()
            deadline = min(c.heard for c in self.running.values()) + WALL_SECONDS
            for connection in wait(list(self.running), timeout=max(0.0, deadline - now)):
                self._hear(self.running[connection])
            late = [c for c in self.running.values() if time.monotonic() - c.heard > WALL_SECONDS]
            for child in late:
                os.kill(child.pid, signal.SIGKILL)  # its pipe closes: reported as stopped by _hear

    def _hear(self, child: _Child) -> None:
        try:
            index, kind, value, mark = child.connection.recv()
        except (EOFError, OSError):
            self._ended(child)
            return
        child.heard = time.monotonic()
        if kind == "error":
            raise value
        self.results[index] = value if kind == "ok" else Exceeded(value, mark)
        child.position += 1

    def _ended(self, child: _Child) -> None:
        """The child's pipe closed: it finished its share, or it was stopped on its current item."""
        del self.running[child.connection]
        child.connection.close()
        _, status = os.waitpid(child.pid, 0)
        if child.position >= len(child.share):
            return
        stopped_by = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        reason = TIME if stopped_by in (signal.SIGXCPU, signal.SIGKILL) else STOPPED
        self.results[child.share[child.position]] = Exceeded(reason, self.mark(child))
        child.position += 1
        if child.position < len(child.share):
            self._start(child)

    def mark(self, child: _Child) -> int:
        return struct.unpack_from("q", self.marks, 8 * child.slot)[0]

    def _start(self, child: _Child) -> None:
        reader, writer = Pipe(duplex=False)
        parent = os.getpid()
        gc.freeze()  # the child's garbage collector then never walks (and copies) the parent's heap
        pid = os.fork()
        if pid == 0:  # the child: never returns
            reader.close()
            _child_main(self, child, writer, parent)
        gc.unfreeze()
        writer.close()
        child.pid, child.connection, child.heard = pid, reader, time.monotonic()
        self.running[reader] = child

    def stop_all(self) -> None:
        """Whatever happened (an exception, Ctrl+C): no child outlives the run."""
        for child in list(self.running.values()):
            try:
                os.kill(child.pid, signal.SIGKILL)
                os.waitpid(child.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            child.connection.close()
        self.running.clear()


# --- The child ----------------------------------------------------------------------------------


def _child_main(run: _Run, child: _Child, writer: Connection, parent: int) -> None:
    """Render the rest of the share, one message per item; ends the process (os._exit). It dies
    with its parent (``lifeline``), and stops between items when the parent is gone anyway."""
    code = 0
    try:
        lifeline.tie_worker(parent)
        _limit_child()

        def mark(value: int) -> None:
            struct.pack_into("q", run.marks, 8 * child.slot, value)

        for index in child.share[child.position :]:
            if os.getppid() != parent:
                break  # the parent is gone: nobody reads the results
            mark(0)
            _cpu_budget(run.seconds)
            kind, value = _outcome(run.function, run.items[index], mark)
            writer.send((index, kind, value, run.mark(child)))
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _outcome(function, item, mark) -> tuple[str, object]:
    try:
        return "ok", function(item, mark)
    except Over as over:
        return "over", over.reason
    except MemoryError:
        return "over", MEMORY_USE
    except RecursionError:
        return "over", DEPTH
    except Exception as error:  # a bug: raised again in the parent
        return "error", RuntimeError(f"{type(error).__name__}: {error}")


def _limit_child() -> None:
    """Default signal handling (SIGXCPU ends the process; Ctrl+C stops it quietly), no core files,
    and at most MEMORY more address space than the child was forked with."""
    for number in (signal.SIGXCPU, signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    mapped = _address_space()
    if mapped:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = mapped + MEMORY
        if hard == resource.RLIM_INFINITY or wanted < hard:
            resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _cpu_budget(seconds: int) -> None:
    """From now on, at most ``seconds`` (rounded up to whole seconds) more CPU time."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime) + seconds
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _address_space() -> int:
    """This process's mapped address space in bytes (Linux), or 0 where that is unknown."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * mmap.PAGESIZE
    except (OSError, ValueError, IndexError):
        return 0
