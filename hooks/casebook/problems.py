"""Problems: what is wrong, and exactly where, as small values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


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
        self.problems = tuple(sorted(set(problems)))
        super().__init__(report(self.problems))


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
