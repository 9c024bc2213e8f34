"""Strict YAML loading: UTF-8 text in, plain values with line numbers out.

PyYAML's own constructors follow YAML 1.1 (`no` is False, `010` is 8, last
duplicate key wins) and its C composer recurses without limit. So we read the
parser's event stream (libyaml's, one event at a time) and build the values
ourselves: YAML 1.2 core meanings, no tags, anchors, aliases or merge keys,
bounded depth and list length, numbers of at most 15 digits, no refused
character (characters.py) raw or escaped, every value's position remembered.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .characters import all_refused, first_refused
from .problems import Message, Problem, field_path, msg
from .snapshot import Snapshot

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12

Position = tuple[int, int]
FieldPath = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$")
_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
MAX_DIGITS = 15  # a number's digits: beyond them a float is no longer exact
# Any list: checked while parsing, so that a huge list is refused before its
# items are validated one by one (each would add its own problems).
MAX_LIST_ITEMS = 1_000
UTF8_BOM = b"\xef\xbb\xbf"
# Why a file could not be read, in the reader's language; other reasons as the system words them.
_OS_ERRORS = {errno.ENOENT: "oserror.ENOENT", errno.EACCES: "oserror.EACCES", errno.EISDIR: "oserror.EISDIR"}
# libyaml's words for the commonest mistakes, as message keys; others are shown as libyaml wrote them.
_YAML_PROBLEMS = {
    "mapping values are not allowed in this context": "yaml.mapping_values",
    "could not find expected ':'": "yaml.expected_colon",
    "did not find expected key": "yaml.expected_key",
    "did not find expected '-' indicator": "yaml.expected_dash",
    "did not find expected node content": "yaml.expected_content",
    "block sequence entries are not allowed in this context": "yaml.block_list",
    "found character that cannot start any token": "yaml.bad_token",
    "found unexpected end of stream": "yaml.unclosed_quote",
    "found unknown escape character": "yaml.bad_escape",
    "did not find expected ',' or ']'": "yaml.expected_bracket",
    "did not find expected ',' or '}'": "yaml.expected_brace",
}


@dataclass(frozen=True)
class Document:
    """A loaded YAML file: its values and where each one was written."""

    path: str
    data: Any
    positions: dict[FieldPath, Position] = field(repr=False)

    def position(self, parts: FieldPath) -> Position:
        """Position of the deepest known prefix of a field path."""
        for end in range(len(parts), -1, -1):
            if parts[:end] in self.positions:
                return self.positions[parts[:end]]
        return (1, 1)


class _Abort(Exception):
    """Stops building a file after a problem that makes the rest meaningless."""


def load_file(path: Path, shown_as: str, files: Snapshot | None = None) -> tuple[Document | None, list[Problem]]:
    raw, problems = read_file(path, shown_as, files)
    return (None, problems) if raw is None else load_bytes(raw, shown_as)


def read_file(path: Path, shown_as: str, files: Snapshot | None = None) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes (from `files` if given: read once a build), or the problem reading it."""
    try:
        return (files.read_bytes(path) if files is not None else path.read_bytes()), []
    except OSError as error:
        reason = _OS_ERRORS.get(error.errno or 0)
        shown = msg(reason) if reason else (error.strerror or str(error))
        return None, [Problem(shown_as, 1, 1, "", msg("file.unreadable", reason=shown))]


def load_bytes(raw: bytes, shown_as: str) -> tuple[Document | None, list[Problem]]:
    def at(line: int, column: int, message: Message) -> list[Problem]:
        return [Problem(shown_as, line, column, "", message)]

    if len(raw) > MAX_BYTES:
        return None, at(1, 1, msg("file.too_large", kb=MAX_BYTES // 1024))
    for bom, encoding in _BOMS.items():
        if raw.startswith(bom):
            return None, at(1, 1, msg("file.other_bom", encoding=encoding))
    if raw.startswith(UTF8_BOM):
        return None, at(1, 1, msg("file.utf8_bom"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col(raw[: error.start].decode("utf-8", "replace"))
        return None, at(line, column, msg("file.not_utf8"))
    text = text.replace("\r\n", "\n")  # before the check: a CR is refused unless it ends a line
    problems = _character_problems(text, shown_as)
    if problems:
        return None, problems
    if not text.strip():
        return None, at(1, 1, msg("file.empty"))
    builder = _Builder(shown_as)
    try:
        data = builder.build(text)
    except _Abort:
        return None, builder.problems
    if builder.problems:
        return None, builder.problems
    return Document(shown_as, data, builder.positions), []


def _yaml_problem(problem: str | None) -> Message | str:
    key = _YAML_PROBLEMS.get(problem or "")
    return msg(key) if key else problem or msg("yaml.unknown")


def _line_col(prefix: str) -> Position:
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _character_problems(text: str, shown_as: str) -> list[Problem]:
    """Refused characters written as they are, at their exact places (comments included)."""
    problems = []
    for index, why in all_refused(text)[:20]:
        if text[index] == "\r":
            why = msg("char.lone_cr")
        line, column = _line_col(text[:index])
        problems.append(Problem(shown_as, line, column, "", why))
    return problems


# libyaml's parser is fast and, read event by event as here, never recurses;
# PyYAML's C *composer* is what crashes on deep nesting, and we do not use it.
PARSER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class _Builder:
    """Turns the parser's events, read one at a time, into dicts, tuples and scalars.

    Reading lazily means a file nested too deeply is refused at the first
    level too deep, before the parser has read the rest of it.
    """

    def __init__(self, shown_as: str):
        self.shown_as = shown_as
        self.problems: list[Problem] = []
        self.positions: dict[FieldPath, Position] = {}
        self._parser: Any = None
        self._peeked: Any = None

    def fail(self, mark: Any, message: Message, abort: bool = False, at_field: FieldPath = ()) -> None:
        where = field_path(at_field)
        self.problems.append(Problem(self.shown_as, mark.line + 1, mark.column + 1, where, message))
        if abort:
            raise _Abort

    def _peek(self) -> Any:
        if self._peeked is None:
            try:
                self._peeked = self._parser.get_event()
            except yaml.MarkedYAMLError as error:
                mark = error.problem_mark or error.context_mark
                self.fail(mark, msg("yaml.invalid", detail=_yaml_problem(error.problem)), abort=True)
            except yaml.YAMLError as error:  # reader errors carry no mark
                self.problems.append(Problem(self.shown_as, 1, 1, "", msg("yaml.invalid", detail=str(error))))
                raise _Abort from error
        return self._peeked

    def _next(self) -> Any:
        event = self._peek()
        self._peeked = None
        return event

    def build(self, text: str) -> Any:
        # The parser's own get_event, not yaml.parse's generator around it: one call an
        # event fewer, and every value of every record is an event or more.
        self._parser = PARSER(text)
        self._next()  # StreamStartEvent
        start = self._next()
        if isinstance(start, yaml.StreamEndEvent) or isinstance(self._peek(), yaml.DocumentEndEvent):
            self.problems.append(Problem(self.shown_as, 1, 1, "", msg("file.empty")))
            raise _Abort
        if not isinstance(self._peek(), yaml.MappingStartEvent):
            self.fail(self._peek().start_mark, msg("yaml.top_level"), abort=True)
        value = self._node((), 1)
        self._next()  # DocumentEndEvent
        following = self._next()
        if isinstance(following, yaml.DocumentStartEvent):
            self.fail(following.start_mark, msg("yaml.one_document"), abort=True)
        return value

    def _node(self, path: FieldPath, depth: int) -> Any:
        event = self._next()
        if depth > MAX_DEPTH:
            self.fail(event.start_mark, msg("yaml.too_deep", limit=MAX_DEPTH), abort=True)
        if isinstance(event, yaml.AliasEvent):
            self.fail(event.start_mark, msg("yaml.alias"))
            return None
        if event.anchor is not None:
            self.fail(event.start_mark, msg("yaml.anchor"))
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event)
        if event.tag is not None and not event.implicit:
            self.fail(event.start_mark, msg("yaml.tag", tag=event.tag))
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(path, depth)
        return self._mapping(path, depth)

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        if event.tag is not None:
            self.fail(event.start_mark, msg("yaml.tag", tag=event.tag))
        if event.style == '"':
            self._check_decoded(event)
        if event.style:  # quoted or block text is always a string ('' or None: plain)
            return event.value
        if _NUMBER.match(event.value) and sum(char.isdigit() for char in event.value) > MAX_DIGITS:
            self.fail(event.start_mark, msg("yaml.digits", limit=MAX_DIGITS))
            return None
        return resolve_plain(event.value)

    def _check_decoded(self, event: yaml.ScalarEvent) -> None:
        """A refused character that only a YAML escape ("\\u202E", "\\0", "\\L") wrote:
        the raw file held none (_character_problems), so the value's start is its place.
        Only a double-quoted scalar has escapes: any other holds the file's own characters."""
        found = first_refused(event.value)
        if found:
            self.fail(event.start_mark, msg("char.escaped", message=found[1]))

    def _sequence(self, path: FieldPath, depth: int) -> tuple[Any, ...]:
        items: list[Any] = []
        while not isinstance(self._peek(), yaml.SequenceEndEvent):
            if len(items) == MAX_LIST_ITEMS:
                self.fail(self._peek().start_mark, msg("yaml.list_items", limit=MAX_LIST_ITEMS), abort=True)
            item_path = (*path, len(items))
            self.positions[item_path] = _position(self._peek())
            items.append(self._node(item_path, depth + 1))
        self._next()
        # Tuples, because the frozen models take tuples in strict mode.
        return tuple(items)

    def _mapping(self, path: FieldPath, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        while not isinstance(self._peek(), yaml.MappingEndEvent):
            key_event = self._peek()
            key = self._key(key_event)
            if key is not None and key in mapping:
                first = self.positions[(*path, key)][0]
                message = msg("yaml.duplicate_key", key=key, line=first)
                self.fail(key_event.start_mark, message, at_field=(*path, key))
                key = None
            self._node(path, depth + 1)  # the key itself, already checked
            if key is None:
                self._node(path, depth + 1)  # the value, checked but not kept
                continue
            self.positions[(*path, key)] = _position(key_event)
            mapping[key] = self._node((*path, key), depth + 1)
        self._next()
        return mapping

    def _key(self, event: Any) -> str | None:
        if not isinstance(event, yaml.ScalarEvent):
            self.fail(event.start_mark, msg("yaml.key_not_text"))
            return None
        if event.value == "<<" and not event.style:
            self.fail(event.start_mark, msg("yaml.merge_key"))
            return None
        if first_refused(event.value):
            return None  # reported when the key is read as a scalar (_node)
        return event.value


def _position(event: Any) -> Position:
    return event.start_mark.line + 1, event.start_mark.column + 1


def resolve_plain(value: str) -> Any:
    """What a plain (unquoted) scalar means: YAML 1.2 core schema, minus octal, hex and special floats."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value
