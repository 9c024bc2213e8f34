"""`casebook stamp`: write the `reviewed:` fingerprints into a record's file once its
translation is reviewed, as edits of the text itself so that comments, quoting and
layout stay as the contributor wrote them (a YAML round trip would lose them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from .loader import PARSER, FieldPath, resolve_plain
from .rules import texts
from .translation import Translated, fingerprint


@dataclass(frozen=True)
class _Mapping:
    """Where one mapping of the file was written: its style, its keys' columns and
    where its last value ends (character offsets into the text)."""

    flow: bool
    key_column: int
    last_value_end: tuple[int, int]  # (offset, column) just after the last value
    values: dict[str, tuple[int, int]]  # key -> (start, end) of its scalar value


@dataclass(frozen=True)
class Stamped:
    text: str
    written: int  # fingerprints added or changed
    current: int  # fingerprints already right


def wanted(record: Translated) -> dict[FieldPath, str]:
    """Each translated text's fingerprint: of its original, where both languages are given.

    The original is the record's own language (translation.original), as for
    `casebook status`, which marks a text stale when the two differ."""
    original = record.translation.text_lang
    return {
        path: fingerprint(text.get(original) or "")
        for path, text in texts(record)
        if text.get(original) and all(text.get(lang) for lang in ("zh", "en"))
    }


def stamp(text: str, fingerprints: dict[FieldPath, str]) -> Stamped:
    """The file's text with `reviewed: <fingerprint>` in each named mapping."""
    mappings = _mappings(text)
    newline = "\r\n" if "\r\n" in text else "\n"  # the file's own line ends
    edits: list[tuple[int, int, str]] = []
    current = 0
    for path, fingerprint_ in fingerprints.items():
        mapping = mappings[path]
        # 12345678 or 1e345678 would be read as a number: then the fingerprint is quoted.
        value = fingerprint_ if isinstance(resolve_plain(fingerprint_), str) else f'"{fingerprint_}"'
        if "reviewed" in mapping.values:
            start, end = mapping.values["reviewed"]
            if text[start:end] == value:
                current += 1
            else:
                edits.append((start, end, value))
        elif mapping.flow:  # {zh: …, en: …} → {zh: …, en: …, reviewed: …}
            end = mapping.last_value_end[0]
            edits.append((end, end, f", reviewed: {value}"))
        else:  # a line of its own after the mapping's last value, at its keys' indent
            at = _next_line(text, mapping.last_value_end)
            line = " " * mapping.key_column + f"reviewed: {value}{newline}"
            edits.append((at, at, line if at == 0 or text[at - 1] == "\n" else newline + line))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return Stamped(text, len(edits), current)


def _next_line(text: str, end: tuple[int, int]) -> int:
    """Start of the line after a value: a block scalar (|, >) ends at the start of a line already."""
    index, column = end
    if column == 0:
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _mappings(text: str) -> dict[FieldPath, _Mapping]:
    """Every mapping of a YAML text by its field path (the record is valid: no anchors, one document)."""
    events = iter(yaml.parse(text, Loader=PARSER))  # the loader's parser: it reads what the loader reads
    found: dict[FieldPath, _Mapping] = {}
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            _node(next(events), events, (), found)
    return found


def _node(event: Any, events: Iterator[Any], path: FieldPath, found: dict[FieldPath, _Mapping]) -> tuple[int, int]:
    """Reads one node whose first event is `event` (PyYAML's events are untyped); returns where it ends."""
    if isinstance(event, yaml.SequenceStartEvent):
        index = 0
        while not isinstance(item := next(events), yaml.SequenceEndEvent):
            _node(item, events, (*path, index), found)
            index += 1
        return _end(item)
    if isinstance(event, yaml.MappingStartEvent):
        values: dict[str, tuple[int, int]] = {}
        key_column = -1
        last_end = _end(event)
        while not isinstance(key := next(events), yaml.MappingEndEvent):
            key_column = key.start_mark.column if key_column < 0 else key_column
            value = next(events)
            last_end = _node(value, events, (*path, key.value), found)
            if isinstance(value, yaml.ScalarEvent):
                values[key.value] = (_start(value)[0], last_end[0])
        found[path] = _Mapping(bool(event.flow_style), key_column, last_end, values)
        return _end(key)
    return _end(event)


def _start(event: Any) -> tuple[int, int]:
    return event.start_mark.index, event.start_mark.column


def _end(event: Any) -> tuple[int, int]:
    return event.end_mark.index, event.end_mark.column
