"""Problems: what is wrong, and exactly where, as small values.

A problem carries a message key and its parameters, never finished text: the
text of each key, in Chinese and English, is in one table (messages.yaml), and
`render` writes a problem in the reader's language at the edge (the command
line, an error page, DataError's own text).
"""

from __future__ import annotations

import functools
import string
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Literal, Union

import yaml

# The same message in one file is shown this many times, then counted: a list
# of a thousand empty items must not print thousands of lines.
MAX_REPEATS = 10

Lang = Literal["zh", "en"]
MESSAGE_LANGS: tuple[Lang, ...] = ("zh", "en")
TABLE = "messages.yaml"


@dataclass(frozen=True)
class Listed:
    """Values shown as written (keys, ids), joined the language's way; `last` is the
    table key of what joins the last two (list.comma, list.or)."""

    items: tuple[str, ...]
    last: str = "list.comma"


Param = Union[str, int, float, "Message", Listed]


@dataclass(frozen=True)
class Message:
    """A key of the message table and the values of its placeholders."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def text(self, lang: Lang = "en") -> str:
        values = {name: _shown(value, lang) for name, value in self.params}
        return table()[self.key][lang].format(**values)

    def __str__(self) -> str:
        return self.text("en")


def msg(key: str, /, **params: Param) -> Message:
    """msg("field.too_long", limit=300): a message, checked against the table."""
    if key not in table():
        raise KeyError(f"{key} is not in {TABLE}")
    return Message(key, tuple(sorted(params.items())))


class MessageError(ValueError):
    """A model validator's refusal: pydantic keeps it, validate.py takes its message."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


@functools.total_ordering
@dataclass(frozen=True, eq=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: Message

    def __post_init__(self) -> None:
        if not isinstance(self.message, Message):  # finished text would reach a Chinese reader in English
            raise TypeError(f"a problem's message is msg(key, ...) from {TABLE}, not {self.message!r}")

    @functools.cached_property
    def _order(self) -> tuple[str, int, int, str, str]:
        """Sorted by place, then by the English text (as before messages had keys); worked out
        once per problem, not at every comparison."""
        return (self.path, self.line, self.column, self.field, self.message.text("en"))

    def __lt__(self, other: Problem) -> bool:
        return self._order < other._order

    def __str__(self) -> str:
        return render(self, "en")


def render(problem: Problem, lang: Lang = "en") -> str:
    """`file:line:col: field: message` in `lang`; an error page calls it once per language."""
    where = f"{problem.path}:{problem.line}:{problem.column}"
    text = problem.message.text(lang)
    return f"{where}: {problem.field}: {text}" if problem.field else f"{where}: {text}"


class DataError(Exception):
    """Raised when the data has problems; carries all of them, sorted. Its own text is English."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = capped(sorted(set(problems)))
        super().__init__(report(self.problems))


def capped(problems: list[Problem]) -> tuple[Problem, ...]:
    """Problems in order, each message shown at most MAX_REPEATS times per file; the rest
    are summed up in one problem where the first of them was."""
    seen: Counter[tuple[str, Message]] = Counter()
    hidden: dict[tuple[str, Message], Problem] = {}
    kept = []
    for problem in problems:
        key = (problem.path, problem.message)
        seen[key] += 1
        if seen[key] <= MAX_REPEATS:
            kept.append(problem)
        else:
            hidden.setdefault(key, problem)
    for key, first in hidden.items():
        more = msg("repeated", count=seen[key] - MAX_REPEATS, message=first.message)
        kept.append(Problem(first.path, first.line, first.column, "", more))
    return tuple(sorted(kept))


def report(problems: tuple[Problem, ...], lang: Lang = "en") -> str:
    count = len(problems)
    lines = [render(problem, lang) for problem in problems]
    lines.append(msg("report.one" if count == 1 else "report.many", count=count).text(lang))
    return "\n".join(lines)


def field_path(parts: Iterable[str | int]) -> str:
    """('practices', 1, 'title', 'en') -> 'practices[1].title.en'"""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@functools.cache
def table() -> dict[str, dict[Lang, str]]:
    """The message table: key -> {"zh": text, "en": text}, placeholders in str.format's braces."""
    text = resources.files("casebook").joinpath(TABLE).read_text("utf-8")
    loaded: dict[str, dict[Lang, str]] = yaml.safe_load(text)
    return loaded


def placeholders(template: str) -> set[tuple[str, str]]:
    """(name, format spec) of every placeholder of a template."""
    return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name is not None}


def _shown(value: Param, lang: Lang) -> str | int | float:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, Listed):
        if len(value.items) < 2:
            return "".join(value.items)
        comma = table()["list.comma"][lang]
        return comma.join(value.items[:-1]) + table()[value.last][lang] + value.items[-1]
    return value
