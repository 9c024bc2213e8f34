"""Write generated pages under docs/: only files whose content changed, stale ones pruned.

A file is ours only if it starts with the generated front matter; anything
else in a generated folder is hand-written and is never overwritten or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from .hygiene import tree_problems
from .problems import DataError, Message, Problem, msg
from .render import GENERATED_DIRS, SUFFIX, Page

GENERATED_START = "---\ncasebook_generated: true\n"


def is_generated(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(GENERATED_START)) == GENERATED_START.encode()


# What hand-written docs/ may hold: pages, styles, images and the benchmark data.
DOCS_SUFFIXES = frozenset({".md", ".css", ".json", ".png", ".jpg", ".jpeg", ".svg", ".ico", ".webp"})


def docs_problems(docs_dir: Path) -> list[Problem]:
    return list(tree_problems(docs_dir, "docs", _docs_file_problem))


def _docs_file_problem(path: Path) -> Message | None:
    if path.suffix.lower() in DOCS_SUFFIXES:
        return None
    return msg("docs.unexpected_type", suffix=path.suffix or msg("docs.no_suffix"))


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
    _refuse_pages_at_generated_addresses(docs_dir, paths)
    written = 0
    for page in pages:
        path = docs_dir / page.path
        if path not in planned:  # every target was checked above; another one would not have been
            raise RuntimeError(f"{page.path} was not planned")
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
            problems.append(Problem(f"docs/{shown}", 1, 1, "", msg("docs.symlink")))
        elif path.exists() and (not path.is_file() or not is_generated(path)):
            problems.append(Problem(f"docs/{shown}", 1, 1, "", msg("docs.hand_written")))
    if problems:
        raise DataError(problems)


def _refuse_pages_at_generated_addresses(docs_dir: Path, paths: list[str]) -> None:
    """A hand-written page that MkDocs would publish at a generated page's address
    (docs/cases/<id>/index.md, docs/en/cases/<id>.md …) would silently replace it."""
    addresses = {published_at(path): path for path in paths}
    planned = set(paths)
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = path.relative_to(docs_dir).as_posix()
        address = published_at(shown)
        if shown in planned or address not in addresses or is_generated(path):
            continue
        message = msg("docs.same_address", address=address, page=addresses[address])
        problems.append(Problem(f"docs/{shown}", 1, 1, "", message))
    if problems:
        raise DataError(problems)


def published_at(path: str) -> str:
    """Where MkDocs (directory URLs) and static-i18n (suffix structure) publish a page of docs/:
    'cases/x.en.md' -> 'en/cases/x/', 'cases/x/index.md' -> 'cases/x/'."""
    pure = PurePosixPath(path)
    language, stem = "", pure.name.removesuffix(".md")
    for lang, suffix in SUFFIX.items():
        if suffix != ".md" and pure.name.endswith(suffix):
            language, stem = f"{lang}/", pure.name.removesuffix(suffix)
    parts = [*pure.parent.parts]
    if stem.lower() not in ("index", "readme"):
        parts.append(stem)
    return language + "".join(f"{part}/" for part in parts)
