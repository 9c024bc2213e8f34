"""One function over many items on every core: how the pipeline loads records
and renders pages.

MkDocs waits for the pipeline, so the pipeline may use every core. Workers
are forked: they inherit what the parent built (the vocabularies, the catalog,
compiled templates) without pickling it, but each copies the memory pages of
the objects it touches (Python writes their reference counts): the pipeline's
memory at once is on docs/benchmark.md. Small jobs stay in this process, where forking
would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Shared = TypeVar("Shared")

WORTH_IT_FROM = 400  # items; below this, forking costs more than it saves
_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


def fork_imap(
    function: Callable[[Item], Result], items: Sequence[Item], workers: int | None = None
) -> Iterator[Result]:
    """function(item) for each item, in order, yielded as the results come in,
    so the caller can write each away instead of holding them all; `function`
    must be module-level."""
    if workers is None:
        workers = (os.cpu_count() or 1) if len(items) >= WORTH_IT_FROM and _CAN_FORK else 1
    if workers <= 1:
        yield from map(function, items)
        return
    chunk = max(1, len(items) // (workers * 8))  # small enough to even out, large enough to batch
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(function, items, chunksize=chunk)


def fork_imap_shared(
    function: Callable[[Shared, int], Result], shared: Shared, count: int, workers: int | None = None
) -> Iterator[Result]:
    """function(shared, index) for index in range(count), as fork_imap does. Forked
    workers inherit `shared` (a catalog, say) instead of receiving it pickled."""
    global _job
    _job = (function, shared)
    try:
        yield from fork_imap(_run_job, range(count), workers)
    finally:
        _job = None


_job: tuple[Callable[[Any, int], Any], Any] | None = None  # what fork_imap_shared's workers inherit


def _run_job(index: int) -> Any:
    if _job is None:
        raise RuntimeError("_run_job runs inside fork_imap_shared only")
    function, shared = _job
    return function(shared, index)
