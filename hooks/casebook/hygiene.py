"""What may live in a source folder: regular files only, no links, devices or pipes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from .problems import Message, Problem, msg

# A check of one regular file: the problem's message, or None when the file belongs.
FileCheck = Callable[[Path], Message | None]


def tree_problems(folder: Path, shown_as: str, check_file: FileCheck) -> Iterator[Problem]:
    """Links and special files anywhere under folder, then whatever check_file refuses.

    MkDocs publishes what docs/ holds and the catalog reads what data/ holds:
    a link or a stray file could carry the build machine's files into the site.
    """
    for path in sorted(folder.rglob("*")):
        shown = f"{shown_as}/{path.relative_to(folder).as_posix()}"
        if path.is_symlink():
            message: Message | None = msg("tree.symlink", folder=shown_as)
        elif path.is_dir():
            continue
        elif not path.is_file():
            message = msg("tree.not_regular", folder=shown_as)
        else:
            message = check_file(path)
        if message:
            yield Problem(shown, 1, 1, "", message)
