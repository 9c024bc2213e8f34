"""Problems: what is wrong, and exactly where, as small values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# The same message in one file is shown this many times, then counted: a list
# of a thousand empty items must not print thousands of lines.
MAX_REPEATS = 10


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """Raised when the data has problems; carries all of them, sorted."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = capped(sorted(set(problems)))
        super().__init__(report(self.problems))


def capped(problems: list[Problem]) -> tuple[Problem, ...]:
    """Problems in order, each message shown at most MAX_REPEATS times per file; the rest
    are summed up in one problem where the first of them was."""
    seen: Counter[tuple[str, str]] = Counter()
    hidden: dict[tuple[str, str], Problem] = {}
    kept = []
    for problem in problems:
        key = (problem.path, problem.message)
        seen[key] += 1
        if seen[key] <= MAX_REPEATS:
            kept.append(problem)
        else:
            hidden.setdefault(key, problem)
    for key, first in hidden.items():
        more = seen[key] - MAX_REPEATS
        kept.append(Problem(first.path, first.line, first.column, "", f"{more} more like this: {first.message}"))
    return tuple(sorted(kept))


def report(problems: tuple[Problem, ...]) -> str:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [str(p) for p in problems]
    lines.append(f"{count} {noun} found; nothing was generated.")
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
