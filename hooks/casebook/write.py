"""Write generated pages under docs/: only files whose content changed, stale ones pruned.

A file is ours only if it starts with the generated front matter; anything
else in a generated folder is hand-written and is never overwritten or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .hygiene import tree_problems
from .problems import DataError, Problem
from .render import GENERATED_DIRS, Page

GENERATED_START = "---\ncasebook_generated: true\n"


def is_generated(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(GENERATED_START)) == GENERATED_START.encode()


# What hand-written docs/ may hold: pages, styles, images and the benchmark data.
DOCS_SUFFIXES = frozenset({".md", ".css", ".json", ".png", ".jpg", ".jpeg", ".svg", ".ico", ".webp"})


def docs_problems(docs_dir: Path) -> list[Problem]:
    return list(tree_problems(docs_dir, "docs", _docs_file_problem))


def _docs_file_problem(path: Path) -> str | None:
    if path.suffix.lower() in DOCS_SUFFIXES:
        return None
    return f"unexpected file type {path.suffix or '(none)'} under docs/"


def write_pages(docs_dir: Path, paths: list[str], pages: Iterable[Page]) -> tuple[int, int]:
    """Writes `pages`, whose paths (relative to docs_dir) are `paths`, as they come.

    Returns (files written, files deleted); raises DataError before writing
    anything unsafe: every target is checked before the first page is taken.
    """
    planned = {docs_dir / path for path in paths}
    problems = docs_problems(docs_dir)
    if problems:
        raise DataError(problems)
    _refuse_unsafe_targets(docs_dir, planned)
    written = 0
    for page in pages:
        path = docs_dir / page.path
        assert path in planned, f"{page.path} was not planned"
        if path.is_file() and path.read_text("utf-8") == page.content:
            continue  # unchanged: keep its mtime so `serve` does not rebuild for nothing
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.content, "utf-8")
        written += 1
    deleted = 0
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).glob("*.md")):
            if path not in planned and is_generated(path):
                path.unlink()
                deleted += 1
    return written, deleted


def _refuse_unsafe_targets(docs_dir: Path, planned: set[Path]) -> None:
    problems = []
    for path in planned:
        shown = path.relative_to(docs_dir).as_posix()
        if any(part.is_symlink() for part in (path, *path.parents) if part.is_relative_to(docs_dir)):
            problems.append(Problem(f"docs/{shown}", 1, 1, "", "is a symbolic link or inside one; refusing to write"))
        elif path.exists() and (not path.is_file() or not is_generated(path)):
            problems.append(Problem(f"docs/{shown}", 1, 1, "", "is a hand-written file; a generated page may not replace it"))
    if problems:
        raise DataError(problems)
