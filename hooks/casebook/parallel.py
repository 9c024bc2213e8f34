"""One function over many items on every core: how the pipeline loads records
and renders pages.

MkDocs waits for the pipeline, so the pipeline may use every core. Workers
are forked: they inherit what the parent built (the vocabularies, the catalog,
compiled templates) without pickling it, but each copies the memory pages of
the objects it touches (Python writes their reference counts): at 5,000 cases
the pipeline holds more than a gigabyte at once while rendering (the figures
are on docs/benchmark.md). Small jobs stay in this process, where forking
would cost more than it saves. Records come back from their workers as parsed
values, not validated models, which cost more to pickle than to validate again
(catalog.py).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

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
