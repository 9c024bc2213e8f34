"""Write generated pages under docs/: only files whose content changed, stale ones pruned.

A file is ours only if it starts with the generated front matter; anything
else in a generated folder is hand-written and is never overwritten or deleted.
"""

from __future__ import annotations

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


def write_pages(docs_dir: Path, pages: list[Page]) -> tuple[int, int]:
    """Returns (files written, files deleted); raises DataError before writing anything unsafe."""
    planned = {docs_dir / page.path: page.content for page in pages}
    problems = docs_problems(docs_dir)
    if problems:
        raise DataError(problems)
    _refuse_unsafe_targets(docs_dir, planned)
    written = 0
    for path, content in planned.items():
        if path.is_file() and path.read_text("utf-8") == content:
            continue  # unchanged: keep its mtime so `serve` does not rebuild for nothing
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")
        written += 1
    deleted = 0
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).glob("*.md")):
            if path not in planned and is_generated(path):
                path.unlink()
                deleted += 1
    return written, deleted


def _refuse_unsafe_targets(docs_dir: Path, planned: dict[Path, str]) -> None:
    problems = []
    for path in planned:
        shown = path.relative_to(docs_dir).as_posix()
        if any(part.is_symlink() for part in (path, *path.parents) if part.is_relative_to(docs_dir)):
            problems.append(Problem(f"docs/{shown}", 1, 1, "", "is a symbolic link or inside one; refusing to write"))
        elif path.exists() and (not path.is_file() or not is_generated(path)):
            problems.append(Problem(f"docs/{shown}", 1, 1, "", "is a hand-written file; a generated page may not replace it"))
    if problems:
        raise DataError(problems)
