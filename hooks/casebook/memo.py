"""What is worked out once: per record object, and digests of contents (incremental.py keys pages by them)."""

from __future__ import annotations

import functools
import hashlib
import weakref
from collections.abc import Callable
from typing import TypeVar

Record = TypeVar("Record")
Value = TypeVar("Value")


def per_record(function: Callable[[Record], Value]) -> Callable[[Record], Value]:
    """function(record), worked out once per record object while it lives. A serving process's
    rebuild keeps the objects of the records that did not change (ServeCache.loaded), so what
    is worked out from each record alone is not worked out again for them. Keyed by identity,
    not by value: hashing a record would walk all of it."""
    memo: dict[int, Value] = {}

    @functools.wraps(function)
    def remembered(record: Record) -> Value:
        key = id(record)
        if key not in memo:
            memo[key] = function(record)
            weakref.finalize(record, memo.pop, key, None)  # the id may name another object later
        return memo[key]

    return remembered


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()
