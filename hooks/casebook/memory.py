"""Handing freed memory back to the system before a memory-hungry step."""

from __future__ import annotations

import ctypes
import gc


def return_freed_memory() -> None:
    """Collects garbage, then asks glibc to return its free heap pages.

    glibc keeps what Python frees for reuse, so the process stays as large as
    its peak; before Pagefind runs beside it, that memory is better given back
    (LOW_MEMORY only: the benchmark's low-memory row).
    """
    gc.collect()
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return  # not glibc (macOS, musl): nothing to trim
    libc.malloc_trim(0)
