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


def per_record_in(function: Callable[..., Value]) -> Callable[..., Value]:
    """function(context, record, *more), worked out once per record object while it lives and the
    context stays the same object: a tuple of what the result depends on besides the record
    (the vocabularies, the languages …), compared item by item: objects by identity, strings,
    numbers and tuples of them by value. A serving process keeps the vocabularies and languages
    objects while they do not change (ServeCache.same), so a rebuild works out again only what
    comes from a changed record. `more` is not compared: it must follow from context and record
    (a View of the catalog whose vocabularies and languages the context names, say)."""
    memo: dict[int, list[tuple[object, Value]]] = {}

    @functools.wraps(function)
    def remembered(context: object, record: object, *more: object) -> Value:
        key = id(record)
        kept = memo.get(key)
        if kept is None:
            kept = memo[key] = []
            weakref.finalize(record, memo.pop, key, None)  # the id may name another object later
        for known, value in kept:
            if _same(known, context):
                return value
        value = function(context, record, *more)
        kept[:] = [*kept[-(CONTEXTS - 1) :], (context, value)]
        return value

    return remembered


CONTEXTS = 8  # contexts kept per record: one per language, say, with room for an old one


def _same(kept: object, context: object) -> bool:
    if isinstance(kept, tuple) and isinstance(context, tuple):
        return len(kept) == len(context) and all(_same_item(a, b) for a, b in zip(kept, context, strict=True))
    return _same_item(kept, context)


def _same_item(kept: object, item: object) -> bool:
    return kept is item or (isinstance(kept, str | int | tuple) and type(kept) is type(item) and kept == item)
