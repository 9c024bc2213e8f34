"""What `mkdocs serve` watches: the files people edit, not the pages the generator writes.

MkDocs watches docs/ whole (mkdocs/commands/serve.py) with a polling observer, and any
event under a watched folder asks for another build. The generator writes its pages into
docs/ during a build (casebook/write.py: only those whose text changed), so every
served rebuild that changed a page set off a second, useless one (and a second search
index run behind it). MkDocs' maintainers' answer is that a plugin should not write
into docs/ (mkdocs/mkdocs#1933), and MkDocs 1.6 has no way to leave part of a watched
folder out (mkdocs/mkdocs#2247, #3433); but `on_serve` may change what is watched
(`LiveReloadServer.watch(path, recursive=…)` and `unwatch`, MkDocs 1.6). So docs/ is
watched without its subfolders, and each hand-written subfolder on its own; the
generated folders are not watched, which also spares the observer a stat of every
generated page twice a second.

Accepted: a hand-written folder made under docs/ while serving is watched from the next
start (a page saved into an existing folder, or straight into docs/, shows at once); a
hand edit of a generated page is not watched (it would be overwritten from data/ anyway).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from casebook.render import GENERATED_DIRS


class Watcher(Protocol):
    """The part of MkDocs' LiveReloadServer used here."""

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None: ...

    def unwatch(self, path: str) -> None: ...


def watch_sources(server: Watcher, docs: str | Path) -> list[str]:
    """Replaces the server's watch of the docs folder by the folder without subfolders and each
    hand-written subfolder (recursively); returns the subfolders watched, by name."""
    docs_dir = Path(docs)
    server.unwatch(str(docs_dir))
    server.watch(str(docs_dir), recursive=False)
    folders = sorted(
        child.name
        for child in docs_dir.iterdir()
        if child.is_dir() and not child.is_symlink() and child.name not in GENERATED_DIRS
    )
    for name in folders:
        server.watch(str(docs_dir / name))
    return folders
